"""Document records into the store, one transaction per batch.

`Ingest.add(records)` writes a batch of extracted documents (the records of `letopis extract`)
atomically: the documents, their entities resolved to registry actors, mentions, roles, quotes,
and their events grouped with the reports of the same event already stored (same CAMEO code,
same actors, status and negation, dates that agree — within a day for dates given to the day).
A document whose text is stored already is skipped, so a rerun stores nothing twice; a batch
that fails or is interrupted leaves the store as it was before it, and the in-memory indexes of
this object are then stale: open a new one to go on.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from .curation import Curation
from .database import Database, StoreError
from .duplicates import NearDuplicates
from .registry import Registry, iso_day

SAME_DAY_WINDOW = 1  # days between two reports of one event given to the day

DOCUMENT_COLUMNS = ["doc_id", "hash", "source", "title", "doc_date", "language", "text", "chars", "duplicate_of", "similarity", "batch", "ingested_at"]
ENTITY_COLUMNS = ["doc_id", "entity_id", "actor_id", "type", "name", "country", "code"]
MENTION_COLUMNS = ["doc_id", "entity_id", "start_char", "end_char", "text", "kind"]
ROLE_COLUMNS = ["doc_id", "actor_id", "position", "of_actor", "of_name", "place", "status", "country", "sectors", "doc_date", "start_char", "end_char"]
EVENT_COLUMNS = ["event_id", "cameo", "root", "plover", "mode", "quad_class", "goldstein", "status", "negated", "date", "date_precision", "date_text",
                 "source_ids", "target_ids", "source_actor", "target_actor", "source_country", "target_country", "source_code", "target_code",
                 "location", "location_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "first_doc", "confidence",
                 "location_type", "location_geonameid", "group_key", "source_countries", "target_countries"]
EVENT_MENTION_COLUMNS = ["event_id", "doc_id", "local_id", "start_char", "end_char", "sentence", "trigger", "confidence", "duplicate"]
QUOTE_COLUMNS = ["doc_id", "quote_id", "speaker_actor", "kind", "text", "start_char", "end_char", "doc_date"]
ACTOR_COLUMNS = ["actor_id", "name", "type", "country", "sectors", "code"]
ALIAS_COLUMNS = ["actor_id", "alias", "folded"]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Added:
    documents: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0  # event reports stored
    new_events: int = 0  # of them, events not stored before
    conflicts: list[str] = field(default_factory=list)  # ids stored with another text
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (doc id, what is wrong with its record)


class Ingest:
    def __init__(self, db: Database, curation: Curation | None = None):
        self.db = db
        self.registry = Registry(db, curation)
        self.duplicates = NearDuplicates(db)
        self.next_event = (db.scalar("SELECT max(event_id) FROM events") or 0) + 1
        self.batch = (db.scalar("SELECT max(batch) FROM documents") or 0) + 1
        self.failed = False

    def stored(self, text: str) -> bool:
        return bool(self.db.scalar("SELECT count(*) FROM documents WHERE hash = ?", [text_hash(text)]))

    def add(self, records: list[dict]) -> Added:
        """Store a batch in one transaction. After a failure the registry and counters of this
        object no longer match the store: it refuses further batches (open a new one)."""
        if self.failed:
            raise StoreError("this ingest failed before: open a new one to go on")
        try:
            return self._add(records)
        except BaseException:
            self.failed = True
            raise

    def _add(self, records: list[dict]) -> Added:
        added = Added()
        fresh = self._new(records, added)
        digests = {id(r): digest for r, digest in fresh}
        records = [r for r, _ in fresh]
        duplicates = self.duplicates.check_batch([(r["doc_id"], r["text"]) for r in records])
        resolved = {r["doc_id"]: self.registry.resolve(r) for r in records}
        self.groups = self._stored_groups(records, resolved)
        rows: dict[str, list[dict]] = defaultdict(list)
        touched: set[int] = set()
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        for record in records:
            self._document(record, digests[id(record)], resolved[record["doc_id"]], duplicates[record["doc_id"]], now, rows, touched, added)
        new_actors, new_aliases = self.registry.take_new()
        with self.db.transaction():
            self.db.insert("actors", new_actors, ACTOR_COLUMNS)
            self.db.insert("actor_aliases", new_aliases, ALIAS_COLUMNS)
            for table, columns in (("documents", DOCUMENT_COLUMNS), ("signatures", ["doc_id", "minhash"]), ("minhash_bands", ["doc_id", "band", "key"]),
                                   ("entities", ENTITY_COLUMNS), ("mentions", MENTION_COLUMNS), ("roles", ROLE_COLUMNS), ("events", EVENT_COLUMNS),
                                   ("event_mentions", EVENT_MENTION_COLUMNS), ("quotes", QUOTE_COLUMNS)):
                self.db.insert(table, rows[table], columns)
            recount(self.db, touched)
        self.batch += 1
        return added

    def _new(self, records: list[dict], added: Added) -> list[tuple[dict, str]]:
        """The valid records whose text is not stored yet (the first of equal texts in the batch),
        with their text hashes."""
        valid = []
        for record in records:
            problem = record_problem(record)
            if problem:
                added.invalid.append((str(record.get("doc_id") if isinstance(record, dict) else "?"), problem))
            else:
                valid.append(record)
        digests = [text_hash(r["text"]) for r in valid]
        known = {h for (h,) in self.db.con.execute("SELECT hash FROM documents WHERE hash IN (SELECT unnest(?::VARCHAR[]))", [digests]).fetchall()}
        taken = {d for (d,) in self.db.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [[r["doc_id"] for r in valid]]).fetchall()}
        fresh = []
        for record, digest in zip(valid, digests):
            if digest in known:
                added.skipped += 1
            elif record["doc_id"] in taken:
                added.conflicts.append(record["doc_id"])
            else:
                known.add(digest)
                taken.add(record["doc_id"])
                fresh.append((record, digest))
        return fresh

    def _stored_groups(self, records: list[dict], resolved: dict[str, dict[str, int]]) -> dict[str, list[tuple]]:
        """The stored events with the grouping keys of this batch's events: looked up per batch
        rather than held in memory, so that a large store opens at once and stays small in RAM."""
        keys = sorted({_event_key(e, resolved[r["doc_id"]]) for r in records for e in r.get("events", [])})
        groups: dict[str, list[tuple]] = defaultdict(list)
        for first_key in range(0, len(keys), 500):  # a literal IN list: the index on group_key answers it
            chunk = keys[first_key : first_key + 500]
            for key, event_id, when, precision, text, first in self.db.con.execute(
                    f"SELECT group_key, event_id, date, date_precision, date_text, first_doc FROM events WHERE group_key IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchall():
                groups[key].append((event_id, when, precision, text, first))
        return groups

    # ----- one document -----
    def _document(self, record: dict, digest: str, actors: dict[str, int], duplicate: tuple, now: datetime, rows, touched: set[int], added: Added) -> None:
        doc_id = record["doc_id"]
        doc_date = iso_day(record.get("doc_date"))
        minhash, bands, duplicate_of, similarity = duplicate
        rows["documents"].append({"doc_id": doc_id, "hash": digest, "source": record.get("source"), "title": record.get("title"),
                                  "doc_date": doc_date, "language": record.get("language"), "text": record["text"], "chars": len(record["text"]),
                                  "duplicate_of": duplicate_of, "similarity": similarity, "batch": self.batch, "ingested_at": now})
        rows["signatures"].append({"doc_id": doc_id, "minhash": minhash})
        rows["minhash_bands"].extend(bands)
        entities = {e["id"]: e for e in record.get("entities", [])}
        for entity in record.get("entities", []):
            actor = self.registry.actors[actors[entity["id"]]]
            rows["entities"].append({"doc_id": doc_id, "entity_id": entity["id"], "actor_id": actor.actor_id, "type": entity["type"],
                                     "name": entity["name"], "country": actor.country, "code": actor.code})
            for mention in entity.get("mentions", []):
                rows["mentions"].append({"doc_id": doc_id, "entity_id": entity["id"], "start_char": mention["start"], "end_char": mention["end"],
                                         "text": mention["text"], "kind": mention.get("kind")})
        for role in record.get("roles", []):
            rows["roles"].append({"doc_id": doc_id, "actor_id": actors[role["person"]], "position": role["position"], "of_actor": actors.get(role.get("of")),
                                  "of_name": role.get("of_name"), "place": _name(entities, role.get("in")), "status": role.get("status"),
                                  "country": role.get("country"), "sectors": "|".join(role.get("sectors") or []) or None, "doc_date": doc_date,
                                  "start_char": role.get("start"), "end_char": role.get("end")})
        for number, quote in enumerate(record.get("quotes", []), 1):
            rows["quotes"].append({"doc_id": doc_id, "quote_id": quote.get("id") or f"q{number}", "speaker_actor": actors.get(quote.get("speaker")),
                                   "kind": quote.get("kind"), "text": quote["text"], "start_char": quote.get("start"), "end_char": quote.get("end"),
                                   "doc_date": doc_date})
        if duplicate_of:
            added.duplicates += 1
        for event in record.get("events", []):
            event_id, new = self._group(event, actors, entities, doc_id, rows)
            touched.add(event_id)
            added.events += 1
            added.new_events += new
            for mention in event.get("mentions") or [event["evidence"]]:
                rows["event_mentions"].append({"event_id": event_id, "doc_id": doc_id, "local_id": event["id"], "start_char": mention["start"],
                                               "end_char": mention["end"], "sentence": mention["text"], "trigger": (event.get("trigger") or {}).get("text"),
                                               "confidence": event.get("confidence"), "duplicate": duplicate_of is not None})
        added.documents += 1

    def _group(self, event: dict, actors: dict[str, int], entities: dict, doc_id: str, rows) -> tuple[int, bool]:
        """The stored event this report tells of, or a new one."""
        sources, targets = _sides(event, actors)
        key = _event_key(event, actors)
        when, precision = _period(event.get("date"))
        for event_id, other, other_precision, other_text, first_doc in self.groups[key]:
            if _same_time(when, precision, event.get("date"), doc_id, other, other_precision, other_text, first_doc):
                return event_id, False
        event_id = self.next_event
        self.next_event += 1
        self.groups[key].append((event_id, when, precision, event.get("date"), doc_id))
        first_source = self.registry.actors.get(sources[0]) if sources else None
        first_target = self.registry.actors.get(targets[0]) if targets else None
        place = entities.get(event.get("location")) or {}
        location_actor = self.registry.actors.get(actors.get(event.get("location")))
        rows["events"].append({
            "event_id": event_id, "cameo": event["cameo"], "root": event["cameo"][:2], "plover": event.get("plover"), "mode": event.get("mode"),
            "quad_class": event.get("quad_class"), "goldstein": event.get("goldstein"), "status": event.get("status"),
            "negated": bool(event.get("negated")), "date": when, "date_precision": precision, "date_text": event.get("date"),
            "source_ids": sources, "target_ids": targets,
            "source_actor": first_source.actor_id if first_source else None, "target_actor": first_target.actor_id if first_target else None,
            "source_country": first_source.country if first_source else None, "target_country": first_target.country if first_target else None,
            "source_code": first_source.code if first_source else None, "target_code": first_target.code if first_target else None,
            "location": location_actor.name if location_actor else None, "location_country": place.get("country"),
            "lat": (place.get("geo") or {}).get("lat"), "lon": (place.get("geo") or {}).get("lon"),
            "num_mentions": 0, "num_sources": 0, "num_articles": 0, "first_doc": doc_id, "confidence": event.get("confidence"),
            "location_type": place.get("type"), "location_geonameid": (place.get("geo") or {}).get("geonameid"),
            "group_key": key, "source_countries": self._countries(sources), "target_countries": self._countries(targets),
        })
        return event_id, True

    def _countries(self, actor_ids: list[int]) -> list[str]:
        return sorted({self.registry.actors[a].country for a in actor_ids if self.registry.actors[a].country})


def _sides(event: dict, actors: dict[str, int]) -> tuple[list[int], list[int]]:
    """Source and target actor ids in the record's order (the first named is the first actor)."""
    return (list(dict.fromkeys(actors[a] for a in event.get("source", []) if a in actors)),
            list(dict.fromkeys(actors[a] for a in event.get("target", []) if a in actors)))


