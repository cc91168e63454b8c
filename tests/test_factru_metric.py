"""The factRuEval track-1 scorer on a small collection built by hand."""

from __future__ import annotations

import pytest

from letopis.eval import factru

TEXT = "Мэр Москвы Иван Петров посетил «Газпром»."
#        0   4      11   16     23      31 32    39 40


def write_book(folder):
    (folder / "book_1.txt").write_text(TEXT, encoding="utf-8")
    tokens = [
        (1, 0, 3, "Мэр"), (2, 4, 6, "Москвы"), (3, 11, 4, "Иван"), (4, 16, 6, "Петров"),
        (5, 23, 7, "посетил"), (6, 31, 1, "«"), (7, 32, 7, "Газпром"), (8, 39, 1, "»"), (9, 40, 1, "."),
    ]
    (folder / "book_1.tokens").write_text("".join(f"{i} {s} {n} {t}\n" for i, s, n, t in tokens), encoding="utf-8")
    spans = [
        "10 org_descr 0 3 1 1  # 1 Мэр",
        "11 loc_name 4 6 2 1  # 2 Москвы",
        "12 name 11 4 3 1  # 3 Иван",
        "13 surname 16 6 4 1  # 4 Петров",
        "14 org_name 32 7 7 1  # 7 Газпром",
        "15 job 0 3 1 1  # 1 Мэр",
    ]
    (folder / "book_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    objects = [
        "20 Org 10 11 # Мэр Москвы",  # an office: descriptor + the city's name
        "21 LocOrg 11 # Москвы",  # nested in 20: not scored on its own
        "22 Person 12 13 # Иван Петров",
        "23 Org 14 # Газпром",
        "24 Person 15 # Мэр",  # no name tokens: not scored
    ]
    (folder / "book_1.objects").write_text("\n".join(objects) + "\n", encoding="utf-8")
    (folder / "list.txt").write_text("book_1\n", encoding="utf-8")  # other files are ignored


@pytest.fixture()
def book(tmp_path):
    write_book(tmp_path)
    return factru.load_book(tmp_path, "book_1")


def overall(book, lines):
    return factru.total(factru.score_book(book, lines))


def test_perfect_response(book):
    score = overall(book, [("org", 0, 10), ("per", 11, 11), ("org", 31, 9)])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.n_std == 3


def test_descriptor_is_optional_and_quotes_are_ignored(book):
    score = overall(book, [("org", 4, 6), ("per", 11, 11), ("org", 32, 7)])
    assert score.f1 == 1.0


def test_nested_mention_neither_helps_nor_hurts(book):
    score = overall(book, [("org", 0, 10), ("locorg", 4, 6), ("per", 11, 11), ("org", 31, 9)])
    assert score.f1 == 1.0 and score.n_test == 3


def test_inner_mention_alone_misses_the_outer_one(book):
    score = overall(book, [("locorg", 4, 6), ("per", 11, 11), ("org", 31, 9)])
    assert score.precision == 1.0 and score.recall == pytest.approx(2 / 3)


def test_type_must_agree(book):
    score = factru.score_book(book, [("org", 0, 10), ("per", 11, 11), ("loc", 31, 9)])
    assert score["org"].n_std == 2 and score["org"].tp_std == 1.0
    assert score["loc"].n_test == 1 and score["loc"].tp_test == 0.0


def test_partial_overlap_gets_partial_credit(book):
    # surname only: tp 1 of the 2 name tokens; the extra word costs one more
    only_surname = factru.score_book(book, [("per", 16, 6)])["per"]
    assert only_surname.tp_std == pytest.approx(0.5)
    too_long = factru.score_book(book, [("per", 11, 19)])["per"]  # "Иван Петров посетил"
    assert too_long.tp_std == pytest.approx(2 / 3)


def test_collection_and_export(tmp_path):
    write_book(tmp_path)
    assert factru.book_names(tmp_path) == ["book_1"]

    def predict(docs):
        for doc in docs:
            yield doc.doc_id, factru.Prediction([("per", 11, 11)])

    report = factru.evaluate(tmp_path, predict, export=tmp_path / "out")
    assert (tmp_path / "out" / "book_1.task1").read_text() == "per 11 11\n"
    assert (tmp_path / "out" / "book_1.task3").read_text() == ""
    assert report.scored == 1 and report.overall.recall == pytest.approx(1 / 3)


def test_task1_file_round_trip():
    lines = [("per", 0, 5), ("locorg", 10, 6)]
    assert factru.parse_task1(factru.format_task1(lines)) == lines
