"""Organisations: full multi-word names, known organisations, abbreviations.

The NER model often stops short of the whole name. Over the dependency parse, a span is
completed to its head noun (`Армянской гуманитарной` + `и образовательной миссии`), joined
with the genitive name that completes it (`Центре подготовки и переподготовки` + `Грузинской
армии`), and given its type word before a quoted name (`фонда «Открытый диалог»`).
Organisations from the lexicon are found by lemma (`Совета Безопасности ООН`), and an abbreviation in brackets after a name (`Совет молодых предпринимателей (СМП)`)
becomes a mention of the same organisation.
"""

from __future__ import annotations

from ..document import Coverage, Document, Span, Token
from ..lang.base import Language
from ..ud import CLOSING_QUOTES, OPENING_QUOTES, is_modifier, span_heads

COMPLETION_POS = {"ADJ", "CCONJ", "PUNCT", "ADV", "NUM", "DET"}
MAX_COMPLETION = 6  # tokens between a span and the head noun it is completed to
MAX_DECORATION = 6  # quotes, adjectives and a type word before a known name
MAX_GENITIVE_GAP = 4  # common genitive words between a name and the named genitive that completes it


def run(doc: Document, lang: Language) -> Document:
    words = [t.text for t in doc.tokens]
    orgs = [s for s in doc.spans if s.type == "ORG"]
    others = [s for s in doc.spans if s.type != "ORG"]
    orgs = [_complete_to_head(doc, s) for s in orgs]
    orgs = [_with_quotes_and_type(doc, lang, s) for s in orgs]
    orgs = [_with_place_adjective(doc, lang, s) for s in orgs]
    orgs = [_with_modifiers(doc, lang, s) for s in orgs]
    orgs = _join_complements(doc, orgs, others)
    orgs += _type_word_with_place(doc, lang, orgs, others)
    orgs += _type_word_with_quoted_name(doc, lang, orgs + others)
    orgs += _bodies_of_a_place(doc, lang, orgs + others)
    orgs = _add_known(doc, lang, words, orgs, others)
    places = {o.first: o for o in others if o.type in ("LOC", "CITY", "LOCATION")}
    orgs = [_with_named_place(doc, lang, s, places) for s in orgs]
    others = [s for s in others if s.type != "ORG"]
    for span in orgs:
        span.type = "ORGANIZATION"
        if span.normal is None:
            span.normal = lang.phrase_name(doc.tokens, span.first, span.last)
            canonical = body_of_country(doc, lang, span.first, span.last)
            if canonical:
                span.written, span.normal = span.normal, canonical
        if span.key is None:
            span.key = lang.lexicon.org_key(span.normal)
    orgs = _bracketed_abbreviations(doc, _unique(orgs, lang), lang)
    doc.spans = sorted(others + orgs, key=lambda s: (s.first, -s.last))
    return doc


STATE_SECTORS = {"GOV", "LEG", "JUD", "COP", "SPY", "MIL"}


def body_of_country(doc: Document, lang: Language, first: int, last: int) -> str | None:
    """`британская полиция` → `полиция Великобритании`, `японский парламент` → `парламент Японии`:
    a state body named by its kind and a country's adjective (tokens first, first + 1) gets the
    name it has with the country, the same in every document however it was written. A proper
    name (`Российская газета`, written with a capital inside a sentence) and other kinds of body
    keep theirs."""
    if last - first != 2:
        return None
    adjective, head = doc.tokens[first], doc.tokens[first + 1]
    place = lang.lexicon.adjectives.get(lang.lemma(adjective))
    kind = lang.lexicon.org_types.get(lang.lemma(head))
    if adjective.pos != "ADJ" or place is None or place.type != "COUNTRY" or kind is None or kind.sector not in STATE_SECTORS:
        return None
    if adjective.text[:1].isupper() and _capitalised_inside_a_sentence(doc, lang.lemma(adjective), lang):
        return None
    body = lang.phrase_name(doc.tokens, first + 1, last)
    body = body if head.text.isupper() else body[:1].lower() + body[1:]  # МИД stays
    return f"{body} {lang.place_genitive(place.name)}"


