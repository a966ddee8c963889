"""Reported-speech constructions beyond a cue verb's that-clause (recall rules of
``nlp/quotes.py``), each on a sentence written for the test, through the real model."""

from __future__ import annotations

from tests.quote_helpers import all_quotes as _quotes
from tests.quote_helpers import reported as _reported


def test_as_aside_reports_the_clause_it_hangs_on(nlp):
    text = "As several tax lawyers have pointed out, the senator is free to publish his returns during an audit."
    assert _reported(nlp, text) == [
        ("the senator is free to publish his returns during an audit", "have pointed out", "several tax lawyers")
    ]


def test_as_aside_of_time_is_not_a_report(nlp):
    text = "As the governor talked about rebuilding the bridge, protesters gathered outside the hall."
    assert all(content != "protesters gathered outside the hall" for content, _, _ in _reported(nlp, text))


def test_belief_verb_with_a_bare_clause(nlp):
    text = "Many accountants suspect the losses were produced by aggressive use of depreciation."
    assert _reported(nlp, text) == [
        ("the losses were produced by aggressive use of depreciation", "suspect", "Many accountants")
    ]


def test_hearer_verb_with_about_reports_the_topic(nlp):
    text = "The moderator asked the governor about his plan for the state pension fund."
    assert _reported(nlp, text) == [
        ("his plan for the state pension fund", "asked the governor about", "The moderator")
    ]


def test_declined_to_comment_is_attributed(nlp):
    text = "A spokesman for the governor declined to comment on the audit."
    assert _reported(nlp, text) == [("to comment on the audit", "declined", "A spokesman for the governor")]


def test_seems_attributes_the_whole_clause_to_no_one(nlp):
    text = "After the vote, the coalition seems to have lost its majority in the upper house."
    assert _reported(nlp, text) == [("the coalition seems to have lost its majority in the upper house", "seems", None)]


def test_seems_inside_a_report_is_not_a_second_quote(nlp):
    text = "The senator said that the coalition seems to have lost its majority."
    assert [cue for _, cue, _ in _reported(nlp, text)] == ["said"]


def test_title_line_cue_verb_reports_the_rest_of_the_title(nlp):
    text = "Governor Vows To Veto Pension Bill.\n\nThe governor spoke to reporters on Monday in the capital."
    assert ("To Veto Pension Bill", "Vows", "Governor") in _reported(nlp, text)


def test_title_line_noun_is_not_a_cue(nlp):
    text = "A Curious Plan to Rebuild the Harbor.\n\nThe city council met on Monday in the old town hall."
    assert all(cue != "Plan" for _, cue, _ in _reported(nlp, text))


def test_title_line_with_a_one_word_source_and_a_colon(nlp):
    text = "Senator: the budget deal will not survive the winter.\n\nThe vote is expected next week."
    assert ("the budget deal will not survive the winter.", ":", "Senator") in _reported(nlp, text)


def test_intent_verb_with_a_gerund_clause(nlp):
    text = "The candidate proposes raising the tax on capital gains to pay for the new schools."
    assert _reported(nlp, text) == [
        ("raising the tax on capital gains to pay for the new schools", "proposes", "The candidate")
    ]


def test_attitude_adjective_with_a_clause(nlp):
    text = "Many farmers are afraid that the new tariffs will close their export markets."
    assert _reported(nlp, text) == [("the new tariffs will close their export markets", "are afraid", "Many farmers")]


def test_attitude_adjective_inside_a_report_is_not_a_second_quote(nlp):
    text = "The mayor said she was critical of the budget."
    assert [cue for _, cue, _ in _reported(nlp, text)] == ["said"]


def test_seeing_something_as_something_is_a_view(nlp):
    text = "Many developers see the old rail yards as wasted space."
    assert _reported(nlp, text) == [("the old rail yards as wasted space", "see", "Many developers")]


def test_light_verb_phrase_names_a_speech_act(nlp):
    text = "The governor took a swipe at the state legislature over the delayed budget."
    assert ("the state legislature over the delayed budget", "took a swipe at", "The governor") in _reported(nlp, text)


def test_light_verb_phrase_with_a_clause(nlp):
    text = "The senator made the case that the treaty would protect American farmers."
    assert _reported(nlp, text) == [("the treaty would protect American farmers", "made the case", "The senator")]


def test_pointed_to_reports_its_object(nlp):
    text = "The governor pointed to the falling crime rate in the capital."
    assert _reported(nlp, text) == [("the falling crime rate in the capital", "pointed to", "The governor")]


def test_described_as_reports_the_object_and_its_description(nlp):
    text = "The mayor described the new stadium as a waste of public money."
    assert _reported(nlp, text) == [("the new stadium as a waste of public money", "described", "The mayor")]


def test_made_it_clear_reports_the_clause(nlp):
    text = "The chairman has made it clear that he will block the merger."
    assert _reported(nlp, text) == [("he will block the merger", "has made it clear", "The chairman")]


