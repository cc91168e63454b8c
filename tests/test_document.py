import pytest

from letopis.document import Document, Entity, Mention, text_id


def test_doc_id_is_derived_from_the_text():
    first, again, other = Document(text="Текст"), Document(text="Текст"), Document(text="Другой текст")
    assert first.doc_id == again.doc_id != other.doc_id
    assert len(first.doc_id) == 16 and int(first.doc_id, 16) >= 0
    assert text_id("Текст") == "3091aca226efa497"  # SHA-256 of the UTF-8 text: stable across runs and machines
    assert Document(text="Текст", doc_id="given").doc_id == "given"


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="must be a str"):
        Document(text=None)


def test_record_round_trip():
    doc = Document(text="Лавров прибыл в Баку.", doc_date="2025-01-02", source="x.txt")
    doc.entities = [
        Entity("e1", "PERSON", "Сергей Лавров", [Mention(0, 6, "Лавров")], country="RUS", titles=["господин"]),
        Entity("e2", "CITY", "Баку", [Mention(16, 20, "Баку")], country="AZE", geo={"lat": 40.4, "lon": 49.9}),
    ]
    record = doc.to_record()
    assert set(record) >= {"doc_id", "source", "doc_date", "language", "text", "entities", "roles", "events", "quotes"}
    assert record["roles"] == [] and record["events"] == [] and record["quotes"] == []
    again = Document.from_json(doc.to_json())
    assert again.to_record() == record