def _capitalised_inside_a_sentence(doc: Document, lemma: str, lang: Language) -> bool:
    starts = {s.first for s in doc.sentences}
    return any(t.text[:1].isupper() and k not in starts and lang.lemma(t) == lemma for k, t in enumerate(doc.tokens))


def _complete_to_head(doc: Document, span: Span) -> Span:
    """Extend a span that ends in modifiers to the noun they modify."""
    tokens = doc.tokens
    if any(_heads_outside(tokens, i, span) and tokens[i].pos in ("NOUN", "PROPN") for i in range(span.first, span.last)):
        return span
    targets = {tokens[i].head for i in range(span.first, span.last) if _heads_outside(tokens, i, span)}
    targets = {t for t in targets if span.last <= t < span.last + MAX_COMPLETION}
    for target in sorted(targets):
        head = tokens[target]
        between = tokens[span.last : target]
        if head.pos == "NOUN" and head.sent == tokens[span.first].sent and all(t.pos in COMPLETION_POS for t in between):
            return Span(span.first, target + 1, span.type)
    return span


def _heads_outside(tokens: list[Token], i: int, span: Span) -> bool:
    return not span.first <= tokens[i].head < span.last


def _with_quotes_and_type(doc: Document, lang: Language, span: Span) -> Span:
    """`«Открытый диалог»` takes its quotes, and the type word before them: `фонда «Открытый диалог»`."""
    tokens = doc.tokens
    first, last = span.first, span.last
    if first > 0 and last < len(tokens) and tokens[first - 1].text in OPENING_QUOTES and tokens[last].text in CLOSING_QUOTES:
        first, last = first - 1, last + 1
    quotes = sum(1 for t in tokens[first:last] if t.text in OPENING_QUOTES + CLOSING_QUOTES)
    if quotes % 2 and last < len(tokens) and tokens[last].text in CLOSING_QUOTES:
        last += 1  # `партия "Грузинская мечта` + the closing quote
    if tokens[first].text in OPENING_QUOTES and first > 0:
        before = tokens[first - 1]
        if before.pos in ("NOUN", "PROPN") and before.sent == tokens[first].sent and lang.lemma(before) in lang.lexicon.org_types:
            first -= 1
    if (first, last) == (span.first, span.last):
        return span
    return Span(first, last, span.type)


def _with_named_place(doc: Document, lang: Language, span: Span, places: dict[int, Span]) -> Span:
    """`прокуратура города Павия`, `прокуратура Ленинского района города Уфа`: a name ending in, or
    followed by, a place's type word in the genitive takes the place's name after it."""
    tokens = doc.tokens
    last = span.last
    for word in (last - 1, last):  # the name's own last word, or the word after it
        if word <= span.first or word >= len(tokens) or tokens[word].sent != tokens[span.first].sent:
            continue
        place_type = lang.lexicon.place_types.get(lang.lemma(tokens[word]))
        place = places.get(word + 1)
        if place_type is not None and tokens[word].feats.get("Case") == "Gen" and place is not None and tokens[place.first].sent == tokens[word].sent:
            last = max(last, place.last)
    return Span(span.first, last, span.type) if last != span.last else span


def _with_place_adjective(doc: Document, lang: Language, span: Span) -> Span:
    """`турецкого МИДа`, `грузинского Минфина`: a country's adjective belongs to the name."""
    tokens = doc.tokens
    i = span.first - 1
    if i < 0 or tokens[i].pos != "ADJ" or tokens[i].sent != tokens[span.first].sent:
        return span
    case = tokens[span.first].feats.get("Case")
    if tokens[i].feats.get("Case") != case or lang.lemma(tokens[i]) not in lang.lexicon.adjectives:
        return span
    return Span(i, span.last, span.type)


