"""Readers: every input format, every encoding, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from letopis.document import Document
from letopis.errors import InputError
from letopis.readers import read

ARTICLE = "Министр иностранных дел Армении Арарат Мирзоян прибыл в Тбилиси с рабочим визитом."


def items(*paths, **kw):
    return list(read([str(p) for p in paths], **kw))


def only_doc(*paths, **kw) -> Document:
    result = items(*paths, **kw)
    assert len(result) == 1 and isinstance(result[0], Document), result
    return result[0]


def only_error(*paths, **kw) -> InputError:
    result = items(*paths, **kw)
    assert len(result) == 1 and isinstance(result[0], InputError), result
    return result[0]


def test_dated_text_header_on_the_same_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f" date 2025-12-04 {ARTICLE}\n\nВторой абзац.", encoding="utf-8")
    doc = only_doc(path)
    assert doc.doc_date == "2025-12-04"
    assert doc.text.startswith("Министр иностранных дел")
    assert doc.source == str(path)
    assert doc.doc_id and len(doc.doc_id) == 16


def test_dated_text_header_without_leading_space_on_its_own_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"date 2024-02-29\n{ARTICLE}", encoding="utf-8")
    doc = only_doc(path)
    assert doc.doc_date == "2024-02-29" and doc.text == ARTICLE


def test_plain_text_has_no_date(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = only_doc(path)
    assert doc.doc_date is None and doc.text == ARTICLE


@pytest.mark.parametrize("header", [" date 2025-13-01 ", " date 2025-02-30 ", " date вчера ", "date 04.12.2025 "])
def test_malformed_header_is_one_line_error(tmp_path, header):
    path = tmp_path / "bad.txt"
    path.write_text(header + ARTICLE, encoding="utf-8")
    error = only_error(path)
    message = str(error)
    assert str(path) in message and "malformed date header" in message and "\n" not in message


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16"])
def test_cyrillic_encodings_are_detected(tmp_path, encoding):
    text = f" date 2025-01-15 {ARTICLE} Стороны обсудили вопросы двустороннего сотрудничества и региональной безопасности."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = only_doc(path)
    assert doc.text.startswith("Министр иностранных дел Армении")
    assert doc.doc_date == "2025-01-15"


def test_windows_line_ends_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{ARTICLE}\r\n\r\nВторой абзац.".encode())
    assert "\r" not in only_doc(path).text


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in str(only_error(path))


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("   \n\n  ", encoding="utf-8")
    assert "empty" in str(only_error(path))


def test_header_without_article_is_empty(tmp_path):
    path = tmp_path / "header-only.txt"
    path.write_text(" date 2025-01-01 ", encoding="utf-8")
    assert "empty" in str(only_error(path))


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    error = only_error(path)
    assert "binary" in str(error) and str(path) in str(error)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x98, 0x81, 0x83, 0x8D, 0x8F, 0x90] * 200))
    assert "encoding not recognised" in str(only_error(path))


def test_missing_file(tmp_path):
    error = only_error(tmp_path / "nope.txt")
    assert "no such file" in str(error)


def test_huge_document_is_refused_with_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Слово " * 2000, encoding="utf-8")
    error = only_error(path, max_chars=10_000)
    assert "too large" in str(error) and "12,000 characters, limit 10,000" in str(error)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("а" * 10_000, encoding="utf-8")
    assert "bytes" in str(only_error(path, max_chars=100))


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": ARTICLE, "date": "2025-03-01T10:00:00", "title": "Визит"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "без текста"}, ensure_ascii=False),
        json.dumps({"text": ARTICLE, "doc_date": "01.03.2025"}, ensure_ascii=False),
        "",
        json.dumps([1, 2]),
        json.dumps({"text": "Второй текст.", "url": "https://example.org/2"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = items(path)
    docs = [r for r in result if isinstance(r, Document)]
    errors = [str(r) for r in result if isinstance(r, InputError)]
    assert [d.doc_id for d in docs][0] == "n1"
    assert docs[0].doc_date == "2025-03-01" and docs[0].title == "Визит"
    assert docs[1].source == "https://example.org/2"
    assert len(errors) == 4
    assert f"{path}:line 2: E008 invalid JSON" in errors[0]
    assert "line 3" in errors[1] and "no text" in errors[1]
    assert "line 4" in errors[2] and "invalid date" in errors[2]
    assert "line 6" in errors[3]


def test_csv_with_text_column_and_semicolons(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(f'id;date;text\nk1;2025-05-05;"{ARTICLE}"\nk2;2025-05-06;""\n', encoding="utf-8")
    result = items(path)
    assert isinstance(result[0], Document) and result[0].doc_id == "k1" and result[0].doc_date == "2025-05-05"
    assert isinstance(result[1], InputError) and "row 3" in str(result[1])


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("id,body_text\n1,abc\n", encoding="utf-8")
    assert "no 'text' column" in str(only_error(path))


def test_html_main_text_title_and_date(tmp_path):
    paragraph = (
        "<p>Президент Азербайджана провел переговоры с премьер-министром Грузии в Баку. "
        "Стороны обсудили транспортные проекты и энергетическую безопасность региона.</p>"
    )
    html = (
        '<html><head><meta charset="utf-8"><title>Переговоры в Баку</title>'
        '<meta property="article:published_time" content="2025-06-01T08:00:00+04:00"></head>'
        "<body><nav><a href='/'>Главная</a></nav><article><h1>Переговоры в Баку</h1>"
        + paragraph * 3
        + "</article><footer>Все права защищены</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = only_doc(path)
    assert "Президент Азербайджана" in doc.text and "Главная" not in doc.text
    assert doc.doc_date == "2025-06-01"


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    assert "no main text" in str(only_error(path))


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Первый.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Второй.", encoding="utf-8")
    (tmp_path / "b" / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text("Скрытый.", encoding="utf-8")
    docs = items(tmp_path)
    assert [d.text for d in docs] == ["Первый.", "Второй."]


def test_jsonl_record_in_another_language_is_refused(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "The minister arrived.", "language": "en"}) + "\n", encoding="utf-8")
    assert f"{path}:line 1: E013 language 'en' is not available" in str(only_error(path))


def test_too_large_record_names_its_file_and_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {"text": "Слово " * 100, "url": "https://example.org/a"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert str(only_error(path, max_chars=400)).startswith(f"{path}:line 1: E007 too large")


def test_csv_with_an_unclosed_quote(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('id,text\n1,"Первый текст.\n2,Второй текст.\n', encoding="utf-8")
    assert "E011 malformed CSV" in str(items(path)[-1])


def test_html_date_comes_from_metadata_only(tmp_path):
    body = "<p>В 2019 году президент Грузии провел переговоры в Тбилиси с делегацией Армении и обсудил торговлю.</p>" * 3
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Переговоры</title></head><body><article>{body}</article></body></html>", encoding="utf-8")
    assert only_doc(path).doc_date is None
