"""Lexicons as data: tab-separated files in the package, loaded into lookup tables.

Each language keeps its lexicons in `letopis/data/<lang>/` (see the README there):
countries, regions, organisations, organisation types and person titles. Names are
matched by lemma: a `PhraseIndex` stores each name as a sequence of lemma sets, and a
text token matches a name word when their lemma sets intersect, so inflected mentions
(`Южном Кавказе`) find their nominative entries (`Южный Кавказ`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from itertools import product
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

DATA = resources.files("letopis") / "data"

Lemmas = Callable[[str], frozenset[str]]


def read_tsv(path: Path | Any) -> Iterator[dict[str, str]]:
    """Rows of a lexicon file as dicts; `#` lines are comments; the first other line is the header."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def values(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


@dataclass(frozen=True)
class Place:
    """A country, region or city as the gazetteer knows it."""

    type: str  # COUNTRY | LOCATION | CITY
    key: str  # ISO alpha-3 for countries, the canonical name for regions, geonameid for cities
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    members: tuple[str, ...] = ()
    population: int = 0
    kind: str = ""

    @property
    def geo(self) -> dict[str, Any] | None:
        if self.lat is None or self.lon is None:
            return None
        geo: dict[str, Any] = {"lat": self.lat, "lon": self.lon}
        if self.type == "CITY":
            geo["geonameid"] = int(self.key)
        return geo


@dataclass(frozen=True)
class Organization:
    name: str
    country: str | None
    sector: str | None
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgType:
    lemma: str
    sector: str | None
    kind: str


@dataclass(frozen=True)
class PlaceType:
    lemma: str
    kind: str
    in_name: bool


@dataclass(frozen=True)
class Post:
    post: str  # the nominative form, or the written-out form of an abbreviation
    kind: str  # head | domain | status
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Predicate:
    predicate: str
    cameo: str
    targets: tuple[str, ...]  # where the target is found, in order: obj, с, в, iobj, gen, none …
    kind: str  # verb | light | noun


@dataclass(frozen=True)
class Title:
    title: str
    kind: str


@dataclass
class PhraseIndex:
    """Multi-word names matched over lemma sets; longest match wins."""

    lemmas: Lemmas
    _entries: dict[str, list[tuple[tuple[frozenset[str], ...], Any]]] = field(default_factory=dict)

    def add(self, phrase: str, value: Any) -> None:
        """Index a name; a name already indexed keeps its first value (countries load before regions)."""
        if "-" in phrase and " " not in phrase:
            self.add(phrase.replace("-", " "), value)  # Сьерра-Леоне is also written Сьерра Леоне
        words = tuple(self.lemmas(w) for w in phrase.split())
        if not words:
            return
        for first in words[0]:
            entries = self._entries.setdefault(first, [])
            if all(pattern != words for pattern, _ in entries):
                entries.append((words, value))

    def match(self, words: list[str], start: int) -> tuple[int, Any] | None:
        """Longest entry matching words[start:], as (number of words, value)."""
        best: tuple[int, Any] | None = None
        for first in self.lemmas(words[start]):
            for pattern, value in self._entries.get(first, ()):
                end = start + len(pattern)
                if end > len(words) or (best and len(pattern) <= best[0]):
                    continue
                if all(pattern[i] & self.lemmas(words[start + i]) for i in range(1, len(pattern))):
                    best = (len(pattern), value)
        return best


def feminine_demonym(word: str) -> str:
    """The woman's form of a demonym: израильтянин → израильтянка, палестинец → палестинка."""
    if word.endswith("нин"):
        return word[:-2] + "ка"
    if word.endswith("ец"):
        return word[:-2] + "ка"
    if word.endswith("ин"):
        return word + "ка"
    return word + "ка"