def _type_word_with_place(doc: Document, lang: Language, orgs: list[Span], others: list[Span]) -> list[Span]:
    """`правительства Армении`, `мэрии Баку`, `внешнеполитического ведомства Турции`: a body named
    by its type and the place it belongs to; and `фракции КПРФ`, `пресс-службы МЧС`: a body
    inside a named organisation."""
    tokens = doc.tokens
    found = []
    named = Coverage(orgs)
    for owner in others + orgs:
        i, genitive = owner.first - 1, owner.first
        if owner.type == "LOC" and i > 0 and lang.lexicon.place_types.get(lang.lemma(tokens[i])):
            i, genitive = i - 1, i  # `прокуратура города Уфа`: the place's type word stands in the genitive
        # a type word opening a sentence may be tagged PROPN (`Парламент Киргизии утвердил`)
        if owner.type not in ("LOC", "ORG") or i < 0 or tokens[i].pos not in ("NOUN", "PROPN") or tokens[i].sent != tokens[owner.first].sent:
            continue
        org_type = lang.lexicon.org_types.get(lang.lemma(tokens[i]))
        if org_type is None or tokens[genitive].feats.get("Case") != "Gen":
            continue
        if owner.type == "LOC" and not org_type.sector or owner.type == "ORG" and not tokens[i].text.islower():
            continue
        first = i
        while first > 0 and is_modifier(tokens[first - 1]) and tokens[first - 1].feats.get("Case") == tokens[i].feats.get("Case"):
            first -= 1
        if not named.covers(first, owner.last):
            found.append(Span(first, owner.last, "ORG"))
    return found


def _with_modifiers(doc: Document, lang: Language, span: Span) -> Span:
    """`синодального Отдела по …`, `футбольного клуба «…»`: the adjectives before a name that
    opens with its type word agree with that word and belong to the name."""
    tokens = doc.tokens
    head = tokens[span.first]
    if head.pos not in ("NOUN", "PROPN") or lang.lemma(head) not in lang.lexicon.org_types:
        return span
    first = span.first
    while first > 0 and tokens[first - 1].sent == head.sent and tokens[first - 1].pos == "ADJ" and tokens[first - 1].feats.get("Case") == head.feats.get("Case"):
        first -= 1
    return span if first == span.first else Span(first, span.last, span.type)


def _type_word_with_quoted_name(doc: Document, lang: Language, spans: list[Span]) -> list[Span]:
    """`фонд «Открытый диалог»`, `газета «Коммерсант»`: a type word and a quoted name
    the NER model did not tag."""
    tokens = doc.tokens
    found = []
    taken = Coverage(spans)
    for i, token in enumerate(tokens[:-2]):
        if token.pos != "NOUN" or tokens[i + 1].text not in OPENING_QUOTES or not tokens[i + 2].text[:1].isupper():
            continue
        org_type = lang.lexicon.org_types.get(lang.lemma(token))
        close = next((j for j in range(i + 2, min(i + 10, len(tokens))) if tokens[j].text in CLOSING_QUOTES), None)
        if org_type is None or close is None or tokens[close].sent != token.sent:
            continue
        if not taken.overlaps(i, close + 1):
            found.append(Span(i, close + 1, "ORG"))
    return found


