"""In-document coreference: mentions become entities.

Persons merge by surname (`сэр Джон Эванс` … `Эванс` … `сэр Эванс`): a full name
opens an entity, a lone surname or first name joins the entity it names (the nearest one
before it when two share it). Organisations merge by canonical name or key, so an
abbreviation linked to its expansion joins it; an abbreviation that spells the initials
of a longer name in the document joins that name. Places merge by gazetteer key (ISO
code, region, GeoNames id). Nested spans of the same type (a name inside a longer one)
are kept only as mentions of their own entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Document, Entity, Mention, Span
from ..lang.base import Language

FUNCTION_WORDS = {"и", "по", "в", "во", "на", "за", "при", "для", "с", "о", "об", "из", "к", "от", "до"}


def run(doc: Document, lang: Language) -> Document:
    _persons_taken_for_names(doc, lang)
    aliases = _bracketed_names(doc)
    alias_ids = {id(a) for a, _ in aliases}
    spans = [s for s in doc.spans if id(s) not in alias_ids]
    clusters: list[Cluster] = []
    clusters += _person_clusters([s for s in spans if s.type == "PERSON"], lang)
    others = _other_names(doc, lang)  # a company named like a city or a person keeps its describing word
    clusters += _org_clusters(doc, [s for s in spans if s.type == "ORGANIZATION"], lang, others)
    clusters += _keyed_clusters([s for s in spans if s.type in ("COUNTRY", "CITY", "LOCATION")], lang)
    owner = {id(span): cluster for cluster in clusters for span in cluster.spans}
    for alias, named in aliases:
        owner[id(named)].add(alias)
    doc.spans = spans + [alias for alias, _ in aliases]
    clusters.sort(key=lambda c: min(s.first for s in c.spans))
    doc.entities = [c.entity(doc, f"e{n}", lang, others) for n, c in enumerate(clusters, 1)]
    return doc


class Cluster:
    def __init__(self, span: Span):
        self.spans = [span]
        self.type = span.type

    def add(self, span: Span) -> None:
        self.spans.append(span)

    def names(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "name"] or self.spans

    def entity(self, doc: Document, entity_id: str, lang: Language, others: set[str]) -> Entity:
        spans = _outermost(sorted(self.spans, key=lambda s: (s.first, -s.last)))
        for span in spans:
            span.entity = entity_id
        mentions = [Mention(*doc.span_chars(s.first, s.last), doc.span_text(s.first, s.last), s.kind) for s in spans]
        entity = Entity(entity_id, self.type, self._name(doc, lang, others), mentions)
        entity.titles = _unique(t for s in spans for t in s.titles)
        entity.aliases = _unique(
            alias
            for s in spans
            if s.kind != "adjective"
            for alias in (s.normal if s.kind in ("name", "descriptor") else doc.span_text(s.first, s.last), s.written)
        )
        entity.aliases = [a for a in entity.aliases if a != entity.name]
        if self.type == "PERSON":
            entity.name_parts = self._name_parts()
        return entity

    def _name(self, doc: Document, lang: Language, others: set[str]) -> str:
        if self.type == "PERSON":
            return self._person_name(doc)
        known = next((lang.lexicon.organizations[s.key] for s in self.spans if s.key in lang.lexicon.organizations), None)
        if self.type == "ORGANIZATION" and known is not None:
            return known.name
        names = self.names()
        keyed = [s for s in names if s.kind == "name"]
        best = max(keyed or names, key=lambda s: (s.last - s.first, -s.first))
        if self.type == "ORGANIZATION":
            return _without_kind_word(best.normal or "", lang, others)
        return best.normal or ""

    def _person_name(self, doc: Document) -> str:
        """The fullest name; among equally full ones one written in the nominative as it stands
        (an unknown name in an oblique case keeps its form: `Нааму` beside `Наама`), then the most
        often given, so that one badly declined form (`Мигеля Диаса-Канеля` → `Диаса-Канель`)
        does not win by its length."""
        names = self.names()
        normals = [s.normal or "" for s in names]
        as_written = {s.normal for s in names if doc.tokens[s.first].feats.get("Case") == "Nom" and doc.span_text(s.first, s.last) == s.normal}
        return max(normals, key=lambda n: (len(n.split()), n in as_written, normals.count(n), len(n)))

    def _name_parts(self) -> dict[str, str]:
        parts: dict[str, str] = {}
        for span in sorted(self.spans, key=lambda s: -len(s.parts)):
            for word, role in span.parts:
                if role in ("first", "middle", "last"):
                    parts.setdefault(role, word)
        return parts


# kinds of organisation whose type word only describes the name after it (`компания Twitter`,
# `ОАО «Газпром»`, `газета «Коммерсант»`), unlike `Движение «За права человека»`, whose word is
# part of the name
DESCRIBED_KINDS = {"business", "media"}
DESCRIBING_WORDS = {"партия", "группировка"}
QUOTES = "«»\"„“”"


def _other_names(doc: Document, lang: Language) -> set[str]:
    """The names of the document's people (also by surname) and places, folded."""
    names = set()
    for span in doc.spans:
        if span.type in ("PERSON", "COUNTRY", "CITY", "LOCATION"):
            name = lang.fold(span.normal or doc.span_text(span.first, span.last))
            names |= {name, name.split()[-1]} if span.type == "PERSON" and name else {name}
    return names


