"""A document that breaks the pipeline is reported; the others are extracted all the same."""

from __future__ import annotations

from types import SimpleNamespace

from letopis.document import Document
from letopis.errors import InputError, Problem
from letopis.pipeline import Pipeline
from letopis.runner import Summary, extract_stream
from letopis.stages import STAGES


def explode_on_poison(doc, lang):
    if "ЯД" in doc.text:
        raise ValueError("poisoned")
    return doc


def test_one_failing_document_does_not_stop_the_batch(pipeline):
    stages = (*STAGES, SimpleNamespace(__name__="poison", run=explode_on_poison))
    broken = Pipeline(pipeline.language, stages=stages, batch_size=8)
    items = [
        Document(text="Алиев прибыл в Баку.", source="a"),
        Document(text="ЯД в тексте.", source="b"),
        InputError("c", Problem.EMPTY),
        Document(text="Пашинян прибыл в Ереван.", source="d"),
    ]
    seen = []
    summary = Summary()
    done = list(extract_stream(items, broken, summary, seen.append))
    assert [d.source for d in done] == ["a", "d"]
    assert summary.documents == 2 and len(summary.errors) == 2
    assert str(seen[1]) == "b: E100 extraction failed (ValueError: poisoned)"
    assert summary.line() == "2 documents extracted, 2 inputs skipped"
