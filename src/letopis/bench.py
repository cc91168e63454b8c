"""Throughput and memory of the extraction pipeline, with natasha's own pass as a baseline."""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Document


@dataclass
class Measurement:
    name: str
    load_seconds: float
    documents: int
    characters: int
    seconds: float
    peak_mb: float
    runs: list[float] | None = None

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.name:<28} load {self.load_seconds:5.2f} s | {self.documents} docs, {self.characters:,} chars "
            f"in {self.seconds:6.2f} s | {self.docs_per_second:7.2f} docs/s | {self.chars_per_second:9,.0f} chars/s "
            f"| peak memory {self.peak_mb:,.0f} MB"
            + (f" | runs: {', '.join(f'{r:.2f}' for r in self.runs)} s" if self.runs and len(self.runs) > 1 else "")
        )


def measure(function, texts: Sequence[str], *args, repeat: int = 1) -> Measurement:
    """The best of `repeat` runs, each in a fresh process so that caches start cold and the
    peak memory is the run's own (the best time is the least disturbed by other load)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    runs = []
    for _ in range(repeat):
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            runs.append(pool.submit(function, list(texts), *args).result())
    best = min(runs, key=lambda m: m.seconds)
    best.peak_mb = max(m.peak_mb for m in runs)
    best.runs = [m.seconds for m in runs]
    return best


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pipeline(texts: Sequence[str], batch_size: int | None = None) -> Measurement:
    from .pipeline import Pipeline

    start = time.perf_counter()
    pipeline = Pipeline.load(batch_size=batch_size)
    loaded = time.perf_counter()
    docs = [Document(text=t) for t in texts]
    for _ in pipeline.process(docs):
        pass
    done = time.perf_counter()
    return Measurement("letopis extract (full)", loaded - start, len(texts), sum(map(len, texts)), done - loaded, peak_mb())


def bench_natasha(texts: Sequence[str]) -> Measurement:
    """natasha's documented pass: segment, morphology, syntax and NER, one Doc at a time."""
    from .baseline import Natasha

    start = time.perf_counter()
    natasha = Natasha()
    loaded = time.perf_counter()
    for text in texts:
        natasha.full_pass(text)
    done = time.perf_counter()
    return Measurement("natasha segment+morph+syntax+ner", loaded - start, len(texts), sum(map(len, texts)), done - loaded, peak_mb())
