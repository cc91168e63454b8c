"""The event scorer: the matching rules of FORMATS.md ("Event gold")."""

from __future__ import annotations

import json

from letopis.eval.events import Actor, Event, actor_matches, date_agrees, load_gold, score_document

ALIEV = Actor("Ильхам Алиев", "person", "AZE")
COAKER = Actor("Вернон Коакер", "person", "GBR")
AZE = Actor("Азербайджан", "country", "AZE")


def totals(scores):
    tp = sum(s.tp_std for s in scores.values())
    return tp, sum(s.n_std for s in scores.values()), sum(s.n_test for s in scores.values())


def test_actor_matching():
    assert actor_matches(Actor("Вернон Коакер", "person"), Actor("вернон коакер", "person"))
    assert actor_matches(Actor("Вернон Коакер", "person"), Actor("лорд Коакер", "person"))  # surname
    assert not actor_matches(Actor("Вернон Коакер", "person"), Actor("Вернон Смит", "person"))
    assert actor_matches(AZE, Actor("Азербайджанская Республика", "country", "AZE"))  # ISO code
    assert actor_matches(AZE, Actor("Баку", "place", "AZE"))
    assert not actor_matches(AZE, Actor("Ильхам Алиев", "person", "AZE"))  # a person is not the country
    assert actor_matches(Actor("Алёна Ёлкина", "person"), Actor("Алена Елкина", "person"))
    nato = Actor("Организация Североатлантического договора", "org", None, ("НАТО",))
    assert actor_matches(Actor("НАТО", "org"), nato)  # any of our entity's names
    assert not actor_matches(Actor("ОДКБ", "org"), nato)


def test_dates_agree_at_the_gold_precision():
    assert date_agrees("2025-10", "2025-10-15") and date_agrees(None, None) and date_agrees(None, "2025")
    assert not date_agrees("2025-10", "2025") and not date_agrees("2025-10-14", "2025-10") and not date_agrees("2025", None)


def test_types_sides_and_swapped_meetings():
    gold = [Event("CONSULT", [COAKER], [ALIEV], "2025-12-04")]
    swapped = [Event("CONSULT", [ALIEV], [COAKER], "2025-12-04")]
    assert totals(score_document(gold, swapped, strict=True)) == (1, 1, 1)
    accuse = [Event("ACCUSE", [COAKER], [ALIEV], None)]
    assert totals(score_document(accuse, [Event("ACCUSE", [ALIEV], [COAKER], None)], strict=True))[0] == 0  # only CONSULT swaps
    assert totals(score_document(gold, [Event("AGREE", [COAKER], [ALIEV], "2025-12-04")], strict=True))[0] == 0


def test_an_empty_gold_side_matches_anything_and_every_gold_actor_is_needed():
    gold = [Event("PROTEST", [Actor("протестующие", "group")], [], None)]
    assert totals(score_document(gold, [Event("PROTEST", [Actor("протестующие", "group")], [AZE], None)], strict=False))[0] == 1
    two = [Event("REQUEST", [COAKER, ALIEV], [], None)]
    assert totals(score_document(two, [Event("REQUEST", [COAKER], [], None)], strict=False))[0] == 0


def test_strict_needs_the_date_relaxed_does_not():
    gold = [Event("RETREAT", [Actor("Великобритания", "country", "GBR")], [AZE], "2025-10")]
    ours = [Event("RETREAT", [Actor("Великобритания", "country", "GBR")], [AZE], "2025-12-04")]
    assert totals(score_document(gold, ours, strict=True)) == (0, 1, 1)
    assert totals(score_document(gold, ours, strict=False)) == (1, 1, 1)


def test_one_to_one_pairs():
    gold = [Event("CONSULT", [COAKER], [ALIEV], None)] * 2
    assert totals(score_document(gold, [Event("CONSULT", [COAKER], [ALIEV], None)], strict=False)) == (1, 2, 1)


def test_gold_file_reads_texts_from_the_data_root(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text("Алиев принял Коакера.", encoding="utf-8")
    record = {"doc": "a.txt", "doc_date": "2025-12-04", "events": [
        {"type": "CONSULT", "mode": None, "cameo": "043", "status": "actual", "negated": False,
         "source": [{"name": "Ильхам Алиев", "kind": "person", "country": "AZE"}], "target": [],
         "date": "2025-12-04", "location": None, "evidence": {"start": 0, "end": 21}}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (document,) = load_gold(gold, tmp_path / "data")
    assert document.text.startswith("Алиев") and document.doc_date == "2025-12-04"
    assert document.events[0].source == [ALIEV] and document.events[0].date == "2025-12-04"
