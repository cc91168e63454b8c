from letopis.document import Document, Entity, Mention, text_id


def test_doc_id_is_derived_from_the_text():
    assert Document(text="Текст").doc_id == text_id("Текст") == Document(text="Текст").doc_id
    assert Document(text="Текст", doc_id="given").doc_id == "given"


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
