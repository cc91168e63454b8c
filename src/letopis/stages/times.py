"""Times: every temporal expression with a normalised value, resolved against the article's date.

Values follow ISO 8601 and TIMEX3 conventions at the precision the text gives: `2025-12-04`
(day), `2025-W48` (week), `2025-03` (month), `2025-Q1` (quarter), `2025-SU` (season), `2025`
(year), `199` (decade); ranges as `start/end`; durations as `P3Y`. An expression that needs the
article's date (`вчера`, `в марте`, `в среду`) is resolved only when the document has one, and
then with the tense of its clause: `в марте` in a report of 2025-12-04 about the past is
2025-03, about the future 2026-03. Without a date such an expression keeps value null and its
underspecified `pattern` (`XXXX-03`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..document import Document
from ..lang.base import Language

DURATION_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "M", "decade": "Y"}
DURATION_FACTOR = {"quarter": 3, "decade": 10}


def run(doc: Document, lang: Language) -> Document:
    today = date.fromisoformat(doc.doc_date) if doc.doc_date else None
    times = []
    for n, mention in enumerate(lang.time_expressions(doc), 1):
        start, end = doc.span_chars(mention.first, mention.last)
        tense = lang.clause_tense(doc, mention.anchor)
        record: dict[str, Any] = {"id": f"t{n}", "start": start, "end": end, "text": doc.text[start:end]}
        record.update(resolve(mention.spec, today, tense))
        record["tense"] = tense
        times.append(record)
    doc.times = times
    return doc


def resolve(spec, today: date | None, tense: str | None) -> dict[str, Any]:
    """type, value, precision, mod (and pattern, direction) of one expression."""
    if spec.kind == "duration":
        amount = "X" if spec.amount is None else _number(spec.amount * DURATION_FACTOR.get(spec.unit, 1))
        return {"type": "duration", "value": f"P{amount}{DURATION_UNITS[spec.unit]}", "precision": spec.unit,
                "mod": None, "direction": spec.direction}
    if spec.kind == "vague":
        return {"type": "date", "value": None, "precision": "vague", "mod": None, "direction": spec.direction,
                "pattern": {"future": "FUTURE_REF", "past": "PAST_REF"}[spec.direction]}
    if spec.kind == "range":
        first = _point(spec, today, tense)
        last = _point(spec.until, today, tense)
        value = f"{first[0]}/{last[0]}" if first[0] and last[0] else None
        return {"type": "range", "value": value, "precision": last[1], "mod": None, "pattern": f"{first[2]}/{last[2]}"}
    value, precision, pattern = _point(spec, today, tense)
    record = {"type": "date", "value": value, "precision": precision, "mod": spec.mod}
    if value is None:
        record["pattern"] = pattern
    return record


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def _point(spec, today: date | None, tense: str | None) -> tuple[str | None, str, str]:
    """(value or None, precision, underspecified pattern) of a calendar point or a shift."""
    if spec.kind == "shift":
        return _shift(spec, today)
    direction = "future" if tense == "future" else "present" if tense == "present" else "past"
    if spec.weekday is not None:
        if today is None:
            return None, "day", f"XXXX-WXX-{spec.weekday + 1}"
        days = (today.weekday() - spec.weekday) % 7
        day = today - timedelta(days=days) if direction != "future" else today + timedelta(days=(spec.weekday - today.weekday()) % 7)
        return day.isoformat(), "day", day.isoformat()
    if spec.decade is not None:
        return str(spec.decade)[:3], "decade", str(spec.decade)[:3]
    year = spec.year
    if year is None:
        year = _year_for(spec, today, direction)
    pattern_year = f"{year:04d}" if year is not None else "XXXX"
    if spec.quarter is not None:
        pattern = f"{pattern_year}-Q{spec.quarter}"
        return (pattern if year is not None else None), "quarter", pattern
    if spec.season is not None:
        pattern = f"{pattern_year}-{spec.season}"
        return (pattern if year is not None else None), "season", pattern
    if spec.month is None:
        return (pattern_year if year is not None else None), "year", pattern_year
    if spec.day is None:
        pattern = f"{pattern_year}-{spec.month:02d}"
        return (pattern if year is not None else None), "month", pattern
    pattern = f"{pattern_year}-{spec.month:02d}-{spec.day:02d}"
    if year is not None and not _valid(year, spec.month, spec.day):
        return None, "day", pattern
    return (pattern if year is not None else None), "day", pattern


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _year_for(spec, today: date | None, direction: str) -> int | None:
    """The year of a month or season named without one: the nearest in the clause's direction."""
    if today is None or (spec.month is None and spec.season is None and spec.quarter is None):
        return None
    if spec.month is None:
        return today.year
    named = (spec.month, spec.day or 1)
    now = (today.month, today.day)
    if direction == "past" and named > now:
        return today.year - 1
    if direction == "future" and named < now:
        return today.year + 1
    return today.year


def _shift(spec, today: date | None) -> tuple[str | None, str, str]:
    unit = spec.unit
    pattern = f"{'PAST' if (spec.amount or 0) < 0 else 'FUTURE' if (spec.amount or 0) > 0 else 'PRESENT'}_REF"
    if today is None or spec.amount is None:
        return None, "vague" if spec.amount is None else unit, pattern
    amount = int(spec.amount)
    if unit == "day":
        return (today + timedelta(days=amount)).isoformat(), "day", pattern
    if unit == "week":
        year, week, _ = (today + timedelta(weeks=amount)).isocalendar()
        return f"{year}-W{week:02d}", "week", pattern
    if unit in ("month", "quarter"):
        months = today.year * 12 + today.month - 1 + amount * (3 if unit == "quarter" else 1)
        year, month = divmod(months, 12)
        if unit == "quarter":
            return f"{year}-Q{month // 3 + 1}", "quarter", pattern
        return f"{year}-{month + 1:02d}", "month", pattern
    if unit == "decade":
        return str(today.year + 10 * amount)[:3], "decade", pattern
    return str(today.year + amount), "year", pattern
