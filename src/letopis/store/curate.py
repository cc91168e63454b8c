"""A curation file applied to a store already filled, in one transaction: renames, merges (every
row naming the merged actors names the kept one, and events that thereby become the same event
are joined), aliases, and splits (an actor's mentions in some documents given to another)."""

from __future__ import annotations

from dataclasses import dataclass

from .curation import Curation
from .database import Database
from .ingest import recount
from .queries import FOLDED_NAME
from .schema import DERIVED
from .registry import fold

ACTOR_REFERENCES = [("entities", "actor_id"), ("roles", "actor_id"), ("roles", "of_actor"), ("quotes", "speaker_actor"),
                    ("events", "source_actor"), ("events", "target_actor")]


@dataclass
class Applied:
    renamed: int = 0
    merged: int = 0
    aliases: int = 0
    split: int = 0
    events_joined: int = 0
    unknown: list[str] | None = None  # names the file gives that the store does not know

    def line(self) -> str:
        text = (f"{self.renamed} renamed, {self.merged} merged, {self.aliases} aliases added, {self.split} split, "
                f"{self.events_joined} events joined")
        if self.unknown:
            text += f"; not in the store: {', '.join(sorted(set(self.unknown))[:5])}"
        return text


def apply(db: Database, curation: Curation) -> Applied:
    applied = Applied(unknown=[])
    with db.transaction():
        for old, new in curation.renames.items():
            ids = _ids(db, old)
            if not ids:
                applied.unknown.append(old)
            for actor_id in ids:
                _add_alias(db, actor_id, db.scalar("SELECT name FROM actors WHERE actor_id = ?", [actor_id]))
                db.con.execute("UPDATE actors SET name = ? WHERE actor_id = ?", [new, actor_id])
                applied.renamed += 1
        for names in curation.merges:
            kept = _ids(db, names[0])
            if not kept:
                applied.unknown.append(names[0])
                continue
            for name in names[1:]:
                for other in _ids(db, name):
                    if other != kept[0]:
                        _merge(db, other, kept[0])
                        applied.merged += 1
        for name, aliases in curation.aliases.items():
            ids = _ids(db, name)
            if not ids:
                applied.unknown.append(name)
            for actor_id in ids[:1]:
                applied.aliases += sum(_add_alias(db, actor_id, alias) for alias in aliases)
        for split in curation.splits:
            applied.split += _split(db, split.actor, split.documents, split.into, applied)
        applied.events_joined = _join_same_events(db)
    return applied


def _ids(db: Database, name: str) -> list[int]:
    folded = fold(name)
    return [a for (a,) in db.con.execute(
        f"SELECT actor_id FROM actors WHERE {FOLDED_NAME} = ? UNION SELECT actor_id FROM actor_aliases WHERE folded = ? ORDER BY 1",
        [folded, folded]).fetchall()]


def _add_alias(db: Database, actor_id: int, alias: str) -> bool:
    folded = fold(alias)
    if db.scalar("SELECT count(*) FROM actor_aliases WHERE actor_id = ? AND folded = ?", [actor_id, folded]):
        return False
    db.con.execute("INSERT INTO actor_aliases VALUES (?, ?, ?)", [actor_id, alias, folded])
    return True


def _merge(db: Database, other: int, kept: int) -> None:
    _add_alias(db, kept, db.scalar("SELECT name FROM actors WHERE actor_id = ?", [other]))
    for alias, in db.con.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", [other]).fetchall():
        _add_alias(db, kept, alias)
    db.con.execute("DELETE FROM actor_aliases WHERE actor_id = ?", [other])
    _reassign(db, other, kept)
    db.con.execute("DELETE FROM actors WHERE actor_id = ?", [other])


def _reassign(db: Database, old: int, new: int, documents: list[str] | None = None) -> None:
    """Rows naming `old` name `new` — all of them, or those of some documents."""
    for table, column in ACTOR_REFERENCES:
        if table == "events":
            continue
        where = f"{column} = ?" + (" AND doc_id IN (SELECT unnest(?::VARCHAR[]))" if documents is not None else "")
        db.con.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", [new, old] + ([documents] if documents is not None else []))
    events = "TRUE" if documents is None else "event_id NOT IN (SELECT event_id FROM event_mentions WHERE doc_id NOT IN (SELECT unnest(?::VARCHAR[])))"
    params = [] if documents is None else [documents]
    db.con.execute(f"""
        UPDATE events SET
            source_ids = list_sort(list_distinct(list_transform(source_ids, lambda x: CASE WHEN x = {int(old)} THEN {int(new)} ELSE x END))),
            target_ids = list_sort(list_distinct(list_transform(target_ids, lambda x: CASE WHEN x = {int(old)} THEN {int(new)} ELSE x END))),
            source_actor = CASE WHEN source_actor = {int(old)} THEN {int(new)} ELSE source_actor END,
            target_actor = CASE WHEN target_actor = {int(old)} THEN {int(new)} ELSE target_actor END
        WHERE (list_contains(source_ids, {int(old)}) OR list_contains(target_ids, {int(old)})) AND {events}
    """, params)
    db.con.execute(f"UPDATE events SET {DERIVED} WHERE list_contains(source_ids, ?) OR list_contains(target_ids, ?)", [new, new])
    for side in ("source", "target"):  # the codes shown with an event are its actors' codes
        db.con.execute(f"""UPDATE events SET {side}_country = a.country, {side}_code = a.code FROM actors a
                           WHERE a.actor_id = events.{side}_actor AND events.{side}_actor = ?""", [new])


def _split(db: Database, name: str, documents: list[str], into: str, applied: Applied) -> int:
    ids = _ids(db, name)
    if not ids:
        applied.unknown.append(name)
        return 0
    old = ids[0]
    target = _ids(db, into)
    if target:
        new = target[0]
    else:
        new = (db.scalar("SELECT max(actor_id) FROM actors") or 0) + 1
        db.con.execute("INSERT INTO actors SELECT ?, ?, type, country, sectors, code FROM actors WHERE actor_id = ?", [new, into, old])
    _reassign(db, old, new, documents)
    return 1


def _join_same_events(db: Database) -> int:
    """Events that became one by a merge: the same code, actors, status, negation and date."""
    pairs = db.con.execute("""
        SELECT min(event_id) AS kept, list(event_id ORDER BY event_id) AS ids FROM events
        GROUP BY cameo, source_ids, target_ids, status, negated, date_text HAVING count(*) > 1
    """).fetchall()
    joined = 0
    for kept, ids in pairs:
        others = [i for i in ids if i != kept]
        db.con.execute("UPDATE event_mentions SET event_id = ? WHERE event_id IN (SELECT unnest(?::INTEGER[]))", [kept, others])
        db.con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::INTEGER[]))", [others])
        joined += len(others)
    recount(db, [kept for kept, _ in pairs])
    return joined
