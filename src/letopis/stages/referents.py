"""Referents: the actor a token stands for, shared by the events and quotes stages.

A token names an actor when it lies in an entity's mention, in the post of a role (the post's
holder: `с президентом … Алиевым`), beside a name it describes, in a post named without a holder
(`министр обороны Армении` becomes a person named by the post), as a pronoun (`он`, `она`: the
last person of that gender named before), as `обе страны` or `стороны` (the two countries the
document names most), or as a plural post (`британских инструкторов`: a group). Conjuncts of a
token are actors too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import cached_property

from ..document import Document, Entity, Mention, Span
from ..lang.base import Language
from ..ud import CLOSING_QUOTES, OPENING_QUOTES, span_gender
from .actors import FORMER
from .organizations import body_of_country

PARTY_NOUNS = {"страна", "сторона", "государство"}
PLACE_ENTITY_TYPES = ("CITY", "COUNTRY", "LOCATION")
# groups named by a plural noun that is no post, with their sectors
GROUP_NOUNS = {"протестующий": ("CVL",), "демонстрант": ("CVL",), "митингующий": ("CVL",), "участник": (),
               "сторонник": (), "боевик": ("REB",), "повстанец": ("REB",), "силовик": ("COP",), "власть": ("GOV",),
               "житель": ("CVL",), "гражданин": ("CVL",), "беженец": ("CVL",), "мигрант": ("CVL",), "заключенный": ("CVL",),
               "организатор": (), "партнер": (), "союзник": (), "националист": (), "радикал": (), "либерал": (), "консерватор": (), "экстремист": ("REB",),
               "исламист": ("REB",), "повстанец": ("REB",), "манифестант": ("CVL",), "забастовщик": ("LAB",)}
# people who act for a body: `представители ПАСЕ`, `сотрудники службы безопасности` are the body
MEMBER_NOUNS = {"представитель", "сотрудник", "член", "делегация", "сила", "войско", "эксперт", "специалист", "дипломат", "офицер", "военнослужащий", "лидер"}
LEADER_POSTS = {"глава", "лидер", "руководитель", "глава государства", "глава правительства"}
HEAD_POSTS = {"президент", "премьер-министр", "премьер", "председатель", "канцлер", "король", "глава государства",
              "глава правительства", "председатель правительства", "лидер", "временный президент", "исполняющий обязанности президента"}
PRONOUNS = {"он", "она", "его", "ее", "её", "ему", "ей", "им", "ним", "ней", "нему", "него"}
PLURAL_PRONOUNS = {"они", "их", "ими", "них", "ними"}  # `им`, `ним` are read as singular (PRONOUNS) first
FIRST_PERSON = {"я", "мы", "меня", "мне", "мной", "нас", "нам", "нами"}
RELATIVE = {"который"}
# bodies that, acting for their state, stand for the country (`власти Грузии`, `японское правительство`)
BODY_SYNONYMS = {"ведомство": {"министерство", "ведомство", "служба", "агентство", "комитет", "департамент"}}  # `ведомство` after `МИД`
COMPANY_EPITHETS = {"монополист", "концерн", "холдинг", "корпорация", "госкорпорация", "компания", "госкомпания"}  # `газовый монополист` for the company
QUANTITY_NOUNS = {"группа", "тысяча", "сотня", "десяток", "часть", "большинство", "ряд", "толпа", "отряд"}
NOT_GROUPS = {"человек", "люди", "друг", "другой", "себя"}  # people as such are no actor of their own
# animals are grammatically animate too (`черепах отпустят`): their nouns name no group of people
ANIMALS = {"животное", "зверь", "собака", "пёс", "пес", "щенок", "кошка", "кот", "котёнок", "котенок", "черепаха", "птица",
           "корова", "лошадь", "конь", "волк", "медведь", "рыба", "дельфин", "тигр", "обезьяна", "овца", "коза", "свинья",
           "курица", "пингвин", "слон", "лев", "кит", "тюлень", "лиса", "олень", "верблюд", "змея", "крокодил"}
GATHERING_VERBS = {"собраться", "собираться", "прийти", "приходить", "выйти", "выходить", "присоединиться", "присоединяться"}
MEMORY, PROTEST_WORD = "память", "протест"
CALLING_VERBS = {"призвать", "призывать", "позвать", "звать"}  # `призвал сторонников выйти на акцию`
ORGANISER = "организатор"  # `организаторами акции выступили …`: who held a protest
COUNTED_PEOPLE = {"человек", "люди"}  # … unless counted at a protest
FORCED_ROOTS = ("17", "18", "19", "20")  # CAMEO roots of force against people: coerce, assault, fight, mass violence
PROTEST_ROOT = "14"
# members of a state's forces stand for the force, named with their country (`израильские полицейские` →
# `полиция Израиля`, `французские и малийские военные` → the armed forces of each)
FORCE_MEMBERS = {"полицейский": ("полиция", "COP"), "милиционер": ("милиция", "COP"), "пограничник": ("пограничная служба", "COP"),
                 "военный": ("вооружённые силы", "MIL"), "военнослужащий": ("вооружённые силы", "MIL"), "солдат": ("вооружённые силы", "MIL")}
OFFICE_SECTORS = {"GOV", "MIL", "DIP", "JUD", "LEG", "COP", "SPY", "IGO"}  # posts of offices, held by one person at a time
STATE_NOUNS = {"власть", "правительство", "руководство", "кабинет", "режим"}


class Referents:
    def __init__(self, doc: Document, lang: Language):
        self.doc, self.lang, self.tokens = doc, lang, doc.tokens
        self.lexicon = lang.lexicon
        self.starts = [t.start for t in doc.tokens]
        self.entity_at: dict[int, Span] = {}
        for span in sorted((s for s in doc.spans if s.entity), key=lambda s: -(s.last - s.first)):
            for k in range(span.first, span.last):
                self.entity_at[k] = span  # the shortest span holding a token wins: Алиев in `…Алиевым`
        self.role_at: dict[int, dict] = {}
        for role in doc.roles:
            for k in self.token_range(role["position_start"], role["position_end"]):
                self.role_at[k] = role
        self.post_at: dict[int, dict] = {}
        for post in doc.posts:
            for k in self.token_range(post["start"], post["end"]):
                self.post_at[k] = post
        self.entities = {e.id: e for e in doc.entities}
        self.children: dict[int, list[int]] = {}
        for i, token in enumerate(doc.tokens):
            self.children.setdefault(token.head, []).append(i)
        self.quote_at = [(q["start"], q["end"], q["speaker"]) for q in doc.quotes]

    def token_range(self, start: int, end: int) -> range:
        first = bisect_left(self.starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    def preposition(self, i: int) -> str | None:
        for c in self.children.get(i, []):
            if self.tokens[c].rel == "case":
                return self.lang.lemma(self.tokens[c])
        return None

    def actors(self, tokens: list[int]) -> list[str]:
        actors: list[str] = []
        for token in tokens:
            if self.lang.lemma(self.tokens[token]) in RELATIVE:
                token = self._relative_noun(token) or token  # `A и B, которые встречаются`: both
            for t in self._named_after_colon(token) or self._with_conjuncts(token):
                forces = self._forces_of_countries(t) or self._protest_organisers(t)
                actors += [a for a in forces if a not in actors]
                actor = None if forces else self._actor(t)
                if actor and actor not in actors:
                    actors.append(actor)
        return actors

    def _forces_of_countries(self, i: int) -> list[str]:
        """`французские и малийские военные`, `полицейские Израиля`: the force of each country named."""
        token = self.tokens[i]
        member = FORCE_MEMBERS.get(self.lang.lemma(token))
        if member is None or token.feats.get("Number") != "Plur" or i in self.entity_at:
            return []
        first, last = self._noun_phrase(i)
        places = self._countries_in(first, last)
        body, sector = member
        written = self._common_name(self.lang.phrase_name(self.tokens, first, last), first)
        if not places and (first, last) == (i, i + 1):
            # bare `полицейские`: the force of that kind named before (`полиция Лондона`), else the force as such
            named = self._body_named_before(i, body)
            return [named or self._make_entity("ORGANIZATION", body, token.start, token.end, None, [sector], [written])]
        forces = []
        for k in places:
            country = self.entities[self.entity_at[k].entity]
            name = f"{body} {self.lang.place_genitive(country.name)}"
            start, end = self.tokens[k].start, self.tokens[k].end
            forces.append(self._make_entity("ORGANIZATION", name, start, end, country.country, [sector], [written]))
        return list(dict.fromkeys(forces))

    def _body_named_before(self, i: int, body: str) -> str | None:
        """The last organisation mentioned before token i whose name is the body's (`полиция …`)."""
        start = self.tokens[i].start
        best, best_start = None, -1
        for entity in self.doc.entities:
            if entity.type != "ORGANIZATION" or not self.lang.fold(entity.name).startswith(self.lang.fold(body)):
                continue
            before = [m.start for m in entity.mentions if m.start < start]
            if before and max(before) > best_start:
                best, best_start = entity.id, max(before)
        return best

    def _named_after_colon(self, token: int) -> list[int]:
        """`другим участникам процесса: Илье Васильевичу, Федору Мирзоянову и …` — the people or
        bodies a plural noun names in a list after a colon or a dash."""
        counted = any(self.tokens[c].rel.startswith("nummod") for c in self.children.get(token, []))  # `три министра`
        if self.tokens[token].pos != "NOUN" or (self.tokens[token].feats.get("Number") != "Plur" and not counted):
            return []
        k = self._noun_phrase(token)[1]
        if k >= len(self.tokens) or self.tokens[k].text not in (":", "—", "–") or self.tokens[k].sent != self.tokens[token].sent:
            return []
        items = []
        k += 1
        while k < len(self.tokens) and k in self.entity_at and self.entity_at[k].type in ("PERSON", "ORGANIZATION"):
            items.append(k)
            k = self._after_aside(self.entity_at[k].last)  # `Иван Петров (2004—2008 годы), …`
            if k < len(self.tokens) and self.tokens[k].text in (",", "и"):
                k += 1
            else:
                break
        return items if len(items) >= 2 else []

    def _after_aside(self, k: int) -> int:
        """The index after a bracketed aside starting at k (years, a party, a post), else k."""
        if k >= len(self.tokens) or self.tokens[k].text != "(":
            return k
        close = next((j for j in range(k + 1, min(k + 15, len(self.tokens))) if self.tokens[j].text == ")"), None)
        return close + 1 if close is not None else k

    def _with_conjuncts(self, token: int) -> list[int]:
        """The token and its conjuncts, also those hung on the name beside it: in `с президентом …
        Алиевым, министром … Гасановым и министром … Мустафаевым` the parser may join the posts
        through the names."""
        found, stack = [], [token]
        while stack:
            t = stack.pop(0)
            found.append(t)
            near = [t] + [c for c in self.children.get(t, []) if self.tokens[c].rel in ("appos", "flat:name")
                          or (self.tokens[c].rel == "nmod" and self._is_person(c))]
            stack += [c for n in near for c in self.children.get(n, []) if self.tokens[c].rel == "conj" and c not in found and c not in stack]
        found += [k for k in self._listed_after(token) if k not in found]
        return sorted(found)

    def _listed_after(self, token: int) -> list[int]:
        """Items of a written list after the token when the parser lost it: `с президентом …
        Алиевым, министром … Гасановым и министром … Мустафаевым` — posts or names in the same
        case, after `,` or `и`, each with its holder."""
        case = self.tokens[token].feats.get("Case")
        end = self._item_end(token)
        items = []
        while end < len(self.tokens) and self.tokens[end].text in (",", "и") and self.tokens[end].sent == self.tokens[token].sent:
            k = end + 1
            if k >= len(self.tokens) or self.tokens[k].feats.get("Case") != case or not (k in self.role_at or k in self.entity_at):
                break
            items.append(k)
            end = max(self._item_end(k), k + 1)  # a holder named before the post (`Лавров, министр`) ends nothing
        return items

    def _item_end(self, token: int) -> int:
        """Index after a list item: a post with its holder's name, or a name."""
        if token in self.role_at:
            role = self.role_at[token]
            return max(self.token_range(role["person_start"], role["person_end"]).stop, token + 1)
        span = self.entity_at.get(token)
        return span.last if span is not None else token + 1

    def _actor(self, i: int) -> str | None:
        token = self.tokens[i]
        if i in self.role_at:
            return self.role_at[i]["person"]
        span = self.entity_at.get(i)
        if span is not None:
            return self._state_named(span) or span.entity
        for c in self.children.get(i, []):  # `президентом … Ильхамом Алиевым`: the name beside the noun,
            if self.tokens[c].rel in ("appos", "flat:name", "nmod") and c in self.entity_at and self.entity_at[c].type == "PERSON":
                if self.tokens[c].rel == "nmod" and self.tokens[c].feats.get("Case") != token.feats.get("Case"):
                    continue  # not `представитель Эрдогана`, someone else
                return self.entity_at[c].entity
        named = self._name_agreeing_below(i)
        if named is not None:
            return named
        if i in self.post_at:
            post = self.post_at[i]
            return self._holder(post) or self._post_actor(post)  # `госминистр обороны` named before as Коакер's post
        word = token.text.lower()
        lemma = self.lang.lemma(token)
        if word in PRONOUNS:
            return self._antecedent(i)
        if word in PLURAL_PRONOUNS and token.rel not in ("det", "nmod"):  # not the possessive `их страна`
            return self._plural_antecedent(i)
        if word in FIRST_PERSON:
            return self._speaker_of(i)
        if lemma in RELATIVE:
            return self._relative_antecedent(i)
        if self._substantive_participle(i):
            return self._group_actor(i)  # `Протестующие заблокировали трассу`, tagged as a verb
        if token.pos == "NOUN" and lemma in STATE_NOUNS:
            state = self._state_actor(i)
            if state:
                return state
        if lemma in PARTY_NOUNS and token.feats.get("Number") != "Plur":
            country = self._country_of_phrase(i)
            if country:
                return country  # `украинская сторона`, `с российской стороны`: that country
        if lemma in PARTY_NOUNS and (token.feats.get("Number") == "Plur" or any(self.lang.lemma(self.tokens[c]) in ("оба", "обе") for c in self.children.get(i, []))):
            return self._parties(i)
        if token.pos == "NOUN" and lemma in self.lexicon.demonyms and token.feats.get("Number") == "Plur":
            return self._people_of(i)
        if token.pos == "NOUN" and token.feats.get("Number") == "Plur" and lemma in MEMBER_NOUNS:
            body = self._body_of_members(i)
            if body:
                return body
        if token.pos == "NOUN" and token.feats.get("Number") == "Plur" and (lemma in self.lexicon.post_heads or lemma in GROUP_NOUNS):
            return self._group_actor(i)
        if token.pos == "NOUN" and lemma in COMPANY_EPITHETS and token.feats.get("Number") != "Plur" and self._bare(i):
            company = self._company_named_before(i)
            if company:
                return company  # `газовый монополист` after `Газпром`: the company named before
        if token.pos == "NOUN" and lemma in self.lexicon.org_types and self.lexicon.org_types[lemma].sector:
            return self._body_actor(i)
        if token.pos == "NOUN" and lemma in QUANTITY_NOUNS:  # `группа солдат`, `сотни демонстрантов`
            counted = next((c for c in self.children.get(i, []) if self.tokens[c].rel == "nmod" and self.tokens[c].feats.get("Case") == "Gen"
                            and self.tokens[c].feats.get("Number") == "Plur" and not self.preposition(c)), None)
            if counted is not None:
                return self._actor(counted)
        if self.protest_noun(i):
            return self.participants(i)  # `подавили акции протеста`: the people taking part
        if token.pos == "NOUN" and token.feats.get("Number") == "Plur" and token.feats.get("Animacy") == "Anim" and lemma not in NOT_GROUPS | ANIMALS:
            return self._group_actor(i)  # `уволил двух генералов полиции`, `военные`
        if lemma in COUNTED_PEOPLE and self._counted(i) and self._forced(i):
            return self._protest_crowd(i)  # `задержали 40 человек` after a protest: its participants
        return None

    def _name_agreeing_below(self, i: int) -> str | None:
        """`с вдовой журналиста Анной Саргсян`: a name the parser hung on the noun's genitive
        complement but in the noun's own case is the noun's apposition."""
        case = self.tokens[i].feats.get("Case")
        if self.tokens[i].pos != "NOUN" or case in (None, "Gen"):
            return None
        for c in self.genitives(i):
            for g in self.children.get(c, []):
                if self.tokens[g].rel == "appos" and self.tokens[g].feats.get("Case") == case and self._is_person(g):
                    return self.entity_at[g].entity
        return None

    def _counted(self, i: int) -> bool:
        """`40 человек`, `более 300 человек`, `сотни людей`: people counted, not named."""
        if any(self.tokens[c].rel.startswith("nummod") for c in self.children.get(i, [])):
            return True
        head = self.tokens[i].head
        return 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) in QUANTITY_NOUNS

    def _forced(self, i: int) -> bool:
        """Whether the people are those a verb of force acts on (`задержали`, `разогнали`, `избили`),
        not, say, those who died (`погибли 5 человек`)."""
        head = self.tokens[i].head
        if 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) in QUANTITY_NOUNS:
            head = self.tokens[head].head  # `сотни человек`
        if not 0 <= head < len(self.tokens):
            return False
        return any(p.cameo[:2] in FORCED_ROOTS for p in self.lexicon.verb_predicates.get(self.lang.lemma(self.tokens[head]), ()))

    def _protest_crowd(self, i: int, sentences: int = 5) -> str | None:
        """The participants of the protest told last before token i, within a few sentences."""
        sentence = self.tokens[i].sent
        for k in range(i - 1, -1, -1):
            if self.tokens[k].sent < sentence - sentences:
                break
            if self.protest_noun(k):
                return self.participants(k)
        return None

    def _holder(self, post: dict) -> str | None:
        """Who holds the post in the document: a role of that post and owner; else one of that post
        named without owner whose holder is of the owner's country (`президент Николя Саркози` …
        `президент Франции`); else, for a post in the headline, the one person of the body it may be."""
        holder = self._holder_by_post(post)
        if holder is None and self._in_headline(post["start"]):
            holder = self._described_in_body(post)
        elif holder is None and not post.get("of") and not post.get("country") and " " not in post["position"]:
            holder = self._only_person_before(post)
        return holder

    def _only_person_before(self, post: dict) -> str | None:
        """`Активистка была задержана` in a story that has named one person: that person; for an
        office (`министр`), only when it is one of theirs."""
        head = _post_head(post["position"])
        people = {e.id for e in self.doc.entities if e.type == "PERSON" and any(m.kind == "name" and m.end <= post["start"] for m in e.mentions)}
        if len(people) != 1:
            return None
        person = people.pop()
        roles = [r for r in self.doc.roles if r["person"] == person]
        if not set(post.get("sectors") or []) & OFFICE_SECTORS:
            return person  # `политик`, `активистка`: a description, not an office someone else may hold
        posts = [r["position"] for r in roles]
        return person if any(_post_head(p) == head for p in posts) else None

    def _holder_by_post(self, post: dict) -> str | None:
        # `экс-президент` is one who has left that office, if the story names one; else the one it
        # named in office, who may have left it since (`уволил министра X … экс-министр`); a plain
        # `глава Совбеза` in a story of the past may be one who has left it since too
        former = [r for r in self.doc.roles if r.get("status") in FORMER]
        roles = former if post.get("status") in FORMER and former else self.doc.roles
        same = [r for r in roles if r["position"] == post["position"]]
        holder = next((r["person"] for r in same if not post.get("of") or r["of"] == post["of"]), None)
        if holder:
            return holder
        if post.get("country"):
            holder = next((r["person"] for r in same if not r.get("of") and self.entities[r["person"]].country == post["country"]), None)
            if holder is None and post["position"] in LEADER_POSTS and self._of_a_country(post):  # `глава Кубы`, `сирийский лидер`: its head of state or government
                holder = next((r["person"] for r in self.doc.roles if r["position"] in HEAD_POSTS and r.get("country") == post["country"]), None)
            return holder
        # `сказал министр` after `министр энергетики … Шахбазов`: the last holder of such a post named
        # before; a headline's `экс-президент` before the body names him: the one holder in the document
        head = _post_head(post["position"])
        if post["position"].split()[0] != post["position"]:
            return None
        holders = [r for r in roles if _post_head(r["position"]) == head]
        before = [r for r in holders if r["start"] < post["start"]]
        if before:
            return before[-1]["person"]
        people = {r["person"] for r in holders}
        return people.pop() if len(people) == 1 else None

    def _of_a_country(self, post: dict) -> bool:
        """A post held of a country itself (`глава Кубы`), not of one of its bodies (`глава МИД РФ`)."""
        owner = self.entities.get(post.get("of") or "")
        return owner is None or owner.type == "COUNTRY"

    def _in_headline(self, start: int) -> bool:
        """Whether the offset lies in the document's first sentence when that is a line of its own."""
        first = self.doc.sentences[0] if self.doc.sentences else None
        return first is not None and first.start <= start < first.end and "\n" in self.doc.text[first.end : first.end + 2]

    def _described_in_body(self, post: dict) -> str | None:
        """`суд вынес приговор российскому журналисту`, `Путин созвонился с новым лидером Кубы`:
        a headline describes the person the body names. The one person named in the body, not in the
        headline, who holds no other post (a head of state for `глава`) and is of no other country."""
        head = _post_head(post["position"])
        leader = post["position"] in LEADER_POSTS
        headline = self.doc.sentences[0]
        candidates = []
        for entity in self.doc.entities:
            names = [m for m in entity.mentions if m.kind == "name"]
            if entity.type != "PERSON" or not names or any(m.start < headline.end for m in names):
                continue
            posts = [r["position"] for r in self.doc.roles if r["person"] == entity.id]
            if posts and not any(_post_head(p) == head or (leader and p in HEAD_POSTS) for p in posts):
                continue
            if post.get("country") and entity.country and entity.country != post["country"]:
                continue
            candidates.append(entity.id)
        return candidates[0] if len(candidates) == 1 else None

    def _body_of_members(self, i: int) -> str | None:
        """`представители ПАСЕ`, `представители двух повстанческих группировок`: the body or group."""
        for c in self.children.get(i, []):
            if self.tokens[c].feats.get("Case") != "Gen" or self.preposition(c):
                continue
            span = self.entity_at.get(c)
            if span is not None and span.type == "ORGANIZATION":
                return span.entity
            if span is None and self.tokens[c].pos == "NOUN" and self.lang.lemma(self.tokens[c]) in self.lexicon.org_types:
                if self.tokens[c].feats.get("Number") == "Plur":
                    return self._group_actor(c)
                if self.lexicon.org_types[self.lang.lemma(self.tokens[c])].sector:
                    return self._body_actor(c)  # `сотрудники службы безопасности Армении`
        return None

    def _is_person(self, i: int) -> bool:
        return i in self.entity_at and self.entity_at[i].type == "PERSON"

    def _speaker_of(self, i: int) -> str | None:
        """`я`, `мы` in quoted speech: its speaker."""
        start = self.tokens[i].start
        return next((speaker for a, b, speaker in self.quote_at if a <= start < b), None)

    def _relative_antecedent(self, i: int) -> str | None:
        """`президенту, которая попросила`: `который` stands for the noun its clause describes."""
        noun = self._relative_noun(i)
        return self._actor(noun) if noun is not None else None

    def _relative_noun(self, i: int) -> int | None:
        clause = self.tokens[i].head
        while 0 <= clause < len(self.tokens) and self.tokens[clause].rel not in ("acl:relcl", "acl") and self.tokens[clause].head != clause:
            if self.tokens[clause].rel not in ("conj", "xcomp", "ccomp"):
                return None
            clause = self.tokens[clause].head
        if not 0 <= clause < len(self.tokens) or not 0 <= self.tokens[clause].head < len(self.tokens):
            return None
        noun = self.tokens[clause].head
        return noun if noun != i else None

    def _state_named(self, span: Span) -> str | None:
        """`Власти Грузии`, `Болгарское правительство` tagged as an organisation: the country."""
        if span.type != "ORGANIZATION":
            return None
        noun = next((k for k in range(span.first, span.last) if self.tokens[k].pos == "NOUN"), None)
        if noun is None or self.lang.lemma(self.tokens[noun]) not in STATE_NOUNS:
            return None
        first, last = self._noun_phrase(noun)
        return next((self.entity_at[k].entity for k in range(first, last) if k in self.entity_at and self.entity_at[k].type == "COUNTRY"), None)

    def _state_actor(self, i: int) -> str | None:
        """`власти Грузии`, `американские власти`, `его правительство`, `власти` alone: the country
        they govern — named in the phrase, the country of the person whose government it is, else
        the country the document is most about. A city's or region's authorities are no state."""
        first, last = self._noun_phrase(i)
        places = [self.entity_at[k] for k in range(first, last) if k in self.entity_at and self.entity_at[k].type in PLACE_ENTITY_TYPES]
        if places:
            country = next((p.entity for p in places if p.type == "COUNTRY"), None)
            return country  # None: `власти Москвы` is a body of its own
        if first != i or last != i + 1:
            return None  # `новые власти`, `правительство национального единства`: not the state as such
        owner = next((c for c in self.children.get(i, []) if self.tokens[c].text.lower() in ("его", "ее", "её", "их")), None)
        if owner is not None:
            person = self._antecedent(owner)
            country = self.entities[person].country if person else None
            return self._country_entity(country)
        return self._main_country()

    def _country_of_phrase(self, i: int) -> str | None:
        """The country an adjective or a genitive of the noun's phrase names (`японская сторона`)."""
        places = self._countries_in(*self._noun_phrase(i))
        return self.entity_at[places[0]].entity if places else None

    def _countries_in(self, first: int, last: int) -> list[int]:
        """Tokens of countries named in tokens first … last (`французские и малийские`)."""
        return [k for k in range(first, last) if k in self.entity_at and self.entity_at[k].type == "COUNTRY"]

    def _country_entity(self, code: str | None) -> str | None:
        if not code:
            return None
        return next((e.id for e in self.doc.entities if e.type == "COUNTRY" and e.country == code), None)

    def _main_country(self) -> str | None:
        counts = Counter(e.id for e in self.doc.entities if e.type == "COUNTRY" for _ in e.mentions)
        return counts.most_common(1)[0][0] if counts else None

    def _antecedent(self, i: int) -> str | None:
        gender = {"Masc": "Masc", "Fem": "Fem"}.get(self.tokens[i].feats.get("Gender", ""))
        best = None
        for span in self.doc.spans:
            if span.type == "PERSON" and span.entity and span.last <= i:
                if gender is None or span_gender(self.tokens, span.first, span.last) in (gender, None):
                    best = span
        return best.entity if best else None

    def _plural_antecedent(self, i: int, sentences: int = 1) -> str | None:
        """`участники акции …, и полиция начала их задерживать`: `они`, `их` stand for the people
        last named by a plural noun, in the sentence or the one before."""
        sentence = self.tokens[i].sent
        for k in range(i - 1, -1, -1):
            token = self.tokens[k]
            if token.sent < sentence - sentences:
                break
            if token.pos == "NOUN" and token.feats.get("Number") == "Plur" and token.feats.get("Animacy") == "Anim" and self.lang.lemma(token) not in NOT_GROUPS | ANIMALS:
                return self._actor(k)
        return None

    def _parties(self, i: int) -> str | None:
        """`обе страны`, `стороны`: the two countries the document names most (the first of them here;
        the event builder turns a lone party list into source and target)."""
        counts = Counter(e.id for e in self.doc.entities if e.type == "COUNTRY" for _ in e.mentions)
        parties = [entity for entity, _ in counts.most_common(2)]
        return "|".join(parties) if parties else None

    def _post_actor(self, post: dict) -> str:
        """`министр обороны Армении заявил`: a person named by the post and its owner as written."""
        owner = self.doc.text[post["of_start"] : post["of_end"]] if post.get("of_start") is not None else ""
        end = max(post["end"], post.get("of_end") or 0)
        if not owner:  # `представитель Эрдогана`: the person whose post it is
            after = self.token_range(post["end"], post["end"] + 1).start
            span = self.entity_at.get(after)
            if span is not None and span.type == "PERSON" and self.tokens[after].feats.get("Case") == "Gen" and self.tokens[after].start - post["end"] <= 1:
                owner = self.doc.text[self.tokens[span.first].start : self.tokens[span.last - 1].end]
                end = self.tokens[span.last - 1].end
        name = f"{post['position']} {owner}".strip()
        start = post["start"]
        if post.get("of_start") is not None and post["of_start"] < post["start"]:  # `сирийский лидер`
            words = self.token_range(post["of_start"], post["end"])
            name, start = self.lang.phrase_name(self.tokens, words.start, words.stop), post["of_start"]
            name = name[:1].lower() + name[1:]
        return self._make_entity("PERSON", name, start, end, post.get("country"), post.get("sectors", []))

    def _substantive_participle(self, i: int) -> bool:
        """A participle standing for people, with no noun to describe (`протестующие`, `митингующих`)."""
        token = self.tokens[i]
        return (token.pos in ("VERB", "ADJ") and token.feats.get("VerbForm") == "Part" and token.rel in ("nsubj", "obj", "nsubj:pass", "obl")
                and token.feats.get("Number") == "Plur" and bool(self.lang.lemmas(token.text) & GROUP_NOUNS.keys()))

    def _group_actor(self, i: int) -> str:
        """`британских и чешских инструкторов`, `сторонников Мурси`, `протестующие`: a group named
        by a plural post or group noun, with the words that complete it."""
        first, last = self._noun_phrase(i)
        post = self.lexicon.posts.match([self.tokens[i].text], 0)
        group = next((g for g in sorted(self.lang.lemmas(self.tokens[i].text)) if g in GROUP_NOUNS), self.lang.lemma(self.tokens[i]))
        sectors = list(post[1].sectors) if post else list(GROUP_NOUNS.get(group, ()))
        name = self._common_name(self.lang.phrase_name(self.tokens, first, last), first)
        country = self._country_in(first, last)
        pronoun = next((c for c in self.children.get(i, []) if c < i and self.tokens[c].text.lower() in ("его", "ее", "её")), None)
        owner = self._antecedent(pronoun) if pronoun is not None else None
        if owner in self.entities and self.entities[owner].type == "PERSON":  # `Мурси и его сторонники` → `сторонники Мухаммеда Мурси`
            person = self.entities[owner]
            name = f"{name} {self.lang.person_genitive(person.name, self.tokens[pronoun].feats.get('Gender'))}"
            country = country or (person.actor or {}).get("country") or person.country
        return self._make_entity("GROUP", name, self.tokens[first].start, self.tokens[last - 1].end, country, sectors)


    def protest_noun(self, i: int) -> bool:
        """A noun naming a protest with the words its lexicon entry needs (`акция протеста`, not the
        `акций` of a share purchase; `митинг` alone; `акция` alone after an `акция протеста`)."""
        token = self.tokens[i]
        if token.pos != "NOUN":
            return False
        lemma = self.lang.lemma(token)
        entries = self._protest_entries(lemma)
        if not entries or self.commemoration(i):
            return False
        if any(words is None or words & self._child_lemmas(i) for words in entries):
            return True
        # a bare `акция` in a story that has told of an `акция протеста` before is that protest
        first = self._first_full_protest.get(lemma)
        return first is not None and first < i

    def commemoration(self, noun: int) -> bool:
        """`акции памяти погибших`: an act of memory, not a protest (unless called one: `акция
        протеста в память о жертвах`)."""
        words = self._child_lemmas(noun)
        return MEMORY in words and PROTEST_WORD not in words

    def _protest_entries(self, lemma: str) -> list:
        return [words for words, p in self.lexicon.noun_predicates.get(lemma, ()) if p.cameo.startswith(PROTEST_ROOT)]

    @cached_property
    def _first_full_protest(self) -> dict[str, int]:
        """Where each protest noun that needs words is first told with them (`акция протеста`)."""
        first: dict[str, int] = {}
        for k, token in enumerate(self.tokens):
            lemma = self.lang.lemma(token) if token.pos == "NOUN" else None
            if lemma and lemma not in first and any(words and words & self._child_lemmas(k) for words in self._protest_entries(lemma)):
                first[lemma] = k
        return first

    def _child_lemmas(self, i: int) -> set[str]:
        return {self.lang.lemma(self.tokens[c]) for c in self.children.get(i, [])}

    def _protest_organisers(self, i: int) -> list[str]:
        if i in self.entity_at or not self.protest_noun(i):
            return []
        return self.organisers(i)

    def organisers(self, noun: int, sentences: int = 3) -> list[str]:
        """`Организаторами акции выступили движение X и союз Y`, `организатором митинга стала партия Z`,
        told in the protest's sentence or the few after it: the protest is theirs."""
        caller = self._caller(noun)
        if caller:
            return caller
        lemma = self.lang.lemma(self.tokens[noun])
        sentence = self.tokens[noun].sent
        for k in range(noun, len(self.tokens)):
            if self.tokens[k].sent > sentence + sentences:
                break
            if self.lang.lemma(self.tokens[k]) != ORGANISER or not any(self.lang.lemma(self.tokens[g]) == lemma for g in self.genitives(k)):
                continue
            verb = self.tokens[k].head
            if 0 <= verb < len(self.tokens) and self.tokens[k].rel in ("obl", "xcomp"):
                return self.actors([c for c in self.children.get(verb, []) if self.tokens[c].rel == "nsubj"])
        return []

    def _caller(self, noun: int) -> list[str]:
        """`X призвал сторонников собраться на митинг`: whoever calls people to a protest holds it."""
        verb = self.tokens[noun].head
        if self.tokens[noun].rel != "obl" or not 0 <= verb < len(self.tokens) or self.tokens[verb].rel != "xcomp":
            return []
        if self.lang.lemma(self.tokens[verb]) not in GATHERING_VERBS or any(self.tokens[c].text.lower() == "не" for c in self.children.get(verb, [])):
            return []  # `призвал отказаться от митинга`, `призвали не участвовать в митинге`: no call to it
        caller = self.tokens[verb].head
        if not 0 <= caller < len(self.tokens) or self.lang.lemma(self.tokens[caller]) not in CALLING_VERBS:
            return []
        for _ in range(2):  # `X назвал итоги подтасованными и призвал …`: the subject of the first conjunct
            subjects = [c for c in self.children.get(caller, []) if self.tokens[c].rel == "nsubj"]
            if subjects or self.tokens[caller].rel != "conj":
                return self.actors(subjects)
            caller = self.tokens[caller].head
        return []

    def participants(self, noun: int) -> str:
        """`митинг «За честные выборы»` with no one named as holding it: its participants, a group."""
        words = [self.tokens[noun]]
        k = noun + 1
        if k < len(self.tokens) and self.tokens[k].head == noun and self.lang.lemma(self.tokens[k]) == "протест":
            k += 1  # `акции протеста «День гнева»`
        if k < len(self.tokens) and self.tokens[k].text in OPENING_QUOTES:
            close = next((j for j in range(k + 1, min(k + 12, len(self.tokens))) if self.tokens[j].text in CLOSING_QUOTES), None)
            if close is not None:
                words += self.tokens[k : close + 1]
        name = self.lang.participants_name(words, 0, len(words))
        token = self.tokens[noun]
        return self._make_entity("GROUP", name, token.start, token.end, None, ["CVL"])

    def _people_of(self, i: int) -> str:
        """`трое палестинцев`, `американцы`: people of a country, a group coded with that country."""
        first, last = self._noun_phrase(i)
        place = self.lexicon.demonyms[self.lang.lemma(self.tokens[i])]
        name = self._common_name(self.lang.phrase_name(self.tokens, first, last), first)
        return self._make_entity("GROUP", name, self.tokens[first].start, self.tokens[last - 1].end, place.country, ["CVL"])

    def _body_actor(self, i: int) -> str:
        """`полиция`, `армия Египта`, `израильское правительство`: a body named by its type."""
        first, last = self._noun_phrase(i)
        lemma = self.lang.lemma(self.tokens[i])
        if (first, last) == (i, i + 1) and self.tokens[i].feats.get("Number") != "Plur":
            named = self._named_body_before(i, BODY_SYNONYMS.get(lemma, {lemma}))
            if named:
                return named  # `Конституционный суд Молдавии … суд постановил`: the court named before
        org_type = self.lexicon.org_types[lemma]
        written = self._common_name(self.lang.phrase_name(self.tokens, first, last), first)
        name = body_of_country(self.doc, self.lang, first, last) or written
        country = self._country_in(first, last)
        located = self._country_located(i) if country is None and (first, last) == (i, i + 1) else None
        if located is not None:  # `суд в Италии`: the body of that country, named as `суд Италии`
            name, country = f"{written} {self.lang.place_genitive(located.name)}", located.country
        aliases = [written] if name != written else []
        return self._make_entity("ORGANIZATION", name, self.tokens[first].start, self.tokens[last - 1].end, country, [org_type.sector], aliases)

    def _country_located(self, i: int) -> Entity | None:
        """The country a body is said to be in: `суд в Италии`, `полиция во Франции`."""
        for c in self.children.get(i, []):
            span = self.entity_at.get(c)
            if span is not None and span.type == "COUNTRY" and self.tokens[c].rel == "nmod" and self.preposition(c) in ("в", "во") \
                    and self.tokens[c].feats.get("Case") == "Loc":
                return self.entities.get(span.entity)
        return None

    def genitives(self, noun: int) -> list[int]:
        """The noun's genitive complements without a preposition: its owners (`акции оппозиции`)."""
        return [c for c in self.children.get(noun, []) if self.tokens[c].rel == "nmod" and self.tokens[c].feats.get("Case") == "Gen" and not self.preposition(c)]

    def _bare(self, i: int) -> bool:
        """A noun with no name, quotation or genitive owner of its own (`монополист`, `газовый
        монополист`, not `компания «Роснефть»` nor `компания Маска`)."""
        named = [c for c in self.children.get(i, []) if self.tokens[c].rel in ("appos", "flat:name") or c in self.entity_at]
        return not named and not self.genitives(i)

    def _company_named_before(self, i: int) -> str | None:
        """The last company (an organisation of the business sector) named before the token."""
        def company(span: Span) -> bool:
            entity = self.entities.get(span.entity)
            return entity is not None and "BUS" in ((entity.actor or {}).get("sectors") or [])

        return self._organisation_named_before(i, company)

    def _named_body_before(self, i: int, heads: set[str]) -> str | None:
        """The last organisation named before the token whose name's noun is one of `heads`."""
        def named_so(span: Span) -> bool:
            noun = next((k for k in range(span.first, span.last) if self.tokens[k].pos in ("NOUN", "PROPN")), None)
            return noun is not None and self.lang.lemma(self.tokens[noun]) in heads

        return self._organisation_named_before(i, named_so)

    def _organisation_named_before(self, i: int, accept) -> str | None:
        best = None
        for span in self.doc.spans:
            if span.type == "ORGANIZATION" and span.entity and span.last <= i and span.kind in ("name", "abbreviation") and accept(span):
                best = span.entity
        return best

    def _common_name(self, name: str, first: int) -> str:
        """A phrase named by a common noun starts in lower case unless it was capitalised only for
        opening the sentence; proper names inside keep theirs (`сторонники Навального`)."""
        opens = first == self.doc.sentences[self.tokens[first].sent].first
        return name[:1].lower() + name[1:] if opens or self.tokens[first].text[:1].islower() else name

    def _noun_phrase(self, i: int) -> tuple[int, int]:
        """The noun with its adjectives before it and its genitive complements after it."""
        first = i
        inside = {i}
        while first > 0 and self._modifies(first - 1, inside):
            first -= 1
            inside.add(first)
        last = i + 1
        while last < len(self.tokens) and self.tokens[last].sent == self.tokens[i].sent and self.tokens[last].rel in ("nmod", "flat:name", "appos", "amod") \
                and self.tokens[last].feats.get("Case") == "Gen" and self.preposition(last) is None and last - i <= 4:
            end = self.entity_at[last].last if last in self.entity_at else last + 1
            last = max(end, last + 1)
        return first, last

    def _modifies(self, k: int, inside: set[int]) -> bool:
        """An adjective of the phrase, also one joined to another (`британских и чешских`)."""
        token = self.tokens[k]
        if token.pos == "ADJ":
            head = token.head
            return head in inside or (0 <= head < len(self.tokens) and self.tokens[head].pos == "ADJ" and self.tokens[head].head in inside)
        return token.text in (",", "и") and k - 1 >= 0 and self.tokens[k - 1].pos == "ADJ" and k + 1 in inside

    def _country_in(self, first: int, last: int) -> str | None:
        for k in range(first, last):
            span = self.entity_at.get(k)
            if span is not None and span.type in PLACE_ENTITY_TYPES:
                country = self.entities[span.entity].country
                if country:
                    return country
        return None

    def _make_entity(self, kind: str, name: str, start: int, end: int, country: str | None, sectors: list[str], aliases: list[str] = ()) -> str:
        """An entity for an actor named by a post or a group noun (made once per place in the text)."""
        existing = next((e for e in self.doc.entities if e.type == kind and e.mentions and e.mentions[0].start == start and e.mentions[0].kind == "descriptor"), None)
        if existing is not None:
            return existing.id
        entity_id = f"e{len(self.doc.entities) + 1}"
        entity = Entity(entity_id, kind, name, [Mention(start, end, self.doc.text[start:end], "descriptor")], country=country)
        entity.actor = {"country": country, "sectors": list(sectors), "code": (country or "") + "".join(sectors) or None}
        entity.aliases = list(aliases)
        self.doc.entities.append(entity)
        self.entities[entity_id] = entity
        return entity_id


def _post_head(position: str) -> str:
    """`министр` of `министр энергетики`, `президент` of `экс-президент`."""
    return position.split()[0].removeprefix("экс-")