def _bodies_of_a_place(doc: Document, lang: Language, spans: list[Span]) -> list[Span]:
    """`казахстанском министерстве энергетики`, `латвийская полиция`: a body of a country, named by the
    country's adjective, its type word and the words that complete it (a name), or described by
    the adjective and the type word alone (a descriptor mention)."""
    tokens = doc.tokens
    found = []
    taken = Coverage(spans)
    for i, token in enumerate(tokens):
        if token.pos != "ADJ" or lang.lemma(token) not in lang.lexicon.adjectives:
            continue
        case = token.feats.get("Case")
        j = i + 1
        while j < len(tokens) and is_modifier(tokens[j]) and tokens[j].feats.get("Case") == case:
            j += 1
        if j >= len(tokens) or tokens[j].pos != "NOUN" or tokens[j].feats.get("Case") != case:
            continue
        org_type = lang.lexicon.org_types.get(lang.lemma(tokens[j]))
        if org_type is None or not org_type.sector or tokens[j].sent != token.sent:
            continue
        last = j + 1
        while last < len(tokens) and last - j <= 3 and _genitive_word(tokens[last]) and tokens[last].head in range(j, last):
            last += 1  # министерстве энергетики, министерства иностранных дел
        if not taken.overlaps(i, last):
            # without words completing the type (`латвийская полиция`) the body is described, not named
            found.append(Span(i, last, "ORG", kind="name" if last > j + 1 else "descriptor"))
    return found


def _join_complements(doc: Document, orgs: list[Span], others: list[Span]) -> list[Span]:
    """ORG + a genitive ORG/LOC after it is one name: `мэрии Баку`, `МИД России`, and through
    common genitive words: `Учебный центр` + `миротворческой бригады` + `Вооруженных сил Армении`."""
    by_start = {s.first: s for s in orgs + others if s.type in ("ORG", "LOC")}
    joined_spans = []
    for span in orgs:
        joined = span
        while (nxt := _next_complement(doc, joined, by_start)) is not None:
            joined = Span(joined.first, nxt.last, "ORG")
        joined_spans.append(joined)
    return joined_spans


def _next_complement(doc: Document, span: Span, by_start: dict[int, Span]) -> Span | None:
    tokens = doc.tokens
    for gap in range(MAX_GENITIVE_GAP + 1):
        start = span.last + gap
        if gap and not _genitive_word(tokens[start - 1]):
            return None
        nxt = by_start.get(start)
        if nxt is not None:
            return nxt if _is_genitive_complement(doc, span, nxt) else None
        if start >= len(tokens):
            return None
    return None


def _genitive_word(token: Token) -> bool:
    return token.pos in ("ADJ", "NOUN") and token.feats.get("Case") == "Gen" and token.text[:1].islower()


def _is_genitive_complement(doc: Document, span: Span, nxt: Span) -> bool:
    """The next span is a genitive name right after this one. The parser's arc is not required:
    it often hangs a genitive complement on a far word (`Центре … образования Азербайджанской армии`)."""
    tokens = doc.tokens
    if tokens[nxt.first].sent != tokens[span.first].sent:
        return False
    heads = span_heads(tokens, nxt.first, nxt.last)
    return bool(heads) and tokens[heads[0]].feats.get("Case") == "Gen" and tokens[span.last - 1].pos in ("NOUN", "PROPN")


def _add_known(doc: Document, lang: Language, words: list[str], orgs: list[Span], others: list[Span]) -> list[Span]:
    """Organisations of the lexicon, matched by lemma from capitalised words.

    A match that is exactly a location span (`ЕС`, `в Кремле заявили`) turns it into an
    organisation (the institution is the actor news cares about); a
    match inside a longer organisation span that adds only quotes, type words and adjectives
    (`правящая партия «Грузинская мечта»`) names that span.
    """
    starts: dict[int, list[Span]] = {}
    for span in orgs:
        starts.setdefault(span.first, []).append(span)
    placed = Coverage(others)
    places = {(s.first, s.last): s for s in others if s.type == "LOC"}
    i = 0
    while i < len(words):
        token = doc.tokens[i]
        match = lang.lexicon.orgs.match(words, i) if token.text[:1].isupper() else None
        if not match or doc.tokens[i + match[0] - 1].sent != token.sent:
            i += 1
            continue
        first, last, org = i, i + match[0], match[1]
        i += 1  # names inside a known name are mentions too: ООН in `Совета Безопасности ООН`
        same_place = places.pop((first, last), None)
        if same_place is not None:
            same_place.type = "ORG"  # taken out of the places by run()
        elif placed.overlaps(first, last):
            continue
        nearby = [s for k in range(first - MAX_DECORATION, first + 1) for s in starts.get(k, ())]
        span = next((s for s in nearby if (s.first, s.last) == (first, last)), None)
        span = span or next((s for s in nearby if _decorates(doc, lang, s, first, last)), None)
        span = span or next((s for s in starts.get(first, ()) if _with_own_country(lang, words, s, last, org)), None)
        if span is None:
            # a known name that begins where an NER span begins replaces that shorter span
            span = Span(first, last, "ORG")
            starts[first] = [s for s in starts.get(first, []) if s.last > last] + [span]
        span.key = lang.fold(org.name)
        if (span.first, span.last) != (first, last):
            continue
        if _is_abbreviation(words, first, last):
            span.kind = "abbreviation"
            span.normal = words[first]
        else:
            span.normal = org.name
    return [span for spans in starts.values() for span in spans]


