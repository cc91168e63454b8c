"""The slovnet news models (morphology, syntax, NER) over navec embeddings, run in batches.

The model files ship inside the `natasha` package. Sentences from many documents are
sorted by length and run in batches, so padding is small and the matrix products large.
The three models share one vocabulary, so each batch is encoded once and fed to all
three; long sentences are cut into windows the models can hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from navec import Navec
from slovnet import NER, Morph, Syntax
from slovnet.conll import parse_conll_tag
from slovnet.exec.mask import split_masked

MAX_WORDS = 200  # words per model window: syntax scores all word pairs of a window


@dataclass
class Analysis:
    pos: list[str]
    feats: list[dict[str, str]]
    heads: list[int]  # index of the head word within the sentence, -1 for the root
    rels: list[str]
    ner: list[str]  # BIO tags: B-PER, I-ORG, O ...


class SlovnetModels:
    def __init__(self, batch_size: int = 64):
        navec = Navec.load(NEWS_EMBEDDING)
        self.batch_size = batch_size
        self.morph = Morph.load(NEWS_MORPH, batch_size=batch_size).navec(navec).infer
        self.syntax = Syntax.load(NEWS_SYNTAX, batch_size=batch_size).navec(navec).infer
        self.ner = NER.load(NEWS_NER, batch_size=batch_size).navec(navec).infer
        encoders = (self.morph.encoder, self.syntax.encoder, self.ner.encoder)
        if any(e.words_vocab.items != encoders[0].words_vocab.items for e in encoders):
            raise RuntimeError("the slovnet models do not share a vocabulary; cannot encode once")
        self.encoder = encoders[0]
        self._morph_tag = lru_cache(maxsize=None)(self._morph_tag_uncached)

    def _morph_tag_uncached(self, tag_id: int) -> tuple[str, tuple[tuple[str, str], ...]]:
        pos, feats = parse_conll_tag(self.morph.decoder.tags_vocab.decode(tag_id))
        return pos, tuple(feats.items())

    def analyze(self, sentences: Sequence[Sequence[str]]) -> list[Analysis]:
        windows, owners = _windows(sentences)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        by_window: list[tuple | None] = [None] * len(windows)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            for index, result in zip(chunk, self._run([windows[i] for i in chunk])):
                by_window[index] = result

        results = [Analysis([], [], [], [], []) for _ in sentences]
        for index, (tags, heads, rels, ner) in enumerate(by_window):
            result = results[owners[index]]
            offset = len(result.pos)
            for tag in tags:
                pos, feats = self._morph_tag(int(tag))
                result.pos.append(pos)
                result.feats.append(dict(feats))
            result.heads.extend(int(h) - 1 + offset if h > 0 else -1 for h in heads)
            result.rels.extend(self.syntax.decoder.rels_vocab.decode(int(r)) for r in rels)
            result.ner.extend(self.ner.decoder.tags_vocab.decode(int(t)) for t in ner)
        return results

    def _run(self, batch: list[list[str]]):
        """Morph tag ids, head ids (1-based, 0 root), relation ids and NER tag ids per window."""
        data = self.encoder.input([self.encoder.item(words) for words in batch])
        mask = ~data.pad_mask

        morph = self.morph.model
        tags = split_masked(morph.head.decode(morph(data.word_id, data.shape_id, data.pad_mask)), mask)

        syntax = self.syntax.model
        pred = syntax(data.word_id, data.shape_id, data.pad_mask)
        heads = split_masked(syntax.head.decode(pred.head_id, mask), mask)
        rels = split_masked(syntax.rel.decode(pred.rel_id, mask), mask)

        ner = self.ner.model
        entities = ner.head.crf.decode(ner(data.word_id, data.shape_id, data.pad_mask), mask)
        return zip(tags, heads, rels, entities)


def _windows(sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[int]]:
    windows, owners = [], []
    for owner, words in enumerate(sentences):
        for start in range(0, max(len(words), 1), MAX_WORDS):
            windows.append(list(words[start : start + MAX_WORDS]))
            owners.append(owner)
    return windows, owners
