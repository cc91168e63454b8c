"""Events: who did what to whom, when and where, coded in CAMEO and PLOVER.

Predicates are found in the dependency parse by the predicate lexicon (data/ru/predicates.tsv):
verbs (`посетил`, `осудил`), a light verb with its noun (`провел переговоры`, `подписали
программу`, `сняла эмбарго`) and event nouns (`визит министра в Баку`). Their arguments are
read by syntactic role — the subject (the agent of a passive) is the source; the target is the
object, `с` + instrumental, `в`/`на` + place, `против`, the dative … as the lexicon says for
the predicate — and resolved to actors (stages/referents.py). Coordination multiplies events
(`встречи с A, B и C`), sources act apart unless the act is joint, `друг друга` goes both ways.

An event is `intended` when announced, prepared, planned, promised or agreed to be done (a
future verb, an infinitive under `намерен`, `договорились`, the noun `намерение`), `negated`
under `не`; its date is the time expression of its clause, else the article's date for what is
reported as done; its location the place in its clause, else the place of the document's
visit. The same event told twice (the headline and the body) is one record with both evidence
spans. The policy in full: docs/events.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import cameo
from ..document import Document, Entity, Mention
from ..lang.base import Language
from ..lexicon import Predicate
from .referents import COUNTED_PEOPLE, FORCED_ROOTS, ORGANISER, PLACE_ENTITY_TYPES, RELATIVE, Referents

INTENT_VERBS = {"намереваться", "планировать", "собираться", "пообещать", "обещать", "договориться", "согласиться",
                "предложить", "хотеть", "решить", "готовиться", "мочь", "намерен", "намеренный", "обязаться", "рассчитывать",
                "надеяться", "стремиться", "готовый", "намерить",  # намерена: a short form read as намерить
                "пригрозить", "угрожать", "грозить"}
INTENT_NOUNS = {"намерение", "план", "готовность", "предложение", "договоренность", "обещание", "решение",
                "возможность", "перспектива"}
CLAUSE_RELS = ("acl:relcl", "acl", "advcl", "ccomp", "parataxis", "csubj")
SUBORDINATE_RELS = ("acl:relcl", "advcl", "ccomp", "parataxis", "conj")  # clauses with a `не` of their own
RECENT_SENTENCES = 2  # how far back `стороны` may refer to the sides of a meeting
PLANNED_NOUNS = {"подготовка", "планирование"}  # `подготовка визита`: a planned act keeps its own code
SUBJECT_RELS = ("nsubj", "nsubj:pass")
RELATION_NOUNS = {"отношение", "партнерство", "сотрудничество", "связь"}
# the CAMEO code of an intention to do a cooperative act (CAMEO codes intentions apart: 03x)
INTENT_CODES = {"04": "036", "05": "032", "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
                "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035",
                "081": "0351", "084": "0353", "085": "0354", "086": "0355", "087": "0356"}

REFUSAL_VERBS = {"отказаться", "отказываться", "отказать", "отказывать"}
# the CAMEO code of a refusal to do a cooperative act (12x); any other refusal is 120
REFUSAL_CODES = {"04": "125", "03": "125", "05": "120", "06": "121", "07": "122", "08": "124", "081": "1241", "0841": "1243"}

DEMAND_WORDS = {"должен", "должный", "обязанный", "обязан"}  # `Беларусь должна освободить`
# words that ask someone else to act: `потребовали от России освободить X`, `призвал власти отменить`
ASKING_WORDS = {"потребовать": "demand", "требовать": "demand", "требование": "demand",
                "призвать": "appeal", "призывать": "appeal", "призыв": "appeal",
                "попросить": "appeal", "просить": "appeal", "просьба": "appeal"}
# the CAMEO code of a demand (10x) or an appeal (02x) that an act be done; any other is 100 or 020
DEMAND_CODES = {"0841": "1053", "0831": "1041", "083": "104", "081": "1051", "085": "1054", "086": "1055", "08": "105",
                "087": "107", "0871": "107", "04": "108", "07": "103", "06": "101"}
APPEAL_CODES = {"0841": "0253", "0831": "0241", "083": "024", "081": "0251", "085": "0254", "086": "0255", "087": "0256",
                "08": "025", "04": "026", "07": "023", "06": "021", "05": "022"}
THREAT_VERBS = {"пригрозить", "угрожать", "грозить", "пообещать", "обещать"}  # a hostile act promised is threatened
HOSTILE_ROOTS = ("16", "17", "18", "19", "20")
# the CAMEO code of threatening a hostile act (13x); any other threat is 130
THREAT_CODES = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "16": "131",
                "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "172": "132", "17": "137",
                "191": "1381", "192": "1382", "18": "1383", "19": "1384", "20": "1385"}


def _by_prefix(table: dict[str, str], code: str, default: str) -> str:
    """The entry of the longest prefix of the code (4, 3, then 2 digits) in the table."""
    return table.get(code[:4]) or table.get(code[:3]) or table.get(code[:2]) or default


def demand_code(code: str) -> str:
    return _by_prefix(DEMAND_CODES, code, "100")


def ask_code(code: str, kind: str) -> str:
    """The code of demanding (10x) or appealing (02x) that the act of `code` be done."""
    return demand_code(code) if kind == "demand" else _by_prefix(APPEAL_CODES, code, "020")


def threat_code(code: str) -> str:
    return _by_prefix(THREAT_CODES, code, "130")


def refusal_code(code: str) -> str:
    return _by_prefix(REFUSAL_CODES, code, "120")


def intent_code(code: str) -> str:
    return _by_prefix(INTENT_CODES, code, code)


CONSULT_PREFIX = "04"
PROTEST_PREFIX = "14"
HOSTING = "043"  # receiving a visitor: only with a host
BLOCKING, BLOCKADE = "144", "191"  # obstructing passage: a protest, but by a state's forces a blockade
CENSORSHIP = "1721"  # a state body blocking a medium or a company restricts freedoms
STATE_SECTORS = {"GOV", "COP", "JUD", "SPY", "LEG"}
FORCE_SECTORS = {"MIL", "COP"}
SEIZURE, ABDUCTION = "192", "181"  # `захватили город` occupies territory, `захватили журналиста` abducts
PEOPLE_TYPES = ("PERSON", "GROUP")
SEIZING_VERBS = {"захватить", "захватывать"}
CHARGE_NOUNS = {"подозрение", "обвинение", "дело", "причастность", "статья"}
NAMING_VERBS = {"назвать", "называть"}
ENFORCING_SECTORS = {"COP", "SPY", "JUD"}  # bodies that arrest and investigate
CONDITIONAL_MARKS = {"если", "ежели"}
CONDITION_RELS = ("advcl", "ccomp")  # the parser hangs `если бы …` as either
LETTING_IN = {"пустить", "впустить", "пускать", "впускать"}  # `в страну его не пустили`: entry denied
ADMITTING = {"допустить", "допускать"}  # `не допустили на территорию Молдавии` (not `к выборам`)
TERRITORY_NOUNS = {"территория", "страна"}
ENTRY_BAN = Predicate("не пустить", "172", ("obj",), "verb")
INVESTIGATE_PREFIX = "09"  # a case opened (`возбудил дело`) may, like a protest, name no one as its target
FORCE_ROOTS = ("18", "19", "20")
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}  # acts only actors do by word
QUANTITIES = {"большинство", "часть", "ряд", "группа", "половина", "число", "множество", "тысяча", "сотня", "десяток"}  # `большинство из них`
# a verb of the lexicon with one of these objects is no event: `принял участие`, `принят закон` (no hosting),
# `заняла третье место`, `займет пост` (no occupation), `подорвано доверие` (no bombing)
_ADOPTED = {"участие", "решение", "мера", "меры", "закон", "законопроект", "поправка", "бюджет", "постановление",
            "отставка", "тело", "присяга", "вызов", "форма"}  # `принял отставку`, `принять тело`
_TAKEN = {"место", "пост", "должность", "позиция", "кресло", "сторона", "время", "очередь"}
_RULED_OUT = {"возможность", "вариант", "вероятность", "сценарий", "лишение", "отставка", "повторение"}  # `не исключил возможности`
_UNDERMINED = {"доверие", "репутация", "авторитет", "экономика", "здоровье", "позиция", "престиж", "основа"}
NOT_ACTS = {(verb, noun) for verbs, nouns in ((("принять", "принимать"), _ADOPTED), (("занять", "занимать"), _TAKEN),
                                             (("подорвать", "подрывать"), _UNDERMINED), (("исключить", "исключать"), _RULED_OUT))
            for verb in verbs for noun in nouns}
# nouns of acts: the target of `осудил действия X` is X
ACT_NOUNS = {"действие", "политика", "решение", "заявление", "высказывание", "поступок", "шаг", "позиция", "акция", "операция", "рейд", "курс"}
# cities that stand for the international bodies seated there when the story is about them
SEATS = {"Брюссель": ("Европейский союз", "ЕС", "Евросоюз", "Организация Североатлантического договора", "НАТО"),
         "Страсбург": ("Совет Европы", "Европейский суд по правам человека", "ЕСПЧ", "Европейский парламент"),
         "Гаага": ("Международный уголовный суд", "МУС", "Международный суд ООН")}
INSTRUMENTAL_ENDINGS = ("ом", "ем", "ём", "ой", "ей", "ою", "ею", "ым", "им", "ью", "ами", "ями", "ми")
ANNOUNCE_VERBS = {"объявить", "объявлять"}  # `объявил о введении санкций`: the announcer acts
RECALLING_PREPOSITIONS = {"в", "во", "после", "с", "со", "за", "до", "против", "по", "из-за", "вследствие", "несмотря"}  # `на акцию`, `о протестах` stay
DETENTION_CODES = ("172", "173", "174", "084")  # dismiss, arrest, expel, release: acts of a state's authorities
PEOPLE_VERBS = {"выпустить", "выпускать", "освободить", "освобождать"}  # their object must be people to be a release
AWARD_NOUNS = {"орден", "медаль", "премия", "грамота", "звание", "знак", "награда"}
DRAWING_VERBS = {"вызвать", "вызывать"}  # `визит вызвал критику`: criticism drawn by an act
CRITICISM_NOUNS = {"критика", "осуждение", "возмущение", "негодование", "сожаление", "протест", "озабоченность",
                   "беспокойство", "тревога", "недовольство"}
CRITICISM = "111"
TIMES_OF_DAY = {"утро", "день", "вечер", "ночь"}  # `вечером с ним встретился`
PURPOSE_PREPOSITIONS = {"для", "ради"}
AMONG_PREPOSITIONS = {"среди"}  # `среди задержанных оказался X`
STATE_FORCE_ROOTS = ("17", "19", "20")  # arrests, strikes, mass violence: confirmed by whoever did them
CONFIRM_VERBS = {"подтвердить", "подтверждать"}  # `подтвердила арест`: of an act of force, the confirmer's own
PHASE_NOUNS = {"возобновление", "продолжение", "начало", "проведение"}  # the act is the noun they govern
JOINT_PREFIXES = ("03", "04", "057", "06", "0871")  # acts done together: `A и B подписали`, `провели переговоры`


@dataclass
class Found:
    trigger: int
    cameo: str
    sources: list[str]
    targets: list[str]
    sentence: int
    noun: int | None = None
    location: str | None = None
    place_target: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    status: str = "actual"
    negated: bool = False
    date: str | None = None
    precision: str | None = None
    confidence: float = 0.8
    governor: int | None = None  # the verb or noun stating the intention (`договорились`, `намерение`)
    by_participants: bool = False  # a protest held by its unnamed participants
    someone_else: bool = False  # a subject is written but is no actor (`его предок отправился`): carry no agent to it
    conditional_threat: bool = False  # an act said to follow from a condition, coded as the speaker's threat


def run(doc: Document, lang: Language) -> Document:
    context = _Context(doc, lang)
    found: list[Found] = []
    for i, token in enumerate(doc.tokens):
        found += context.from_verb(i) if token.pos in ("VERB", "AUX") else []
        found += context.from_noun(i) if token.pos == "NOUN" else []
    found = context.conditions_read(found)
    found = _without_stated_intentions(found, context)
    found += context.from_speech(found)
    _visit_locations(found, context)
    _agents_carried(found)
    found = [e for e in found if e.sources or not e.cameo.startswith("042")]  # `приехал в город`, no one named as travelling
    found = [e for e in found if not _on_itself(e, context)]
    doc.events = [_record(doc, e, n) for n, e in enumerate(_merged(found), 1)]
    return doc


class _Context(Referents):
    def __init__(self, doc: Document, lang: Language):
        super().__init__(doc, lang)
        self.times = [(t, self.token_range(t["start"], t["end"])) for t in doc.times]
        self.last_meeting: tuple[int, list[str]] | None = None  # (sentence, its two sides)
        self.reflexive: set[int] = set()  # verbs read as the passive of a listed verb: `обвиняются`
        self.doers: dict[str, list[str]] = {}  # the doers of the last act of each code: `поездка X` … `этот визит`

    def _parties(self, i: int) -> str | None:
        """`в ходе встречи стороны обсудили`: the sides of a meeting told just before; else the two
        countries the document names most."""
        if self.last_meeting is not None and self.tokens[i].sent - self.last_meeting[0] <= RECENT_SENTENCES:
            return "|".join(self.last_meeting[1])
        return super()._parties(i)

    # ----- triggers -----
    def from_verb(self, i: int) -> list[Found]:
        token = self.tokens[i]
        governor = self.tokens[token.head] if 0 <= token.head < len(self.tokens) else None
        if token.feats.get("Mood") == "Imp" or (governor is not None and governor.feats.get("Mood") == "Imp" and token.rel == "xcomp"):
            return []  # `«Поговори с ней»`, `давайте встретимся`: an imperative reports no act
        lemma = self.lang.lemma(token)
        objects = self._objects(i)
        if lemma in DRAWING_VERBS and any(self.lang.lemma(self.tokens[n]) in CRITICISM_NOUNS for n in objects):
            return self._criticism_drawn(i)
        if lemma not in self.lexicon.verb_predicates and lemma not in self.lexicon.light_verbs and self._reflexive_passive(i, lemma):
            lemma = lemma[:-2]  # `США обвиняются в …`: the passive of `обвинять`
            self.reflexive.add(i)
        if lemma in LETTING_IN | ADMITTING and self._negated(i) and self._into_a_country(i) \
                and not any((lemma, self.lang.lemma(self.tokens[n])) in self.lexicon.light_predicates for n in objects):
            return self._entry_denied(i)  # (`не допустил инспекторов` keeps its own code)
        if lemma not in self.lexicon.verb_predicates and lemma not in self.lexicon.light_verbs:
            return []
        if any((lemma, self.lang.lemma(self.tokens[n])) in NOT_ACTS for n in objects):
            return []  # `принял участие`, `решение было принято`
        if lemma in REFUSAL_VERBS and any(self.protest_noun(n) for n in objects):
            return []  # `отказались от акции протеста`: a protest called off, no one rejected
        if lemma in self.lexicon.verb_predicates and self._done_by_a_thing(i, lemma):
            return []  # `Твиттеру грозит штраф`, `решение вызвало критику`
        phased = [g for n in objects if self.lang.lemma(self.tokens[n]) in PHASE_NOUNS for g in self.children.get(n, [])
                  if self.tokens[g].rel == "nmod" and self.tokens[g].feats.get("Case") == "Gen"]  # `отказались от возобновления переговоров`
        found = [e for noun in objects + phased for e in self._light_events(i, lemma, noun)]
        if not found and not self._releases_things(i, lemma):
            for predicate in self.lexicon.verb_predicates.get(lemma, ()):
                found += self._build(i, predicate, None)
        return found

    def _light_events(self, verb: int, lemma: str, noun: int) -> list[Found]:
        """The events of a light verb with its noun (`провел переговоры`)."""
        light = self.lexicon.light_predicates.get((lemma, self.lang.lemma(self.tokens[noun])), ())
        if lemma in NAMING_VERBS and self.tokens[noun].feats.get("Case") != "Ins":
            return []  # `назвал убийцу` names him; `назвал его убийцей` calls him one
        if self.commemoration(noun):
            return []  # `провела акцию памяти`
        built = [e for predicate in light for e in self._build(verb, predicate, noun)]
        if light and not built and any(p.cameo.startswith(PROTEST_PREFIX) for p in light):
            return self.from_noun(noun, light_verb_failed=True)  # `тысячи людей вышли на акцию протеста`: held by its participants
        return built

    def _into_a_country(self, verb: int) -> bool:
        """`на территорию Молдавии`, `в страну`, `в Грузию`: where someone is let in."""
        for c in self.children.get(verb, []):
            if self.tokens[c].rel != "obl" or self.preposition(c) not in ("в", "во", "на") or self.tokens[c].feats.get("Case") != "Acc":
                continue
            span = self.entity_at.get(c)
            if self.lang.lemma(self.tokens[c]) in TERRITORY_NOUNS or (span is not None and span.type in PLACE_ENTITY_TYPES):
                return True
        return False

    def _entry_denied(self, verb: int) -> list[Found]:
        """`X не пустили в Молдову`: not letting someone in is a ban on their entry (172), an act
        done, not one negated."""
        found = [e for e in self._build(verb, ENTRY_BAN, None) if e.targets and all(self._people(a) for a in e.targets)]
        for event in found:  # `не пустила в страну вино` bans goods, not people
            event.negated = False
        return found

    def _reflexive_passive(self, i: int, lemma: str) -> bool:
        """An imperfective `-ся` verb of a listed transitive one, without an infinitive after it
        (`пытался смягчить` is trying) and not of meeting (`встречаются` is reciprocal); a
        perfective one acts on itself (`застрелился`)."""
        stem = lemma[:-2] if lemma.endswith("ся") else None
        predicates = self.lexicon.verb_predicates.get(stem or "", ())
        if not predicates or self.tokens[i].feats.get("Aspect") != "Imp":
            return False
        if not any("obj" in p.targets for p in predicates) or any(p.cameo.startswith(CONSULT_PREFIX) for p in predicates):
            return False
        return not any(self.tokens[c].rel == "xcomp" for c in self.children.get(i, []))

    def from_noun(self, i: int, light_verb_failed: bool = False) -> list[Found]:
        token = self.tokens[i]
        lemma = self._event_noun_lemma(token)
        if lemma is None or self.commemoration(i):
            return []
        if 0 <= token.head < len(self.tokens) and self.lang.lemma(self.tokens[token.head]) in REFUSAL_VERBS and self.protest_noun(i):
            return []  # `отказались от митинга`: a protest called off is none
        head = token.head
        if 0 <= head < len(self.tokens) and self.tokens[head].pos in ("VERB", "AUX") and not light_verb_failed:
            verb_lemma = self.lang.lemma(self.tokens[head])
            if (verb_lemma, lemma) in self.lexicon.light_predicates:
                return []  # the light verb codes it
        if 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) in PHASE_NOUNS:
            verb = self.tokens[head].head
            if 0 <= verb < len(self.tokens) and (self.lang.lemma(self.tokens[verb]), lemma) in self.lexicon.light_predicates:
                return []  # `отказались от возобновления переговоров`: the light verb codes it
        if 0 <= head < len(self.tokens) and self.tokens[head].pos == "NOUN":
            if any(words and lemma in words for words, _ in self.lexicon.noun_predicates.get(self.lang.lemma(self.tokens[head]), ())):
                return []  # `протеста` in `акция протеста`: a word of its head's predicate
        found = []
        near = {self.lang.lemma(self.tokens[c]): c for c in self.children.get(i, [])}
        for words, predicate in self.lexicon.noun_predicates.get(lemma, ()):
            if words is None:
                found += self._build(i, predicate, None, nominal=True)
            elif words & near.keys():  # `телефонный разговор`, `акция протеста`, `заморозка контактов с X`
                word = near[next(iter(words & near.keys()))]
                found += self._build(i, predicate, word if self.tokens[word].pos == "NOUN" else None, nominal=True)
        return found

    def _event_noun_lemma(self, token) -> str | None:
        """The lemma under which the lexicon lists the noun, also when the tagger chose another
        reading (`заморозке`: заморозка, not заморозок)."""
        lemma = self.lang.lemma(token)
        if lemma in self.lexicon.noun_predicates:
            return lemma
        return next((other for other in sorted(self.lang.lemmas(token.text)) if other in self.lexicon.noun_predicates), None)

    def _done_by_a_thing(self, verb: int, lemma: str) -> bool:
        """A verbal act (a threat, a demand, praise, criticism) whose subject is a thing, not an actor."""
        if verb in self.reflexive:
            return False  # its subject undergoes it
        codes = {p.cameo[:2] for p in self.lexicon.verb_predicates[lemma]}
        if not codes <= VERBAL_ROOTS:
            return False
        subjects = [c for c in self.children.get(verb, []) if self.tokens[c].rel == "nsubj"]
        return bool(subjects) and all(self.tokens[c].pos == "NOUN" and self.tokens[c].feats.get("Animacy") == "Inan"
                                      and self.lang.lemma(self.tokens[c]) not in QUANTITIES and not self.actors([c]) for c in subjects)

    def _objects(self, verb: int) -> list[int]:
        """The nouns a light verb may take: its object (`провел переговоры`), the subject of its
        passive (`был подписан меморандум`), a noun under a preposition (`взят под стражу`)."""
        return [c for c in self.children.get(verb, []) if (self.tokens[c].rel in ("obj", "iobj", "nsubj:pass", "obl") and self.tokens[c].pos == "NOUN")
                or (self.tokens[c].rel in ("xcomp", "obl") and self.tokens[c].pos == "ADJ")  # `признал виновным`
                or (self.tokens[c].rel == "xcomp" and self.tokens[c].pos == "NOUN")]  # `назвал решение нарушением`

    # ----- what is said -----
    def from_speech(self, found: list[Found]) -> list[Found]:
        """Acts done by saying: a demand (`X заявил: «Беларусь должна освободить …»` — X demands
        of Беларусь) and an accusation (X tells of force or coercion used by another: `он рассказал,
        что в СИЗО его избивали сотрудники ФСБ` — X accuses the ФСБ)."""
        events = []
        for quote in self.doc.quotes:
            speaker = quote["speaker"]
            inside = self.token_range(quote["start"], quote["end"])
            for k in inside:
                if self.lang.lemma(self.tokens[k]) in DEMAND_WORDS:
                    events += self._demand(k, speaker)
            for event in found:
                if event.trigger in inside and event.cameo[:2] in FORCED_ROOTS and event.sources and speaker not in event.sources and not event.negated:
                    events.append(self._speech_event(event.trigger, "112", [speaker], event.sources[:1]))
        return [e for e in events if e.targets]

    def _demand(self, modal: int, speaker: str) -> list[Found]:
        subjects = [c for c in self.children.get(modal, []) if self.tokens[c].rel == "nsubj"]
        targets = self.actors(subjects)
        if not targets:
            return []
        acts = [c for c in self.children.get(modal, []) if self.tokens[c].rel == "xcomp" and self.tokens[c].pos == "VERB"]
        if not acts:
            return []  # `компания должна банку 5 млн`: owing, not a demand
        demanded = [p for c in acts for p in self.lexicon.verb_predicates.get(self.lang.lemma(self.tokens[c]), ())]
        code = demand_code(demanded[0].cameo) if demanded else "100"
        return [self._speech_event(modal, code, [speaker], targets[:1])]

    def _speech_event(self, trigger: int, code: str, sources: list[str], targets: list[str]) -> Found:
        event = Found(trigger, code, sources, targets, self.tokens[trigger].sent)
        event.negated = self._negated(trigger)
        event.date, event.precision = self._date(trigger, "actual")
        event.confidence = 0.6
        return event

    # ----- arguments -----
    def _build(self, trigger: int, predicate, noun: int | None, nominal: bool = False) -> list[Found]:
        code = cameo.lookup(predicate.cameo)
        if code is None or code.plover is None:
            return []
        heads = [trigger] + ([noun] if noun is not None else [])
        if nominal:
            sources = self._noun_sources(trigger, patient_genitive="gen" in predicate.targets, consult=predicate.cameo.startswith(CONSULT_PREFIX))
        else:
            sources = self._verb_sources(trigger)
        sources = list(dict.fromkeys(self._country_of_place(p) for a in sources for p in a.split("|")))  # `обе страны`: each party; `Москва`: Russia
        if predicate.targets == ("subj",):
            # `лишился поста`, `прошли обучение под руководством британских инструкторов`: the subject
            # undergoes the act, done by whoever leads it, if named
            sources, targets = self.actors(self._leaders(heads)), sources
            location, place_target = None, False
        else:
            targets, location, place_target = self._targets(heads, predicate.targets, sources, passive=self._passive(trigger))
            if not targets and location and predicate.cameo[:2] in FORCE_ROOTS:
                targets = self._attacked_country(location, sources)
            if not targets and predicate.cameo[:2] in ("02", "10"):
                targets = [self._country_of_place(a) for a in self.actors(self._asked(trigger)) if a not in sources]  # `чтобы Вашингтон выдал`
            if not targets and "obj" in predicate.targets:
                targets = [a for a in self.actors(self._participle_undergoers(trigger)) if a not in sources]
        if not sources and targets and location and not nominal and predicate.cameo[:3] in DETENTION_CODES and self._passive(trigger):
            sources = self._state_of_place(location)  # `в Казахстане арестованы чиновники`: by that state
        if not sources and not targets:
            sources = self._relation_parties(heads)
        by_participants = not sources and nominal and predicate.cameo.startswith(PROTEST_PREFIX)
        if by_participants and self.preposition(trigger) in RECALLING_PREPOSITIONS and not self._taken_part_in(trigger):
            return []  # `в ходе демонстраций`, `после массовых протестов`: a protest recalled, told where it is the news
        if by_participants and self._grounds_of_a_charge(trigger):
            return []  # `по подозрению в участии в беспорядках`, `дело о беспорядках`: what someone is charged with
        if by_participants and 0 <= self.tokens[trigger].head < len(self.tokens) and self.lang.lemma(self.tokens[self.tokens[trigger].head]) == ORGANISER:
            return []  # `организатором митинга стала партия`: who held the protest told before
        if by_participants:
            organisers = self.organisers(trigger)
            by_participants = not organisers
            sources = organisers or [self.participants(trigger)]
        if not sources and not targets:
            return []
        undirected = predicate.cameo.startswith(PROTEST_PREFIX) or (predicate.cameo.startswith(INVESTIGATE_PREFIX) and noun is not None)
        if not targets and "none" not in predicate.targets and not nominal and not sources[1:] and not undirected:
            return []  # `принял участие` is no hosting: a predicate that needs a target has none
        if not targets and len(sources) > 1 and predicate.cameo.startswith(JOINT_PREFIXES) and not self._reciprocal(heads):
            sources, targets = sources[:1], sources[1:]  # `A и B подписали`: the first-named party acts
        if nominal and not (sources and (targets or "none" in predicate.targets or predicate.cameo.startswith(PROTEST_PREFIX))):
            return []  # `после ареста`, `в ходе встречи`: an event noun without its actors mostly recalls one told elsewhere
        sentence = self.tokens[trigger].sent
        events = []
        if predicate.cameo.startswith(BLOCKING) and sources and targets and all(self._state_part(a, STATE_SECTORS) for a in sources) \
                and all(self.entities.get(t) is not None and self.entities[t].type == "ORGANIZATION" for t in targets):
            predicate = replace(predicate, cameo=CENSORSHIP)  # `Роскомнадзор заблокировал Telegram`: a restriction, not a protest
        elif predicate.cameo.startswith(BLOCKING) and sources and all(self._state_part(a, FORCE_SECTORS) for a in sources):
            predicate = replace(predicate, cameo=BLOCKADE)  # `армия блокировала территории`: a blockade, not a protest
        if predicate.cameo == SEIZURE and targets and all(self._people(a) for a in targets):
            if self.lang.lemma(self.tokens[trigger]) not in SEIZING_VERBS:
                return []  # `он занят организацией`: people are not occupied
            predicate = replace(predicate, cameo=ABDUCTION)  # `ЦРУ захватило гражданина Германии`: an abduction
        status, intent, governor = self._status(trigger, noun)
        code_text = intent_code(predicate.cameo) if intent else predicate.cameo
        said = self._said(governor, predicate.cameo) if intent and governor is not None else None
        refusal = None if said else self._refusal(trigger)
        negated_intent = refusal is None and not said and intent and governor is not None and self._negated(governor)
        if negated_intent:
            refusal = governor  # `не намерены обсуждать`, `не готовы вести диалог`: a refusal
        if refusal is not None:  # `отказывается признать`: a refusal to do it
            code_text, status, intent, governor = refusal_code(predicate.cameo), "actual", False, refusal
        if said == "threat":  # `пригрозил ввести санкции`, `пообещал ограничить поставки`: a threat
            code_text = threat_code(predicate.cameo)
        elif said:  # `потребовали от России освободить X`, `призвал Грузию отменить`: a demand or an appeal to who must act
            code_text = ask_code(predicate.cameo, said)
            targets = [self._country_of_place(a) for a in self.actors(self._asked_of(governor)) if a not in sources] or targets
        if said:
            status, intent = self._status(governor, None)[0], False  # as the asking or threatening verb tells it
        if code_text.startswith("03"):
            status = "intended"  # an intention is of something not yet done
        if predicate.cameo.startswith(HOSTING) and not sources:
            return []  # `его приняли в Союз писателей`, `закон был принят`: no host, no visit received
        if predicate.cameo[:2] in FORCE_ROOTS and self._impersonal(trigger):
            return []  # `рабочего ранило осколком`: an accident, no one's act
        if any(self._sports(a) for a in sources + targets):
            return []  # `команда Канады встретилась со сборной Финляндии`: a match, not politics
        if predicate.cameo.startswith("042") and sources and all(self._private_person(a) for a in sources):
            return []  # a journalist's or a suspect's journey is no state visit
        if predicate.cameo.startswith(CONSULT_PREFIX) and any(self._press(t) for t in targets):
            targets = [t for t in targets if not self._press(t)]  # talking to journalists is no diplomacy
            if not targets:
                return []
        for source_list, target in self._pairs(heads, predicate.cameo, sources, targets):
            event = Found(trigger, code_text, source_list, [target] if target else [], sentence, noun, location, place_target)
            event.status, event.governor, event.by_participants = status, governor, by_participants
            event.someone_else = not source_list and not nominal and any(self.tokens[c].rel == "nsubj" for c in self.children.get(trigger, []))
            event.negated = False if negated_intent else self._negated(governor if said else trigger)
            if (code_text.startswith("03") or said) and governor is not None:
                # an intention is stated when its verb says it: `в среду … сообщил, что готов выделить`
                event.date, event.precision = self._date(self._stated_by(governor), "actual")
            else:
                event.date, event.precision = self._date(trigger, event.status)
            event.confidence = 0.9 if sources and target else 0.7
            if nominal:
                event.confidence -= 0.2
            events.append(event)
            if event.sources and event.status == "actual":
                self.doers[code_text[:3]] = event.sources
            if code_text.startswith(CONSULT_PREFIX) and event.sources and event.targets:
                self.last_meeting = (sentence, [event.sources[0], event.targets[0]])
        return events

    def _pairs(self, heads: list[int], code: str, sources: list[str], targets: list[str]) -> list[tuple[list[str], str | None]]:
        """Who acts on whom: each target apart (`встречи с A, B и C`); each source apart unless
        they act together (`A и B подписали`, a meeting); both ways for `друг друга`."""
        if self._reciprocal(heads):
            parties = [p for a in sources + targets for p in a.split("|")]
            parties = list(dict.fromkeys(parties))
            if len(parties) >= 2:
                return [([a], b) for a in parties for b in parties if a != b]
        joint = code.startswith(JOINT_PREFIXES)
        groups = [sources] if joint or len(sources) <= 1 else [[a] for a in sources]
        return [(group, target) for group in groups for target in targets or [None]]

    def _reciprocal(self, heads: list[int]) -> bool:
        """`друг друга` in the clause of the predicate (the parser may hang it on any noun there)."""
        sentence = self.doc.sentences[self.tokens[heads[0]].sent]
        return any(self.tokens[k].text.lower() == "друг" and self.lang.lemma(self.tokens[k + 1]) == "друг" and self._governs(heads[0], [k])
                   for k in range(sentence.first, sentence.last - 1))

    def _attacked_country(self, location: str, sources: list[str]) -> list[str]:
        """`атаковали объекты в Белгородской области`: force used on things in a country is used
        on that country (unless it is the attacker's own)."""
        code = self.entities[location].country
        own = {self.entities[a].country for a in sources if a in self.entities}
        if not code or code in own:
            return []
        return [self._country_entity(code) or location]

    def _participle_undergoers(self, verb: int) -> list[int]:
        """Who a passive participle standing for people is about: `среди задержанных оказался X` —
        the subject of the verb it is among. (A participle describing a noun, `арестованных
        участников`, `убитый журналист`, mostly recalls an act told elsewhere.)"""
        token = self.tokens[verb]
        if token.feats.get("VerbForm") != "Part" or token.feats.get("Voice") != "Pass" or not 0 <= token.head < len(self.tokens):
            return []
        if token.rel == "obl" and self.preposition(verb) in AMONG_PREPOSITIONS:
            return [c for c in self.children.get(token.head, []) if self.tokens[c].rel == "nsubj"]
        return []

    def _criticism_drawn(self, verb: int) -> list[Found]:
        """`решение X вызвало критику`, `Кан заявил, что визит X вызывает сожаление`: an act that
        draws criticism is accused (111), by whoever says so, else by no one named."""
        subjects = [c for c in self.children.get(verb, []) if self.tokens[c].rel == "nsubj"]
        if any(self._patient_genitive(c) for c in subjects):
            return []  # `задержание журналиста вызвало возмущение`: the one arrested is not accused
        targets = self.actors([self._act_owner(c) for c in subjects])
        if not targets:  # `этот визит вызывает сожаление`: the visit told before
            targets = [d for c in subjects if self._demonstrative(c) for _, p in self.lexicon.noun_predicates.get(self.lang.lemma(self.tokens[c]), ())
                       for d in self.doers.get(p.cameo[:3], [])][:1]
        if not targets:
            return []  # `это вызвало критику`: no act named, no one to accuse
        critics = [g for c in self._objects(verb) if self.lang.lemma(self.tokens[c]) in CRITICISM_NOUNS for g in self.genitives(c)]
        speaker = self._speaker_of(verb)  # direct or indirect speech (`X заявил, что …`) is a quote with its speaker
        sources = self.actors(critics) or ([speaker] if speaker else [])  # `вызвали осуждение правозащитников`
        return [self._speech_event(verb, CRITICISM, sources[:1], [t]) for t in targets if t not in sources]

    def _demonstrative(self, i: int) -> bool:
        return any(self.lang.lemma(self.tokens[c]) in ("этот", "данный", "такой") for c in self.children.get(i, []))

    def _patient_genitive(self, i: int) -> bool:
        """An event noun whose genitive names who undergoes it (`арест X`, `задержание X`)."""
        lemma = self.lang.lemma(self.tokens[i])
        return any("gen" in p.targets for _, p in self.lexicon.noun_predicates.get(lemma, ()))

    def _said(self, governor: int, code: str) -> str | None:
        """`demand` or `appeal` when the act is asked of someone, `threat` when a hostile act is
        threatened or promised, else None (an intention of one's own)."""
        lemma = self.lang.lemma(self.tokens[governor])
        if lemma in ASKING_WORDS:
            return ASKING_WORDS[lemma]
        return "threat" if lemma in THREAT_VERBS and code[:2] in HOSTILE_ROOTS else None

    def _asked_of(self, verb: int) -> list[int]:
        """Who a demand or an appeal is made to: `потребовали от России`, `призвал Грузию`, `с
        требованием к России`."""
        return [c for c in self.children.get(verb, []) if (self.tokens[c].rel in ("obj", "iobj") and not self.preposition(c))
                or (self.tokens[c].rel in ("obl", "nmod") and self.preposition(c) in ("от", "к"))]

    def _asked(self, verb: int) -> list[int]:
        """`потребовала, чтобы США экстрадировали Гюлена`: who is to act, the subject of the clause."""
        near = self.children.get(verb, [])
        near = near + [g for c in near if self.tokens[c].text.lower() == "тому" for g in self.children.get(c, [])]  # `призвал к тому, чтобы`
        clauses = [c for c in near if self.tokens[c].rel in ("ccomp", "advcl", "xcomp", "obl", "acl")
                   and any(self.tokens[m].text.lower() == "чтобы" for m in self.children.get(c, []))]
        return [s for c in clauses for s in self.children.get(c, []) if self.tokens[s].rel in SUBJECT_RELS]

    def _people(self, actor: str) -> bool:
        entity = self.entities.get(actor)
        return entity is not None and entity.type in PEOPLE_TYPES

    def _sectors(self, actor: str) -> set[str]:
        entity = self.entities.get(actor)
        return set((entity.actor or {}).get("sectors") or []) if entity is not None else set()

    def _private_person(self, actor: str) -> bool:
        """A person the document tells of as a journalist or a private citizen (a famous politician
        may be named without his post, so a person without one is not taken for private)."""
        entity = self.entities.get(actor)
        if entity is None or entity.type != "PERSON":
            return False
        sectors = self._sectors(actor)
        return bool(sectors) and not sectors - {"MED", "CVL"}

    def _impersonal(self, verb: int) -> bool:
        """A verb in the neuter singular past with no subject: `убило`, `ранило`."""
        token = self.tokens[verb]
        return token.pos == "VERB" and token.feats.get("VerbForm") == "Fin" and token.feats.get("Gender") == "Neut" \
            and token.feats.get("Number") == "Sing" and token.feats.get("Tense") == "Past" and not any(self.tokens[c].rel.startswith("nsubj") for c in self.children.get(verb, []))

    def _state_part(self, actor: str, sectors: set[str]) -> bool:
        """A country, or one of its bodies of these sectors: its state (`STATE_SECTORS`: government,
        regulator, police, court) or its forces (army, police)."""
        entity = self.entities.get(actor)
        return entity is not None and (entity.type == "COUNTRY" or bool(self._sectors(actor) & sectors))

    def _sports(self, actor: str) -> bool:
        return self._sectors(actor) == {"SPT"}

    def _press(self, actor: str) -> bool:
        entity = self.entities.get(actor)
        return entity is not None and entity.type in ("PERSON", "GROUP") and self._sectors(actor) == {"MED"}

    def _leaders(self, heads: list[int]) -> list[int]:
        """X in `под руководством X`, `у X`, `от X` (`получил помощь от МВФ`) hung on the predicate or on a conjunct of its noun."""
        near = [c for h in heads for c in self.children.get(h, [])]
        near += [g for c in near if self.tokens[c].rel == "conj" for g in self.children.get(c, [])]
        leaders = []
        for c in near:
            if (self.lang.lemma(self.tokens[c]), self.preposition(c)) == ("руководство", "под"):
                leaders += [g for g in self.children.get(c, []) if self.tokens[g].rel == "nmod" and self.tokens[g].feats.get("Case") == "Gen"]
            elif sides := self._side_actors(c):
                leaders += sides
            elif (self.preposition(c) in ("у", "от") and self.tokens[c].rel in ("obl", "nmod")) or self._from_side(c):
                leaders.append(c)
        return leaders

    def _passive(self, verb: int) -> bool:
        token = self.tokens[verb]
        return verb in self.reflexive or token.feats.get("Voice") == "Pass" or any(self.tokens[c].rel == "nsubj:pass" for c in self.children.get(verb, []))

    def _releases_things(self, verb: int, lemma: str) -> bool:
        """`выпускают телешоу`, `освободили город`: a verb of release with a thing as its object."""
        return lemma in PEOPLE_VERBS and any(self._thing(c) for c in self.children.get(verb, []) if self.tokens[c].rel in ("obj", "nsubj:pass"))

    def _thing(self, i: int) -> bool:
        """An inanimate noun that names no actor (`телешоу`, `город`), also through `который`."""
        if self.lang.lemma(self.tokens[i]) in RELATIVE:
            noun = self._relative_noun(i)
            i = noun if noun is not None else i
        token = self.tokens[i]
        return token.pos == "NOUN" and token.feats.get("Animacy") == "Inan" and i not in self.entity_at and not self.actors([i])

    def _award(self, i: int) -> bool:
        """`награждён «Орденом почёта»`: the instrumental names the award, not who gives it."""
        span = self.entity_at.get(i)
        first = self.tokens[span.first] if span is not None else self.tokens[i]
        return self.lang.lemma(first) in AWARD_NOUNS or self.lang.lemma(self.tokens[i]) in AWARD_NOUNS

    def _undergoer_read_as_agent(self, verb: int, agent: int) -> bool:
        """`выпущена Тин Мар Аунг`: an indeclinable foreign name right after a passive verb
        read as its agent by the parser; a true agent is in the instrumental (`задержан полицией`)."""
        span = self.entity_at.get(agent)
        if span is None or span.type != "PERSON" or span.first != verb + 1:
            return False
        if any(self.tokens[c].rel == "nsubj:pass" for c in self.children.get(verb, [])):
            return False
        return not self.tokens[span.last - 1].text.lower().endswith(INSTRUMENTAL_ENDINGS)

    def _verb_sources(self, verb: int) -> list[str]:
        i = verb
        for _ in range(4):
            subjects = [c for c in self.children.get(i, []) if self.tokens[c].rel in SUBJECT_RELS]
            if self._passive(i):
                agents = [c for c in self.children.get(i, []) if (self.tokens[c].rel in ("obl:agent",) or
                          (self.tokens[c].rel == "obl" and self.tokens[c].feats.get("Case") == "Ins" and not self.preposition(c)))
                          and not self._undergoer_read_as_agent(i, c) and not self._award(c)]
                agents += self._agents_of_noun(i)  # `с армянской стороны одобрен`, `со стороны полиции применена сила`
                return self.actors(agents) or self._body_where_done(i)
            if subjects:
                return self.actors(subjects)
            body = self._body_where_done(i) if self.tokens[i].feats.get("VerbForm") == "Fin" and self.tokens[i].feats.get("Number") == "Plur" else []
            if body:
                return body  # `в полиции его задержали`
            named = self._name_before(i)
            if named is None:
                named = self._detached_subject(i)
            if named is not None:
                return self.actors([named])
            token = self.tokens[i]
            if not 0 <= token.head < len(self.tokens):
                break
            if token.rel == "acl" or token.feats.get("VerbForm") == "Part":
                described = self.actors([token.head])  # `КГБ, инициировавший расследования`
                if described:
                    return described
            if token.rel in ("ccomp", "advcl") and self._indefinite_personal(i, token.head):
                break  # `Великобритания заявила, что шпиона отравили`: unnamed doers, not the speaker
            if token.rel in ("xcomp", "conj", "advcl", "ccomp", "acl") or (token.rel == "nmod" and token.feats.get("VerbForm") == "Inf"):
                i = token.head  # `намерен посетить`, `готовность выстраивать`: the subject of the governing verb
                continue
            if token.pos == "NOUN" and token.rel in ("obj", "nsubj", "nsubj:pass"):
                i = token.head  # `подтвердил готовность выстраивать диалог`: who confirmed it
                continue
            break
        return []

    def _body_where_done(self, verb: int) -> list[str]:
        """`в Следственном комитете возбуждено дело`, `в полиции его задержали`: an act told without
        its doer is done by the law-enforcement or judicial body it is done in (not by an embassy,
        a university or a ministry where someone is arrested)."""
        bodies = [c for c in self.children.get(verb, []) if self.tokens[c].rel == "obl" and self.preposition(c) in ("в", "во")
                  and self.tokens[c].feats.get("Case") == "Loc" and c in self.entity_at and self.entity_at[c].type == "ORGANIZATION"]
        return [a for a in self.actors(bodies[:1]) if self._sectors(a) & ENFORCING_SECTORS]

    def _indefinite_personal(self, verb: int, governor: int) -> bool:
        """A finite verb in the plural with no subject under a governor whose subject is singular:
        `она заявила, что его задержали` (someone did), unlike `он заявил, что обсудил` (he did)."""
        token = self.tokens[verb]
        if token.feats.get("VerbForm") != "Fin" or token.feats.get("Number") != "Plur" or not 0 <= governor < len(self.tokens):
            return False
        subjects = [c for c in self.children.get(governor, []) if self.tokens[c].rel in SUBJECT_RELS]
        return bool(subjects) and all(self.tokens[c].feats.get("Number") == "Sing" for c in subjects)

    def _agents_of_noun(self, noun: int) -> list[int]:
        """Who does what a noun names when said apart: `со стороны X`, or X in the instrumental."""
        agents = []
        for c in self.children.get(noun, []):
            if self._from_side(c):
                agents.append(c)
            elif sides := self._side_actors(c):
                agents += sides  # `со стороны полиции`, `с российской стороны`
            elif self.tokens[c].rel == "nmod" and self.tokens[c].feats.get("Case") == "Ins" and not self.preposition(c) and self._actor(c):
                agents.append(c)
        return agents

    def _from_side(self, i: int) -> bool:
        """`со стороны X` parsed as one preposition."""
        return self._under_compound(i, ("с", "со"), "сторона")

    def _side_actors(self, i: int) -> list[int]:
        """`со стороны полиции` parsed as a noun: its genitive; `с российской стороны`: the noun itself."""
        if self.lang.lemma(self.tokens[i]) != "сторона" or self.preposition(i) not in ("с", "со"):
            return []
        return [g for g in self.children.get(i, []) if self.tokens[g].rel == "nmod" and self.tokens[g].feats.get("Case") == "Gen"] or [i]

    def _under_compound(self, i: int, cases: tuple[str, ...], noun: str) -> bool:
        """X under a preposition the parser fixed to a noun (`со стороны X`, `в отношении X`)."""
        for c in self.children.get(i, []):
            if self.tokens[c].rel == "case" and self.lang.lemma(self.tokens[c]) in cases:
                return any(self.lang.lemma(self.tokens[f]) == noun for f in self.children.get(c, []))
        return False

    def _name_before(self, verb: int) -> int | None:
        """A subject the parser hung elsewhere: a name in the nominative right before the verb
        (`за поддержку Нетаньяху поблагодарил`, an indeclinable name read as a genitive)."""
        k = verb - 1
        while k >= 0 and self.tokens[k].pos == "ADV":
            k -= 1
        span = self.entity_at.get(k)
        if span is None or k < 0 or span.last != k + 1 or self.tokens[k].feats.get("Case") != "Nom" or self.preposition(k):
            return None
        verb_feats, name_feats = self.tokens[verb].feats, self.tokens[k].feats
        if verb_feats.get("Number") and name_feats.get("Number") and verb_feats["Number"] != name_feats["Number"]:
            return None
        return k

    def _detached_subject(self, verb: int) -> int | None:
        """`Российские и сирийские военные, со своей стороны, … заняли`: the parser made the
        subject a root of its own; a nominative noun root before the root verb, agreeing with it."""
        if self.tokens[verb].rel != "root":
            return None
        sentence = self.doc.sentences[self.tokens[verb].sent]
        for k in range(sentence.first, verb):
            token = self.tokens[k]
            if token.rel == "root" and token.pos in ("NOUN", "PROPN") and token.feats.get("Case") == "Nom" \
                    and token.feats.get("Number") in (None, self.tokens[verb].feats.get("Number")):
                return k
        return None

    def _noun_sources(self, noun: int, patient_genitive: bool, consult: bool = False) -> list[str]:
        """`визит министра`, `российский удар`, `своего визита` (the clause's subject); in `арест
        оппозиционера` the genitive is who undergoes it, not who acts."""
        children = self.children.get(noun, [])
        agents = self._agents_of_noun(noun)  # `нападения со стороны боевиков`, `убийство полицейским`
        if agents:
            return self.actors(agents)
        owners = [] if patient_genitive else self.genitives(noun)
        owners = [g for c in owners for g in (self.genitives(c) if self._event_word(c) else [c])]  # `акции протеста сторонников X`
        owners += [c for c in children if self.tokens[c].rel == "amod" and c in self.entity_at]
        owned_by = self.actors(owners)
        if owned_by:
            return owned_by
        sign = self.tokens[noun].head  # `покинул пост в знак протеста`: the protest is the leaver's
        if 0 <= sign < len(self.tokens) and self.lang.lemma(self.tokens[sign]) == "знак" and self.preposition(sign) == "в":
            verb = self.tokens[sign].head
            if 0 <= verb < len(self.tokens) and self.tokens[verb].pos in ("VERB", "AUX"):
                return self._verb_sources(verb)
        if 0 <= sign < len(self.tokens) and self.lang.lemma(self.tokens[sign]) in ANNOUNCE_VERBS and self.preposition(noun) in ("о", "об"):
            return self._verb_sources(sign)  # `объявил о заморозке контактов`: his own act
        purpose = self._purpose_of(noun)
        if purpose is not None:
            return self._verb_sources(purpose)  # `применила силу для разгона демонстрации`: who acts for it does it
        confirmer = self._confirmed_by(noun)
        if confirmer is not None:
            return self._verb_sources(confirmer)  # `власти подтвердили арест`: who confirms an act of force did it
        possessive = [c for c in children if self.lang.lemma(self.tokens[c]) in ("свой", "его", "ее", "их")]
        if not possessive and not consult:
            return []  # `заявил на митинге`, `дело в связи с акцией`: who speaks of it need not hold it
        i, steps = noun, 0
        while steps < 3 and 0 <= self.tokens[i].head < len(self.tokens):
            rel, i = self.tokens[i].rel, self.tokens[i].head
            steps += 1
            if rel == "obj" and self.lang.lemma(self.tokens[i]) in self.lexicon.verb_predicates:
                return []  # `Кан осудил визит Медведева`: the visit is what is judged, not Кан's
            if self.tokens[i].pos in ("VERB", "AUX") and (possessive or rel in ("obl", "nmod", "obj")):
                return self._verb_sources(i)  # `в ходе визита министр провел`, `в рамках своего визита … провел`
            if self.tokens[i].pos not in ("NOUN", "PROPN"):
                break
        return []

    def _purpose_of(self, noun: int) -> int | None:
        """The verb done for the act the noun names (`для разгона`, `с целью задержания`)."""
        head = self.tokens[noun].head
        if self.preposition(noun) in PURPOSE_PREPOSITIONS and 0 <= head < len(self.tokens) and self.tokens[head].pos == "VERB":
            return head
        if 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) == "цель" and self.preposition(head) in ("с", "со"):
            verb = self.tokens[head].head
            return verb if 0 <= verb < len(self.tokens) and self.tokens[verb].pos == "VERB" else None
        return None

    def _confirmed_by(self, noun: int) -> int | None:
        """The verb confirming the act the noun names, as its object (`подтвердила арест`, `подтвердили
        факт задержания`), when the act is one of force: a state confirms its own arrests and strikes."""
        if not any(p.cameo[:2] in STATE_FORCE_ROOTS for _, p in self.lexicon.noun_predicates.get(self.lang.lemma(self.tokens[noun]), ())):
            return None  # an embassy confirming a kidnapping (18x) did not do it
        i = noun
        head = self.tokens[i].head
        if 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) == "факт" and self.tokens[i].rel == "nmod":
            i, head = head, self.tokens[head].head
        if 0 <= head < len(self.tokens) and self.tokens[i].rel == "obj" and self.lang.lemma(self.tokens[head]) in CONFIRM_VERBS:
            return head
        return None

    def _targets(self, heads: list[int], kinds: tuple[str, ...], sources: list[str], passive: bool):
        """The predicate's target actors, in the lexicon's order of kinds, and a place named in the clause."""
        location = None
        place_target = False
        dependents = [c for h in heads for c in self.children.get(h, [])]
        dependents += [c for h in heads[1:] for k in self._post_words(h) for c in self.children.get(k, []) if c not in dependents]  # `поверенного в делах Германии`
        dependents += [g for c in dependents if self._event_word(c) for g in self.children.get(c, [])]  # `акцию протеста против X`
        dependents += [g for c in dependents if self._bare_circumstance(c) for g in self.children.get(c, [])
                       if self.tokens[g].rel == "nmod" and self.preposition(g)]  # `Вечером с X встретился`: the parser hung `с X` on `Вечером`
        dependents += [c for c in self._intention_words(heads[0]) if c not in dependents]  # `с ним либералы не готовы вести диалог`
        dependents += self._shared_object(heads[0], dependents)  # `её задержали и не допустили в страну`
        objects = [g for c in dependents if self.tokens[c].rel in ("obj", "nsubj:pass") for g in self.children.get(c, [])]
        for c in dependents + objects:  # `атаковали объекты в Белгородской области`
            span = self.entity_at.get(c)
            if span is not None and span.type in PLACE_ENTITY_TYPES and self.preposition(c) in ("в", "во", "на") and self.tokens[c].feats.get("Case") == "Loc":
                location = location or span.entity
        # `эмбарго на поставки вооружений, действовавшее против Армении`: a participle describing the
        # predicate noun (the parser may hang it on a noun inside the noun's phrase)
        phrase = [d for h in heads for d in self._noun_subtree(h)]
        described = [c for d in phrase if self.tokens[d].rel == "acl" for c in self.children.get(d, [])]
        tries = [(kind, dependents) for kind in kinds] + [(kind, described) for kind in ("к", "против")]
        if "obj" in kinds and not passive:  # `освободил от должности главы ведомства Петрова`: the parser hangs the object on the noun
            tries.append(("nmod", [c for h in heads[1:] if self.preposition(h) for c in self.children.get(h, []) if self._animate(c)]))
        for kind, candidates in tries:
            picked = [self._act_owner(c) for c in self._dependents_of_kind(candidates, kind, passive)]
            actors = [a for a in self.actors(picked) if a not in sources]
            if actors:
                places = [a for a in actors if a in self.entities and self.entities[a].type in PLACE_ENTITY_TYPES]
                if kind in ("в", "на") or (kind == "obj" and places):
                    place_target = kind != "obj"
                    location = location or next(iter(places), None)  # `посетил Баку`, `прибыл в Баку`
                # a city acting or acted on stands for its country (`просили Анкару`, `посетил Баку`)
                return [self._country_of_place(a) for a in actors], location, place_target
        return [], location, place_target

    def _shared_object(self, verb: int, dependents: list[int]) -> list[int]:
        """The object of the verb a conjunct verb without its own shares (`её задержали и не
        допустили`)."""
        token = self.tokens[verb]
        if token.rel != "conj" or token.pos != "VERB" or not 0 <= token.head < len(self.tokens) or self.tokens[token.head].pos != "VERB":
            return []
        if any(self.tokens[c].rel in ("obj", "nsubj:pass", "nsubj", "ccomp") for c in dependents):
            return []  # its own object, or a clause of its own (`а прокурор признал, что …`)
        return [c for c in self.children.get(token.head, []) if self.tokens[c].rel == "obj" and c < verb]

    def _intention_words(self, verb: int) -> list[int]:
        """The words with a preposition that the parser hung on the intention or refusal an
        infinitive depends on (`с ним … не готовы вести диалог`): they belong to the act."""
        token = self.tokens[verb]
        if token.rel != "xcomp" or token.feats.get("VerbForm") != "Inf" or not 0 <= token.head < len(self.tokens):
            return []
        if self.lang.lemma(self.tokens[token.head]) not in INTENT_VERBS | REFUSAL_VERBS:
            return []
        return [c for c in self.children.get(token.head, []) if self.tokens[c].rel in ("obl", "nmod") and self.preposition(c) and c < verb]

    def _animate(self, i: int) -> bool:
        return self.tokens[i].feats.get("Animacy") == "Anim" or i in self.role_at or (i in self.entity_at and self.entity_at[i].type == "PERSON")

    def _post_words(self, noun: int) -> range:
        """The words after a noun that belong to the post it names (`поверенный` [`в делах`])."""
        words = [t.text for t in self.tokens[noun : noun + 4]]
        match = self.lexicon.posts.match(words, 0)
        return range(noun + 1, noun + match[0]) if match else range(0)

    def _bare_circumstance(self, i: int) -> bool:
        """A time of day in the instrumental without a preposition (`вечером`, `утром`)."""
        token = self.tokens[i]
        return token.rel == "obl" and token.feats.get("Case") == "Ins" and not self.preposition(i) and self.lang.lemma(token) in TIMES_OF_DAY

    def _event_word(self, i: int) -> bool:
        """`протеста` in `акцию протеста`: a genitive event noun completing the predicate's noun."""
        token = self.tokens[i]
        return token.rel == "nmod" and token.feats.get("Case") == "Gen" and not self.preposition(i) and self.lang.lemma(token) in self.lexicon.noun_predicates

    def _including(self, i: int) -> bool:
        """`в том числе X`, `включая X`, `среди них X`."""
        words = {self.tokens[c].text.lower() for c in self.children.get(i, [])}
        return bool({"числе", "включая"} & words) or (i >= 3 and self.tokens[i - 3].text.lower() == "в" and self.tokens[i - 1].text.lower() == "числе")

    def _noun_subtree(self, head: int, depth: int = 3) -> list[int]:
        """Dependents of the head through nominal modifiers, a few levels down."""
        found, level = [], [head]
        for _ in range(depth):
            level = [c for k in level for c in self.children.get(k, []) if self.tokens[c].rel in ("nmod", "acl")]
            found += level
        return found

    def _act_owner(self, i: int) -> int:
        """`осудил визит Медведева`, `против действий президента`: an act stands for whoever did it;
        so does a thing for whom it belongs to (`сбили украинские беспилотники`), and a number of
        people for those of them named (`задержала 27 человек, в том числе … Нику Мелию`)."""
        token = self.tokens[i]
        lemma = self.lang.lemma(token)
        if token.pos != "NOUN" or not (lemma in ACT_NOUNS or lemma in self.lexicon.noun_predicates or lemma in COUNTED_PEOPLE or self._actor(i) is None):
            return i
        named = [c for c in self.children.get(i, []) if self._including(c) and self._actor(c)]
        if named:
            return named[0]
        if token.feats.get("Animacy") == "Anim" and lemma not in ACT_NOUNS and lemma not in self.lexicon.noun_predicates:
            return i  # `уволил двух генералов полиции`: the people, not their service
        for c in [*self.children.get(i, []), *self._noun_subtree(i, depth=2)]:  # `визит на острова президента`
            owner = self.tokens[c].rel == "amod" or (self.tokens[c].rel == "nmod" and self.tokens[c].feats.get("Case") == "Gen" and not self.preposition(c))
            if owner and self._actor(c):
                return c
        return i

    def _dependents_of_kind(self, dependents: list[int], kind: str, passive: bool) -> list[int]:
        tokens = self.tokens
        if kind == "none":
            return []
        if kind == "obj":
            rels = ("nsubj:pass", "nsubj") if passive else ("obj",)  # `США обвиняются`: a reflexive passive's subject
            return [c for c in dependents if tokens[c].rel in rels or (passive and tokens[c].rel in ("obl:agent", "obl")
                                                                       and self._undergoer_read_as_agent(tokens[c].head, c))]
        if kind == "iobj":
            return [c for c in dependents if tokens[c].rel == "iobj" or (tokens[c].feats.get("Case") == "Dat" and tokens[c].rel in ("obl", "nmod") and not self.preposition(c))]
        if kind == "gen":
            return [c for c in dependents if tokens[c].rel == "nmod" and tokens[c].feats.get("Case") == "Gen" and not self.preposition(c)]
        if kind == "nmod":  # any complement without a preposition, whatever case the tagger gave it
            return [c for c in dependents if tokens[c].rel == "nmod" and not self.preposition(c)]
        found = [c for c in dependents if tokens[c].rel in ("obl", "nmod") and self.preposition(c) in (kind, kind + "о")]
        if kind == "против":  # `санкции в отношении России`: a target under the compound preposition
            found += [c for c in dependents if tokens[c].rel in ("obl", "nmod") and self._regarding(c)]
            found += [g for c in dependents if tokens[c].rel in ("obl", "nmod") and self._regarding_noun(c) for g in self.genitives(c)]
        return found

    def _regarding(self, i: int) -> bool:
        """`в отношении X` parsed as one preposition."""
        return self._under_compound(i, ("в", "во"), "отношение")

    def _regarding_noun(self, i: int) -> bool:
        """`в отношении X` parsed as a noun: `отношении` after `в`, X its genitive."""
        return self.lang.lemma(self.tokens[i]) == "отношение" and self.preposition(i) in ("в", "во") and self.tokens[i].feats.get("Case") == "Loc"

    def _country_of_place(self, entity_id: str) -> str:
        """A visit to a city is a visit to its country (the city is the event's location)."""
        entity = self.entities.get(entity_id)
        if entity is None or entity.type != "CITY" or not entity.country:
            return entity_id
        seated = self._seated_body(entity)
        if seated is not None:
            return seated  # `Брюссель готов выделить` in a story about the EU: the EU
        country = next((e for e in self.doc.entities if e.type == "COUNTRY" and e.country == entity.country), None)
        if country is not None:
            return country.id
        known = self.lexicon.countries.get(entity.country)
        if known is None:
            return entity_id
        # `призвало Кишинев`: the country the capital stands for, though the text never names it
        mention = entity.mentions[0]
        made = Entity(f"e{len(self.doc.entities) + 1}", "COUNTRY", known.name, [Mention(mention.start, mention.end, mention.text, "metonym")], country=entity.country)
        self.doc.entities.append(made)
        self.entities[made.id] = made
        return made.id

    def _grounds_of_a_charge(self, noun: int) -> bool:
        """A protest named as what a charge, a suspicion or a case is about (`по подозрению в участии в
        беспорядках`, `дело о массовых беспорядках`, `причастность к бунту`): not itself reported."""
        i, steps = self.tokens[noun].head, 0
        while 0 <= i < len(self.tokens) and steps < 3 and self.tokens[i].pos == "NOUN":
            if self.lang.lemma(self.tokens[i]) in CHARGE_NOUNS:
                return True
            i, steps = self.tokens[i].head, steps + 1
        return False

    def _taken_part_in(self, noun: int) -> bool:
        """`приняли участие в шествии`, `участвовали в митинге`: the protest is the news."""
        head = self.tokens[noun].head
        return 0 <= head < len(self.tokens) and self.lang.lemma(self.tokens[head]) in ("участие", "участвовать")

    def _state_of_place(self, place: str) -> list[str]:
        """The country a place is in, as an actor: the state whose authorities act there."""
        entity = self.entities.get(place)
        if entity is None or entity.type not in ("COUNTRY", "CITY") or not entity.country:
            return []
        state = self._country_of_place(place)
        return [state] if self.entities.get(state) is not None and self.entities[state].type == "COUNTRY" else []

    def _seated_body(self, city: Entity) -> str | None:
        """The international body seated in the city that the document names most, if any."""
        bodies = SEATS.get(city.name, ())
        named = [e for e in self.doc.entities if e.type == "ORGANIZATION" and (e.name in bodies or set(e.aliases) & set(bodies))]
        return max(named, key=lambda e: len(e.mentions)).id if named else None

    # ----- status, negation, date -----
    def _status(self, trigger: int, noun: int | None) -> tuple[str, bool, int | None]:
        """(status, whether an intention is stated, the word stating it): a future act is
        intended, so is one being prepared (`подготовка визита`); an act under `намерен`,
        `договорились`, `готов`, `намерение` is an intention, coded as such (03x)."""
        token = self.tokens[trigger]
        feats = token.feats
        head = token.head
        if feats.get("VerbForm") == "Inf" or token.pos == "NOUN":
            steps, below = 0, trigger
            while 0 <= head < len(self.tokens) and steps < 3:
                if self._circumstance(below):
                    break  # `в ходе визита … договорился`: the visit is where it was agreed, not what
                governor = self.lang.lemma(self.tokens[head])
                if governor in INTENT_VERBS or governor in INTENT_NOUNS or governor in ASKING_WORDS:
                    return "intended", True, head
                if governor in PLANNED_NOUNS or governor in DEMAND_WORDS:
                    return "intended", False, None  # `подготовка визита`, `министр должен прибыть`: not done yet
                below, head, steps = head, self.tokens[head].head, steps + 1
        if feats.get("Tense") == "Fut" or (feats.get("Tense") == "Pres" and feats.get("Aspect") == "Perf" and token.pos == "VERB"):
            return "intended", False, None
        if any(self.tokens[c].pos == "AUX" and self.tokens[c].feats.get("Tense") == "Fut" for c in self.children.get(trigger, [])):
            return "intended", False, None
        return "actual", False, None

    def _refusal(self, trigger: int) -> int | None:
        """The verb of refusal an infinitive depends on (`отказался подписать`), if any."""
        token = self.tokens[trigger]
        if token.feats.get("VerbForm") != "Inf":
            return None
        head = token.head
        for _ in range(2):  # `отказывается заморозить … и признать`: through a conjunct
            if not 0 <= head < len(self.tokens):
                return None
            if self.lang.lemma(self.tokens[head]) in REFUSAL_VERBS:
                return head
            if self.tokens[trigger].rel != "conj":
                return None
            trigger, head = head, self.tokens[head].head
        return None

    def _circumstance(self, i: int) -> bool:
        """An adverbial of a clause (`в ходе визита`, `после встречи`), not the content of an
        intention (`договорились о визите`)."""
        return self.tokens[i].rel == "obl" and self.preposition(i) not in (None, "о", "об", "к")

    def _relation_parties(self, heads: list[int]) -> list[str]:
        """`намерение повысить уровень отношений`: talk of the relations, with no actor named, is of
        the two countries the document is about."""
        words = {self.lang.lemma(self.tokens[c]) for h in heads for c in [h, *self.children.get(h, [])]}
        words |= {self.lang.lemma(self.tokens[g]) for h in heads for c in self.children.get(h, []) for g in self.children.get(c, [])}
        if not words & RELATION_NOUNS:
            return []
        parties = self._parties(heads[0])
        return [parties] if parties and "|" in parties else []

    def _negated(self, trigger: int) -> bool:
        """`не подписали`, `не намерены подписывать`, `визита не было`; not the `не` of the clause
        a subordinate clause depends on (`итог был ясен, поскольку его поддержала …`)."""
        own_clause = self.tokens[trigger].rel not in SUBORDINATE_RELS  # `не удалось встретиться`: the `не` of a csubj's head counts
        for i in (trigger, self.tokens[trigger].head) if own_clause else (trigger,):
            if 0 <= i < len(self.tokens) and any(self.tokens[c].text.lower() == "не" and not self._not_only(c) for c in self.children.get(i, [])):
                return True
        return False

    def _not_only(self, word: int) -> bool:
        """`не только …, но и`: no negation."""
        return word + 1 < len(self.tokens) and self.tokens[word + 1].text.lower() == "только"

    def _date(self, trigger: int, status: str) -> tuple[str | None, str | None]:
        sentence = self.tokens[trigger].sent
        candidates = [
            (t, r) for t, r in self.times
            if r and self.tokens[r.start].sent == sentence and t["value"] and t["type"] != "duration" and t.get("mod") not in ("start", "end")
        ]  # `впервые с 2022 года` says since when, not when
        governed = [t for t, r in candidates if self._governs(trigger, r)]
        lone = [t for t, r in candidates if self._clause(r.start) == self._clause(trigger)]
        chosen = governed[0] if governed else (lone[0] if len(candidates) == 1 and lone else None)
        if chosen is not None:
            return chosen["value"].split("/")[0], chosen["precision"]
        clause = self._clause(trigger)
        if self.tokens[clause].rel == "acl:relcl" and 0 <= self.tokens[clause].head < len(self.tokens):
            outer = self._clause(self.tokens[clause].head)  # `в мае встретился с послом, который попросил …`
            if outer != clause and self.tokens[outer].sent == sentence:
                return self._date(outer, status)
        if status == "actual" and self.doc.doc_date:
            return self.doc.doc_date, "day"
        return None, None

    def _stated_by(self, governor: int) -> int:
        """The verb of saying an intention hangs on (`сообщил, что готов`), else the intention's word."""
        head = self.tokens[governor].head
        if self.tokens[governor].rel in ("ccomp", "parataxis") and 0 <= head < len(self.tokens) and self.tokens[head].pos == "VERB":
            return head
        return governor

    def _clause(self, i: int) -> int:
        """The head of the clause the token is in: `мандат которой истекает в феврале` is a clause
        of its own, whose date is not the meeting's."""
        steps = 0
        while 0 <= self.tokens[i].head < len(self.tokens) and self.tokens[i].rel not in CLAUSE_RELS and steps < 12:
            i, steps = self.tokens[i].head, steps + 1
        return i

    def conditions_read(self, found: list[Found]) -> list[Found]:
        """An act in a conditional about what may yet happen (`если президент отказывается утвердить
        …, то он отстраняется`, `если Армения подпишет …, Россия введёт`), in its condition or in what
        follows from it, is not reported as done — unless a speaker says it would follow (a threat)
        or someone promises it (`пообещали заблокировать, если …`: the promise is made, the act
        intended). A condition in the past (`если раньше Москва поддерживала Ереван, то теперь …`)
        is a contrast, and one in the infinitive (`если верить СМИ, то …`) a hedge: what they frame
        did happen."""
        read = []
        for event in found:
            where = self._conditioned(event.trigger)
            if where == "consequence":
                event = self._threatened(event)
            if where is None or event.conditional_threat or event.governor is not None:
                read.append(event)
        return read

    def _threatened(self, event: Found) -> Found:
        """`Лавров заявил, что если Армения вступит в ЕС, то Россия введёт пошлины`: a hostile act a
        speaker says would follow is the speaker's threat of it (13x) to whoever it would hit, made
        when said."""
        speaker = self._speaker_of(event.trigger)
        if event.cameo[:2] not in HOSTILE_ROOTS or not event.targets or speaker is None or speaker in event.targets:
            return event
        threat = replace(event, cameo=threat_code(event.cameo), sources=[speaker])
        threat.status, threat.negated, threat.conditional_threat = "actual", False, True
        threat.date, threat.precision = self._date(event.trigger, "actual")
        return threat

    def _conditioned(self, i: int) -> str | None:
        """"condition", "consequence" or None: where the word stands in an open conditional."""
        steps = 0
        while 0 <= i < len(self.tokens) and steps < 12:
            if self.tokens[i].rel == "acl:relcl":
                return None  # `…, он сменит Клинтон, которая объявила о намерении уйти`: told as a fact
            if self.tokens[i].rel in CONDITION_RELS and self._open_condition(i):
                return "condition"
            if not self._past(i) and any(self.tokens[c].rel in CONDITION_RELS and self._open_condition(c) for c in self.children.get(i, [])):
                return "consequence"  # `…, то он отстраняется от власти`: what follows if it does
            if self._marked_consequence(i) and self._condition_before(i):
                return "consequence"  # `если …, то …` parsed as two clauses side by side
            i, steps = self.tokens[i].head, steps + 1
        return None

    def _condition_before(self, verb: int) -> bool:
        """An open `если` clause earlier in the verb's sentence."""
        first = self.doc.sentences[self.tokens[verb].sent].first
        return any(self.tokens[k].rel == "mark" and self.tokens[k].text.lower() in CONDITIONAL_MARKS
                   and 0 <= self.tokens[k].head < verb and self._open_condition(self.tokens[k].head) for k in range(first, verb))

    def _marked_consequence(self, verb: int) -> bool:
        return not self._past(verb) and any(self.tokens[c].rel == "mark" and self.tokens[c].text.lower() == "то" for c in self.children.get(verb, []))

    def _open_condition(self, verb: int) -> bool:
        """`если` + a finite verb not in the past, or in the subjunctive (`если бы`)."""
        marks = {self.tokens[c].text.lower() for c in self.children.get(verb, []) if self.tokens[c].rel in ("mark", "aux", "advmod")}
        if not marks & CONDITIONAL_MARKS:
            return False
        return "бы" in marks or (self.tokens[verb].feats.get("VerbForm") == "Fin" and not self._past(verb))

    def _past(self, verb: int) -> bool:
        return self.tokens[verb].feats.get("Tense") == "Past" and "бы" not in {self.tokens[c].text.lower() for c in self.children.get(verb, [])}

    def _governs(self, trigger: int, span: range) -> bool:
        """Whether the trigger governs the span within its clause."""
        for k in span:
            i, steps = k, 0
            while 0 <= i < len(self.tokens) and steps < 6:
                if i == trigger:
                    return True
                if self.tokens[i].rel in CLAUSE_RELS and i not in span:
                    break  # the span is in a clause of its own
                i, steps = self.tokens[i].head, steps + 1
        return False