def test_voted_to_reports_the_intention(nlp):
    text = "The committee voted to send the resolution to the full House."
    assert _reported(nlp, text) == [("to send the resolution to the full House", "voted", "The committee")]


def test_inverted_aside_the_parser_read_as_a_noun(nlp):
    # The parser makes "show" a noun and "tax records" its compound: no verb rule sees the cue.
    text = "During the same year, tax records show, the company paid no federal income tax."
    assert _reported(nlp, text) == [
        ("During the same year the company paid no federal income tax", "show", "tax records")
    ]


def test_inverted_cue_after_a_long_clause(nlp):
    text = "Secrecy is nothing new when it comes to the senator's finances, his former accountant maintains."
    assert _reported(nlp, text) == [
        ("Secrecy is nothing new when it comes to the senator's finances", "maintains", "his former accountant")
    ]


def test_list_ending_in_a_plural_noun_is_not_an_inverted_cue(nlp):
    # "calls" after "emails and phone" is a noun: a coordinated subject would take "call".
    assert _reported(nlp, "The volunteers handled letters, emails and phone calls.") == []


def test_as_someone_put_it_reports_the_clause_it_hangs_on(nlp):
    text = "The plan, as one economist put it, is a tax cut dressed up as reform."
    assert _reported(nlp, text) == [("The plan is a tax cut dressed up as reform", "put it", "one economist")]


def test_putting_something_down_is_not_a_report(nlp):
    assert _reported(nlp, "As he put it down on the table, the phone rang.") == []


def test_known_for_is_a_reputation_held_by_no_one(nlp):
    text = "The senator is best known for her work on veterans' health care."
    assert _reported(nlp, text) == [
        ("The senator is best known for her work on veterans' health care", "is best known for", None)
    ]


def test_a_thing_known_as_a_name_is_not_a_reputation(nlp):
    assert _reported(nlp, "Hackers from a group known as Cozy Bear broke into the servers.") == []
    assert _reported(nlp, "The plan follows what has become known as the two-state approach.") == []


def test_attitude_clause_glued_under_a_later_verb(nlp):
    # The parser hangs "Harris is optimistic …" as the complement of the later "sees".
    text = "Harris is optimistic about the bill's prospects in the Senate, in part because he sees the votes as there."
    assert ("the bill's prospects in the Senate", "is optimistic about", "Harris") in _reported(nlp, text)


def test_attitude_under_a_later_said_is_that_report(nlp):
    assert _reported(nlp, "Trump is angry about the ruling, he said.") == [
        ("Trump is angry about the ruling", "said", "he")
    ]


def test_point_of_view_aside_attributes_its_clause(nlp):
    text = "The only real fix, in Professor Lane's view, would be a tax on carbon."
    assert _reported(nlp, text) == [
        ("The only real fix would be a tax on carbon", "in Professor Lane's view", "Professor Lane's")
    ]


def test_own_admission_attributes_its_clause(nlp):
    text = "By his own admission, the senator has never read the bill."
    assert _reported(nlp, text) == [("the senator has never read the bill", "By his own admission", "his")]


def test_a_view_that_is_no_aside_is_not_a_report(nlp):
    assert _reported(nlp, "He changed his view of the war after visiting the front.") == []


def test_cue_after_a_long_apposition_is_the_quote_s(nlp):
    # Over 20 words between the closing mark and "said": the subject opens right after the mark.
    text = (
        "“The plan will not survive the winter,” Margaret Ellis, a senior fellow at the Center for Rural "
        "Policy and a former adviser to two governors of the state of Vermont, said of the proposal. "
        "“It asks far too much of the dairy farmers.”"
    )
    quotes = [q for q in _quotes(nlp, text) if q["kind"] == "direct"]
    assert [[text[s:e] for s, e in q["content"]] for q in quotes] == [
        ["The plan will not survive the winter,", "It asks far too much of the dairy farmers."]
    ]


def test_according_to_a_source_read_as_a_verb_phrase(nlp):
    # The parser reads "show insiders" as the verb "show" and its object.
    text = "The anchor ignored the script, according to show insiders."
    assert _reported(nlp, text) == [("The anchor ignored the script", "according to", "show insiders")]


def test_feelings_held_about_something(nlp):
    text = "Many dairy farmers have mixed feelings about the new trade deal."
    assert _reported(nlp, text) == [("the new trade deal", "have mixed feelings about", "Many dairy farmers")]


def test_feelings_toward_and_interest_in(nlp):
    text = "Most voters in the county have negative feelings toward the state legislature."
    assert _reported(nlp, text) == [
        ("the state legislature", "have negative feelings toward", "Most voters in the county")
    ]
    text = "The union had little interest in reopening the contract."
    assert _reported(nlp, text) == [("reopening the contract", "had little interest in", "The union")]


