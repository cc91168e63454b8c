"""The factRuEval track-3 scorer on a collection built by hand."""

from __future__ import annotations

import pytest

from letopis.eval import factru
from letopis.eval.facts import Argument, Fact, normalize, parse_task3, same, format_task3, load_gold_facts, score_facts

TEXT = "Посол Литвы Ян Ковальский встретился с мэром Риги."
# tokens: Посол(0) Литвы(6) Ян(12) Ковальский(15) встретился(26) с(37) мэром(39) Риги(45) .(49)


def write_book(folder, difficulty: str = ""):
    (folder / "book_7.txt").write_text(TEXT, encoding="utf-8")
    tokens = [(1, 0, 5, "Посол"), (2, 6, 5, "Литвы"), (3, 12, 2, "Ян"), (4, 15, 10, "Ковальский"),
              (5, 26, 10, "встретился"), (6, 37, 1, "с"), (7, 39, 5, "мэром"), (8, 45, 4, "Риги"), (9, 49, 1, ".")]
    (folder / "book_7.tokens").write_text("".join(f"{i} {s} {n} {t}\n" for i, s, n, t in tokens), encoding="utf-8")
    spans = ["10 job 0 5 1 1  # 1 Посол", "11 loc_name 6 5 2 1  # 2 Литвы", "12 name 12 2 3 1  # 3 Ян",
             "13 surname 15 10 4 1  # 4 Ковальский"]
    (folder / "book_7.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (folder / "book_7.objects").write_text("20 LocOrg 11 # Литвы\n21 Person 12 13 # Ян Ковальский\n", encoding="utf-8")
    coref = "30 20\nname Литва\n\n31 21\nfirstname Ян\nlastname Ковальский\n"
    (folder / "book_7.coref").write_text(coref, encoding="utf-8")
    facts = "7-0 Occupation\nWho obj31 Ковальский Ян\nPosition span10 Посол\nWhere obj30 Литва\n" + difficulty
    (folder / "book_7.facts").write_text(facts, encoding="utf-8")


@pytest.fixture()
def gold(tmp_path):
    write_book(tmp_path)
    return load_gold_facts(tmp_path, "book_7", factru.load_book(tmp_path, "book_7"))


def occupation(who, position=None, where=None):
    fact = Fact("occupation", [Argument("who", {who})])
    if position:
        fact.arguments.append(Argument("position", {position}))
    if where:
        fact.arguments.append(Argument("where", {where}))
    return fact


def test_normalisation_and_tolerance():
    assert normalize("  «Ёлка» — Парк ") == '"елка"-парк'
    assert same("посла", "послу") and not same("посол", "пост")  # 1 edit allowed up to 8 characters
    assert same("министр обороны", "министра обороны")
    assert not same("я", "а")


def test_gold_values(gold):
    who = next(a for a in gold[0].arguments if a.name == "who")
    assert {"ковальский ян", "ян ковальский", "ковальский", "ян"} <= who.values


def test_perfect_and_partial_facts(gold):
    assert score_facts(gold, [occupation("ян ковальский", "посол", "литва")], "occupation").f1 == 1.0
    without_where = score_facts(gold, [occupation("ковальский", "посол")], "occupation")
    assert without_where.recall == pytest.approx(1.5 / 2.5)
    wrong_person = score_facts(gold, [occupation("петр иванов", "посол", "литва")], "occupation")
    assert wrong_person.tp_std == pytest.approx(1.5 / 3.5)


def test_duplicates_cost_nothing(gold):
    facts = [occupation("ковальский ян", "посол", "литва"), occupation("ковальский", "посол", "литвы")]
    assert score_facts(gold, facts, "occupation").f1 == 1.0


def test_a_fact_needs_a_field_besides_the_position(gold):
    score = score_facts(gold, [occupation("кто-то другой", "посол")], "occupation")
    assert score.tp_std == 0 and score.n_test == 1


def test_difficult_gold_facts_are_ignored(tmp_path):
    write_book(tmp_path, difficulty="Сложность повышенная\n")
    gold = load_gold_facts(tmp_path, "book_7", factru.load_book(tmp_path, "book_7"))
    score = score_facts(gold, [occupation("ковальский", "посол", "литва")], "occupation")
    assert (score.n_std, score.n_test) == (0, 0)


def test_task3_file_round_trip():
    facts = [occupation("ковальский ян", "посол", "литва"), occupation("петров", "мэр")]
    again = parse_task3(format_task3(facts))
    assert [[(a.name, a.values) for a in f.arguments] for f in again] == [[(a.name, a.values) for a in f.arguments] for f in facts]
    assert parse_task3("OCCUPATION:\nwho : a : b\n\nmystery\nwho : x") == [Fact("occupation", [])]