def _on_itself(event: Found, context: _Context) -> bool:
    """An actor on both sides (`полиция заявила, что полиция применила силу`: no accusation of itself)."""
    def name(actor: str) -> str:
        entity = context.entities.get(actor)
        return context.lang.fold(entity.name) if entity is not None else actor
    return bool({name(a) for a in event.sources} & {name(a) for a in event.targets})


def _without_stated_intentions(found: list[Found], context: _Context) -> list[Found]:
    """`договорились продолжить консультации` is one event, the intention to consult (036): the
    verb stating an intention is not coded apart when what it intends is."""
    governors = {e.governor for e in found if e.governor is not None}
    stating = INTENT_VERBS | REFUSAL_VERBS | ASKING_WORDS.keys()
    return [e for e in found if not (e.trigger in governors and context.lang.lemma(context.tokens[e.trigger]) in stating)]


def _visit_locations(found: list[Found], context: _Context) -> None:
    """Events of a document without a place of their own happen where the document's visit is."""
    visit = next((e for e in found if e.cameo.startswith("042") and e.location), None)
    if visit is None:
        return
    for event in found:
        if event.location is None and event.cameo.startswith(CONSULT_PREFIX) and event.status == "actual":
            event.location = visit.location


def _agents_carried(found: list[Found]) -> None:
    """`Суд приговорил X … Приговоры вынесены также остальным фигурантам`: an act told without its
    doer right after one of the same kind done by someone is done by them."""
    for k, event in enumerate(found):
        if event.sources or not event.targets or event.someone_else:
            continue
        before = next((p for p in reversed(found[:k]) if p.cameo[:3] == event.cameo[:3] and p.sources
                       and 0 <= event.sentence - p.sentence <= 1 and p.trigger != event.trigger), None)
        if before is not None and not set(before.sources) & set(event.targets):
            event.sources = list(before.sources)
            event.confidence -= 0.1


