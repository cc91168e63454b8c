"""Precision, recall and F1 from (possibly fractional) true positives, micro-averaged by summing counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Score:
    tp_test: float = 0.0  # credit earned by predicted items
    tp_std: float = 0.0  # credit earned by gold items
    n_test: int = 0
    n_std: int = 0

    def add(self, other: Score) -> None:
        self.tp_test += other.tp_test
        self.tp_std += other.tp_std
        self.n_test += other.n_test
        self.n_std += other.n_std

    @property
    def precision(self) -> float:
        return self.tp_test / self.n_test if self.n_test else 1.0

    @property
    def recall(self) -> float:
        return self.tp_std / self.n_std if self.n_std else 1.0

    @property
    def f1(self) -> float:
        if self.n_test + self.n_std == 0:
            return 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def table(title: str, rows: dict[str, Score]) -> str:
    lines = [f"{title:<12} {'P':>8} {'R':>8} {'F1':>8} {'TP':>9} {'gold':>7} {'predicted':>10}"]
    for name, s in rows.items():
        lines.append(
            f"{name:<12} {s.precision:8.4f} {s.recall:8.4f} {s.f1:8.4f} {s.tp_std:9.2f} {s.n_std:7d} {s.n_test:10d}"
        )
    return "\n".join(lines)
