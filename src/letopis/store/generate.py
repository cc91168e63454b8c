"""A large synthetic store, for timing the store's questions at scale.

THE DATA IS SYNTHETIC AND SERVES TIMING ONLY: no row tells of anything that happened. It has the
shape of a store filled by `letopis ingest` over a few years of news, so that the questions of
`queries.py` meet the row counts and value distributions they would meet in use:

- actors: a COUNTRY actor for every ISO 3166 country (pycountry), a few thousand persons and
  organisations with a country, CAMEO sector codes (GOV, MIL, DIP, ...) and a code (AZEGOVMIL),
  persons with their surname as an alias;
- documents: one per ~5 events, dated over five years (2021-2025), each a short text made of the
  sentences of its events, with a unique hash;
- events: dyads drawn from a skewed distribution (countries ranked by prominence, with a few
  busy pairs such as RUS→UKR and GBR→AZE boosted, so that they have thousands of events in a
  million), actors within a country drawn so that a few are busy; CAMEO codes from
  data/cameo.tsv (the codes with a PLOVER type, as the extractor emits) with their PLOVER type,
  mode, quad class and Goldstein weight; dates mostly to the day, some to the month or year,
  a few missing; ids lists and the denormalised source/target country and code columns;
  mention, source and article counts;
- event_mentions: one per event, its sentence in the document's text (offsets are exact);
- entities, roles and quotes: derived in SQL from the events (the actors each document names, a
  role for every person named, a quote for some of them).

Near-duplicate signatures are not made (only ingest reads them). The same seed gives the same
store. Rows go in through Arrow in chunks of about `CHUNK` events, one transaction each: a
million events take about half a minute on two cores and a 300 MB file, with a peak of about
0.8 GB resident, most of it DuckDB's cache of what it wrote.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime

import numpy as np

from .. import cameo
from .database import Database, StoreError
from .schema import GROUP_KEY

CHUNK = 100_000
EVENTS_PER_DOCUMENT = 5
FIRST_DAY = date(2021, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
INGESTED_AT = datetime(2026, 1, 1)
PERSONS = 3_000
ORGANISATIONS = 1_000
COUNTRY_SHARE = 0.35  # events whose side is the country itself, not one of its people or bodies

# Countries most written about come first; the rest follow in a seeded order. Weights fall as 1/rank.
PROMINENT = ("RUS", "UKR", "USA", "GBR", "AZE", "TUR", "ARM", "CHN", "FRA", "DEU", "IRN", "ISR", "GEO", "KAZ", "BLR",
             "POL", "IND", "SYR", "JPN", "PRK")
BUSY_PAIRS = {("RUS", "UKR"): 6.0, ("UKR", "RUS"): 6.0, ("GBR", "AZE"): 4.0, ("AZE", "GBR"): 3.0, ("AZE", "ARM"): 5.0,
              ("ARM", "AZE"): 5.0, ("USA", "CHN"): 3.0, ("ISR", "IRN"): 3.0, ("TUR", "AZE"): 3.0, ("RUS", "USA"): 2.0}
SHORT_NAMES = {"GBR": "Великобритания", "USA": "США", "RUS": "Россия", "PRK": "КНДР", "KOR": "Южная Корея", "IRN": "Иран", "SYR": "Сирия"}
DOMESTIC = 3.0  # a country's own actors dealing with each other (government and opposition, courts)

# The share of each CAMEO root among events, roughly as in news-coded event data.
ROOT_WEIGHTS = {"02": 6, "03": 8, "04": 25, "05": 10, "06": 3, "07": 4, "08": 3, "09": 2, "10": 3, "11": 6, "12": 3,
                "13": 3, "14": 2, "15": 1, "16": 2, "17": 5, "18": 4, "19": 8, "20": 0.5}
VERBS = {"02": "призвал", "03": "выразил намерение сотрудничать с", "04": "провёл переговоры с", "05": "сотрудничает с",
         "06": "подписал соглашение с", "07": "оказал помощь", "08": "пошёл на уступки", "09": "начал расследование против",
         "10": "потребовал от", "11": "осудил", "12": "отверг предложение", "13": "пригрозил", "14": "протестовал против",
         "15": "привёл войска в готовность у границ", "16": "сократил связи с", "17": "ввёл санкции против", "18": "атаковал",
         "19": "вёл бои с", "20": "применил массовое насилие против"}
SECTORS = ("GOV", "MIL", "DIP", "LEG", "JUD", "COP", "BUS", "MED", "OPP", "NGO", "EDU", "REB")
SECTOR_WEIGHTS = (30, 15, 15, 8, 5, 5, 6, 4, 5, 3, 2, 2)
ORGANISATION_KINDS = (("Министерство обороны", "GOV|MIL"), ("Министерство иностранных дел", "GOV|DIP"), ("Парламент", "LEG"),
                      ("Верховный суд", "JUD"), ("Генеральный штаб", "MIL"), ("Национальная полиция", "COP"),
                      ("Центральный банк", "GOV|BUS"), ("Государственное телевидение", "MED"), ("Оппозиционная партия", "OPP"),
                      ("Красный Крест", "NGO"), ("Академия наук", "EDU"), ("Пограничная служба", "GOV|MIL"))
FIRST_NAMES = ("Александр", "Алексей", "Андрей", "Борис", "Вадим", "Виктор", "Владимир", "Георгий", "Дмитрий", "Евгений",
               "Закир", "Ильхам", "Игорь", "Кирилл", "Леонид", "Михаил", "Никол", "Олег", "Павел", "Роман", "Сергей", "Тигран",
               "Фуад", "Эльдар", "Юрий", "Анна", "Елена", "Ирина", "Мария", "Ольга", "Светлана", "Татьяна", "Джон", "Дэвид",
               "Гарет", "Эмманюэль", "Олаф", "Реджеп", "Нарендра", "Си")
SURNAMES = ("Иванов", "Петров", "Сидоров", "Гасанов", "Алиев", "Мамедов", "Кузнецов", "Смирнов", "Попов", "Волков", "Лебедев",
            "Козлов", "Морозов", "Орлов", "Павлов", "Семенов", "Голубев", "Виноградов", "Соколов", "Зайцев", "Белов", "Каримов",
            "Гусейнов", "Саркисян", "Петросян", "Бондаренко", "Шевченко", "Коваленко", "Мельник", "Ткаченко", "Уорд", "Браун",
            "Тейлор", "Мюллер", "Шмидт", "Дюран", "Эрдоган", "Сингх", "Ван", "Ли", "Абдуллаев", "Агаев", "Асадов", "Багиров",
            "Велиев", "Джафаров", "Исмаилов", "Кулиев", "Новрузов", "Рагимов", "Сафаров", "Таги-заде", "Абрамян", "Григорян",
            "Мкртчян", "Оганесян", "Бойко", "Кравчук", "Литвиненко", "Марченко", "Олейник", "Руденко", "Савченко", "Харченко",
            "Джонсон", "Смит", "Уильямс", "Дэвис", "Эванс", "Томас", "Робертс", "Мартен", "Бернар", "Дюбуа", "Вагнер", "Беккер",
            "Шульц", "Хоффман", "Йылмаз", "Кая", "Демир", "Челик", "Шахин", "Ахмади", "Хоссейни")

EVENT_TYPES = {
    "event_id": "int32", "cameo": "string", "root": "string", "plover": "string", "mode": "string", "quad_class": "int32",
    "goldstein": "float64", "status": "string", "negated": "bool", "date": "date32", "date_precision": "string",
    "date_text": "string", "source_ids": "ids", "target_ids": "ids", "source_actor": "int32", "target_actor": "int32",
    "source_country": "string", "target_country": "string", "source_code": "string", "target_code": "string",
    "location": "string", "location_country": "string", "lat": "float64", "lon": "float64", "num_mentions": "int32",
    "num_sources": "int32", "num_articles": "int32", "first_doc": "string", "confidence": "float64",
    "source_countries": "ids", "target_countries": "ids",
}


class Actors:
    """The actors as arrays indexed by actor id (row 0 unused), and each country's own actors."""

    def __init__(self, rows: list[dict], isos: list[str]):
        self.rows = rows
        size = len(rows) + 1
        self.name = np.empty(size, dtype=object)
        self.country = np.empty(size, dtype=object)
        self.code = np.empty(size, dtype=object)
        for row in rows:
            self.name[row["actor_id"]], self.country[row["actor_id"]], self.code[row["actor_id"]] = row["name"], row["country"], row["code"]
        self.country_actor = np.arange(1, len(isos) + 1)  # country index → its COUNTRY actor
        members = [[] for _ in isos]
        index = {iso: i for i, iso in enumerate(isos)}
        for row in rows[len(isos):]:
            members[index[row["country"]]].append(row["actor_id"])
        self.counts = np.array([len(m) for m in members])
        self.offsets = np.concatenate([[0], np.cumsum(self.counts)[:-1]])
        self.members = np.array([a for m in members for a in m], dtype=np.int64)


