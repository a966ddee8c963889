"""Names and times that are not utterances: a film, show or book named in quotation marks inside
a sentence (on a preposition or beside a work noun) is not what the speaker of that sentence said,
while a quoted slogan stays; a date alone is not what was reported (sentences written for these tests)."""

from __future__ import annotations

from tests.quote_helpers import non_partial, span_text


def _contents(nlp, text: str) -> list[tuple[str, str]]:
    """(cue, content hull) of every non-partial quote."""
    return [
        (span_text(text, q["cue"]) or "", text[q["content"][0][0] : q["content"][-1][1]])
        for q in non_partial(nlp, text)
    ]


def test_a_title_on_a_preposition_before_the_cue_is_not_the_quote_its_clause_is(nlp):
    text = (
        "Her first job involved “a messy food fight,” long before the stunt was copied in "
        "“The Grand Budapest Hotel,” the director noted."
    )
    found = _contents(nlp, text)
    assert not any("Budapest" in content and "food" not in content for _, content in found)
    # the cue's own clause is the report, the title inside it
    assert any(cue == "noted" and content.startswith("Her first job") for cue, content in found)


def test_a_quoted_slogan_after_a_colon_is_still_a_quote(nlp):
    text = "The marchers had one message for the governor: “Stop The War.”"
    assert any("Stop The War" in content for _, content in _contents(nlp, text))


def test_a_title_beside_a_work_noun_is_not_the_quote(nlp):
    text = "Jobs at the plant vanished during the recession, the mayor wrote in his memoir, “A Long Road Home.”"
    found = _contents(nlp, text)
    assert not any("Long Road" in content for _, content in found)
    assert ("wrote", "Jobs at the plant vanished during the recession") in found


def test_a_date_alone_is_not_what_was_reported(nlp):
    # the parse takes "on Wednesday" for what was reported on
    assert _contents(nlp, "Several outlets reported on Wednesday.") == []
    found = _contents(nlp, "The governor reported on the flood damage on Wednesday.")
    assert ("reported on", "the flood damage") in found


def test_the_medium_alone_is_not_what_was_said(nlp):
    # the parse takes "on Twitter" for what was responded on
    assert _contents(nlp, "The spokesman responded on Twitter.") == []


def test_a_show_the_cue_runs_into_does_not_go_on_the_quote_before(nlp):
    text = "“We are not done with this fight yet,” the governor said on NBC’s “Meet the Press.”"
    found = _contents(nlp, text)
    assert ("said", "We are not done with this fight yet,") in found
    assert not any("Meet the Press" in content for _, content in found)


def test_a_book_in_the_speakers_apposition_does_not_go_on_the_quote_before(nlp):
    text = (
        "''Voters have long memories about this kind of thing,'' said Ann Miller, the author of ''The Long Campaign.''"
    )
    found = _contents(nlp, text)
    assert ("said", "Voters have long memories about this kind of thing,") in found
    assert not any("Long Campaign" in content for _, content in found)


def test_a_show_after_a_preposition_is_not_the_words_of_the_cue_before_it(nlp):
    text = "Sunday on NBC’s “Meet the Press,” when asked about the flood, the governor said he expected that the state would recover."
    found = _contents(nlp, text)
    assert not any("Meet the Press" in content for _, content in found), found
    assert ("said", "he expected that the state would recover") in found
