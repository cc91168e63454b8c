"""Countries and coordinates of entities.

A country is itself; a city lies in its GeoNames country (of several cities of one name, the
one in a country the article mentions, else the most populous: Лондон is London, GB, unless
the story is about Canada); a region in the country the
lexicon gives (supranational regions list their member states instead). An organisation
belongs to the country the lexicon gives, else to the country named inside its name
(`Центр … Азербайджанской армии`, `МИД России`). A person acts for the country named in the
descriptor written right before the name (`министр обороны Франции генерал Жан Дюпон`).
"""

from __future__ import annotations

from collections import defaultdict

from ..document import Document, Entity, Span
from ..lang.base import Language
from ..lexicon import Place

PLACE_TYPES = ("COUNTRY", "CITY", "LOCATION")
DESCRIPTOR_POS = {"NOUN", "PROPN", "ADJ"}
MAX_DESCRIPTOR = 8


def run(doc: Document, lang: Language) -> Document:
    inside = _Inside(doc.spans)
    spans_of: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans:
        if span.entity:
            spans_of[span.entity].append(span)
    mentioned = {e.country for e in doc.entities if e.type == "COUNTRY"}
    for entity in doc.entities:
        spans = spans_of[entity.id]
        if entity.type in PLACE_TYPES:
            _locate(entity, spans, lang, mentioned)
        elif entity.type == "ORGANIZATION":
            entity.country = _known_org_country(spans, lang) or _country_inside(inside, spans, lang)
        elif entity.type == "PERSON":
            entity.country = _descriptor_country(doc, inside, spans, lang)
    return doc


def place_of(span: Span, lang: Language) -> Place | None:
    if span.type == "COUNTRY":
        return lang.lexicon.countries.get(span.key or "")
    if span.type == "LOCATION":
        return lang.lexicon.regions.get(span.key or "")
    if span.type == "CITY":
        return lang.cities.by_id.get(span.key or "")
    return None


def _locate(entity: Entity, spans: list[Span], lang: Language, mentioned: set[str | None]) -> None:
    place = next((p for p in (place_of(s, lang) for s in spans) if p), None)
    if place is None:
        return
    if place.type == "CITY" and place.country not in mentioned:
        # of the cities of that name, one in a country the article mentions, else the largest
        namesakes = lang.cities.lookup(entity.name)
        place = next((p for p in namesakes if p.country in mentioned), place)
    entity.country = place.country
    entity.geo = place.geo
    entity.members = list(place.members)


def _known_org_country(spans: list[Span], lang: Language) -> str | None:
    known = (lang.lexicon.organizations.get(s.key or "") for s in spans)
    return next((org.country for org in known if org and org.country), None)


class _Inside:
    """Spans by their first and last token, to find the spans inside or before another quickly."""

    def __init__(self, spans: list[Span]):
        self.starts: dict[int, list[Span]] = defaultdict(list)
        self.ends: dict[int, Span] = {}  # the place or organisation ending at a token boundary
        for span in spans:
            self.starts[span.first].append(span)
            if span.type in PLACE_TYPES + ("ORGANIZATION",):
                self.ends.setdefault(span.last, span)

    def __call__(self, outer: Span):
        for first in range(outer.first, outer.last):
            for span in self.starts.get(first, ()):
                if span is not outer and span.last <= outer.last:
                    yield span


def _country_inside(inside: _Inside, spans: list[Span], lang: Language) -> str | None:
    """The country of a place or known organisation named inside: `пресс-служба Кремля` → RUS."""
    for span in spans:
        for inner in inside(span):
            if inner.type in PLACE_TYPES:
                place = place_of(inner, lang)
                if place and place.country:
                    return place.country
            elif inner.type == "ORGANIZATION" and (country := _known_org_country([inner], lang)):
                return country
    return None


def _descriptor_country(doc: Document, inside: _Inside, spans: list[Span], lang: Language) -> str | None:
    """The country in the noun phrase right before a mention: `президентом Азербайджана Ильхамом`.
    A place of something on the way is passed over: `Посол США в Армении Кристина Квин` → USA."""
    for span in sorted(spans, key=lambda s: s.first):
        i = span.first
        sent = doc.tokens[i].sent
        steps = 0
        while i > 0 and steps < MAX_DESCRIPTOR:
            if "\n" in doc.text[doc.tokens[i - 1].end : doc.tokens[i].start]:
                break  # a headline without a full stop ends at its line: it describes no one on the next
            inner = inside.ends.get(i)
            if inner is not None and inner.first < i:
                if inner.type in PLACE_TYPES and lang.is_locative(doc, inner.first, inner.last):
                    i = inner.first - 1 if inner.first > 0 and doc.tokens[inner.first - 1].pos == "ADP" else inner.first
                    continue
                country = _span_country(inside, inner, lang)
                if country:
                    return country
                i = inner.first
                continue
            token = doc.tokens[i - 1]
            person_ends_here = any(s.type == "PERSON" for s in inside.starts.get(i - 1, ()))
            if token.sent != sent or token.pos not in DESCRIPTOR_POS or person_ends_here:
                break
            i -= 1
            steps += 1
    return None


def _span_country(inside: _Inside, span: Span, lang: Language) -> str | None:
    place = place_of(span, lang)
    if place is not None:
        return place.country
    if span.type == "ORGANIZATION":
        return _known_org_country([span], lang) or _country_inside(inside, [span], lang)
    return None
