"""Places: NER locations split into COUNTRY, CITY and LOCATION, and countries named by adjectives.

Each location span is looked up by lemma in the country and region lexicons, then by its
nominative form among the cities of the gazetteer (most populous first). Country and region
names the NER model missed are added when written as proper names, and adjectives of
countries (`французских и греческих инструкторов`) become mentions of those countries.
"""

from __future__ import annotations

from ..document import Coverage, Document, Span
from ..lang.base import Language
from ..lexicon import Place

PLACE_POS = {"PROPN", "NOUN"}
BIG_CITY = 100_000


def run(doc: Document, lang: Language) -> Document:
    words = [t.text for t in doc.tokens]
    spans = []
    for span in doc.spans:
        if span.type == "LOC":
            span = _classify(doc, lang, words, span)
        spans.append(span)
    spans += _unlabelled_places(doc, lang, words, spans)
    spans += _adjectives(doc, lang, spans)
    doc.spans = sorted(spans, key=lambda s: (s.first, -s.last))
    return doc


def _classify(doc: Document, lang: Language, words: list[str], span: Span) -> Span:
    tokens = doc.tokens
    if all(t.pos == "ADJ" for t in tokens[span.first : span.last]):
        return _adjective_with_shared_noun(doc, lang, span)
    first = span.first
    descriptor = _place_type(doc, lang, first - 1)
    match = lang.lexicon.places.match(words, first)
    if match and first + match[0] == span.last:
        return _place_span(first, span.last, match[1])  # a country or region by itself
    found = _city(doc, lang, span)
    if found is not None and descriptor is not None and descriptor.kind not in ("admin", "settlement"):
        # `улицы Лондона` are London's streets, but `площади Свободы` is no town called Свобода
        found = found if found[0].population >= BIG_CITY else None
    if found is not None:
        city, name = found  # `улицы Лондона` is London, `городе Тольятти` Тольятти
        return Span(span.first, span.last, "CITY", key=city.key, normal=name)
    if descriptor is not None and descriptor.in_name and tokens[first - 1].sent == tokens[first].sent:
        first -= 1  # площади Свободы, реки Кура, провинции Карс
        match = lang.lexicon.places.match(words, first)
        if match and first + match[0] == span.last:
            return _place_span(first, span.last, match[1])
    return Span(first, span.last, "LOCATION", normal=lang.phrase_name(tokens, first, span.last))


def _place_type(doc: Document, lang: Language, i: int):
    if i < 0 or doc.tokens[i].pos != "NOUN":
        return None
    return lang.lexicon.place_types.get(lang.lemma(doc.tokens[i]))


def _city(doc: Document, lang: Language, span: Span) -> tuple[Place, str] | None:
    """The most populous city of that name, and the name; an unknown word is tried with its
    dictionary forms and then with the usual case endings (Габале → Габала)."""
    normal = lang.phrase_name(doc.tokens, span.first, span.last)
    candidates = [normal]
    word = doc.tokens[span.first].text
    if span.last - span.first == 1 and len(word) > 3:
        candidates += sorted(lang.lemmas(word))
        candidates += [word[:-1] + ending for ending in ("а", "", "я", "ь")]
    for name in candidates:
        places = lang.cities.lookup(name)
        if places:
            return places[0], name[:1].upper() + name[1:]
    return None


def _adjective_with_shared_noun(doc: Document, lang: Language, span: Span) -> Span:
    """`Курской` in `Белгородской, Курской и Брянской областях` is the Курская область."""
    tokens = doc.tokens
    noun = tokens[span.last - 1].head
    seen = 0
    while 0 <= noun < len(tokens) and tokens[noun].pos != "NOUN" and seen < 6:
        noun, seen = tokens[noun].head, seen + 1
    descriptor = _place_type(doc, lang, noun) if 0 <= noun < len(tokens) else None
    if descriptor is None or tokens[noun].sent != tokens[span.first].sent:
        return Span(span.first, span.last, "LOCATION", normal=lang.phrase_name(tokens, span.first, span.last))
    normal = lang.agreed_name(tokens[span.first : span.last], tokens[noun])
    match = lang.lexicon.places.match(normal.split(), 0)
    if match and match[0] == len(normal.split()):
        return Span(span.first, span.last, match[1].type, key=match[1].key, normal=match[1].name)
    return Span(span.first, span.last, "LOCATION", normal=normal)


def _place_span(first: int, last: int, place: Place, kind: str = "name") -> Span:
    return Span(first, last, place.type, kind=kind, key=place.key, normal=place.name)


def _unlabelled_places(doc: Document, lang: Language, words: list[str], spans: list[Span]) -> list[Span]:
    """Country and region names written as proper names that the NER model did not tag."""
    taken = Coverage(spans)
    found = []
    i = 0
    while i < len(words):
        token = doc.tokens[i]
        if not token.text[:1].isupper() or i in taken.tokens:
            i += 1
            continue
        match = lang.lexicon.places.match(words, i)
        if match:
            last = i + match[0]
            single_word_ok = match[0] > 1 or token.pos in PLACE_POS or token.text.isupper()
            free = not taken.overlaps(i, last)
            if single_word_ok and free and doc.tokens[last - 1].sent == token.sent:
                found.append(_place_span(i, last, match[1]))
                i = last
                continue
        i += 1
    return found


def _adjectives(doc: Document, lang: Language, spans: list[Span]) -> list[Span]:
    """`греческих`, `армянской`: adjectives of countries and regions, outside place names
    and the names of known organisations (`Европейского союза` is no mention of Europe)."""
    known = lang.lexicon.organizations
    places = Coverage(s for s in spans if s.type in ("COUNTRY", "CITY", "LOCATION") or s.key in known)
    found = []
    for i, token in enumerate(doc.tokens):
        if token.pos != "ADJ" or i in places.tokens:
            continue
        place = lang.lexicon.adjectives.get(lang.lemma(token))
        if place is not None:
            found.append(_place_span(i, i + 1, place, kind="adjective"))
    return found
