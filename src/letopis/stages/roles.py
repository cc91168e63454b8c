"""Roles: who holds which post, of which organisation or country.

A post is found by its head noun from the posts lexicon, in four constructions:

- a descriptor before the name: `президент Азербайджана Ильхам Алиев`, `министр обороны
  генерал-полковник Закир Гасанов` (the rank is the person's title, not the post);
- an apposition after it: `Сергей Лавров, министр иностранных дел России,`;
- a predicate: `Иванов назначен послом в Грузии`, `Петров стал премьер-министром`,
  `Сидоров занимает пост министра`, and the same in a relative clause (`…, который является
  главой …`);
- a list: in `с президентом Армении Хачатуряном, министром обороны Папикяном и министром
  экономики Папояном` the later posts share the first one's country.

The post is given in the nominative with abbreviations written out (`госминистр` →
`государственный министр`); the raw words are kept. The organisation or country of the post
(`of`) is the name in the post's complement (`министр обороны Великобритании`), or the country
an adjective names (`британский посол`); a place in `в …` is where the post is held (`in`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Span, Token
from ..lang.base import Language
from ..ud import CLOSING_QUOTES, OPENING_QUOTES, is_modifier, span_gender

MAX_DESCRIPTOR = 12  # tokens between a post's head and the name it describes
MAX_POST_WORDS = 4
COMPLEMENT_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM", "PUNCT", "X"}  # words of a post's name before its head: чрезвычайный и полномочный посол
POST_PREPOSITIONS = {"по", "при", "в", "во", "на", "для", "от", "из", "с", "со"}  # `посол в США`, `депутат от партии`; not `солдата к 24 годам`
NAMED_TYPES = ("ORGANIZATION", "COUNTRY", "CITY", "LOCATION")
LIST_SEPARATORS = {",", "и", "а", "также"}
PREDICATE_VERBS = {"являться", "стать", "быть", "назначить", "избрать", "утвердить", "работать", "служить",
                   "остаться", "оставаться", "числиться", "выступать", "переизбрать", "признать"}
POST_NOUNS = {"пост", "должность", "кресло"}  # `занимает пост министра`, `в должности посла`
RELATIVE_PRONOUNS = {"который", "кто"}
PRONOUN_GENDER = {"он": "masc", "она": "femn"}
# prepositions inside a post's descriptor: министр по делам …, посол в …, депутат от …, советник при …
DESCRIPTOR_PREPOSITIONS = {"по", "при", "в", "во", "от"}


@dataclass
class Role:
    person: Span | None  # None for a post named without its holder
    head: int  # token index of the post's head noun
    first: int  # the post's words: [first, last)
    last: int
    of: Span | None = None
    where: Span | None = None  # `in`: the place where the post is held
    evidence: tuple[int, int] = (0, 0)  # token range of the whole construction
    status: str | None = None
    inherited: bool = False


def run(doc: Document, lang: Language) -> Document:
    spans = [s for s in doc.spans if s.entity]
    persons = [s for s in spans if s.type == "PERSON" and s.kind == "name"]
    named = [s for s in spans if s.type in NAMED_TYPES]
    context = _Context(doc, lang, persons, named)
    found: list[Role | None] = []
    for person in persons:
        found += context.before(person) + [context.after(person), context.predicate(person)]
    found += context.pronoun_predicates(persons)
    roles: list[Role] = []
    seen: set[tuple] = set()
    for role in found:
        key = role and (role.person.entity, role.first, role.last)
        if role is not None and key not in seen:
            seen.add(key)
            roles.append(role)
    _share_in_lists(doc, roles)
    names = {e.id: e.name for e in doc.entities}
    doc.roles = [_record(doc, lang, role, context.words, names) for role in sorted(roles, key=lambda r: r.evidence)]
    doc.posts = [_post_record(doc, lang, post, context.words, names) for post in context.unheld_posts(roles)]
    return doc


class _Context:
    def __init__(self, doc: Document, lang: Language, persons: list[Span], named: list[Span]):
        self.doc, self.lang, self.tokens = doc, lang, doc.tokens
        self.person_at = {i: p for p in persons for i in range(p.first, p.last)}
        self.named_at: dict[int, Span] = {}
        for span in sorted(named, key=lambda s: s.last - s.first):  # the longest name wins a token
            for i in range(span.first, span.last):
                self.named_at[i] = span
        self.words = [t.text for t in doc.tokens]
        self.names = {e.id: e.name for e in doc.entities}

    # ----- helpers -----
    def is_head(self, i: int) -> bool:
        """A post's head noun, singular (`представители Госдумы` are a group, not one person's post)."""
        token = self.tokens[i]
        if token.pos not in ("NOUN", "PROPN") or token.feats.get("Number") == "Plur":
            return False
        lemma = self.lang.lemma(token)
        heads = self.lang.lexicon.post_heads
        return lemma in heads or (lemma.startswith("экс-") and lemma[4:] in heads)  # экс-премьер

    def title_before(self, i: int) -> int:
        """Index of the first token of titles written right before i (лорд, генерал-полковником)."""
        start = i
        for _ in range(3):
            for length in (3, 2, 1):
                k = start - length
                match = self.lang.lexicon.title_index.match(self.words, k) if k >= 0 else None
                if match and match[0] == length and self.tokens[k].sent == self.tokens[i].sent:
                    start = k
                    break
            else:
                break
        return start

    def extend_left(self, head: int) -> int:
        """The words before the head that belong to the post's name: `Государственный министр`,
        `чрезвычайный и полномочный посол` — a post of the lexicon ending at the head. Other
        adjectives (`известный правозащитник`, `первый президент`) describe, they are not the post."""
        first = head
        for start in range(max(0, head - MAX_POST_WORDS), head):
            if any(k in self.named_at for k in range(start, head)) or self.tokens[start].sent != self.tokens[head].sent:
                continue
            match = self.lang.lexicon.posts.match(self.words, start)
            if match and match[1].kind == "head" and start + match[0] > head:
                first = start
                break
        return first

    def status_before(self, first: int) -> str | None:
        """`бывший президент`, `исполняющий обязанности министра`: a status word before the post."""
        for start in range(max(0, first - 3), first):
            match = self.lang.lexicon.posts.match(self.words, start)
            if match and match[1].kind == "status" and start + match[0] == first:
                return match[1].post
        return None

    def complement(self, head: int, end: int) -> tuple[int, Span | None, Span | None]:
        """Between the head and `end`: the post's own words (up to the first name, or up to `и`
        before another post: `политик и лидер`), the name the post belongs to, and a place
        where it is held (`посол Италии в Грузии`)."""
        last, of, where = head + 1, None, None
        i = head + 1
        closed = prepositional = False
        while i < end:
            span = self.named_at.get(i)
            if span is not None:
                place = span.type in ("COUNTRY", "CITY", "LOCATION")
                locative = place and self.lang.is_locative(self.doc, span.first, span.last)
                if locative and where is None:
                    where = span
                elif of is None and not locative:
                    of = span
                closed = True
                i = span.last
                continue
            token = self.tokens[i]
            if token.pos == "CCONJ" and any(self.is_head(k) for k in range(i + 1, end)):
                break
            if token.pos not in COMPLEMENT_POS or token.feats.get("Variant") == "Short":
                break  # `министр финансов сегодня …`, `президент готов …`: an adverb or a predicate ends the post
            if token.pos == "ADP" and not prepositional and token.text.lower() not in POST_PREPOSITIONS:
                break  # `приговорил солдата к 24 годам`: a complement of the verb, not of the post
            prepositional = prepositional or token.pos == "ADP"  # `по связям с общественностью`
            if not closed:
                last = i + 1
            i += 1
        while last > head + 1 and self.tokens[last - 1].pos in ("ADP", "CCONJ", "PUNCT"):
            last -= 1
        return last, of, where

    def _adjective_of(self, first: int) -> Span | None:
        """`британский посол`, `бывший британский посол`: a country's adjective before the post."""
        for k in (first - 1, first - 2):
            span = self.named_at.get(k)
            if span is not None and span.kind == "adjective":
                return span
            if k < 0 or not is_modifier(self.tokens[k]):
                break
        return None

    def _role(self, person: Span, head: int, end: int, evidence: tuple[int, int]) -> Role:
        first = self.extend_left(head)
        status = self.status_before(first)
        last, of, where = self.complement(head, end)
        of = of or self._adjective_of(first)
        evidence = (min(evidence[0], first), evidence[1])
        return Role(person, head, first, last, of=of, where=where, evidence=evidence, status=status)

    # ----- the constructions -----
    def before(self, person: Span) -> list[Role]:
        """Descriptors before the name: `президент Азербайджана [лорд] Имя Фамилия`; stacked ones
        are posts of the same person: `наблюдатель от ОБСЕ французский депутат Имя`,
        `лидер Меджлиса, народный депутат Украины Имя`."""
        roles: list[Role] = []
        end = self.title_before(person.first)
        while (role := self._descriptor(person, end)) is not None and len(roles) < 3:
            roles.append(role)
            end = role.first
            while end > 0 and (self.tokens[end - 1].text == "," or (end - 1) in self.named_at and self.named_at[end - 1].kind == "adjective"):
                end -= 1  # the list of descriptors goes on before a comma or a country's adjective
        return roles

    def _descriptor(self, person: Span, end: int) -> Role | None:
        sent = self.tokens[person.first].sent
        i = end - 1
        while i >= 0 and end - i <= MAX_DESCRIPTOR and self.tokens[i].sent == sent:
            token = self.tokens[i]
            if i in self.person_at or token.pos in ("VERB", "AUX") or self._boundary(token):
                return None
            if i in self.named_at:
                i = self.named_at[i].first - 1
                continue
            if self.is_head(i):
                head = self._outer_head(i, end)
                if self._not_holder(head, person):
                    return None
                return self._role(person, head, end, (self.extend_left(head), person.last))
            i -= 1
        return None

    def _not_holder(self, head: int, person: Span) -> bool:
        """Whether the post before a name is not the name's: `представитель Эрдогана` (a name declined
        in the genitive after a post in another case is whose the post is), `вдовой журналиста
        Анной` (a post in the genitive before a name in another case completes another noun)."""
        post_case = self.tokens[head].feats.get("Case")
        name = self.tokens[person.first]
        written = set((self.names.get(person.entity or "") or person.normal or "").split())  # a lone surname's own normal may be as written
        declined = name.text not in written  # `Петрова` of `Иван Петров`
        if name.rel == "appos" and name.head == head:
            return False  # the parser read it as the post's apposition (`главы Госнефти Рустама Керимова`, a case mis-tagged)
        genitive = name.feats.get("Case") == "Gen" or (name.rel == "nmod" and name.head == head)  # the tagger may miss the case
        if genitive and post_case not in (None, "Gen") and declined:
            return True
        # `вдовой журналиста Анной Саргсян`: a post in the genitive before a declined name in another case completes
        # the noun before it; it is not the name's
        return post_case == "Gen" and name.feats.get("Case") not in (None, "Gen") and declined and name.head != head

    def _outer_head(self, head: int, end: int) -> int:
        """`пресс-секретарь президента`, `заместитель министра`: a post in the genitive completes
        an earlier post, which is the head."""
        i = self.extend_left(head) - 1
        while i >= 0 and head - i <= MAX_DESCRIPTOR and self.tokens[head].feats.get("Case") == "Gen":
            token = self.tokens[i]
            if i in self.person_at or i in self.named_at or token.pos in ("VERB", "AUX") or self._boundary(token):
                break
            if self.is_head(i):
                head = i
                i = self.extend_left(i) - 1
                continue
            if not (token.pos in ("NOUN", "ADJ") and token.feats.get("Case") == "Gen"):
                break
            i -= 1
        return head

    def _boundary(self, token: Token) -> bool:
        if token.pos == "PUNCT":
            return token.text not in OPENING_QUOTES + CLOSING_QUOTES + "-"
        return token.pos == "ADP" and self.lang.lemma(token) not in DESCRIPTOR_PREPOSITIONS

    def after(self, person: Span) -> Role | None:
        """An apposition after the name: `Сергей Лавров, министр иностранных дел России,`."""
        i = person.last
        if i >= len(self.tokens):
            return None
        if self.tokens[i].text not in (",", "—", "–", "-", "("):
            # `Кирсан Илюмжинов, президент ФИДЕ` written without the comma, as in lists and captions
            adjacent = self.is_head(i) and self.tokens[i].feats.get("Case") == "Nom" and self.tokens[i].sent == self.tokens[person.first].sent
            if not adjacent:
                return None
            i -= 1
        sent = self.tokens[person.first].sent
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].sent == sent and j - i <= 4:
            status = self.lang.lexicon.posts.match(self.words, j)
            if status is not None and status[1].kind == "status":
                j += status[0]  # `, исполняющий обязанности официального представителя …`
                continue
            if self.is_head(j):
                end = j + 1
                while end < len(self.tokens) and self.tokens[end].sent == sent and not self._closes(end):
                    end += 1
                if self.title_before(end) in self.person_at or end in self.person_at:
                    return None  # `Алиевым, министром обороны Гасановым`: the post is the next name's
                return self._role(person, j, end, (person.first, end))
            if not is_modifier(self.tokens[j]) and j not in self.named_at:
                return None
            j += 1
        return None

    def _closes(self, i: int) -> bool:
        token = self.tokens[i]
        return (token.pos == "PUNCT" and token.text not in OPENING_QUOTES + CLOSING_QUOTES) or token.pos in ("VERB", "AUX") or i in self.person_at

    def predicate(self, person: Span) -> Role | None:
        """`X назначен послом`, `X стал премьер-министром`, `X занимает пост министра`, and
        `X, который является главой …`."""
        verbs = self._verbs_of(person)
        for verb in verbs:
            for i in self._sentence_of(verb):
                if self.tokens[i].head != verb:
                    continue
                head = self._post_of_predicate(i)
                if head is not None:
                    end = self._phrase_end(head)
                    return self._role(person, head, end, (min(person.first, head), max(person.last, end)))
        return None

    def unheld_posts(self, roles: list[Role]) -> list[Role]:
        """Posts named without a holder (`министр обороны Армении заявил`): actors by their post."""
        taken = {k for role in roles for k in range(role.first, role.last)}
        posts = []
        i = 0
        while i < len(self.tokens):
            if i in taken or i in self.named_at or not self.is_head(i):
                i += 1
                continue
            end = i + 1
            sent = self.tokens[i].sent
            while end < len(self.tokens) and end - i <= MAX_DESCRIPTOR and self.tokens[end].sent == sent and not self._closes(end):
                end += 1
            post = self._role(None, i, end, (i, end))
            posts.append(post)
            i = max(post.last, i + 1)
        return posts

    def pronoun_predicates(self, persons: list[Span]) -> list[Role]:
        """`Он является депутатом парламента`: the subject pronoun stands for the person last named
        before it with the same gender."""
        roles = []
        for i, token in enumerate(self.tokens):
            word = token.text.lower()
            if word not in PRONOUN_GENDER or not token.rel.startswith("nsubj") or not 0 <= token.head < len(self.tokens):
                continue
            before = [p for p in persons if p.last <= i and self._gender(p) in (PRONOUN_GENDER[word], None)]
            if not before:
                continue
            person = before[-1]
            pronoun = Span(i, i + 1, "PERSON", entity=person.entity)
            role = self.predicate(pronoun)
            if role is not None:
                role.person = person
                roles.append(role)
        return roles

    def _gender(self, person: Span) -> str | None:
        return {"Masc": "masc", "Fem": "femn"}.get(span_gender(self.tokens, person.first, person.last) or "")

    def _verbs_of(self, person: Span) -> list[int]:
        """Predicate verbs the person is the subject or object of, directly or through `который`."""
        found = []
        for i in range(person.first, person.last):
            token = self.tokens[i]
            if token.rel in ("nsubj", "nsubj:pass", "obj") and 0 <= token.head < len(self.tokens):
                found.append(token.head)
        sentence = self.doc.sentences[self.tokens[person.first].sent]
        for i in range(person.last, sentence.last):
            token = self.tokens[i]
            if self.lang.lemma(token) in RELATIVE_PRONOUNS and token.rel.startswith("nsubj") and 0 <= token.head < len(self.tokens):
                clause = self.tokens[token.head]
                if clause.rel == "acl:relcl" and person.first <= clause.head < person.last:
                    found.append(token.head)
        return [v for v in found if self.lang.lemma(self.tokens[v]) in PREDICATE_VERBS or self._takes_post(v)]

    def _takes_post(self, verb: int) -> bool:
        """`занимает пост`, `назначен на должность`: a verb with a post noun among its dependents."""
        return any(self.tokens[i].head == verb and self.lang.lemma(self.tokens[i]) in POST_NOUNS for i in self._sentence_of(verb))

    def _sentence_of(self, i: int) -> range:
        sentence = self.doc.sentences[self.tokens[i].sent]
        return range(sentence.first, sentence.last)

    def _post_of_predicate(self, i: int) -> int | None:
        token = self.tokens[i]
        if self.is_head(i) and token.feats.get("Case") in ("Ins", "Acc", "Nom"):
            return i
        if self.lang.lemma(token) in POST_NOUNS:
            for k in range(i + 1, min(i + 4, len(self.tokens))):
                if self.tokens[k].head == i and self.is_head(k):
                    return k
        return None

    def _phrase_end(self, head: int) -> int:
        end = head + 1
        sent = self.tokens[head].sent
        while end < len(self.tokens) and self.tokens[end].sent == sent and not self._closes(end):
            end += 1
        return end


