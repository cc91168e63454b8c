"""The store's tables, as numbered migrations: a database records the version it is at, and
opening it applies the migrations it lacks, each in its own transaction.

Offsets (`start_char`, `end_char`) index the stored document text. Dates are stored as DATE at
the first day of their period with their precision beside them (`2025-03` → 2025-03-01, month),
and as written (`date_text`).
"""

from __future__ import annotations

# The columns of an event derived from its actors (recomputed when actors are merged or split).
GROUP_KEY = """cameo || '|' || array_to_string(list_sort(source_ids), ',') || '|' || array_to_string(list_sort(target_ids), ',')
                 || '|' || coalesce(status, '') || '|' || CAST(CAST(coalesce(negated, false) AS INTEGER) AS VARCHAR)"""  # as ingest.group_key
DERIVED = f"""group_key = {GROUP_KEY},
    source_countries = coalesce((SELECT list(DISTINCT a.country ORDER BY a.country) FROM actors a
                                 WHERE list_contains(events.source_ids, a.actor_id) AND a.country IS NOT NULL), []),
    target_countries = coalesce((SELECT list(DISTINCT a.country ORDER BY a.country) FROM actors a
                                 WHERE list_contains(events.target_ids, a.actor_id) AND a.country IS NOT NULL), [])"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents, actors, entities, mentions, roles, events, event mentions, quotes",
        """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            hash VARCHAR NOT NULL UNIQUE,      -- SHA-256 of the text: the same text is stored once
            source VARCHAR,
            title VARCHAR,
            doc_date DATE,
            language VARCHAR,
            text VARCHAR NOT NULL,
            chars INTEGER NOT NULL,
            duplicate_of VARCHAR,              -- a near-duplicate of this earlier document (MinHash)
            similarity DOUBLE,
            batch INTEGER NOT NULL,            -- the ingest transaction that stored it
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE signatures (
            doc_id VARCHAR PRIMARY KEY,
            minhash UBIGINT[] NOT NULL
        );
        CREATE TABLE actors (
            actor_id INTEGER PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL,             -- PERSON, ORGANIZATION, GROUP, COUNTRY, CITY, LOCATION
            country VARCHAR,
            sectors VARCHAR,                   -- |-separated: GOV|MIL
            code VARCHAR                       -- country + sectors: AZEGOVMIL
        );
        CREATE TABLE actor_aliases (
            actor_id INTEGER NOT NULL,
            alias VARCHAR NOT NULL,
            folded VARCHAR NOT NULL,
            PRIMARY KEY (actor_id, folded)
        );
        CREATE TABLE entities (
            doc_id VARCHAR NOT NULL,
            entity_id VARCHAR NOT NULL,
            actor_id INTEGER NOT NULL,
            type VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            country VARCHAR,
            code VARCHAR,
            PRIMARY KEY (doc_id, entity_id)
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            entity_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR
        );
        CREATE TABLE roles (
            doc_id VARCHAR NOT NULL,
            actor_id INTEGER NOT NULL,
            position VARCHAR NOT NULL,
            of_actor INTEGER,
            of_name VARCHAR,
            place VARCHAR,
            status VARCHAR,
            country VARCHAR,
            sectors VARCHAR,
            doc_date DATE,
            start_char INTEGER,
            end_char INTEGER
        );
        CREATE TABLE events (
            event_id INTEGER PRIMARY KEY,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            plover VARCHAR,
            mode VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            status VARCHAR,
            negated BOOLEAN,
            date DATE,
            date_precision VARCHAR,
            date_text VARCHAR,
            source_ids INTEGER[] NOT NULL,
            target_ids INTEGER[] NOT NULL,
            source_actor INTEGER,
            target_actor INTEGER,
            source_country VARCHAR,
            target_country VARCHAR,
            source_code VARCHAR,
            target_code VARCHAR,
            location VARCHAR,
            location_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            num_mentions INTEGER NOT NULL,     -- mentions in distinct (not near-duplicate) documents
            num_sources INTEGER NOT NULL,      -- distinct sources (outlets, else documents) telling it
            num_articles INTEGER NOT NULL,     -- distinct documents, near-duplicates left out
            first_doc VARCHAR NOT NULL,
            confidence DOUBLE
        );
        CREATE TABLE event_mentions (
            event_id INTEGER NOT NULL,
            doc_id VARCHAR NOT NULL,
            local_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            sentence VARCHAR NOT NULL,
            trigger VARCHAR,
            confidence DOUBLE,
            duplicate BOOLEAN NOT NULL
        );
        CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL,
            quote_id VARCHAR NOT NULL,
            speaker_actor INTEGER,
            kind VARCHAR,
            text VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            doc_date DATE
        );
        """,
    ),
    (
        2,
        "where an event happened: the place's kind and GeoNames id (for GDELT's ActionGeo columns)",
        """
        ALTER TABLE events ADD COLUMN location_type VARCHAR;    -- CITY, COUNTRY, LOCATION
        ALTER TABLE events ADD COLUMN location_geonameid INTEGER;
        """,
    ),
    (
        3,
        "lookups that need not load the store: events' grouping key and all their countries; MinHash band keys",
        """
        ALTER TABLE events ADD COLUMN group_key VARCHAR;       -- cameo|sorted sources|sorted targets|status|negated
        ALTER TABLE events ADD COLUMN source_countries VARCHAR[];
        ALTER TABLE events ADD COLUMN target_countries VARCHAR[];
        UPDATE events SET {DERIVED};
        CREATE TABLE minhash_bands (doc_id VARCHAR NOT NULL, band INTEGER NOT NULL, key UBIGINT NOT NULL);
        CREATE INDEX events_group_key ON events (group_key);
        """.replace("{DERIVED}", DERIVED),
    ),
]

# Steps a migration needs beyond SQL, run in its transaction after it: version → function(con).
def _band_keys_of_stored_signatures(con) -> None:
    from .duplicates import band_rows

    rows = [r for doc_id, values in con.execute("SELECT doc_id, minhash FROM signatures").fetchall() for r in band_rows(doc_id, values)]
    if rows:
        con.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)", [[r["doc_id"], r["band"], r["key"]] for r in rows])


BACKFILLS = {3: _band_keys_of_stored_signatures}

SCHEMA_VERSION = MIGRATIONS[-1][0]

# The tables a document's rows live in, with the column naming the document.
DOCUMENT_TABLES = ("documents", "signatures", "entities", "mentions", "roles", "event_mentions", "quotes")
