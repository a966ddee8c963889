"""The rules that bound cues, sources and content as PolNeAR (PARC) does, each on a real-style
news sentence through the real model: auxiliaries in cues, apposition commas in sources,
parenthetical cues, passive cues, prepositions after cues."""

from __future__ import annotations

from tests.quote_helpers import by_cue as _by_cue
from tests.quote_helpers import non_partial as _quotes
from tests.quote_helpers import span_text as _of


def test_cue_holds_its_auxiliaries_and_adverbs(nlp):
    text = "The senator has repeatedly warned that the trade deal would cost jobs in Ohio."
    q = _by_cue(nlp, text, "has repeatedly warned")
    assert _of(text, q["content"][0]) == "the trade deal would cost jobs in Ohio"


def test_parenthetical_cue_reports_both_sides(nlp):
    text = "The museum, Mr. Obama said, would make visitors face uncomfortable truths."
    q = _by_cue(nlp, text, "said")
    assert [_of(text, c) for c in q["content"]] == ["The museum", "would make visitors face uncomfortable truths"]
    assert _of(text, q["speaker_mention"]) == "Mr. Obama"


def test_source_apposition_keeps_its_closing_comma(nlp):
    text = "Douglas Holtz-Eakin, an economist and tax expert, said the plan would add to the deficit."
    q = _by_cue(nlp, text, "said")
    assert _of(text, q["speaker_mention"]) == "Douglas Holtz-Eakin, an economist and tax expert,"
    assert q["speaker_name"] == "Douglas Holtz-Eakin"


def test_relative_pronoun_is_the_source_and_the_noun_the_speaker(nlp):
    text = "Reporters questioned Senator Elizabeth Warren, who said the bank had failed its customers."
    q = _by_cue(nlp, text, "said")
    assert _of(text, q["speaker_mention"]) == "who"
    assert q["speaker_name"] and "Warren" in q["speaker_name"]


def test_passive_cue_attributes_its_subject_to_the_agent(nlp):
    text = "The registration problem was first reported by The Washington Post."
    q = _by_cue(nlp, text, "was first reported by")
    assert _of(text, q["content"][0]) == "The registration problem"
    assert _of(text, q["speaker_mention"]) == "The Washington Post"


def test_passive_subject_is_not_the_speaker(nlp):
    text = "Peacekeepers have often been accused of abusing civilians in the region."
    assert all(_of(text, q["speaker_mention"]) != "Peacekeepers" for q in _quotes(nlp, text))


def test_preposition_after_the_cue_belongs_to_the_cue(nlp):
    text = "Trump called for a special prosecutor to investigate the foundation."
    q = _by_cue(nlp, text, "called for")
    assert _of(text, q["content"][0]).startswith("a special prosecutor")


def test_by_saying_clause_speaks_for_the_main_subject(nlp):
    text = "Clinton responded to the attack by saying that the plan was reckless and dangerous."
    q = _by_cue(nlp, text, "saying")
    assert _of(text, q["speaker_mention"]) == "Clinton"


def test_quote_opening_inside_the_reported_clause_keeps_its_subject(nlp):
    text = 'Obama said transparency "breaks down barriers and brings progress."'
    q = _by_cue(nlp, text, "said")
    assert _of(text, q["content"][0]).startswith("transparency")


def test_quoted_title_is_not_a_claim(nlp):
    text = "As the host of “The Apprentice Season Two,” Trump repeatedly demeaned contestants."
    assert all("Apprentice" not in (_of(text, q["content"][0]) or "") for q in _quotes(nlp, text))


def test_quoted_words_are_never_the_speaker(nlp):
    # The parser takes the last quoted sentence as the subject of "said".
    text = (
        "“He would be a great senator. Not good, great. One of the brightest members of the entire"
        " Congress,” Rep. Elijah E. Cummings said."
    )
    q = _by_cue(nlp, text, "said")
    assert _of(text, q["speaker_mention"]) == "Rep. Elijah E. Cummings"
