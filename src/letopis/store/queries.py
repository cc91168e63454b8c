"""The questions analysts ask of the store, answered as rows (lists of dicts with a column order).

A side of a question (`--actor`, a dyad side, a timeline side) is an ISO 3166 alpha-3 code
(`GBR`: the country and every actor coded with it) or an actor's name or alias (`Закир Гасанов`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .database import Database
from .registry import fold

ISO = re.compile(r"^[A-Z]{3}$")
FOLDED_NAME = "trim(regexp_replace(replace(lower(name), 'ё', 'е'), '\\s+', ' ', 'g'))"  # as registry.fold does
COUNTED = "num_articles > 0"  # an event told only by near-duplicate copies is not counted again
PERIODS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


class QueryError(Exception):
    """A question that cannot be asked as put: one line for the user."""


@dataclass
class Rows:
    columns: list[str]
    rows: list[dict] = field(default_factory=list)
    brief: list[str] | None = None  # the columns a readable table shows (JSON and CSV have all)


@dataclass
class Side:
    """One side of a question: a country code or a set of actors."""

    text: str
    country: str | None = None
    actors: list[int] = field(default_factory=list)

    def condition(self, column: str) -> tuple[str, list]:
        """SQL for `column` (source or target) being this side."""
        if self.country:  # any actor of the side, not only the first named
            return f"list_contains({column}_countries, ?)", [self.country]
        return f"list_has_any({column}_ids, ?::INTEGER[])", [self.actors]


def side(db: Database, text: str) -> Side:
    text = text.strip()
    if ISO.match(text):
        return Side(text, country=text)
    folded = fold(text)
    found = [a for (a,) in db.con.execute(
        f"SELECT actor_id FROM actors WHERE {FOLDED_NAME} = ? UNION SELECT actor_id FROM actor_aliases WHERE folded = ?",
        [folded, folded]).fetchall()]
    if not found:
        raise QueryError(f"no actor named {text!r} in the store (a country is given by its ISO code: GBR, AZE)")
    return Side(text, actors=sorted(found))


@dataclass
class EventFilter:
    actor: str | None = None
    country: str | None = None
    dyad: str | None = None  # `GBR:AZE`, directed unless both_ways
    both_ways: bool = False
    plover: str | None = None
    root: str | None = None
    quad: int | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    limit: int = 50
    offset: int = 0


EVENT_COLUMNS = ["event_id", "date", "cameo", "plover", "quad_class", "goldstein", "source", "target", "status", "negated",
                 "location", "num_mentions", "num_sources", "evidence", "doc_id", "source_id", "target_id"]
EVENT_BRIEF = ["event_id", "date", "cameo", "plover", "source", "target", "status", "num_mentions", "evidence"]


def events(db: Database, f: EventFilter) -> Rows:
    where, params = _event_conditions(db, f)
    sql = f"""
        WITH picked AS (
            SELECT * FROM events e {where}
            ORDER BY e.date DESC NULLS LAST, e.event_id DESC
            LIMIT {int(f.limit)} OFFSET {int(f.offset)}
        )
        SELECT p.event_id, coalesce(p.date_text, '') AS date, p.cameo, p.plover, p.quad_class, p.goldstein,
               coalesce(sa.name, '') AS source, coalesce(ta.name, '') AS target, p.status, p.negated, p.location,
               p.num_mentions, p.num_sources, m.sentence AS evidence, m.doc_id, p.source_actor AS source_id, p.target_actor AS target_id
        FROM picked p
        LEFT JOIN actors sa ON sa.actor_id = p.source_actor
        LEFT JOIN actors ta ON ta.actor_id = p.target_actor
        LEFT JOIN (SELECT event_id, arg_min(sentence, doc_id) AS sentence, min(doc_id) AS doc_id FROM event_mentions
                   WHERE event_id IN (SELECT event_id FROM picked) GROUP BY event_id) m ON m.event_id = p.event_id
        ORDER BY p.date DESC NULLS LAST, p.event_id DESC
    """
    return Rows(EVENT_COLUMNS, _dicts(db.con.execute(sql, params)), EVENT_BRIEF)


def _event_conditions(db: Database, f: EventFilter) -> tuple[str, list]:
    conditions: list[str] = [COUNTED]
    params: list = []

    def add(sql: str, values: list) -> None:
        conditions.append(sql)
        params.extend(values)

    if f.actor:
        s = side(db, f.actor)
        a_sql, a_params = s.condition("source")
        b_sql, b_params = s.condition("target")
        add(f"(({a_sql}) OR ({b_sql}))", a_params + b_params)
    if f.country:
        add("(list_contains(source_countries, ?) OR list_contains(target_countries, ?))", [f.country.upper(), f.country.upper()])
    if f.dyad:
        first, second = _dyad(db, f.dyad)
        add(*_pair(first, second, f.both_ways))
    if f.plover:
        add("plover = ?", [f.plover.upper()])
    if f.root:
        add("root = ?", [f.root.zfill(2)])
    if f.quad:
        add("quad_class = ?", [f.quad])
    if f.status:
        add("status = ?", [f.status])
    if f.since:
        add("date >= ?", [f.since])
    if f.until:
        add("date <= ?", [f.until])
    if f.search:
        # a case-insensitive regular expression of the literal text scans Cyrillic about 3× faster than ILIKE
        add("event_id IN (SELECT event_id FROM event_mentions WHERE regexp_matches(sentence, ?, 'i'))", [re.escape(f.search)])
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def _dyad(db: Database, text: str) -> tuple[Side, Side]:
    if ":" not in text:
        raise QueryError(f"a dyad is written SOURCE:TARGET (GBR:AZE, or actor names), not {text!r}")
    first, second = text.split(":", 1)
    return side(db, first), side(db, second)


def _pair(first: Side, second: Side, both_ways: bool) -> tuple[str, list]:
    s1, p1 = first.condition("source")
    t2, p2 = second.condition("target")
    sql, params = f"(({s1}) AND ({t2}))", p1 + p2
    if both_ways:
        s2, q2 = second.condition("source")
        t1, q1 = first.condition("target")
        sql, params = f"({sql} OR (({s2}) AND ({t1})))", params + q2 + q1
    return sql, params


TIMELINE_COLUMNS = ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
                    "goldstein_mean", "goldstein_sum"]


def timeline(db: Database, first: str, second: str, by: str = "month", since: date | None = None, until: date | None = None) -> Rows:
    """Events between two sides (both directions) per period: counts per quad class, Goldstein mean and sum."""
    if by not in PERIODS:
        raise QueryError(f"--by is one of {', '.join(PERIODS)}, not {by!r}")
    pair_sql, params = _pair(side(db, first), side(db, second), both_ways=True)
    extra = ""
    if since:
        extra += " AND date >= ?"
        params.append(since)
    if until:
        extra += " AND date <= ?"
        params.append(until)
    sql = f"""
        SELECT strftime(date_trunc('{PERIODS[by]}', date), '%Y-%m-%d') AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS goldstein_mean, round(sum(goldstein), 1) AS goldstein_sum
        FROM events WHERE date IS NOT NULL AND {COUNTED} AND {pair_sql}{extra}
        GROUP BY 1 ORDER BY 1
    """
    rows = _dicts(db.con.execute(sql, params))
    return Rows(TIMELINE_COLUMNS, [_period_label(r, by) for r in rows])


def trend(db: Database, by: str = "month") -> Rows:
    """All events per period by quad class: is the region cooperating or fighting more."""
    if by not in PERIODS:
        raise QueryError(f"--by is one of {', '.join(PERIODS)}, not {by!r}")
    rows = _dicts(db.con.execute(f"""
        SELECT strftime(date_trunc('{PERIODS[by]}', date), '%Y-%m-%d') AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation, count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS goldstein_mean, round(sum(goldstein), 1) AS goldstein_sum
        FROM events WHERE date IS NOT NULL AND {COUNTED} GROUP BY 1 ORDER BY 1
    """))
    return Rows(TIMELINE_COLUMNS, [_period_label(r, by) for r in rows])


def _period_label(row: dict, by: str) -> dict:
    day = row["period"]
    row["period"] = {"year": day[:4], "month": day[:7], "quarter": f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"}.get(by, day)
    return row


DYAD_COLUMNS = ["source", "target", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "goldstein_mean"]


def dyads(db: Database, by: str = "country", since: date | None = None, until: date | None = None, limit: int = 20) -> Rows:
    """The most active pairs (directed): of countries, or of actors."""
    if by not in ("country", "actor"):
        raise QueryError(f"--by is country or actor, not {by!r}")
    conditions, params = [COUNTED, "source_actor IS NOT NULL", "target_actor IS NOT NULL"], []
    if by == "country":
        conditions = [COUNTED, "source_country IS NOT NULL", "target_country IS NOT NULL", "source_country <> target_country"]
    if since:
        conditions.append("date >= ?")
        params.append(since)
    if until:
        conditions.append("date <= ?")
        params.append(until)
    keys = ("source_country", "target_country") if by == "country" else ("source_actor", "target_actor")
    sql = f"""
        SELECT {keys[0]} AS s, {keys[1]} AS t, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation, count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM events WHERE {' AND '.join(conditions)}
        GROUP BY 1, 2 ORDER BY events DESC, s, t LIMIT {int(limit)}
    """
    rows = _dicts(db.con.execute(sql, params))
    if by == "actor":
        names = _names(db, {r["s"] for r in rows} | {r["t"] for r in rows})
        for r in rows:
            r["s"], r["t"] = names.get(r["s"], r["s"]), names.get(r["t"], r["t"])
    return Rows(DYAD_COLUMNS, [{"source": r.pop("s"), "target": r.pop("t"), **r} for r in rows])


def actor_profile(db: Database, name: str, limit: int = 10) -> dict:
    """Who an actor is: names, roles over time, counterparts ranked, recent events, quotes."""
    s = side(db, name)
    if s.country:
        ids = [a for (a,) in db.con.execute("SELECT actor_id FROM actors WHERE type = 'COUNTRY' AND country = ?", [s.country]).fetchall()]
        if not ids:
            raise QueryError(f"no country {s.country} in the store")
        s = Side(name, actors=ids)
    return profile_of(db, s.actors[0], limit)


def profile_of(db: Database, actor_id: int, limit: int = 10) -> dict:
    if not db.scalar("SELECT count(*) FROM actors WHERE actor_id = ?", [actor_id]):
        raise QueryError(f"no actor {actor_id} in the store")
    actor = _dicts(db.con.execute("SELECT actor_id, name, type, country, sectors, code FROM actors WHERE actor_id = ?", [actor_id]))[0]
    actor["aliases"] = [a for (a,) in db.con.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", [actor_id]).fetchall()]
    actor["documents"] = db.scalar("SELECT count(DISTINCT doc_id) FROM entities WHERE actor_id = ?", [actor_id])
    seen = db.con.execute("SELECT min(d.doc_date), max(d.doc_date) FROM entities e JOIN documents d USING (doc_id) WHERE e.actor_id = ?", [actor_id]).fetchone()
    actor["first_seen"], actor["last_seen"] = (str(seen[0]) if seen[0] else None), (str(seen[1]) if seen[1] else None)
    roles = Rows(["position", "of", "status", "country", "first_seen", "last_seen", "documents"], _dicts(db.con.execute("""
        SELECT r.position, coalesce(oa.name, r.of_name) AS "of", r.status, r.country,
               strftime(min(r.doc_date), '%Y-%m-%d') AS first_seen, strftime(max(r.doc_date), '%Y-%m-%d') AS last_seen, count(DISTINCT r.doc_id) AS documents
        FROM roles r LEFT JOIN actors oa ON oa.actor_id = r.of_actor
        WHERE r.actor_id = ? GROUP BY 1, 2, 3, 4 ORDER BY first_seen NULLS LAST, 1
    """, [actor_id])))
    counterparts = Rows(["counterpart", "type", "events", "goldstein_mean", "last", "actor_id"], _dicts(db.con.execute(f"""
        WITH mine AS (
            SELECT event_id, date, goldstein, unnest(CASE WHEN list_contains(source_ids, ?) THEN target_ids ELSE source_ids END) AS other
            FROM events WHERE list_contains(source_ids, ?) OR list_contains(target_ids, ?)
        )
        SELECT a.name AS counterpart, a.type, count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean, strftime(max(date), '%Y-%m-%d') AS last,
               min(a.actor_id) AS actor_id
        FROM mine JOIN actors a ON a.actor_id = mine.other WHERE mine.other <> ?
        GROUP BY a.name, a.type ORDER BY events DESC, a.name LIMIT {int(limit)}
    """, [actor_id, actor_id, actor_id, actor_id])))
    recent = _actor_events(db, actor_id, limit)
    quotes = Rows(["date", "text", "doc_id"], _dicts(db.con.execute(f"""
        SELECT strftime(doc_date, '%Y-%m-%d') AS date, text, doc_id FROM quotes WHERE speaker_actor = ?
        ORDER BY doc_date DESC NULLS LAST, doc_id, start_char LIMIT {int(limit)}
    """, [actor_id])))
    return {"actor": actor, "roles": roles, "counterparts": counterparts, "events": recent, "quotes": quotes}


def _actor_events(db: Database, actor_id: int, limit: int) -> Rows:
    f = EventFilter(limit=limit)
    where, params = _event_conditions(db, f)
    clause = "(list_contains(source_ids, ?) OR list_contains(target_ids, ?))"
    where = f"{where} AND {clause}" if where else f"WHERE {clause}"
    sql = f"""
        SELECT e.event_id, coalesce(e.date_text, '') AS date, e.cameo, e.plover, e.quad_class, e.goldstein,
               coalesce(sa.name, '') AS source, coalesce(ta.name, '') AS target, e.status, e.negated, e.location,
               e.num_mentions, e.num_sources,
               (SELECT arg_min(m.sentence, m.start_char) FROM event_mentions m WHERE m.event_id = e.event_id AND m.doc_id = e.first_doc) AS evidence,
               e.first_doc AS doc_id, e.source_actor AS source_id, e.target_actor AS target_id
        FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor LEFT JOIN actors ta ON ta.actor_id = e.target_actor
        {where} ORDER BY e.date DESC NULLS LAST, e.event_id DESC LIMIT {int(limit)}
    """
    return Rows(EVENT_COLUMNS, _dicts(db.con.execute(sql, params + [actor_id, actor_id])), EVENT_BRIEF)


def stats(db: Database) -> dict:
    one = lambda sql: db.scalar(sql)  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "near_duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "characters": one("SELECT coalesce(sum(chars), 0) FROM documents"),
        "first_date": str(one("SELECT min(doc_date) FROM documents") or "") or None,
        "last_date": str(one("SELECT max(doc_date) FROM documents") or "") or None,
        "actors": dict(db.con.execute("SELECT type, count(*) FROM actors GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "events": one("SELECT count(*) FROM events"),
        "event_reports": one("SELECT count(DISTINCT (doc_id, local_id)) FROM event_mentions"),
        "events_by_type": dict(db.con.execute("SELECT coalesce(plover, '?'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "events_by_quad_class": {str(k): v for k, v in db.con.execute("SELECT quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()},
        "quotes": one("SELECT count(*) FROM quotes"),
        "roles": one("SELECT count(*) FROM roles"),
        "schema_version": db.version(),
    }


def _names(db: Database, ids: set) -> dict:
    if not ids:
        return {}
    return dict(db.con.execute("SELECT actor_id, name FROM actors WHERE actor_id IN (SELECT unnest(?::INTEGER[]))", [sorted(ids)]).fetchall())


def _dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def event_detail(db: Database, event_id: int) -> dict:
    """An event with its coded fields, its actors and the evidence from every report."""
    rows = _dicts(db.con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
    if not rows:
        raise QueryError(f"no event {event_id} in the store")
    event = {k: (str(v) if k == "date" and v is not None else v) for k, v in rows[0].items()}
    names = _names(db, set(event["source_ids"]) | set(event["target_ids"]))
    event["sources"] = [{"actor_id": a, "name": names.get(a)} for a in event["source_ids"]]
    event["targets"] = [{"actor_id": a, "name": names.get(a)} for a in event["target_ids"]]
    event["evidence"] = _dicts(db.con.execute("""
        SELECT m.doc_id, m.start_char, m.end_char, m.sentence, m.trigger, m.duplicate, d.source, strftime(d.doc_date, '%Y-%m-%d') AS doc_date
        FROM event_mentions m JOIN documents d USING (doc_id) WHERE m.event_id = ? ORDER BY d.doc_date NULLS LAST, m.doc_id, m.start_char
    """, [event_id]))
    return event


def search_actors(db: Database, text: str, limit: int = 20, offset: int = 0) -> Rows:
    """Actors whose name or an alias contains the text, the most often named first."""
    pattern = f"%{fold(text)}%"
    return Rows(["actor_id", "name", "type", "country", "code", "documents"], _dicts(db.con.execute(f"""
        SELECT a.actor_id, a.name, a.type, a.country, a.code, (SELECT count(DISTINCT doc_id) FROM entities e WHERE e.actor_id = a.actor_id) AS documents
        FROM actors a
        WHERE {FOLDED_NAME} LIKE ? OR a.actor_id IN (SELECT actor_id FROM actor_aliases WHERE folded LIKE ?)
        ORDER BY documents DESC, a.name LIMIT {int(limit)} OFFSET {int(offset)}
    """, [pattern, pattern])))


def documents(db: Database, limit: int = 20, offset: int = 0) -> Rows:
    return Rows(["doc_id", "doc_date", "source", "title", "chars", "duplicate_of", "events"], _dicts(db.con.execute(f"""
        SELECT d.doc_id, strftime(d.doc_date, '%Y-%m-%d') AS doc_date, d.source, d.title, d.chars, d.duplicate_of,
               (SELECT count(DISTINCT local_id) FROM event_mentions m WHERE m.doc_id = d.doc_id) AS events
        FROM documents d ORDER BY d.doc_date DESC NULLS LAST, d.doc_id LIMIT {int(limit)} OFFSET {int(offset)}
    """)))


def document(db: Database, doc_id: str) -> dict:
    """A document with its annotations: entities with their actors and mentions, roles, events, quotes."""
    rows = _dicts(db.con.execute("SELECT doc_id, hash, source, title, strftime(doc_date, '%Y-%m-%d') AS doc_date, language, text, duplicate_of, similarity "
                                 "FROM documents WHERE doc_id = ?", [doc_id]))
    if not rows:
        raise QueryError(f"no document {doc_id!r} in the store")
    doc = rows[0]
    doc["entities"] = _dicts(db.con.execute("""
        SELECT e.entity_id, e.actor_id, e.type, e.name, e.country, e.code,
               list({'start': m.start_char, 'end': m.end_char, 'text': m.text, 'kind': m.kind} ORDER BY m.start_char) AS mentions
        FROM entities e LEFT JOIN mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.entity_id
        WHERE e.doc_id = ? GROUP BY ALL ORDER BY e.entity_id
    """, [doc_id]))
    doc["roles"] = _dicts(db.con.execute("SELECT actor_id, position, of_actor, of_name, status, country, start_char, end_char FROM roles WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    doc["events"] = _dicts(db.con.execute("""
        SELECT m.event_id, m.local_id, m.start_char, m.end_char, m.trigger, e.cameo, e.plover, e.quad_class, e.date_text AS date, e.status, e.negated,
               e.source_ids, e.target_ids
        FROM event_mentions m JOIN events e USING (event_id) WHERE m.doc_id = ? ORDER BY m.start_char
    """, [doc_id]))
    doc["quotes"] = _dicts(db.con.execute("SELECT quote_id, speaker_actor, kind, text, start_char, end_char FROM quotes WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    return doc


def quotes(db: Database, actor: str | None = None, limit: int = 20, offset: int = 0) -> Rows:
    where, params = "", []
    if actor:
        s = side(db, actor)
        if s.country:
            raise QueryError("quotes are asked of an actor by name, not of a country")
        where, params = "WHERE q.speaker_actor IN (SELECT unnest(?::INTEGER[]))", [s.actors]
    return Rows(["date", "speaker", "text", "doc_id"], _dicts(db.con.execute(f"""
        SELECT strftime(q.doc_date, '%Y-%m-%d') AS date, a.name AS speaker, q.text, q.doc_id
        FROM quotes q LEFT JOIN actors a ON a.actor_id = q.speaker_actor {where}
        ORDER BY q.doc_date DESC NULLS LAST, q.doc_id, q.start_char LIMIT {int(limit)} OFFSET {int(offset)}
    """, params)))
