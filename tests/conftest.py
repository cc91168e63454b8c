"""Shared fixtures: the pipeline loads once per test session; ../shared data is optional."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LETOPIS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def pipeline():
    from letopis.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def lang(pipeline):
    return pipeline.language


@pytest.fixture(scope="session")
def extract(pipeline):
    from letopis.document import Document

    def run(text: str, doc_date: str | None = None) -> Document:
        return pipeline.process_batch([Document(text=text, doc_date=doc_date)])[0]

    return run


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared corpora); not present here")
    return path


def names(doc, kind: str) -> list[str]:
    return sorted(e.name for e in doc.entities if e.type == kind)
