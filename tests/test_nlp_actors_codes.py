"""actor_code / country_code / sector_of on real phrases from news text."""

from __future__ import annotations

import pytest

from dateline.nlp.actors import actor_code, country_code, igo_code, is_igo, sector_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Islamic Republic of Iran", "IRN"),
        ("the Islamic Republic", "IRN"),
        ("U.S.-led military alliance", "USA"),
        ("American strength", "USA"),
        ("Tehran", "IRN"),
        ("Palestinians", "PSE"),
        ("the Indian capital of New Delhi", "IND"),
        ("Papua New Guinea", "PNG"),
        ("Equatorial Guinea", "GNQ"),
        ("Latin America", None),
        ("he told us", None),
    ],
)
def test_country_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "role", "code"),
    [
        ("Iran's Defense Minister", None, "IRNMIL"),
        ("German officials", None, "DEUGOV"),
        ("protesters", None, "CVL"),
        ("NATO", None, "NATO"),
        ("Tehran", None, "IRNGOV"),
        ("Serbian protesters", None, "SRBCVL"),
        ("Israeli army", None, "ISRMIL"),
        ("Egyptian police", None, "EGYCOP"),
        ("Fijian rebels", None, "FJIREB"),
        ("Mike Pompeo", "US Secretary of State", "USAGOV"),
        ("Hamzeh Qalandari", "head of the Iranian Defense Ministry division for international affairs", "IRNMIL"),
        ("Steffen Seibert", "German Chancellor Angela Merkel's spokesperson", "DEUGOV"),
        ("Yemeni journalist Nabil Hasan al-Quaety", None, "YEMMED"),
        ("Belarussian opposition presidential candidate", None, "BLROPP"),
    ],
)
def test_actor_code(text, role, code):
    assert actor_code(text, role) == code


def test_sector_prefers_the_specific_word():
    assert sector_of("army spokesman") == "MIL"
    assert sector_of("police chief") == "COP"
    assert sector_of("opposition leader") == "OPP"
    assert sector_of("Second Brigadier General") == "MIL"
    assert sector_of("spokesperson") == "GOV"
    assert sector_of("Martyr") is None


def test_igo_codes():
    assert igo_code("the Shanghai Cooperation Organization (SCO)") == "SCO"
    assert igo_code("U.N. Security Council") == "UNSC"
    assert is_igo("NATO") and not is_igo("IRN") and not is_igo(None)


def test_news_outlets_are_their_country_media():
    assert actor_code("IRNA") == "IRNMED"
    assert actor_code("Reuters") == "GBRMED"
    assert actor_code("the Associated Press") == "USAMED"