def _merged(found: list[Found]) -> list[Found]:
    """One record per event: the same code, actors and date told twice keep both evidence spans."""
    events = _split_parties(found)
    for event in events:
        event.mentions = [(event.sentence, event.trigger)]

    def retold(event: Found, kept: list[Found]) -> Found | None:
        return next((m for m in kept if m.cameo == event.cameo and set(m.sources) == set(event.sources)
                     and _compatible(m.targets, event.targets) and _told_alike(m, event, dates_may_miss=True)), None)

    return _meetings_merged(_agentless_merged(_folded(events, retold)))


def _folded(events: list[Found], twin_of) -> list[Found]:
    """The events with each one that `twin_of(event, kept)` finds told before absorbed into it."""
    kept: list[Found] = []
    for event in events:
        twin = twin_of(event, kept)
        if twin is None:
            kept.append(event)
        else:
            _absorb(twin, event)
    return kept


def _told_alike(a: Found, b: Found, dates_may_miss: bool) -> bool:
    """The same status, negation and date (or, when allowed, one of them undated)."""
    dates = a.date == b.date or (dates_may_miss and (not a.date or not b.date))
    return dates and a.status == b.status and a.negated == b.negated


def _absorb(twin: Found, event: Found) -> None:
    """The event told again: its mentions, and what the first telling left out."""
    twin.mentions += event.mentions
    twin.targets = twin.targets or event.targets
    twin.date = twin.date or event.date
    twin.location = twin.location or event.location