def _without_kind_word(name: str, lang: Language, others: set[str]) -> str:
    """The name without a type word that only describes it: `компания Twitter` → Twitter,
    `ОАО «Белтрансгаз»` → Белтрансгаз; kept when what is left is a place's or a person's name
    (`банк «Россия»`, `компания «Москва»`, `партия «Шор»`)."""
    first, _, rest = name.partition(" ")
    kind = next((lang.lexicon.org_types[l] for l in lang.lexicon.lemmas(first.lower()) if l in lang.lexicon.org_types), None)
    if not rest or kind is None or not (kind.kind in DESCRIBED_KINDS or kind.lemma in DESCRIBING_WORDS):
        return name
    quoted = rest[0] in QUOTES and rest[-1] in QUOTES and sum(rest.count(q) for q in QUOTES) == 2
    latin = all(re.fullmatch(r"[A-Za-z][A-Za-z0-9&.'-]*", w) for w in rest.split())
    if not (quoted or latin):
        return name
    inner = rest.strip(QUOTES).strip()
    words = inner.split()
    place = lang.lexicon.places.match(words, 0)
    if not inner or (place is not None and place[0] == len(words)) or lang.fold(inner) in others or lang.cities.lookup(inner):
        return name
    return inner


def _unique(items: Iterable[str]) -> list[str]:
    """Each alias once, whatever its case."""
    seen: dict[str, str] = {}
    for item in items:
        if item and item.lower() not in seen:
            seen[item.lower()] = item
    return list(seen.values())


def _outermost(spans: list[Span]) -> list[Span]:
    """Spans sorted by start (longest first) without those inside an earlier one of the list:
    `Объединенных Наций` inside `Организация Объединенных Наций` is not a second mention."""
    kept: list[Span] = []
    for span in spans:
        if not kept or span.first >= kept[-1].last:
            kept.append(span)
        else:
            span.entity = None
    return kept


# ----- persons the NER model took for something else -----
def _persons_taken_for_names(doc: Document, lang: Language) -> None:
    """`аш-Шараа` tagged as an organisation after `Ахмед аш-Шараа`: a span without a known key
    whose words are a person's surname in the document is that person."""
    surnames = {lang.fold(w): (w, r) for s in doc.spans if s.type == "PERSON" for w, r in s.parts if r == "last"}
    for span in doc.spans:
        if span.type in ("ORGANIZATION", "LOCATION") and span.kind == "name" and span.last - span.first == 1:
            known = span.type == "ORGANIZATION" and span.key in lang.lexicon.organizations
            word = doc.tokens[span.first].text
            forms = [lang.fold(word), *sorted(lang.lemmas(word))]  # as written first; in a fixed order, not a set's
            surname = next((surnames[f] for f in forms if f in surnames), None)
            if surname and not known:
                span.type, span.normal, span.parts, span.key = "PERSON", surname[0], [surname], None


