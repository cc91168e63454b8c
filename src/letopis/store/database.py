"""The DuckDB file: opening it, bringing its schema up to date, writing rows in bulk."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError, Problem
from .schema import BACKFILLS, MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "letopis.duckdb"  # in the working directory, unless --db or LETOPIS_DB says otherwise


def default_path() -> Path:
    return Path(os.environ.get("LETOPIS_DB") or DEFAULT_DB)


class StoreError(Exception):
    """A store that cannot be opened or written: one line for the user."""


def describe(error: BaseException) -> str:
    """A DuckDB error as one line (its first), for messages."""
    return _first_line(error)


class Database:
    def __init__(self, path: Path | str, read_only: bool = False):
        import duckdb

        self.path = Path(path)
        if read_only and str(path) != ":memory:" and not self.path.exists():
            raise StoreError(str(InputError(str(path), Problem.NO_STORE, "create one with `letopis ingest`")))
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{path}: cannot open the store ({_first_line(error)})") from None
        if self.version() == 0 and self._tables():
            self.con.close()
            raise StoreError(f"{path}: a DuckDB file of another program, not a letopis store")
        if not read_only:
            self.migrate()
        elif self.version() != SCHEMA_VERSION:
            raise StoreError(f"{path}: store schema version {self.version()}, this letopis reads {SCHEMA_VERSION} (open it once for writing to migrate)")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _tables(self) -> int:
        return self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'").fetchone()[0]

    # ----- schema -----
    def version(self) -> int:
        exists = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    def migrate(self) -> None:
        """Apply the migrations this database lacks, each in one transaction."""
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {current} is newer than this letopis ({SCHEMA_VERSION})")
        if current == 0:
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
        for version, description, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                self.con.execute(sql)
                if version in BACKFILLS:
                    BACKFILLS[version](self.con)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [version, description])

    # ----- writing -----
    @contextmanager
    def transaction(self):
        self.con.begin()
        try:
            yield self.con
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()

    def insert(self, table: str, rows: list[dict], columns: list[str]) -> None:
        """Append rows (dicts) to a table through Arrow, in the table's column order."""
        if not rows:
            return
        import pyarrow as pa

        data = pa.table({c: [r.get(c) for r in rows] for c in columns}) if columns else None
        name = f"_rows_{table}"
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {name}")
        finally:
            try:
                self.con.unregister(name)
            except Exception:  # noqa: BLE001 - an aborted transaction refuses this too; the first error is the one to tell
                pass

    def scalar(self, sql: str, params: list | None = None):
        return self.con.execute(sql, params or []).fetchone()[0]


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
