"""The actor-code lexicons beyond countries: non-state groups, major cities, office holders.

Each row class is well-formed and reads back to its own code, and each shapes ``actor_code``
the way its file header says (groups keep their own code, a city is its country and never
its government, a leader is their country's government).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from dateline.lexicon import rows
from dateline.nlp.actors import _split, actor_code, find_named, leader_code, place_country

GROUPS = list(rows("nonstate.tsv"))
CITIES = list(rows("cities.tsv"))
LEADERS = list(rows("leaders.tsv"))
SECTORS = {"REB", "INS", "SEP", "OPP", "PTY"}


def _reads_back(form: str, what: str, code: str) -> None:
    found = find_named(form)
    assert found and (found[0].start, found[0].end) == (0, len(form)), form
    assert (found[0].what, found[0].code) == (what, code), (form, found[0])


@pytest.mark.parametrize("row", GROUPS, ids=lambda r: r["name"])
def test_group_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z]{3}(REB|INS|SEP|OPP|PTY)", row["code"])
    for form in [row["name"], *_split(row["aliases"])]:
        _reads_back(form, "group", row["code"])


@pytest.mark.parametrize("row", CITIES, ids=lambda r: r["city"])
def test_city_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z]{3}", row["iso3"])
    for form in [row["city"], *_split(row["aliases"])]:
        _reads_back(form, "city", row["iso3"])


@pytest.mark.parametrize("row", LEADERS, ids=lambda r: r["name"])
def test_leader_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z]{3}", row["iso3"]) and row["office"]
    start = int(row["start"])
    assert 1900 < start and (row["end"] == "-" or start <= int(row["end"]) <= 2026)
    for form in [row["name"], *_split(row["aliases"])]:
        _reads_back(form, "leader", row["iso3"])


def test_no_form_names_two_actors():
    forms = Counter()
    for row in GROUPS:
        forms.update({row["name"], *_split(row["aliases"])})
    for row in CITIES:
        forms.update({row["city"], *_split(row["aliases"])})
    for row in LEADERS:
        forms.update({row["name"], *_split(row["aliases"])})
    assert [f for f, n in forms.items() if n > 1] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hezbollah guerrillas", "LBNREB"),
        ("Osama bin Laden's al-Qaeda", "IMGREB"),
        ("Houthi rebels", "YEMREB"),
        ("the radical Palestinian Islamic Jihad movement", "PSEREB"),
        ("Kurdistan Workers' Party", "TURSEP"),
    ],
)
def test_a_group_keeps_its_own_code(text, code):
    assert actor_code(text) == code


def test_a_city_is_its_country_and_not_its_government():
    assert actor_code("Tel Aviv") == "ISR"
    assert actor_code("demonstrators in Basra") == "IRQCVL"
    assert place_country("West Darfur State") == "SDN"
    assert actor_code("Tehran") == "IRNGOV"  # a capital stays the government


def test_a_leader_is_the_government_of_their_country():
    assert actor_code("Putin") == "RUSGOV"
    assert actor_code("President Abdelaziz Bouteflika") == "DZAGOV"
    assert actor_code("Former Socialist prime minister Andreas Papandreou") == "GRCGOV"
    # A country named in the phrase outranks the list.
    assert actor_code("Serbian police") == "SRBCOP"


def test_leader_years_restrict_the_office_holder():
    assert leader_code("Boris Yeltsin") == "RUSGOV"
    assert leader_code("Boris Yeltsin", 1995) == "RUSGOV"
    assert leader_code("Boris Yeltsin", 2005) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kampuchean guerrillas", "KHMREB"),
        ("Serb forces", "SRBMIL"),
        ("the Soviet Union", "RUS"),
        ("Zairean troops", "CODMIL"),
    ],
)
def test_historical_names_and_demonyms_go_to_the_successor_state(text, code):
    assert actor_code(text) == code


def test_anti_names_what_is_opposed_not_the_actor():
    assert actor_code("a prominent anti-Syria journalist") == "MED"
    assert actor_code("anti-government protesters") == "CVL"
    assert actor_code("Syrian journalists") == "SYRMED"
    assert actor_code("East Jerusalem") == "PSE" and actor_code("Jerusalem") == "ISRGOV"
