"""Actors across documents: the entities of every document resolved to one registry.

The same real-world actor gets one `actor_id` however many documents name it:
- countries by ISO code; cities and regions by name and country;
- organisations by canonical name or by an abbreviation linked to it (`ОБСЕ`);
- groups (`британские инструкторы`) by name and country;
- persons by full name; a lone surname (`Гасанов`) joins the one person of that surname whose
  country does not contradict it, and stays apart when two such persons are known (two people
  with one surname); a person named only by a post (`министр обороны Азербайджана`) joins the
  one holder of that post in that country named within a year of the document's date.
A curation file (see `curation.py`) renames, merges and adds aliases before these rules run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .curation import Curation
from .database import Database

PLACES = ("CITY", "LOCATION")
HOLDER_WINDOW_DAYS = 365


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass
class Actor:
    actor_id: int
    name: str
    type: str
    country: str | None = None
    sectors: str | None = None
    code: str | None = None
    aliases: set[str] = field(default_factory=set)  # folded


class Registry:
    def __init__(self, db: Database, curation: Curation | None = None):
        self.db = db
        self.curation = curation or Curation()
        self.actors: dict[int, Actor] = {}
        self.keys: dict[tuple, int] = {}  # (kind, folded name[, country]) → actor
        self.surnames: dict[str, set[int]] = defaultdict(set)
        self.holders: dict[tuple[str, str], list[tuple[int, date | None]]] = defaultdict(list)  # this run's roles: (position, country) → holders
        self.new_actors: list[dict] = []
        self.new_aliases: list[dict] = []
        self._load()

    # ----- loading -----
    def _load(self) -> None:
        for actor_id, name, type_, country, sectors, code in self.db.con.execute("SELECT actor_id, name, type, country, sectors, code FROM actors ORDER BY actor_id").fetchall():
            self._index(Actor(actor_id, name, type_, country, sectors, code))
        for actor_id, alias, folded in self.db.con.execute("SELECT actor_id, alias, folded FROM actor_aliases ORDER BY rowid").fetchall():  # in the order they were made
            actor = self.actors.get(actor_id)
            if actor is not None:
                actor.aliases.add(folded)
                self._index_alias(actor, alias)
        self.next_id = (self.db.scalar("SELECT max(actor_id) FROM actors") or 0) + 1

    def _index(self, actor: Actor) -> None:
        """The same keys whether the actor was made in this run or read back from the store, so
        that a resumed ingest resolves as an uninterrupted one."""
        self.actors[actor.actor_id] = actor
        key = self._key(actor.type, actor.name, actor.country)
        self.keys.setdefault(key, actor.actor_id)
        if actor.type == "PERSON":
            self.keys.setdefault(("PERSON", fold(actor.name) + "@" + (actor.country or "")), actor.actor_id)  # a lone surname or a post, per country
            if len(actor.name.split()) >= 2:
                self.surnames[fold(actor.name).split()[-1]].add(actor.actor_id)

    def _index_alias(self, actor: Actor, alias: str) -> None:
        """A person's other names and an organisation's abbreviations match; an organisation's
        descriptive alias (`суд`) names many bodies and is kept without matching."""
        if actor.type == "PERSON" or (actor.type == "ORGANIZATION" and _is_acronym(alias)):
            self.keys.setdefault(self._key(actor.type, alias, actor.country), actor.actor_id)

    @staticmethod
    def _key(type_: str, name: str, country: str | None, doc_id: str | None = None) -> tuple:
        """Organisations of different countries are different (`МВД` of RUS, of UKR); a group
        without a country (`протестующие`) is only itself in its document."""
        name = fold(name)
        if type_ == "COUNTRY":
            return ("COUNTRY", country or name)
        if type_ in PLACES:
            return ("PLACE", name, country)
        if type_ == "GROUP":
            return ("GROUP", name, country) if country else ("GROUP", name, None, doc_id)
        if type_ == "ORGANIZATION":
            return ("ORGANIZATION", name, country)
        return (type_, name)

    # ----- resolving a document -----
    def resolve(self, record: dict) -> dict[str, int]:
        """entity id → actor id for every entity of a document record."""
        doc_date = iso_day(record.get("doc_date"))
        entities = record.get("entities", [])
        order = sorted(entities, key=lambda e: (e["type"] == "PERSON", _is_lone(e), _is_post_named(e)))
        resolved: dict[str, int] = {}
        for entity in order:
            resolved[entity["id"]] = self._resolve_entity(entity, doc_date, record.get("doc_id"))
        for role in record.get("roles", []):
            actor = resolved.get(role["person"])
            if actor is not None and role.get("country"):
                self.holders[(fold(role["position"]), role["country"])].append((actor, doc_date))
        return resolved

    def _resolve_entity(self, entity: dict, doc_date: date | None, doc_id: str | None = None) -> int:
        type_ = entity["type"]
        name = self.curation.split_into(self.curation.canonical(entity["name"]), doc_id)
        actor_info = entity.get("actor") or {}
        country = actor_info.get("country") or entity.get("country")
        found = None
        if type_ == "PERSON":
            found = self._person(entity, name, country, doc_date)
        elif type_ == "ORGANIZATION":
            found = self.keys.get(self._key(type_, name, country)) or next(
                (self.keys[k] for a in entity.get("aliases", []) if _is_acronym(a) and (k := self._key(type_, a, country)) in self.keys), None)
        elif type_ == "GROUP" and not country:
            found = self.keys.get(self._key(type_, name, None, doc_id))
        else:
            found = self.keys.get(self._key(type_, name, country))
        if found is not None:
            self._add_aliases(self.actors[found], entity)
            return found
        return self._create(entity, name, country)

    def _person(self, entity: dict, name: str, country: str | None, doc_date: date | None) -> int | None:
        words = fold(name).split()
        if _is_post_named(entity):
            return self._holder(words, country, doc_date) or self.keys.get(("PERSON", fold(name) + "@" + (country or "")))
        if len(words) >= 2:
            return self.keys.get(("PERSON", fold(name)))
        candidates = [a for a in self.surnames.get(words[0], ()) if _compatible(self.actors[a].country, country)]
        if len(candidates) == 1:
            return candidates[0]
        # none known, or two people with this surname: the one named so alone before, else apart
        return self.keys.get(("PERSON", fold(name) + "@" + (country or "")))

    def _holder(self, words: list[str], country: str | None, doc_date: date | None) -> int | None:
        """`министр обороны Азербайджана`: the one holder of that post and country around the date."""
        if not country:
            return None
        text = " ".join(words)
        seen = defaultdict(list, {position: list(h) for (position, held_in), h in self.holders.items() if held_in == country})
        for actor_id, position, when in self.db.con.execute(  # the stored roles of that country and post, asked only when needed
                """SELECT actor_id, position, doc_date FROM roles, (SELECT replace(lower(position), 'ё', 'е') AS p) WHERE country = ?
                   AND (? = p OR starts_with(?, p || ' '))""", [country, text, text]).fetchall():
            seen[fold(position)].append((actor_id, when))
        posts = [p for p in seen if text == p or (text.startswith(p + " ") and len(text[len(p):].split()) <= 2)]
        if not posts:
            return None
        post = max(posts, key=len)  # `министр иностранных дел …` is not any `министр`
        holders = {a for a, when in seen[post] if doc_date is None or when is None or abs((doc_date - when).days) <= HOLDER_WINDOW_DAYS}
        return holders.pop() if len(holders) == 1 else None

    def _create(self, entity: dict, name: str, country: str | None) -> int:
        actor_info = entity.get("actor") or {}
        code = actor_info.get("code") or (country if entity["type"] == "COUNTRY" else None)
        actor = Actor(self.next_id, name, entity["type"], country, "|".join(actor_info.get("sectors") or []) or None, code)
        self.next_id += 1
        self._index(actor)
        self.new_actors.append({"actor_id": actor.actor_id, "name": actor.name, "type": actor.type, "country": actor.country,
                                "sectors": actor.sectors, "code": actor.code})
        self._add_aliases(actor, entity)
        for alias in self.curation.aliases_of(name):
            self._alias(actor, alias)
        return actor.actor_id

    def _add_aliases(self, actor: Actor, entity: dict) -> None:
        for alias in [entity["name"], *entity.get("aliases", [])]:
            self._alias(actor, alias)

    def _alias(self, actor: Actor, alias: str) -> None:
        folded = fold(alias)
        if not folded or folded in actor.aliases or folded == fold(actor.name):
            return
        actor.aliases.add(folded)
        self._index_alias(actor, alias)
        self.new_aliases.append({"actor_id": actor.actor_id, "alias": alias, "folded": folded})

    def take_new(self) -> tuple[list[dict], list[dict]]:
        actors, aliases = self.new_actors, self.new_aliases
        self.new_actors, self.new_aliases = [], []
        return actors, aliases


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


def _is_lone(entity: dict) -> bool:
    return entity["type"] == "PERSON" and len(entity["name"].split()) < 2


def _is_post_named(entity: dict) -> bool:
    mentions = entity.get("mentions") or []
    return entity["type"] == "PERSON" and bool(mentions) and all(m.get("kind") == "descriptor" for m in mentions)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def iso_day(text: str | None) -> date | None:
    """`2025-12-04` as a date; None for nothing or anything else (the store's and the pages' reading of a day)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