def _event_key(event: dict, actors: dict[str, int]) -> str:
    sources, targets = _sides(event, actors)
    return group_key(event["cameo"], sources, targets, event.get("status"), bool(event.get("negated")))


def group_key(cameo: str, sources, targets, status: str | None, negated: bool) -> str:
    """The same as the store computes in migration 3."""
    return f"{cameo}|{','.join(map(str, sorted(sources)))}|{','.join(map(str, sorted(targets)))}|{status or ''}|{int(negated)}"


def record_problem(record) -> str | None:
    """What makes a document record unusable, in a few words; None when it can be stored."""
    if not isinstance(record, dict):
        return "not a record"
    if not isinstance(record.get("text"), str) or not record.get("doc_id"):
        return "no text or no doc_id"
    if record.get("doc_date") is not None and not isinstance(record["doc_date"], str):
        return "doc_date is not a string"
    ids = set()
    for entity in record.get("entities") or []:
        if not isinstance(entity, dict) or not all(isinstance(entity.get(k), str) for k in ("id", "type", "name")):
            return "an entity without id, type or name"
        if any(not isinstance(m, dict) or not isinstance(m.get("text"), str) or not isinstance(m.get("start"), int) or not isinstance(m.get("end"), int)
               for m in entity.get("mentions") or []):
            return f"a mention of {entity['id']} without start, end or text"
        ids.add(entity["id"])
    for role in record.get("roles") or []:
        if not isinstance(role, dict) or role.get("person") not in ids or not isinstance(role.get("position"), str):
            return "a role of an unknown person or without a position"
    for quote in record.get("quotes") or []:
        if not isinstance(quote, dict) or not isinstance(quote.get("text"), str):
            return "a quote without text"
    for event in record.get("events") or []:
        if not isinstance(event, dict) or not isinstance(event.get("cameo"), str) or not isinstance(event.get("id"), str):
            return "an event without cameo or id"
        spans = event.get("mentions") or ([event["evidence"]] if isinstance(event.get("evidence"), dict) else [])
        if not spans or any(not isinstance(m, dict) or not isinstance(m.get("text"), str) or not isinstance(m.get("start"), int) for m in spans):
            return f"event {event['id']} without evidence"
        if event.get("date") is not None and not isinstance(event["date"], str):
            return f"event {event['id']} has a date that is not a string"
        if not all(isinstance(a, str) for a in (event.get("source") or []) + (event.get("target") or [])):
            return f"event {event['id']} has actors that are not entity ids"
    return None


