"""GDELT geography of an event's place: FIPS 10-4 country codes where the records carry ISO
3166 alpha-3, GDELT's geo types, and coordinates + ADM1 for places the gazetteers know
(``lexicon/geo.tsv``, from GeoNames)."""

from __future__ import annotations

from dateline.export.gdelt import GDELT_COLUMNS, gdelt_rows
from dateline.lexicon import rows
from dateline.records import Article, Event, Extraction, Span, Where

TEXT = "Officials met in the capital on Monday."


def _action_geo(where: Where) -> dict[str, str]:
    event = Event(id="v1", type="CONSULT", evidence=Span(0, len(TEXT)), where=where)
    ((fields, _),) = gdelt_rows([Extraction(article=Article(id="a", text=TEXT), events=(event,))])
    row = dict(zip(GDELT_COLUMNS, fields, strict=True))
    return {k.removeprefix("ActionGeo_"): v for k, v in row.items() if k.startswith("ActionGeo_")}


def test_a_country_is_type_1_with_its_fips_code_not_its_iso_code() -> None:
    geo = _action_geo(Where(name="Germany", country="DEU"))
    # ISO DE / DEU, FIPS GM: the codes GDELT users join on.
    assert (geo["Type"], geo["CountryCode"], geo["ADM1Code"], geo["FeatureID"]) == ("1", "GM", "GM", "GM")
    assert (geo["Lat"], geo["Long"]) == ("", "")


def test_a_known_city_gets_coordinates_and_adm1_and_a_us_city_is_type_3() -> None:
    tehran = _action_geo(Where(name="Tehran", country="IRN"))
    assert (tehran["Type"], tehran["CountryCode"], tehran["ADM1Code"]) == ("4", "IR", "IR26")
    assert (round(float(tehran["Lat"]), 1), round(float(tehran["Long"]), 1)) == (35.7, 51.4)
    houston = _action_geo(Where(name="Houston", country="USA"))
    assert (houston["Type"], houston["CountryCode"], houston["ADM1Code"]) == ("3", "US", "USTX")


def test_an_unknown_place_keeps_its_name_and_its_countrys_code_only() -> None:
    geo = _action_geo(Where(name="Qaleh Now", country="IRN"))
    assert (geo["Type"], geo["FullName"], geo["CountryCode"]) == ("4", "Qaleh Now", "IR")
    assert (geo["ADM1Code"], geo["Lat"], geo["Long"], geo["FeatureID"]) == ("", "", "", "")
    assert set(_action_geo(Where(name="somewhere")).values()) == {"", "4", "somewhere"}


def test_every_country_of_the_gazetteer_has_a_fips_code() -> None:
    countries = {row["iso3"] for row in rows("countries.tsv")}
    geo = {row["iso3"]: row["fips"] for row in rows("geo.tsv") if row["kind"] == "country"}
    assert countries == set(geo)
    assert all(len(code) == 2 and code.isupper() for code in geo.values())
