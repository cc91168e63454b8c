"""The pipeline contract: stages return Documents, batches equal single runs, the API front door."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import letopis
from letopis.document import Document
from letopis.pipeline import Pipeline

TEXTS = [
    "Президент Франции Эмманюэль Макрон прибыл в Ереван.",
    "Глава МИД Азербайджана Джейхун Байрамов провел переговоры в Анкаре.",
    "Дождь.",
]


def test_api_front_door():
    doc = letopis.extract("Президент Азербайджана Ильхам Алиев принял посла.", doc_date="2025-12-04")
    assert isinstance(doc, Document) and doc.doc_date == "2025-12-04"
    assert ("PERSON", "Ильхам Алиев") in [(e.type, e.name) for e in doc.entities]


def test_api_rejects_a_bad_date():
    with pytest.raises(ValueError, match="doc_date must be YYYY-MM-DD"):
        letopis.extract("Текст.", doc_date="вчера")


def test_batch_equals_one_by_one(pipeline):
    together = [d.to_record() for d in pipeline.process_batch([Document(text=t) for t in TEXTS])]
    alone = [pipeline.process_batch([Document(text=t)])[0].to_record() for t in TEXTS]
    assert together == alone


def test_a_stage_must_return_a_document(pipeline):
    broken_stage = SimpleNamespace(__name__="broken", run=lambda doc, lang: None)
    broken = Pipeline(pipeline.language, stages=(broken_stage,))
    with pytest.raises(TypeError, match="stage broken returned NoneType"):
        broken.process_batch([Document(text="Текст.")])


def test_long_sentence_is_processed_in_windows(pipeline):
    from letopis.lang.ru.models import MAX_WORDS

    text = " ".join(["Армения"] + ["и Грузия"] * 400) + "."
    doc = pipeline.process_batch([Document(text=text)])[0]
    assert len(doc.sentences) == 1 and len(doc.tokens) == 802
    assert all(t.pos for t in doc.tokens)
    # every arc stays inside its model window: windows are parsed apart
    for i, token in enumerate(doc.tokens):
        assert token.head == -1 or token.head // MAX_WORDS == i // MAX_WORDS


def test_fast_convolutions_equal_slovnets_encoder(lang):
    import numpy as np

    models = lang.models
    sentences = [t.split() for t in TEXTS] + [["Слово"] * 37]
    data = models.encoder.input([models.encoder.item(words) for words in sentences])
    for name in ("morph", "syntax", "ner"):
        model = getattr(models, name).model
        embedded = model.emb(data.word_id, data.shape_id)
        expected = model.encoder(embedded, data.pad_mask)
        assert np.allclose(models._cnn[name](embedded, data.pad_mask), expected, atol=1e-4)