def _agentless_merged(events: list[Found]) -> list[Found]:
    """`X задержан` in a headline and `армия … подтвердила факт задержания X` in the body: an
    arrest, dismissal, expulsion or release told without its doer is the act of the same kind on
    the same people told with one, before or after it (a person is arrested once in a story;
    accused many times)."""
    def with_doer(event: Found, kept: list[Found]) -> Found | None:
        if event.sources or not event.targets or not event.cameo.startswith(DETENTION_CODES):
            return None
        return next((k for k in events if k.sources and k.cameo[:3] == event.cameo[:3] and set(event.targets) <= set(k.targets)
                     and _told_alike(k, event, dates_may_miss=True)), None)

    return _folded(events, with_doer)


def _meetings_merged(events: list[Found]) -> list[Found]:
    """`принял … Стороны обсудили`, `провел переговоры … обсудили`: a plain meeting (040) of the
    same two sides on the same day as another consultation is that consultation; the same protest
    named again (`акция протеста … участники шествия`) is that protest."""
    def same_meeting(event: Found, kept: list[Found]) -> Found | None:
        if event.by_participants:
            return next((k for k in kept if k.by_participants and k.location == event.location and _told_alike(k, event, dates_may_miss=False)
                         and set(k.targets) >= set(event.targets) and event.sentence - k.mentions[-1][0] <= RECENT_SENTENCES), None)
        if event.cameo == "040":
            sides = set(event.sources) | set(event.targets)
            return next((k for k in kept if k.cameo.startswith(CONSULT_PREFIX) and k.cameo != "042" and set(k.sources) | set(k.targets) == sides
                         and _told_alike(k, event, dates_may_miss=False)), None)
        return None

    return _folded(events, same_meeting)


