"""Pronoun quote speakers ("…,” he said") resolved to the person the story names, on
news-style paragraphs written for these tests and the real model."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def speakers(nlp):
    def run(text: str) -> list[tuple[str | None, str]]:
        doc = nlp(text)
        return [
            (q["speaker_name"], text[slice(*q["speaker_mention"])]) for q in doc._.dl_quotes if q["speaker_mention"]
        ]

    return run


def test_quoted_sentences_do_not_distance_the_narrators_he(speakers):
    text = (
        "The drought worries Mark Ellison, a farmer in central Iowa. Ellison has grown corn on the same "
        'land for thirty years.\n\n"Prices are falling. Costs keep rising. Nobody in Washington is '
        'listening to us," he said.'
    )
    assert ("Mark Ellison", "he") in speakers(text)


def test_she_after_a_long_quote_is_the_person_named_before_it(speakers):
    text = (
        "Critics include Dana Whitfield, who runs a shelter in Denver.\n\n"
        '"We see more families every week. The beds are full by noon. The city has not added a '
        'single one," she said.'
    )
    assert ("Dana Whitfield", "she") in speakers(text)


def test_a_surname_the_ner_missed_still_carries_he_to_its_person(speakers):
    # The model tags no entity on "Oz" in the last sentence; without it "he" went to Marsh.
    text = (
        "Senators questioned Dr. Mehmet Oz, the television host, on Tuesday. The hearing was opened by "
        "Kevin Marsh, the committee chairman. For years, Oz has been criticised by fellow doctors.\n\n"
        '"I stand by my advice," he said.'
    )
    assert ("Mehmet Oz", "he") in speakers(text)


def test_an_unknown_name_in_between_leaves_he_unresolved(speakers):
    # "Oz" is nobody the article has named; "he" is not given to Marsh, named before him.
    text = (
        "The senator met Kevin Marsh on Tuesday. For years, Oz has been criticised by fellow doctors. "
        'He has promoted diet pills on his show.\n\n"I stand by my advice," he said.'
    )
    assert all(name != "Kevin Marsh" for name, _ in speakers(text))


def test_a_reporting_it_is_the_organisation_that_was_the_last_subject(speakers):
    text = (
        "The World Health Organization warned governments on Tuesday about a new strain of flu. "
        "It said hospitals in the region should prepare for a hard winter."
    )
    assert ("World Health Organization", "It") in speakers(text)


def test_a_reporting_it_after_a_document_stays_unresolved(speakers):
    # "It" is the report, not the organisation named earlier: no entity rather than a guess.
    text = (
        "The World Health Organization published its annual report on Tuesday. "
        "The report runs to 300 pages. It says hospitals in the region should prepare for a hard winter."
    )
    assert ("World Health Organization", "It") not in speakers(text)


def test_they_is_the_last_group_subject_not_the_first(speakers):
    # The nearest-group scoring preferred the main clause's "Democrats"; "they" continues the
    # last plural subject of the narration.
    text = (
        "Democrats want more spending on schools, and Republicans want lower taxes for small firms. "
        "They said the budget office had misread the figures."
    )
    assert ("Republicans", "They") in speakers(text)


def test_they_after_a_plural_that_is_no_entity_stays_unresolved(speakers):
    # "Farm lobbyists" is no entity the story tracks: "they" is not handed to the Democrats.
    text = (
        "Democrats in the state senate passed the water bill on Monday. Farm lobbyists met the governor "
        "on Tuesday. They said the bill would ruin small growers."
    )
    assert (None, "They") in speakers(text)


def test_an_unknown_name_inside_a_quotation_does_not_block_the_narrators_she(speakers):
    # "Wall Street" inside the quotation is no antecedent of the narrator's "she".
    text = (
        "Small lenders are cheating their clients, Senator Joan Pruitt said on Monday. Regulators are slow.\n\n"
        '"The only way Wall Street will trust them again is if someone goes to jail," she said.'
    )
    assert ("Joan Pruitt", "she") in speakers(text)


def test_a_name_that_only_modifies_the_speaker_is_not_the_speaker(speakers):
    # "the Ohio governor" is no mention of Ohio; "a Gallup poll" is Gallup's.
    text = (
        "Mark Doyle toured a steel plant in Toledo, Ohio, on Monday. The Ohio governor said the state "
        "would not raise taxes this year. A Gallup poll released on Tuesday found that most voters agree."
    )
    found = speakers(text)
    assert (None, "The Ohio governor") in found
    assert ("Gallup", "A Gallup poll released on Tuesday") in found or ("Gallup", "A Gallup poll") in found