class Lexicon:
    """All lexicons of one language, with indexes built by that language's lemmatiser."""

    def __init__(self, language: str, lemmas: Lemmas, fold: Callable[[str], str], is_noun: Callable[[str], bool]):
        self.language = language
        self.lemmas = lemmas
        self.fold = fold
        self.is_noun = is_noun
        folder = DATA / language
        self.countries: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.organizations: dict[str, Organization] = {}  # folded canonical name -> organisation
        self.org_types: dict[str, OrgType] = {}
        self.titles: dict[str, Title] = {}
        self.adjectives: dict[str, Place] = {}  # adjective lemma -> the country or region it denotes
        self.demonyms: dict[str, Place] = {}  # `палестинец`: a person of the country
        self.places = PhraseIndex(lemmas)  # country and region names
        self.orgs = PhraseIndex(lemmas)  # organisation names and abbreviations
        self.title_index = PhraseIndex(lemmas)
        self.place_types: dict[str, PlaceType] = {}
        self.not_names: set[str] = set()
        self._load_countries(folder / "countries.tsv")
        self._load_regions(folder / "regions.tsv")
        self._load_organizations(folder / "organizations.tsv")
        self._load_org_types(folder / "org_types.tsv")
        self._load_titles(folder / "titles.tsv")
        for row in read_tsv(folder / "place_types.tsv"):
            self.place_types[self.fold(row["lemma"])] = PlaceType(row["lemma"], row["kind"], row["in_name"] == "yes")
        self.not_names = {self.fold(row["word"]) for row in read_tsv(folder / "not_names.tsv")}
        self.abbreviations = {self.fold(row["abbreviation"]): row["expansion"] for row in read_tsv(folder / "abbreviations.tsv")}
        self.posts = PhraseIndex(lemmas)  # posts, their domains and status words, by lemma
        self.post_heads: set[str] = set()  # lemmas of the head noun of every post
        self._load_posts(folder / "posts.tsv")
        self.verb_predicates: dict[str, list[Predicate]] = {}
        self.light_predicates: dict[tuple[str, str], list[Predicate]] = {}
        self.noun_predicates: dict[str, list[tuple[frozenset[str] | None, Predicate]]] = {}
        self.imperfectives: dict[str, str] = {}
        if (folder / "aspect_pairs.tsv").is_file():
            self.imperfectives = {self.fold(r["perfective"]): self.fold(r["imperfective"]) for r in read_tsv(folder / "aspect_pairs.tsv")}
        if (folder / "predicates.tsv").is_file():
            self._load_predicates(folder / "predicates.tsv")
        self.light_verbs = {verb for verb, _ in self.light_predicates}

    def _load_countries(self, path) -> None:
        for row in read_tsv(path):
            place = Place("COUNTRY", row["iso3"], row["name"], country=row["iso3"])
            self.countries[place.key] = place
            for name in [row["name"], *values(row["aliases"])]:
                self.places.add(name, place)
            self._add_words(self.adjectives, values(row["adjectives"]), place)
            self._add_words(self.demonyms, [w for d in values(row["demonyms"]) for w in (d, feminine_demonym(d))], place)

    def _load_regions(self, path) -> None:
        for row in read_tsv(path):
            place = Place(
                "LOCATION",
                row["name"],
                row["name"],
                country=row["country"] or None,
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                members=tuple(values(row["members"])),
                kind=row["kind"],
            )
            self.regions[place.key] = place
            for name in [row["name"], *values(row["aliases"])]:
                self.places.add(name, place)
            self._add_words(self.adjectives, values(row["adjectives"]), place)

    def _load_organizations(self, path) -> None:
        for row in read_tsv(path):
            org = Organization(
                row["name"],
                row["country"] or None,
                row["sector"] or None,
                tuple(values(row["abbreviations"])),
                tuple(values(row["aliases"])),
            )
            self.organizations[self.fold(org.name)] = org
            for name in [org.name, *org.aliases, *org.abbreviations]:
                self.orgs.add(name, org)

    def _load_org_types(self, path) -> None:
        for row in read_tsv(path):
            self.org_types[self.fold(row["lemma"])] = OrgType(row["lemma"], row["sector"] or None, row["kind"])

    def _load_titles(self, path) -> None:
        for row in read_tsv(path):
            title = Title(row["title"], row["kind"])
            for form in [row["title"], *values(row["abbreviations"])]:
                self.title_index.add(form, title)

    def _load_posts(self, path) -> None:
        for row in read_tsv(path):
            post = Post(row["expansion"] or row["post"], row["kind"], tuple(values(row["sectors"])))
            self.posts.add(row["post"], post)
            if post.kind == "head":
                head = next((w for w in row["post"].split() if self.is_noun(w)), row["post"].split()[-1])
                self.post_heads |= {self.fold(head)}

    def _load_predicates(self, path) -> None:
        """Predicates indexed under every lemma their words may have (`переговоры`, `переговор`)."""
        for row in read_tsv(path):
            words = self.fold(row["predicate"]).split()
            predicate = Predicate(row["predicate"], row["cameo"], tuple(values(row["target"])) or ("none",), row["kind"])
            if row["kind"] == "verb":
                for lemma in self.lemmas(words[0]):
                    self.verb_predicates.setdefault(lemma, []).append(predicate)
            elif row["kind"] == "light" and len(words) >= 2:
                verbs = self.lemmas(words[0]) | ({self.imperfectives[words[0]]} if words[0] in self.imperfectives else set())
                for verb, noun in product(verbs, self.lemmas(words[-1])):  # `подписывают соглашение` too
                    entries = self.light_predicates.setdefault((verb, noun), [])
                    if predicate not in entries:
                        entries.append(predicate)
            elif row["kind"] == "noun":
                head = next((w for w in words if self.is_noun(w)), words[-1])
                others = [w for w in words if w != head]
                other = self.lemmas(others[0]) if others else None
                for lemma in self.lemmas(head):
                    self.noun_predicates.setdefault(lemma, []).append((other, predicate))

    def org_key(self, name: str) -> str:
        """The comparison form of an organisation's name, a short name of its kind written out:
        `МИД Казахстана` and `Министерство иностранных дел Казахстана` have one key."""
        words = self.fold(name).split()
        if words and words[0] in self.abbreviations:
            words[0] = self.fold(self.abbreviations[words[0]])
        return " ".join(words)

    def _add_words(self, table: dict[str, Place], words: Iterable[str], place: Place) -> None:
        for word in words:
            table.setdefault(self.fold(word), place)
