"""The NEREL scorer on a brat document written by hand."""

from __future__ import annotations

from letopis.eval import nerel

TEXT = "Президент Чили Габриэль Борич прибыл в Сантьяго."
ANN = "\n".join([
    "T1\tPROFESSION 0 14\tПрезидент Чили",
    "T2\tCOUNTRY 10 14\tЧили",
    "T3\tPERSON 15 29\tГабриэль Борич",
    "T4\tCITY 39 47\tСантьяго",
    "R1\tWORKS_AS Arg1:T3 Arg2:T1",
    "R2\tWORKPLACE Arg1:T1 Arg2:T2",
])


def gold(tmp_path):
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "1.ann").write_text(ANN + "\n", encoding="utf-8")
    return nerel.load(tmp_path)[0]


def test_reading_brat(tmp_path):
    g = gold(tmp_path)
    assert {m.type for m in g.mentions} == {"PROFESSION", "COUNTRY", "PERSON", "CITY"}
    assert [r.type for r in g.relations] == ["WORKS_AS", "WORKPLACE"]


def test_exact_and_overlap(tmp_path):
    g = gold(tmp_path)
    ours = [nerel.Mention("PROFESSION", 0, 9), nerel.Mention("COUNTRY", 10, 14), nerel.Mention("PERSON", 15, 29)]
    relations = [
        nerel.Relation("WORKS_AS", ((15, 29),), (0, 9)),
        nerel.Relation("WORKPLACE", ((15, 29), (0, 9)), (10, 14)),
    ]
    exact = nerel.score_document(g, ours, relations, exact=True)
    overlap = nerel.score_document(g, ours, relations, exact=False)
    assert exact["PROFESSION"].tp_std == 0 and overlap["PROFESSION"].tp_std == 1
    assert exact["COUNTRY"].f1 == 1.0 and exact["CITY"].recall == 0.0
    assert overlap["WORKS_AS"].f1 == 1.0 and overlap["WORKPLACE"].f1 == 1.0  # the post stands for the person
    assert exact["WORKS_AS"].tp_std == 0


def test_our_roles_as_nerel(tmp_path, extract):
    doc = extract(TEXT)
    mentions, relations = nerel.predictions(doc)
    overlap = nerel.score_document(gold(tmp_path), mentions, relations, exact=False)
    assert overlap["PERSON"].f1 == 1.0 and overlap["WORKS_AS"].f1 == 1.0 and overlap["WORKPLACE"].f1 == 1.0