def generate(db: Database, events: int = 1_000_000, seed: int = 7, progress: Callable[[int], None] | None = None) -> dict:
    """Fill an empty store with `events` synthetic events and what goes with them; the row counts.

    `progress` is called with the number of events written after each chunk."""
    if db.scalar("SELECT count(*) FROM documents") or db.scalar("SELECT count(*) FROM actors"):
        raise StoreError(f"{db.path}: the synthetic store is generated into an empty store only")
    rng = np.random.default_rng(seed)
    isos, names = _countries()
    weights = _country_weights(rng, isos)
    actors = Actors(_actor_rows(rng, isos, names, weights), isos)
    pairs, pair_p = _dyads(isos, weights)
    codes = _codes()
    documents = max(1, events // EVENTS_PER_DOCUMENT)
    doc_days = np.sort(rng.integers(0, DAYS, documents))
    doc_of = np.sort(rng.integers(0, documents, events))
    with db.transaction():
        db.insert("actors", actors.rows, ["actor_id", "name", "type", "country", "sectors", "code"])
        db.insert("actor_aliases", _aliases(actors.rows), ["actor_id", "alias", "folded"])
    step = max(1, CHUNK // EVENTS_PER_DOCUMENT)
    for batch, first in enumerate(range(0, documents, step), 1):
        last = min(first + step, documents)
        lo, hi = np.searchsorted(doc_of, [first, last])
        chunk = _Chunk(rng, actors, isos, pairs, pair_p, codes, np.arange(first, last), doc_days[first:last], doc_of[lo:hi] - first, lo)
        with db.transaction():
            _append(db, "documents", chunk.documents(batch))
            _append(db, "events", chunk.events())
            _append(db, "event_mentions", chunk.mentions())
        if progress:
            progress(int(hi))
    with db.transaction():
        _derive(db)
    return {table: db.scalar(f"SELECT count(*) FROM {table}")
            for table in ("actors", "actor_aliases", "documents", "events", "event_mentions", "entities", "roles", "quotes")}


# ----- actors -----
def _countries() -> tuple[list[str], dict[str, str]]:
    """ISO alpha-3 codes and the countries' Russian names (pycountry's translations), the way
    the news names the best known ones."""
    import gettext

    import pycountry

    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    return [c.alpha_3 for c in countries], {c.alpha_3: SHORT_NAMES.get(c.alpha_3) or russian.gettext(c.name) for c in countries}


def _country_weights(rng: np.random.Generator, isos: list[str]) -> np.ndarray:
    """1/rank, the prominent countries first and the others in a seeded order."""
    others = [iso for iso in isos if iso not in PROMINENT]
    order = list(PROMINENT) + [others[i] for i in rng.permutation(len(others))]
    rank = {iso: r for r, iso in enumerate(order, 1)}
    weights = np.array([1.0 / rank[iso] for iso in isos])
    return weights / weights.sum()


def _actor_rows(rng: np.random.Generator, isos: list[str], names: dict[str, str], weights: np.ndarray) -> list[dict]:
    rows = [{"actor_id": i, "name": names[iso], "type": "COUNTRY", "country": iso, "sectors": None, "code": iso}
            for i, iso in enumerate(isos, 1)]
    people = rng.choice(len(FIRST_NAMES) * len(SURNAMES), PERSONS, replace=False)
    countries = rng.choice(len(isos), PERSONS, p=weights)
    sector_p = np.array(SECTOR_WEIGHTS) / sum(SECTOR_WEIGHTS)
    sectors = rng.choice(len(SECTORS), (PERSONS, 2), p=sector_p)
    second = rng.random(PERSONS) < 0.4
    for number, country, (one, other), two in zip(people.tolist(), countries.tolist(), sectors.tolist(), second.tolist()):
        first, surname = FIRST_NAMES[number // len(SURNAMES)], SURNAMES[number % len(SURNAMES)]
        codes = "|".join(SECTORS[k] for k in sorted({one, other} if two else {one}))
        rows.append({"name": f"{first} {surname}", "type": "PERSON", "country": isos[country], "sectors": codes})
    candidates = zip(rng.choice(len(isos), 4 * ORGANISATIONS, p=weights).tolist(), rng.integers(len(ORGANISATION_KINDS), size=4 * ORGANISATIONS).tolist())
    for country, kind in sorted(list(dict.fromkeys(candidates))[:ORGANISATIONS]):
        title, sectors = ORGANISATION_KINDS[kind]
        rows.append({"name": f"{title} ({isos[country]})", "type": "ORGANIZATION", "country": isos[country], "sectors": sectors})
    for actor_id, row in enumerate(rows[len(isos):], len(isos) + 1):
        row.update(actor_id=actor_id, code=row["country"] + row["sectors"].replace("|", ""))
    return rows


def _aliases(rows: list[dict]) -> list[dict]:
    """A person's surname alone, as ingest records it for a person first named in full."""
    return [{"actor_id": r["actor_id"], "alias": r["name"].split()[-1], "folded": r["name"].split()[-1].lower().replace("ё", "е")}
            for r in rows if r["type"] == "PERSON"]


# ----- dyads and codes -----
def _dyads(isos: list[str], weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every ordered pair of countries with its probability: the product of their weights, more at
    home and for the busy pairs."""
    p = np.outer(weights, weights)
    p[np.diag_indices_from(p)] *= DOMESTIC
    index = {iso: i for i, iso in enumerate(isos)}
    for (source, target), boost in BUSY_PAIRS.items():
        p[index[source], index[target]] *= boost
    return np.arange(p.size), (p / p.sum()).ravel()


def _codes() -> dict[str, np.ndarray]:
    """The CAMEO codes with a PLOVER type as arrays, each drawn with its root's share split among
    the root's codes, half of it on the root code itself (`040`)."""
    table = [c for c in cameo.table().values() if c.plover and c.code[:2] in ROOT_WEIGHTS and len(c.code) >= 3]
    p = []
    for c in table:
        siblings = sum(1 for o in table if o.code[:2] == c.code[:2])
        head = c.code == c.code[:2] + "0"
        p.append(ROOT_WEIGHTS[c.code[:2]] * (0.5 if head or siblings == 1 else 0.5 / (siblings - 1)))
    p = np.array(p)
    return {"cameo": np.array([c.code for c in table], dtype=object), "plover": np.array([c.plover for c in table], dtype=object),
            "mode": np.array([c.mode for c in table], dtype=object), "goldstein": np.array([c.goldstein for c in table]),
            "quad_class": np.array([c.quad_class for c in table], dtype=np.int32), "p": p / p.sum()}


# ----- one chunk of documents and their events -----
class _Chunk:
    """The rows of a run of consecutive documents; every random draw is made here, in order."""

    def __init__(self, rng, actors: Actors, isos, pairs, pair_p, codes, docs, doc_days, doc_of, first_event):
        n = len(doc_of)
        self.actors, self.doc_days, self.doc_of = actors, doc_days, doc_of
        self.event_ids = np.arange(first_event + 1, first_event + n + 1, dtype=np.int32)
        pair = rng.choice(pairs, n, p=pair_p)
        self.source_country, self.target_country = pair // len(isos), pair % len(isos)
        self.source = self._pick(rng, self.source_country)
        self.target = self._pick(rng, self.target_country)
        self.has_target = (rng.random(n) >= 0.05) & (self.target != self.source)
        self.with_country = (rng.random(n) < 0.05) & (self.source != actors.country_actor[self.source_country])
        self.codes, self.code = codes, rng.choice(len(codes["p"]), n, p=codes["p"])
        lag = rng.integers(0, 3, n)
        self.days = np.maximum(doc_days[doc_of] - lag, 0)
        self.precision = rng.choice(4, n, p=[0.85, 0.10, 0.03, 0.02])  # day, month, year, none
        self.actual = rng.random(n) < 0.9
        self.negated = rng.random(n) < 0.02
        self.num_mentions = rng.geometric(0.6, n).astype(np.int32)
        self.num_articles = 1 + rng.binomial(self.num_mentions - 1, 0.7).astype(np.int32)
        self.num_sources = 1 + rng.binomial(self.num_articles - 1, 0.8).astype(np.int32)
        self.confidence = np.round(rng.uniform(0.5, 0.99, n), 2)
        self.located = rng.random(n) < 0.15
        self.outlet = np.minimum(rng.zipf(1.5, len(docs)), 60)
        self.texts, self.starts, self.ends, self.sentences = self._texts(docs)
        self.doc_ids = np.array([hashlib.sha256(t.encode("utf-8")).hexdigest() for t in self.texts], dtype=object)

    def _pick(self, rng, country: np.ndarray) -> np.ndarray:
        """The country's own actor, or one of its people and bodies, the first ones busiest."""
        a = self.actors
        count = a.counts[country]
        rank = np.floor(count * rng.random(len(country)) ** 3).astype(np.int64)
        own = (rng.random(len(country)) < COUNTRY_SHARE) | (count == 0)
        member = a.members[np.minimum(a.offsets[country] + rank, len(a.members) - 1)]
        return np.where(own, a.country_actor[country], member)

    def _texts(self, docs: np.ndarray):
        """Each document's text: a heading and the sentences of its events, with their offsets."""
        names = self.actors.name
        roots = [c[:2] for c in self.codes["cameo"]]
        sentences = [f"{names[s]} {VERBS[roots[c]]} {names[t] if has else 'своих партнёров'}."
                     for s, t, c, has in zip(self.source.tolist(), self.target.tolist(), self.code.tolist(), self.has_target.tolist())]
        starts, ends = np.zeros(len(sentences), dtype=np.int32), np.zeros(len(sentences), dtype=np.int32)
        bounds = np.searchsorted(self.doc_of, np.arange(len(docs) + 1))
        texts = []
        for k, number in enumerate(docs.tolist()):
            parts = [f"Синтетическая сводка №{number + 1} за {FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + int(self.doc_days[k]))}."]
            position = len(parts[0])
            for e in range(bounds[k], bounds[k + 1]):
                starts[e], ends[e] = position + 1, position + 1 + len(sentences[e])
                parts.append(sentences[e])
                position = ends[e]
            texts.append(" ".join(parts))
        return texts, starts, ends, sentences

    def documents(self, batch: int):
        import pyarrow as pa

        days = (np.datetime64(FIRST_DAY, "D") + self.doc_days).astype("datetime64[D]")
        n = len(self.texts)
        return pa.table({
            "doc_id": pa.array([d[:16] for d in self.doc_ids], pa.string()), "hash": pa.array(self.doc_ids, pa.string()),
            "source": pa.array([f"agency-{k:02d}" for k in self.outlet.tolist()], pa.string()), "title": pa.nulls(n, pa.string()),
            "doc_date": pa.array(days, pa.date32()), "language": pa.array(["ru"] * n, pa.string()),
            "text": pa.array(self.texts, pa.string()), "chars": pa.array([len(t) for t in self.texts], pa.int32()),
            "duplicate_of": pa.nulls(n, pa.string()), "similarity": pa.nulls(n, pa.float64()),
            "batch": pa.array(np.full(n, batch, dtype=np.int32)), "ingested_at": pa.array([INGESTED_AT] * n, pa.timestamp("us")),
        })

    def events(self):
        a, c = self.actors, self.codes
        n = len(self.doc_of)
        country_of_source = a.country_actor[self.source_country]
        sources = _ids(np.where(self.with_country, country_of_source, self.source), self.source, self.with_country)
        targets = _ids(self.target, self.target, np.zeros(n, dtype=bool), self.has_target)
        first_source = np.where(self.with_country, country_of_source, self.source)
        target = np.where(self.has_target, self.target, 0)
        dates, texts = self._dates()
        located = self.located & self.has_target
        place = np.where(located, a.country_actor[self.target_country], 0)
        cameo_codes = c["cameo"][self.code]
        columns = {
            "event_id": self.event_ids, "cameo": cameo_codes, "root": np.array([x[:2] for x in cameo_codes], dtype=object),
            "plover": c["plover"][self.code], "mode": c["mode"][self.code], "quad_class": c["quad_class"][self.code],
            "goldstein": c["goldstein"][self.code], "status": np.where(self.actual, "actual", "intended").astype(object),
            "negated": self.negated, "date": dates, "date_precision": np.array(["day", "month", "year", None], dtype=object)[self.precision],
            "date_text": texts, "source_ids": sources, "target_ids": targets,
            "source_actor": first_source, "target_actor": _null(target), "source_country": a.country[first_source],
            "target_country": a.country[target], "source_code": a.code[first_source], "target_code": a.code[target],
            "location": a.name[place], "location_country": a.country[place], "lat": None, "lon": None,
            "num_mentions": self.num_mentions, "num_sources": self.num_sources, "num_articles": self.num_articles,
            "first_doc": np.array([d[:16] for d in self.doc_ids[self.doc_of]], dtype=object), "confidence": self.confidence,
            "source_countries": _country_lists(a.country[first_source], np.ones(n, dtype=bool)),
            "target_countries": _country_lists(a.country[target], self.has_target),
        }
        return _arrow(columns, EVENT_TYPES, n)

    def _dates(self):
        """The event's day, its month or year with the first day standing for it, or none."""
        day = np.datetime64(FIRST_DAY, "D") + self.days
        month, year = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
        dates = np.where(self.precision == 0, day, np.where(self.precision == 1, month.astype("datetime64[D]"), year.astype("datetime64[D]")))
        texts = np.where(self.precision == 0, day.astype(str), np.where(self.precision == 1, month.astype(str), year.astype(str))).astype(object)
        missing = self.precision == 3
        texts[missing] = None
        return np.ma.masked_array(dates, mask=missing), texts

    def mentions(self):
        import pyarrow as pa

        n = len(self.doc_of)
        roots = np.array([x[:2] for x in self.codes["cameo"]], dtype=object)[self.code]
        return pa.table({
            "event_id": pa.array(self.event_ids), "doc_id": pa.array([d[:16] for d in self.doc_ids[self.doc_of]], pa.string()),
            "local_id": pa.array([f"v{k}" for k in (np.arange(n) - np.searchsorted(self.doc_of, self.doc_of) + 1).tolist()], pa.string()),
            "start_char": pa.array(self.starts), "end_char": pa.array(self.ends), "sentence": pa.array(self.sentences, pa.string()),
            "trigger": pa.array([VERBS[r].split()[0] for r in roots], pa.string()), "confidence": pa.array(self.confidence),
            "duplicate": pa.array(np.zeros(n, dtype=bool)),
        })


def _ids(first: np.ndarray, second: np.ndarray, two: np.ndarray, present: np.ndarray | None = None):
    """An INTEGER[] column: [first] or [first, second] where `two`, [] where not `present`."""
    import pyarrow as pa

    present = np.ones(len(first), dtype=bool) if present is None else present
    lengths = present.astype(np.int32) + two.astype(np.int32)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    values = np.zeros(int(offsets[-1]), dtype=np.int32)
    values[offsets[:-1][present]] = first[present]
    values[offsets[:-1][two] + 1] = second[two]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values))


def _null(ids: np.ndarray) -> np.ma.MaskedArray:
    return np.ma.masked_array(ids, mask=ids == 0)


def _country_lists(codes: np.ndarray, present: np.ndarray):
    """The countries of one side as a list column: one country, or none when the side is empty."""
    import pyarrow as pa

    return pa.array([[c] if ok and c else [] for c, ok in zip(codes, present)], pa.list_(pa.string()))


def _arrow(columns: dict, types: dict[str, str], n: int):
    import pyarrow as pa

    kinds = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(), "date32": pa.date32()}
    arrays = {}
    for name, value in columns.items():
        kind = types[name]
        if kind == "ids":
            arrays[name] = value
        elif value is None:
            arrays[name] = pa.nulls(n, kinds[kind])
        elif isinstance(value, np.ma.MaskedArray):
            arrays[name] = pa.array(value.data, mask=np.ma.getmaskarray(value)).cast(kinds[kind])
        else:
            arrays[name] = pa.array(value, kinds[kind], from_pandas=True)
    return pa.table(arrays)


def _append(db: Database, table: str, data) -> None:
    name = f"_generated_{table}"
    db.con.register(name, data)
    try:
        db.con.execute(f"INSERT INTO {table} ({', '.join(data.column_names)}) SELECT {', '.join(data.column_names)} FROM {name}")
    finally:
        db.con.unregister(name)


def _derive(db: Database) -> None:
    """Entities (the actors each document's events name), a role for every person named, and a
    quote for about one person in eight: the rows the actor profile reads besides events; and the
    events' grouping keys, as ingest writes them."""
    db.con.execute(f"UPDATE events SET group_key = {GROUP_KEY}")
    db.con.execute("""
        INSERT INTO entities
        SELECT n.doc_id, 'e' || row_number() OVER (PARTITION BY n.doc_id ORDER BY n.actor_id), n.actor_id, a.type, a.name, a.country, a.code
        FROM (SELECT DISTINCT first_doc AS doc_id, unnest(list_concat(source_ids, target_ids)) AS actor_id FROM events) n
        JOIN actors a USING (actor_id)
    """)
    db.con.execute("""
        INSERT INTO roles (doc_id, actor_id, position, of_actor, of_name, country, sectors, doc_date)
        SELECT e.doc_id, e.actor_id,
               CASE split_part(a.sectors, '|', 1) WHEN 'GOV' THEN 'министр' WHEN 'MIL' THEN 'генерал' WHEN 'DIP' THEN 'посол'
                    WHEN 'LEG' THEN 'депутат' WHEN 'JUD' THEN 'судья' WHEN 'OPP' THEN 'лидер оппозиции' ELSE 'представитель' END,
               c.actor_id, c.name, a.country, a.sectors, d.doc_date
        FROM entities e JOIN actors a USING (actor_id) JOIN documents d USING (doc_id)
        JOIN actors c ON c.type = 'COUNTRY' AND c.country = a.country
        WHERE a.type = 'PERSON'
    """)
    db.con.execute("""
        INSERT INTO quotes (doc_id, quote_id, speaker_actor, kind, text, start_char, end_char, doc_date)
        SELECT e.doc_id, 'q' || e.entity_id, e.actor_id, 'direct', 'Синтетическая цитата: ' || e.name || ' высказался.', 0, 0, d.doc_date
        FROM entities e JOIN documents d USING (doc_id)
        WHERE e.type = 'PERSON' AND hash(e.doc_id, e.actor_id) % 8 = 0
    """)