def _share_in_lists(doc: Document, roles: list[Role]) -> None:
    """In a list of posts and names, a post without its country takes the list's first one."""
    ordered = sorted(roles, key=lambda r: r.first)
    for earlier, later in zip(ordered, ordered[1:]):
        if later.of is not None or earlier.of is None or earlier.of.type == "PERSON":
            continue
        between = doc.tokens[earlier.person.last : later.first]
        same_sentence = doc.tokens[earlier.person.first].sent == doc.tokens[later.first].sent
        if same_sentence and between and all(t.text.lower() in LIST_SEPARATORS for t in between):
            later.of, later.inherited = earlier.of, True


def _record(doc: Document, lang: Language, role: Role, words: list[str], names: dict[str, str]) -> dict:
    raw = doc.span_text(role.first, role.last)
    position, status, sectors = _position(doc, lang, role, words)
    of_entity = role.of.entity if role.of else None
    record = {
        "person": role.person.entity,
        "position": position,
        "position_raw": raw,
        "of": of_entity,
        "of_name": _as_written(doc, lang, role.of, names),
        "in": role.where.entity if role.where else None,
        "status": status,
        "sectors": sectors,
        "start": doc.tokens[role.evidence[0]].start,
        "end": doc.tokens[role.evidence[1] - 1].end,
        "position_start": doc.tokens[role.first].start,
        "position_end": doc.tokens[role.last - 1].end,
        "person_start": doc.tokens[role.person.first].start,
        "person_end": doc.tokens[role.person.last - 1].end,
        "of_start": doc.tokens[role.of.first].start if role.of else None,
        "of_end": doc.tokens[role.of.last - 1].end if role.of else None,
    }
    if role.inherited:
        record["of_inferred"] = True
    return record


