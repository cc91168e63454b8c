"""Every lexicon file is well-formed: its columns, codes, coordinates and names."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from letopis.lexicon import read_tsv, values

FOLDER = resources.files("letopis") / "data" / "ru"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "DIP", "PTY", "OPP", "REB", "IGO", "NGO", "BUS", "MED", "EDU", "REL", "CVL", "HLH", "ELI", "AGR", "LAB", "SPT"}
COLUMNS = {
    "countries.tsv": ["iso3", "name", "aliases", "adjectives", "demonyms", "capital"],
    "regions.tsv": ["name", "aliases", "adjectives", "kind", "country", "members", "lat", "lon"],
    "organizations.tsv": ["name", "aliases", "abbreviations", "country", "sector"],
    "org_types.tsv": ["lemma", "sector", "kind", "note"],
    "titles.tsv": ["title", "kind", "abbreviations"],
    "place_types.tsv": ["lemma", "kind", "in_name"],
    "not_names.tsv": ["word", "note"],
    "abbreviations.tsv": ["abbreviation", "expansion"],
    "posts.tsv": ["post", "kind", "sectors", "expansion", "note"],
    "aspect_pairs.tsv": ["perfective", "imperfective"],
}


def rows(name):
    return list(read_tsv(FOLDER / name))


def valid_country(code: str) -> bool:
    """ISO 3166-1 alpha-3, a former state's ISO 3166-3 code (SUN), or XKX for Kosovo."""
    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None or pycountry.historic_countries.get(alpha_3=code) is not None


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_shape(name):
    table = rows(name)
    assert table, f"{name} is empty"
    for number, row in enumerate(table, 1):
        assert list(row) == COLUMNS[name], f"{name} row {number}: columns {list(row)}"
        for column, cell in row.items():
            assert cell is not None, f"{name} row {number}: missing {column}"
            assert cell == cell.strip(), f"{name} row {number}: spaces around {column}"
            if cell:
                assert "" not in [v.strip() for v in cell.split("|")], f"{name} row {number}: empty value in {column}"


@pytest.mark.parametrize(("name", "column"), [("countries.tsv", "iso3"), ("regions.tsv", "country"), ("organizations.tsv", "country")])
def test_country_codes(name, column):
    for row in rows(name):
        if row[column]:
            assert valid_country(row[column]), f"{name}: bad country {row[column]!r} in {row}"


def test_region_members_kinds_and_coordinates():
    for row in rows("regions.tsv"):
        assert all(valid_country(c) for c in values(row["members"])), row
        assert row["kind"] in {"world_region", "water", "subnational", "disputed", "landform"}, row
        assert bool(row["lat"]) == bool(row["lon"]), row
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row


def test_every_iso_country_is_listed_once():
    codes = [row["iso3"] for row in rows("countries.tsv")]
    assert len(codes) == len(set(codes))
    assert {c.alpha_3 for c in pycountry.countries} <= set(codes)


@pytest.mark.parametrize(("name", "column"), [("organizations.tsv", "sector"), ("org_types.tsv", "sector"), ("posts.tsv", "sectors")])
def test_sectors(name, column):
    for row in rows(name):
        assert set(values(row[column])) <= SECTORS, row


def test_posts():
    for row in rows("posts.tsv"):
        assert row["kind"] in {"head", "domain", "status"}, row
        assert row["post"] == row["post"].lower() and row["expansion"] == row["expansion"].lower(), row
        assert row["kind"] != "status" or not row["sectors"], row


def test_enumerations():
    assert {r["kind"] for r in rows("titles.tsv")} <= {"honorific", "military_rank", "police_rank", "civil_rank", "religious", "nobility", "academic"}
    assert {r["in_name"] for r in rows("place_types.tsv")} <= {"yes", "no"}
    for row in rows("org_types.tsv") + rows("place_types.tsv"):
        assert row["lemma"] == row["lemma"].lower() and " " not in row["lemma"], row


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("countries.tsv", ["name", "aliases"]),
        ("regions.tsv", ["name", "aliases"]),
        ("organizations.tsv", ["name", "aliases", "abbreviations"]),
        ("titles.tsv", ["title", "abbreviations"]),
        ("posts.tsv", ["post"]),
    ],
)
def test_names_are_unique_within_a_file(name, columns):
    seen: dict[str, str] = {}
    for row in rows(name):
        for column in columns:
            for value in values(row[column]):
                key = fold(value)
                assert key not in seen, f"{name}: {value!r} appears twice ({seen.get(key)})"
                seen[key] = str(row)[:60]


# ----- events: the predicate lexicon and the CAMEO table -----
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
TARGET_KINDS = {"obj", "iobj", "gen", "none", "subj", "с", "в", "на", "к", "против", "о", "для", "по", "от", "перед", "у", "из"}


def test_cameo_table():
    from letopis import cameo

    table = list(read_tsv(resources.files("letopis") / "data" / "cameo.tsv"))
    assert len(table) > 250
    for row in table:
        code = row["code"]
        assert code.isdigit() and 2 <= len(code) <= 4, row
        assert int(row["quad_class"]) == (1 if code[:2] <= "05" else 2 if code[:2] <= "08" else 3 if code[:2] <= "13" else 4), row
        assert -10 <= float(row["goldstein"]) <= 10, row
        assert (row["plover"] in PLOVER_TYPES) or (code.startswith("01") and not row["plover"]), row
    assert cameo.lookup("042").mode == "visit" and cameo.lookup("020").plover == "REQUEST"
    assert cameo.lookup("01") is not None and cameo.lookup("01").plover in ("", None)


def test_predicates():
    from letopis import cameo

    table = rows("predicates.tsv")
    assert list(table[0]) == ["predicate", "cameo", "target", "kind", "note"]
    roots = set()
    for row in table:
        entry = cameo.lookup(row["cameo"])
        assert entry is not None, f"unknown CAMEO code {row['cameo']!r} in {row}"
        assert set(values(row["target"])) <= TARGET_KINDS, row
        assert row["kind"] in ("verb", "light", "noun"), row
        words = row["predicate"].split()
        assert row["predicate"] == fold(row["predicate"]) or row["predicate"] == row["predicate"].lower(), row
        assert row["kind"] != "verb" or len(words) == 1, row
        assert row["kind"] != "light" or len(words) >= 2, row
        assert row["note"], row
        roots.add(row["cameo"][:2])
    assert roots == {f"{n:02d}" for n in range(1, 21)}, "every CAMEO root has predicates"
    keys = [(row["predicate"], row["cameo"], row["target"]) for row in table]
    assert len(keys) == len(set(keys)), "a predicate is listed once per code"