def _compatible(a: list[str], b: list[str]) -> bool:
    """Targets of one event told twice: the same, or one telling none (`визит` … `визит в Баку`)."""
    return set(a) == set(b) or not a or not b


def _split_parties(found: list[Found]) -> list[Found]:
    """`обе страны подписали`: the parties become the first as source, the other as target."""
    for event in found:
        parties = [a for a in event.sources if "|" in a]
        if parties:
            first, second = parties[0].split("|")[:2]
            event.sources = [first] + [a for a in event.sources if "|" not in a and a != first]
            if not event.targets:
                event.targets = [second]
        event.targets = [t for a in event.targets for t in a.split("|")]
    return found


def _record(doc: Document, event: Found, number: int) -> dict:
    code = cameo.lookup(event.cameo)
    sentence = doc.sentences[event.sentence]
    trigger = doc.tokens[event.trigger]
    evidence = []
    for sent, _ in event.mentions:
        s = doc.sentences[sent]
        if (s.start, s.end) not in [(e["start"], e["end"]) for e in evidence]:
            evidence.append({"start": s.start, "end": s.end, "text": doc.text[s.start : s.end]})
    return {
        "id": f"v{number}",
        "plover": code.plover,
        "mode": code.mode,
        "context": code.context,
        "cameo": event.cameo,
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
        "source": event.sources,
        "target": event.targets,
        "date": event.date,
        "date_precision": event.precision,
        "location": event.location,
        "status": event.status,
        "negated": event.negated,
        "evidence": {"start": sentence.start, "end": sentence.end, "text": doc.text[sentence.start : sentence.end]},
        "mentions": evidence,
        "trigger": {"start": trigger.start, "end": trigger.end, "text": trigger.text},
        "confidence": round(event.confidence, 2),
    }