def _post_record(doc: Document, lang: Language, post: Role, words: list[str], names: dict[str, str]) -> dict:
    position, status, sectors = _position(doc, lang, post, words)
    return {
        "position": position,
        "position_raw": doc.span_text(post.first, post.last),
        "of": post.of.entity if post.of else None,
        "of_name": _as_written(doc, lang, post.of, names),
        "status": status,
        "sectors": sectors,
        "start": doc.tokens[post.first].start,
        "end": doc.tokens[post.last - 1].end,
        "of_start": doc.tokens[post.of.first].start if post.of else None,
        "of_end": doc.tokens[post.of.last - 1].end if post.of else None,
    }


def _as_written(doc: Document, lang: Language, span: Span | None, names: dict[str, str]) -> str | None:
    """The organisation or place of a post as the text names it, in the nominative (`МИД
    Турции`, `Палата представителей`); for an adjective, its country's name (`российский` →
    Россия) or, for a region, the adjective as written (`подмосковного`)."""
    if span is None:
        return None
    if span.kind == "adjective":
        if span.type == "COUNTRY":
            return names.get(span.entity or "")
        return doc.span_text(span.first, span.last)
    return lang.phrase_name(doc.tokens, span.first, span.last)


def _position(doc: Document, lang: Language, role: Role, words: list[str]) -> tuple[str, str | None, list[str]]:
    """The post in the nominative with abbreviations written out, its status, and the sectors
    its words give (`министр обороны` → GOV, MIL)."""
    status = role.status
    sectors: list[str] = []
    i = role.first
    while i < role.last:
        match = lang.lexicon.posts.match(words, i)
        if match is None:
            i += 1
            continue
        sectors += [s for s in match[1].sectors if s not in sectors]
        i += match[0]
    name = lang.phrase_name(doc.tokens, role.first, role.last)
    head_post = lang.lexicon.posts.match(words, role.head)
    if head_post and head_post[0] == 1 and head_post[1].post != lang.lemma(doc.tokens[role.head]):
        head_form = lang.phrase_name(doc.tokens, role.head, role.head + 1)
        name = name.replace(head_form, head_post[1].post, 1)  # госминистр → государственный министр
    # a post is written in lower case, whatever opened the sentence; abbreviations stay
    name = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split())
    if status is None and doc.tokens[role.first].text.lower().startswith("экс"):
        status = "бывший"
    return name, status, sectors