def recount(db: Database, events) -> None:
    """Mentions, sources and articles of these events, near-duplicates left out."""
    if not events:
        return
    db.con.execute("""
        UPDATE events SET num_mentions = c.mentions, num_articles = c.articles, num_sources = c.sources
        FROM (
            SELECT m.event_id,
                   count(*) FILTER (WHERE NOT m.duplicate) AS mentions,
                   count(DISTINCT m.doc_id) FILTER (WHERE NOT m.duplicate) AS articles,
                   count(DISTINCT coalesce(d.source, d.doc_id)) FILTER (WHERE NOT m.duplicate) AS sources
            FROM event_mentions m JOIN documents d USING (doc_id)
            WHERE m.event_id IN (SELECT unnest(?::INTEGER[]))
            GROUP BY m.event_id
        ) AS c
        WHERE events.event_id = c.event_id
    """, [sorted(events)])


def _name(entities: dict, entity_id: str | None) -> str | None:
    entity = entities.get(entity_id) if entity_id else None
    return entity["name"] if entity else None


PRECISIONS = ("day", "month", "quarter", "year")


def _period(text: str | None) -> tuple[date | None, str | None]:
    """`2025-03` → (2025-03-01, month); `2025-Q3` → (2025-07-01, quarter); `2025` → (2025-01-01,
    year); a day as it is. Other periods (seasons, decades) are kept only as written."""
    if not text:
        return None, None
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1), "year"
        if parts[1].startswith("Q"):
            return date(int(parts[0]), 3 * int(parts[1][1:]) - 2, 1), "quarter"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date.fromisoformat(text[:10]), "day"
    except ValueError:
        return None, None


def _truncate(day: date, precision: str) -> tuple[int, ...]:
    if precision == "year":
        return (day.year,)
    if precision == "quarter":
        return (day.year, (day.month - 1) // 3)
    if precision == "month":
        return (day.year, day.month)
    return (day.year, day.month, day.day)


def _same_time(a: date | None, a_precision: str | None, a_text: str | None, a_doc: str,
               b: date | None, b_precision: str | None, b_text: str | None, b_doc: str) -> bool:
    """Two reports of one event: dates agreeing at the coarser precision (within a day when both
    are given to the day); dates letopis cannot place (a season) only when written alike; undated
    reports only within one document — undated reports of different days are not one event."""
    if a is None or b is None:
        if a_text or b_text:
            return a is None and b is None and a_text == b_text
        return a_doc == b_doc
    if a_precision == "day" and b_precision == "day":
        return abs((a - b).days) <= SAME_DAY_WINDOW
    coarse = max(a_precision or "day", b_precision or "day", key=PRECISIONS.index)
    return _truncate(a, coarse) == _truncate(b, coarse)