def _decorates(doc: Document, lang: Language, span: Span, first: int, last: int) -> bool:
    """The span is the quoted name [first, last) with only quotes, adjectives and a type word
    around it: `правящая партия «Грузинская мечта»`; an unquoted name next to a type word is a
    complement, another body: `пресс-служба Кремля`, `Совета ЕС`."""
    if not (span.first <= first and last <= span.last) or (span.first, span.last) == (first, last):
        return False
    tokens = doc.tokens
    if not (first > 0 and tokens[first - 1].text in OPENING_QUOTES):
        return False
    for k in range(span.first, span.last):
        if first <= k < last:
            continue
        token = tokens[k]
        if token.text in OPENING_QUOTES + CLOSING_QUOTES or is_modifier(token):
            continue
        if lang.lemma(token) not in lang.lexicon.org_types:
            return False
    return True


def _with_own_country(lang: Language, words: list[str], span: Span, last: int, org) -> bool:
    """`Милли Меджлиса Азербайджана`: a known name followed by the name of its own country."""
    if span.last <= last or org.country is None:
        return False
    place = lang.lexicon.places.match(words, last)
    return place is not None and last + place[0] == span.last and place[1].country == org.country


def _is_abbreviation(words: list[str], first: int, last: int) -> bool:
    return last - first == 1 and words[first].isupper() and len(words[first]) > 1


def _unique(spans: list[Span], lang: Language) -> list[Span]:
    """One span per stretch of text; a known organisation's span wins over a plain one."""
    known = lang.lexicon.organizations
    best: dict[tuple[int, int], Span] = {}
    for span in spans:
        here = best.get((span.first, span.last))
        if here is None or (span.key in known and here.key not in known):
            best[(span.first, span.last)] = span
    return list(best.values())


def _bracketed_abbreviations(doc: Document, orgs: list[Span], lang: Language) -> list[Span]:
    """`Совет молодых предпринимателей (СМП)`: the abbreviation in brackets names the same body;
    a span already there (a known abbreviation, an NER span) is kept, joined by the key."""
    tokens = doc.tokens
    by_range = {(s.first, s.last): s for s in orgs}
    found = []
    for span in orgs:
        i = span.last
        if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")":
            abbreviation = tokens[i + 1].text
            if abbreviation.isupper() and 2 <= len(abbreviation) <= 8 and abbreviation.isalpha():
                existing = by_range.get((i + 1, i + 2))
                if existing is not None:
                    existing.kind = "abbreviation"
                    if existing.key in lang.lexicon.organizations:
                        span.key = existing.key  # the known abbreviation names the written-out name
                    else:
                        existing.key = span.key
                else:
                    found.append(Span(i + 1, i + 2, "ORGANIZATION", kind="abbreviation", key=span.key, normal=abbreviation))
    return orgs + found