def test_a_question_for_someone_names_the_one_asked(nlp):
    assert _reported(nlp, "She had a question for the governor.") == []


def test_attitude_in_a_relative_clause_of_people(nlp):
    text = "The party lost many young voters who were angry about the war in Iraq."
    assert _reported(nlp, text) == [("the war in Iraq", "were angry about", "who")]


def test_attitude_in_a_relative_clause_of_a_thing_is_not_held(nlp):
    assert _reported(nlp, "The museum, which is proud of its collection, opened a new wing.") == []


def test_hearsay_adverb_reports_its_clause_with_no_source(nlp):
    text = "The ferry company has reportedly cancelled its winter crossings to the island."
    assert ("The ferry company has reportedly cancelled its winter crossings to the island", "reportedly", None) in (
        _reported(nlp, text)
    )
    text = "The guard was fired after he allegedly sold keys to the storeroom."
    assert ("he allegedly sold keys to the storeroom", "allegedly", None) in _reported(nlp, text)


def test_hearsay_adverb_without_a_subject_or_on_a_cue_is_no_report_of_its_own(nlp):
    # a relative clause's subject, and a cue verb whose own report already holds the words
    assert _reported(nlp, "The clerk who allegedly sold the keys was fired on Monday.") == []
    text = "The mayor reportedly said that the bridge would reopen in May."
    assert [cue for _, cue, _ in _reported(nlp, text)] == ["reportedly said"]


def test_a_judgment_received_names_the_one_judged_and_the_one_judging(nlp):
    text = "The new parking fee has drawn sharp criticism from local shop owners."
    assert ("The new parking fee", "has drawn sharp criticism", "local shop owners") in _reported(nlp, text)
    text = "The mayor came under heavy criticism for closing the public library."
    assert ("closing the public library", "came under heavy criticism", None) in _reported(nlp, text)


def test_a_judgment_not_received_is_no_report(nlp):
    # "criticism" as a subject, and "support" (not a judgment noun here) as an object
    text = "The team drew support from local businesses for the new stadium."
    assert _reported(nlp, text) == []


def test_opine_and_reprimand_are_cues(nlp):
    # speech: what the opinion was on; stance: the one rebuked and what for
    text = "Two retired bankers opined on the future of the euro."
    assert _reported(nlp, text) == [("the future of the euro", "opined on", "Two retired bankers")]
    text = "The judge reprimanded the prosecutor for hiding the evidence."
    assert _reported(nlp, text) == [("the prosecutor for hiding the evidence", "reprimanded", "The judge")]


def test_light_verb_phrases_made_no_secret_and_launched_an_attack(nlp):
    text = "The two mayors made no secret of their dislike for the new rail line."
    assert _reported(nlp, text) == [("their dislike for the new rail line", "made no secret of", "The two mayors")]
    text = "The governor launched a fresh attack on the state auditor."
    assert _reported(nlp, text) == [("the state auditor", "launched a fresh attack on", "The governor")]
    # "keep a secret" names no speech act
    assert _reported(nlp, "The coach kept a secret from his players.") == []


def test_a_debate_or_anxiety_about_something(nlp):
    text = "The town has seen a heated debate about the future of its harbour."
    assert _reported(nlp, text) == [("the future of its harbour", "a heated debate about", None)]
    text = "The farmers' anxiety about the new tariffs has grown."
    assert _reported(nlp, text) == [("the new tariffs", "anxiety about", "The farmers")]
    assert _reported(nlp, "The debate lasted three hours.") == []


def test_a_debate_one_has_is_the_subjects(nlp):
    # "had a debate about": the one who has it takes part; "has seen a debate" (above) names no one.
    text = "While having a long debate about the new stadium, the mayor said the budget was tight."
    assert ("the new stadium", "a long debate about", "the mayor") in _reported(nlp, text)


def test_a_speech_noun_before_a_colon_announces_the_words(nlp):
    text = "The union sent the board a clear message: the strike will go on until the pay rise is paid."
    assert _reported(nlp, text) == [
        ("the strike will go on until the pay rise is paid", "sent the board a clear message", "The union")
    ]
    # the words may stand in the next paragraph
    text = "On Monday the mayor made the following statement:\n\nThe bridge will reopen in May.\n\nShe left soon after."
    assert _reported(nlp, text) == [("The bridge will reopen in May", "made the following statement", "the mayor")]
    assert _reported(nlp, "The ferry has a new engine: it runs on gas.") == []


def test_a_stance_on_an_act_named_by_a_gerund_reports_the_act(nlp):
    text = "The governor opposed building a new stadium downtown."
    assert _reported(nlp, text) == [("building a new stadium downtown", "opposed", "The governor")]
    text = "The union backed extending the contract by two years."
    assert _reported(nlp, text) == [("extending the contract by two years", "backed", "The union")]
