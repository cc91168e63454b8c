"""The chronicle store: an embedded DuckDB file of documents, actors across documents, events
grouped across reports, roles and quotes, with the questions analysts ask of them.

    from letopis.store import Database, Ingest
    with Database("letopis.duckdb") as db:
        Ingest(db).add(records)        # records of `letopis extract`, one transaction
"""

from .curation import Curation, CurationError
from .database import Database, StoreError, default_path
from .ingest import Added, Ingest

__all__ = ["Added", "Curation", "CurationError", "Database", "Ingest", "StoreError", "default_path"]
