"""Name normalisation for actor keys, one case per row class of lexicon/name_titles.tsv."""

from __future__ import annotations

import pytest

from dateline.store.actors import actor_key, name_titles, normalise_name


def test_store_name_titles_lexicon_has_every_class():
    assert set(name_titles().values()) == {"honorific", "military", "office", "religious", "connector", "suffix"}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mr. Boris Johnson", "boris johnson"),  # honorific
        ("Second Brigadier General Hamzeh Qalandari", "hamzeh qalandari"),  # military
        ("Secretary of State Mike Pompeo", "mike pompeo"),  # office, with a connector between titles
        ("Of Montreal", "of montreal"),  # a connector first is part of the name
        ("President Donald Trump", "donald trump"),  # office
        ("Ayatollah Ali Khamenei", "ali khamenei"),  # religious
        ("Martin Luther King Jr.", "martin luther king"),  # suffix
        ("José Álvarez", "jose alvarez"),  # accents folded
        ("the President", "president"),  # only titles: nothing left to strip to
        ("John Major", "john major"),  # a title word as a surname stays
    ],
)
def test_store_normalises_person_names(name, key):
    assert normalise_name(name, "person") == key


def test_store_keeps_titles_in_organisation_names():
    assert actor_key("The Defense Ministry", "org") == "org:defense ministry"
    assert actor_key("General Motors", "org") == "org:general motors"
    assert actor_key("General Qalandari", "person") != actor_key("Hamzeh Qalandari", "person")