# ----- names in brackets -----
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.&-]*$")
MAX_BRACKETED = 8


def _bracketed_names(doc: Document) -> list[tuple[Span, Span]]:
    """`Марта Кессель (Martha Kessel)`, `Бельвю (Bellevue)`: a name in Latin script in brackets
    right after a name is another mention of it. Returns (alias span, the span it names)."""
    tokens = doc.tokens
    by_first = {s.first: s for s in doc.spans}
    found = []
    for span in doc.spans:
        i = span.last
        if span.kind != "name" or i >= len(tokens) or tokens[i].text != "(":
            continue
        close = next((j for j in range(i + 1, min(i + MAX_BRACKETED + 2, len(tokens))) if tokens[j].text == ")"), None)
        words = tokens[i + 1 : close] if close else []
        if not words or words[0].sent != span_sent(doc, span) or not words[0].text[:1].isupper():
            continue
        if not all(LATIN_NAME.match(t.text) for t in words):
            continue
        if span.type != "ORGANIZATION" and len(words) == 1 and words[0].text.isupper():
            continue  # an acronym after a place or person names something else: в Армении (EUMA)
        existing = by_first.get(i + 1)
        if existing is not None and existing.last == close:
            existing.type, existing.kind = span.type, "alias"
            found.append((existing, span))
        elif existing is None or existing.last < close:
            found.append((Span(i + 1, close, span.type, kind="alias", normal=doc.span_text(i + 1, close)), span))
    return found


def span_sent(doc: Document, span: Span) -> int:
    return doc.tokens[span.first].sent


# ----- persons -----
def _person_clusters(spans: list[Span], lang: Language) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_surname: dict[str | None, list[Cluster]] = {}
    by_word: dict[str, list[Cluster]] = {}

    def index(cluster: Cluster, span: Span) -> None:
        for word, role in span.parts:
            if role in ("first", "last"):
                bucket = by_word.setdefault(lang.fold(word), [])
                if cluster not in bucket:
                    bucket.append(cluster)

    for span in sorted((s for s in spans if _named_words(s) >= 2), key=lambda s: s.first):
        surname = _part(span, "last", lang)
        target = next((c for c in by_surname.get(surname, []) if _same_person(c, span, lang)), None)
        if target is None:
            target = Cluster(span)
            clusters.append(target)
            by_surname.setdefault(surname, []).append(target)
        else:
            target.add(span)
        index(target, span)
    for span in sorted((s for s in spans if _named_words(s) < 2), key=lambda s: s.first):
        word = _part(span, "last", lang) or _part(span, "first", lang) or lang.fold(span.normal or "")
        candidates = by_word.get(word) or _by_lemma(span, by_word, lang)
        if candidates:
            _nearest(candidates, span).add(span)
        else:
            cluster = Cluster(span)
            clusters.append(cluster)
            index(cluster, span)
    return clusters


def _by_lemma(span: Span, by_word: dict[str, list[Cluster]], lang: Language) -> list[Cluster] | None:
    """A lone surname left as written (`самолёт Моралеса`) joins the person whose name is one of
    its dictionary forms."""
    if span.last - span.first != 1:
        return None
    words = [lang.fold(w) for w, _ in span.parts] or [lang.fold(span.normal or "")]
    for word in words:
        for lemma in sorted({lang.fold(form) for form in lang.lemmas(word)}):
            if lemma in by_word:
                return by_word[lemma]
    return None


def _named_words(span: Span) -> int:
    return sum(1 for _, role in span.parts if role in ("first", "middle", "last", "other"))


def _part(span: Span, role: str, lang: Language) -> str | None:
    return next((lang.fold(w) for w, r in span.parts if r == role), None)


