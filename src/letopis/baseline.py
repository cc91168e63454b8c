"""natasha on its own: the baseline letopis is measured against (speed and entity quality)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class Natasha:
    """natasha's documented pipeline: segmenter, news embedding, morphology, syntax and NER."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)

    def full_pass(self, text: str):
        """Segmentation, morphology, syntax and NER, one document at a time."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        return doc

    def spans(self, text: str) -> list[tuple[str, int, int, str]]:
        """NER spans as (type, start, stop, text)."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_ner(self.ner)
        return [(s.type, s.start, s.stop, s.text) for s in doc.spans]


FACTRU_TYPES = {"PER": "per", "ORG": "org", "LOC": "loc"}


def factru_predictions(docs: Iterable, geo=None) -> Iterator[tuple[str, object]]:
    """Track-1 lines from natasha's spans: PER→per, ORG→org, LOC→loc. With `geo` (a function
    telling whether a LOC text is a known country or city) those become `locorg`, the
    competition's type for countries and cities, which natasha itself does not have."""
    from .eval.factru import Prediction

    natasha = Natasha()
    for doc in docs:
        lines = []
        for kind, start, stop, text in natasha.spans(doc.text):
            label = FACTRU_TYPES[kind]
            if kind == "LOC" and geo is not None and geo(text):
                label = "locorg"
            lines.append((label, start, stop - start))
        yield doc.doc_id, Prediction(lines)
