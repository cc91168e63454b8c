"""Actors: every person and organisation coded as a political actor.

An actor is the country it acts for (ISO alpha-3) and CAMEO-style sector codes, with the
CAMEO-like code made of both (`AZEGOVMIL`). An organisation's sectors come from the lexicon
of known organisations (`ОБСЕ` → IGO), else from its type word and the posts and domains its
name contains (`Министерство обороны` → GOV, MIL; `военная … группа` → MIL). A person's come from the posts they hold: the post's own
sectors (`министр обороны` → GOV, MIL; `посол` → GOV, DIP), or, for a post that names no
sector by itself (`председатель`, `глава`), those of the organisation it is held in; a post
of a country or city is a government post. Current posts count before former ones.
"""

from __future__ import annotations

from collections import defaultdict

from ..document import Document, Entity
from ..lang.base import Language

# statuses of a holder no longer in office (`бывший министр`, `свергнутый президент`)
FORMER = {"бывший", "экс", "отставной", "покойный", "прежний", "предыдущий", "свергнутый", "смещённый", "смещенный",
          "опальный", "тогдашний"}
# the order of sectors in an actor's code: the state first, then its branches, then the rest
SECTOR_ORDER = ["GOV", "DIP", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "IGO", "NGO",
                "BUS", "MED", "EDU", "REL", "CVL", "HLH", "ELI", "LAB", "AGR", "SPT"]
PLACE_TYPES = ("COUNTRY", "CITY", "LOCATION")


def run(doc: Document, lang: Language) -> Document:
    entities = {e.id: e for e in doc.entities}
    for entity in doc.entities:
        if entity.type == "ORGANIZATION":
            entity.actor = _actor(entity.country, _org_sectors(entity, lang))
    roles_of: dict[str, list[dict]] = defaultdict(list)
    for role in doc.roles:
        role["sectors"] = _role_sectors(role, entities)
        of = entities.get(role["of"]) if role["of"] else None
        role["country"] = of.country if of is not None else None
        roles_of[role["person"]].append(role)
    for post in doc.posts:
        post["sectors"] = _role_sectors(post, entities)
        of = entities.get(post["of"]) if post["of"] else None
        post["country"] = of.country if of is not None else None
    for entity in doc.entities:
        if entity.type == "PERSON":
            roles = sorted(roles_of.get(entity.id, []), key=lambda r: r.get("status") in FORMER)
            country = next((r["country"] for r in roles if r["country"]), None) or entity.country
            current = [r for r in roles if r.get("status") not in FORMER] or roles
            sectors = _union(r["sectors"] for r in current)
            entity.country = entity.country or country
            entity.actor = _actor(country, sectors)
    return doc


def _actor(country: str | None, sectors: list[str]) -> dict:
    sectors = sorted(set(sectors), key=lambda s: SECTOR_ORDER.index(s) if s in SECTOR_ORDER else len(SECTOR_ORDER))
    return {"country": country, "sectors": sectors, "code": (country or "") + "".join(sectors) or None}


def _union(lists) -> list[str]:
    merged: list[str] = []
    for items in lists:
        merged += [s for s in items if s not in merged]
    return merged


def _org_sectors(entity: Entity, lang: Language) -> list[str]:
    lexicon = lang.lexicon
    sectors: list[str] = []
    for name in [entity.name, *entity.aliases]:
        known = lexicon.organizations.get(lang.fold(name))
        if known is not None and known.sector:
            if known.sector == "IGO":
                return ["IGO"]  # its name's words (безопасность, сотрудничество) are its fields, not its kind
            sectors = [known.sector]
            break
    words = entity.name.split()
    for word in words:
        org_type = next((lexicon.org_types[lemma] for lemma in lexicon.lemmas(word) if lemma in lexicon.org_types), None)
        if org_type is not None and org_type.sector:
            sectors += [org_type.sector] if org_type.sector not in sectors else []
            break
    for i in range(len(words)):
        match = lexicon.posts.match(words, i)  # `обороны`, `военная`, `журналистов` in a name
        if match:
            sectors += [s for s in match[1].sectors if s not in sectors]
    return sectors


def _role_sectors(role: dict, entities: dict[str, Entity]) -> list[str]:
    of = entities.get(role["of"]) if role["of"] else None
    sectors = list(role["sectors"])
    if of is not None and of.type == "ORGANIZATION" and of.actor:
        generic = not sectors or (set(sectors) <= {"MIL", "DIP", "COP", "JUD", "SPY"} and "GOV" not in sectors)
        if generic:
            sectors = _union([of.actor["sectors"], sectors])
    elif of is not None and of.type in PLACE_TYPES and not sectors:
        sectors = ["GOV"]
    return sectors