def _same_person(cluster: Cluster, span: Span, lang: Language) -> bool:
    """Same surname and no first names (or initials) that disagree."""
    last = _part(span, "last", lang)
    first = _part(span, "first", lang) or _part(span, "initial", lang)
    for other in cluster.spans:
        other_first = _part(other, "first", lang) or _part(other, "initial", lang)
        if _part(other, "last", lang) == last and (not first or not other_first or first[0] == other_first[0]):
            return True
    return False


def _nearest(clusters: list[Cluster], span: Span) -> Cluster:
    """The cluster mentioned last before the span; failing that, the first one after it."""
    def distance(cluster: Cluster) -> tuple[int, int]:
        before = [span.first - s.first for s in cluster.spans if s.first < span.first]
        after = [s.first - span.first for s in cluster.spans if s.first > span.first]
        return (0, min(before)) if before else (1, min(after))

    return min(clusters, key=distance)


# ----- organisations -----
def _org_clusters(doc: Document, spans: list[Span], lang: Language, others: set[str]) -> list[Cluster]:
    """By key; an abbreviation (a lone upper-case word) joins the name it was given for in
    brackets earlier, or the name whose initials it spells."""
    by_key: dict[str, Cluster] = {}
    given = {lang.fold(doc.span_text(s.first, s.last)): s.key for s in spans if s.kind == "abbreviation" and s.key}
    for span in sorted(spans, key=lambda s: (_is_acronym(doc, s), s.first)):
        key = _without_kind_word(span.key or lang.fold(span.normal or ""), lang, others)  # `компания Twitter` and `Twitter` are one
        if _is_acronym(doc, span) and key not in by_key:
            key = given.get(lang.fold(doc.span_text(span.first, span.last))) or _expansion_key(span, by_key, lang) or key
        if key in by_key:
            by_key[key].add(span)
        else:
            by_key[key] = Cluster(span)
    _bare_names_joined(doc, by_key, lang)
    return list(by_key.values())


def _bare_names_joined(doc: Document, by_key: dict[str, Cluster], lang: Language) -> None:
    """`Конституционный суд` after `Конституционный суд Молдавии`: a name without the country or
    city that ends the one other name of the document joins it."""
    places = [s for s in doc.spans if s.type in ("COUNTRY", "CITY")]
    fuller: dict[str, set[str]] = {}
    for key, cluster in by_key.items():
        for span in cluster.names():
            words = (span.normal or "").split()
            for place in places:
                size = place.last - place.first
                if span.first < place.first and place.last == span.last and len(words) > size:
                    fuller.setdefault(lang.fold(" ".join(words[:-size])), set()).add(key)
    for bare, keys in fuller.items():
        if len(keys) == 1 and bare in by_key and bare not in keys:
            cluster = by_key[next(iter(keys))]
            for span in by_key.pop(bare).spans:
                cluster.add(span)


def _is_acronym(doc: Document, span: Span) -> bool:
    text = doc.span_text(span.first, span.last)
    return span.last - span.first == 1 and text.isupper() and len(text) > 1


def _expansion_key(span: Span, clusters: dict[str, Cluster], lang: Language) -> str | None:
    """The key of an organisation whose name's initials spell the abbreviation."""
    letters = lang.fold(span.normal or "")
    for key, cluster in clusters.items():
        for name in cluster.names():
            words = [w for w in (name.normal or "").replace("-", " ").split() if lang.fold(w) not in FUNCTION_WORDS]
            if len(words) >= 2 and lang.fold("".join(w[0] for w in words if w[:1].isalpha())) == letters:
                return key
    return None


# ----- places -----
def _keyed_clusters(spans: list[Span], lang: Language) -> list[Cluster]:
    by_key: dict[tuple[str, str], Cluster] = {}
    for span in sorted(spans, key=lambda s: (s.kind != "name", s.first)):
        key = (span.type, span.key or lang.fold(span.normal or ""))
        if key in by_key:
            by_key[key].add(span)
        else:
            by_key[key] = Cluster(span)
    return list(by_key.values())
