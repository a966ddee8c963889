"""GDELT 2.0 event table export: 61 tab-separated columns, no header, one row per event.

Column names and order follow the GDELT 2.0 Event Codebook (``GDELT_COLUMNS``). Fields
Dateline cannot fill are empty (ethnic/religion/known-group codes, ADM2 codes, actor
geography). The action's geography comes from ``lexicon/geo.tsv`` (GeoNames, built by
``scripts/build_geo_table.py``): GDELT writes FIPS 10-4 country codes where Dateline's records
carry ISO 3166 alpha-3, and the places Dateline's gazetteers know get their coordinates and
ADM1 code; a place it does not know keeps only its name and its country's code. Licence,
attribution and evidence do not fit the 61 columns, so they go to a sidecar
``PATH.sources.tsv`` keyed by GLOBALEVENTID. The full mapping is in README.md ("Exports").
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pycountry

from dateline.export.codes import ROOT_GOLDSTEIN, event_code, quad_class, split_actor_code
from dateline.export.rows import clip
from dateline.lexicon import rows as lexicon_rows
from dateline.records import Entity, Event, Extraction

_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS: list[str] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
SOURCES_COLUMNS = ["GLOBALEVENTID", "article_id", "event_id", "licence", "attribution", "evidence"]
# GDELT geo types: 1 country, 3 US city, 4 world city (Dateline does not place events in states).
GEO_COUNTRY, GEO_US_CITY, GEO_CITY = 1, 3, 4


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable integer id (GDELT ids are integers): 15 decimal digits of a hash."""
    digest = hashlib.sha256(f"{article_id}/{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 10**15


def gdelt_rows(extractions: Iterable[Extraction]) -> Iterator[tuple[list[str], list[str]]]:
    """(61 GDELT fields, sidecar fields) per event."""
    for x in extractions:
        entities = {e.id: e for e in x.entities}
        for v in x.events:
            yield _row(x, v, entities), _sources(x, v)


def _row(x: Extraction, v: Event, entities: dict[str, Entity]) -> list[str]:
    a = x.article
    day = _event_day(v) or _day(a.published)
    code = event_code(v.cameo)
    root = code[:2]
    goldstein = v.goldstein if v.goldstein is not None else ROOT_GOLDSTEIN.get(root)
    quad = v.quad_class if v.quad_class is not None else quad_class(root)
    fields: list[object] = [
        global_event_id(a.id, v.id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(v.source, v.source_codes, entities),
        *_actor(v.target, v.target_codes, entities),
        1 if v.evidence.start < _lead_end(a.text) else 0,
        code,
        code[:3],
        root,
        quad if quad is not None else "",
        goldstein if goldstein is not None else "",
        1,
        1,
        1,
        f"{x.tone:.4f}" if x.tone is not None else "",
        *[""] * 16,  # actor geography: Dateline places events, not actors
        *_action_geo(v),
        (_day(a.published) or day or dt.date(1970, 1, 1)).strftime("%Y%m%d") + "000000",
        a.url or a.source or a.id,
    ]
    return ["" if f is None else str(f) for f in fields]


def _actor(ids: tuple[str, ...], codes: tuple[str, ...], entities: dict[str, Entity]) -> list[str]:
    entity = next((entities[i] for i in ids if i in entities), None)
    code = (entity.actor_code if entity and entity.actor_code else None) or (codes[0] if codes else "")
    country, types = split_actor_code(code)
    name = entity.name.upper() if entity else ""
    return [code, name, country, "", "", "", "", *(types + ["", "", ""])[:3]]


def _action_geo(v: Event) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of the event's place."""
    if v.where is None:
        return [""] * 8
    name, alpha3 = v.where.name, v.where.country
    countries, cities = _geo_table()
    country = countries.get(alpha3 or "")
    fips = country["fips"] if country else ""
    if is_country_name(name, alpha3):
        # GDELT's FeatureID of a country match is its FIPS code; its centroid is GDELT's own.
        return [str(GEO_COUNTRY), name, fips, fips, "", "", "", fips]
    kind = GEO_US_CITY if alpha3 == "USA" else GEO_CITY
    city = cities.get((name, alpha3 or ""))
    if city is None:
        return [str(kind), name, fips, "", "", "", "", ""]
    # FeatureID stays empty: GDELT's are GNS/GNIS ids, and a GeoNames id is not one.
    return [str(kind), name, fips, city["adm1"], "", city["lat"], city["lon"], ""]


@lru_cache(maxsize=1)
def _geo_table() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """geo.tsv as (country rows by alpha-3, city rows by (name, alpha-3))."""
    countries: dict[str, dict[str, str]] = {}
    cities: dict[tuple[str, str], dict[str, str]] = {}
    for row in lexicon_rows("geo.tsv"):
        if row["kind"] == "country":
            countries[row["iso3"]] = row
        else:
            cities.setdefault((row["name"], row["iso3"]), row)
    return countries, cities


def is_country_name(name: str, alpha3: str | None) -> bool:
    """True when ``name`` names the country ``alpha3`` itself (ISO 3166 names via pycountry)."""
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    if country is None:
        return False
    names = {getattr(country, key, "") for key in ("name", "common_name", "official_name", "alpha_3")}
    folded = name.casefold().removeprefix("the ")
    return folded in {n.casefold() for n in names if n}


def _sources(x: Extraction, v: Event) -> list[str]:
    a = x.article
    evidence = clip(v.evidence.of(a.text))
    return [str(global_event_id(a.id, v.id)), a.id, v.id, a.licence or "", a.attribution or "", evidence]


def _event_day(v: Event) -> dt.date | None:
    if v.when is None:
        return None
    return _day(v.when.start) or _day(v.when.value)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _lead_end(text: str) -> int:
    """End of the lead paragraph: GDELT's IsRootEvent marks events from it."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    newline = stripped.find("\n")
    return offset + (newline if newline > 0 else len(stripped))


def write_gdelt(extractions: Iterable[Extraction], path: Path) -> int:
    """Write the 61-column TSV and its ``.sources.tsv`` sidecar; returns the number of events."""
    n = 0
    sidecar = path.with_name(path.name + ".sources.tsv")
    with (
        path.open("w", encoding="utf-8", newline="") as out,
        sidecar.open("w", encoding="utf-8", newline="") as side,
    ):
        sources = csv.writer(side, delimiter="\t", lineterminator="\n")
        sources.writerow(SOURCES_COLUMNS)
        for row, source in gdelt_rows(extractions):
            out.write("\t".join(_one_line(f) for f in row) + "\n")  # GDELT files are unquoted
            sources.writerow([_one_line(f) for f in source])
            n += 1
    return n


def _one_line(field: str) -> str:
    return " ".join(field.replace("\t", " ").split()) if ("\t" in field or "\n" in field) else field
