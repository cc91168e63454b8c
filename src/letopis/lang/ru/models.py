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

import numpy as np

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
        self._cnn = {name: ConvStack(getattr(self, name).model.encoder) for name in ("morph", "syntax", "ner")}

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
        hidden = self._encode("morph", data)
        tags = split_masked(morph.head.decode(morph.head(hidden)), mask)

        syntax = self.syntax.model
        hidden = self._encode("syntax", data)
        head_scores = syntax.head(hidden)
        head_ids = syntax.head.decode(head_scores, mask)
        heads = split_masked(head_ids, mask)
        rels = split_masked(syntax.rel.decode(syntax.rel(hidden, head_ids), mask), mask)

        ner = self.ner.model
        entities = ner.head.crf.decode(ner.head(self._encode("ner", data)), mask)
        return zip(tags, heads, rels, entities)

    def _encode(self, name: str, data) -> np.ndarray:
        model = getattr(self, name).model
        return self._cnn[name](model.emb(data.word_id, data.shape_id), data.pad_mask)


class ConvStack:
    """slovnet's CNN encoder computed without building convolution windows.

    slovnet copies every window of every sentence into one matrix before multiplying (im2col).
    Here each layer is one matrix product of the padded input with the kernel's taps side by
    side, and the taps' outputs are added at their shifts: the same numbers (a test checks
    them against slovnet's own encoder), without the large copy.
    """

    def __init__(self, encoder):
        self.layers = []
        for layer in encoder.layers:
            weight = layer.conv.weight.array  # filters x in x kernel
            filters, channels, kernel = weight.shape
            taps = np.ascontiguousarray(weight.transpose(1, 2, 0).reshape(channels, kernel * filters))
            norm = layer.norm
            scale = (norm.weight.array / norm.std.array).astype(weight.dtype)
            shift = (norm.bias.array - norm.mean.array * scale).astype(weight.dtype)
            self.layers.append((taps, layer.conv.bias.array, layer.conv.padding, kernel, filters, scale, shift))

    def __call__(self, x: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
        for taps, bias, padding, kernel, filters, scale, shift in self.layers:
            batch, length, channels = x.shape
            padded = np.zeros((batch, length + 2 * padding, channels), dtype=x.dtype)
            padded[:, padding : padding + length] = x
            products = (padded.reshape(-1, channels) @ taps).reshape(batch, length + 2 * padding, kernel, filters)
            out = products[:, 0:length, 0]
            for k in range(1, kernel):
                out = out + products[:, k : k + length, k]
            out += bias
            np.maximum(out, 0, out=out)
            out *= scale
            out += shift
            out[pad_mask] = 0
            x = out
        return x


def _windows(sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[int]]:
    windows, owners = [], []
    for owner, words in enumerate(sentences):
        for start in range(0, max(len(words), 1), MAX_WORDS):
            windows.append(list(words[start : start + MAX_WORDS]))
            owners.append(owner)
    return windows, owners
