"""Every gazetteer row class is well-formed: countries, IGOs, titles."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from dateline.lexicon import rows
from dateline.nlp.actors import _split, demonym_plurals, find_places, gazetteer

COUNTRIES = list(rows("countries.tsv"))
IGOS = list(rows("igos.tsv"))
TITLES = list(rows("titles.tsv"))
SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "UAF", "MED", "BUS", "CVL", "EDU"}
SECTORS |= {"REL", "REF", "HLH", "LAB", "AGR", "NGO"}


def test_countries_cover_un_members_and_observers():
    codes = [row["iso3"] for row in COUNTRIES]
    # 193 UN members + Palestine, Holy See, Taiwan, Kosovo + 5 territories.
    assert len(codes) == 193 + 4 + 5 and len(set(codes)) == len(codes)
    assert {"PSE", "VAT", "TWN", "XKX", "HKG"} <= set(codes)


@pytest.mark.parametrize("row", COUNTRIES, ids=lambda r: r["iso3"])
def test_country_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z]{3}", row["iso3"])
    assert row["name"] and row["name"][0].isupper()
    # Every form of the row reads back to its own code (no other row or IGO took it).
    forms = [row["name"], *_split(row["aliases"]), *_split(row["capitals"])]
    forms += [p for d in _split(row["demonyms"]) for p in (d, *demonym_plurals(d))]
    for form in forms:
        found = find_places(form)
        assert found and (found[0].start, found[0].end) == (0, len(form)), form
        assert found[0].code == row["iso3"], (form, found[0])


def test_no_form_is_listed_for_two_actors():
    counts: Counter[str] = Counter()
    for row in COUNTRIES:
        counts.update({row["name"], *_split(row["aliases"]), *_split(row["demonyms"]), *_split(row["capitals"])})
    for row in IGOS:
        counts.update({row["name"], row["code"], *_split(row["aliases"])})
    assert [form for form, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("row", IGOS, ids=lambda r: r["code"])
def test_igo_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z0-9]{2,8}", row["code"])
    assert row["code"] not in {c["iso3"] for c in COUNTRIES}  # an IGO code never reads as a country
    assert re.fullmatch(r"[A-Z]{3}", row["scope"])
    for form in [row["name"], *_split(row["aliases"])]:
        found = find_places(form)
        assert found and found[0].code == row["code"] and found[0].end == len(form), form


def test_major_igos_present():
    codes = {row["code"] for row in IGOS}
    assert {"UN", "NATO", "SCO", "EU", "AU", "ASEAN", "OPEC", "GCC", "ARL", "BRICS", "OSCE", "WHO", "IAEA"} <= codes
    assert {"IMF", "WB", "ICC", "INTERPOL", "CSTO", "ECOWAS", "OIC", "G7", "G20", "ICRC"} <= codes


@pytest.mark.parametrize("row", TITLES, ids=lambda r: r["phrase"])
def test_title_row_is_well_formed(row):
    assert row["phrase"] == row["phrase"].lower().strip()
    assert row["sector"] in SECTORS | {"-"}
    assert row["strength"] in {"strong", "weak"}
    assert row["use"] in {"title", "rank", "honorific", "noun", "group"}
    assert row["kind"] in {"person", "org", "group"}
    assert row["use"] != "honorific" or row["sector"] == "-"
    assert row["use"] != "rank" or row["sector"] == "MIL"
    assert gazetteer().titles[row["phrase"]][4] == row["phrase"]


def test_title_phrases_are_unique():
    counts = Counter(row["phrase"] for row in TITLES)
    assert [p for p, n in counts.items() if n > 1] == []


MEDIA = list(rows("media.tsv"))


@pytest.mark.parametrize("row", MEDIA, ids=lambda r: r["name"])
def test_media_row_is_well_formed(row):
    from dateline.nlp.actors import media_code

    assert row["iso3"] in {c["iso3"] for c in COUNTRIES}
    for form in [row["name"], *_split(row["aliases"])]:
        assert media_code(form) == row["iso3"] + "MED", form


def test_media_forms_are_unique():
    counts = Counter(form for row in MEDIA for form in {row["name"], *_split(row["aliases"])})
    assert [form for form, n in counts.items() if n > 1] == []
