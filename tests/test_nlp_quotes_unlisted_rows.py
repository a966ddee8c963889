"""Cue and frame rows added for cues PolNeAR marks that the lexicon lacked (praise, contempt,
wishes, intentions, nominations), each in a sentence of our own, by class; and the same verbs
outside the frame or class that makes them a report giving nothing."""

from __future__ import annotations

import pytest

from tests.quote_helpers import reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stance verbs: the content is the object (or, in the passive, the subject)
        (
            "The senator extolled the virtues of the new rail line.",
            ("the virtues of the new rail line", "extolled", "The senator"),
        ),
        (
            "The young striker has long admired the club's old captain.",
            ("the club's old captain", "has long admired", "The young striker"),
        ),
        (
            "The new rules are reviled by many farmers in the valley.",
            ("The new rules", "are reviled by", "many farmers in the valley"),
        ),
        # praise and blame: the one judged, with what for
        (
            "The judge admonished the lawyers for their constant delays.",
            ("the lawyers for their constant delays", "admonished", "The judge"),
        ),
        (
            "The mayor commended the firefighters for their quick response.",
            ("the firefighters for their quick response", "commended", "The mayor"),
        ),
        (
            "The editorial excoriated the council's new parking plan.",
            ("the council's new parking plan", "excoriated", "The editorial"),
        ),
        (
            "The report faulted the agency for its slow response to the flood.",
            ("the agency for its slow response to the flood", "faulted", "The report"),
        ),
        (
            "The coach has demeaned the young players in public.",
            ("the young players in public", "has demeaned", "The coach"),
        ),
        (
            "The union leader trashed the new pension plan.",
            ("the new pension plan", "trashed", "The union leader"),
        ),
        # official acts of consent and refusal: what was vetoed, overturned or ratified
        ("The governor vetoed the bill on school buses.", ("the bill on school buses", "vetoed", "The governor")),
        (
            "An appeals court overturned the ruling on the new dam.",
            ("the ruling on the new dam", "overturned", "An appeals court"),
        ),
        (
            "Most member states ratified the treaty within a year.",
            ("the treaty within a year", "ratified", "Most member states"),
        ),
        (
            "The new rules permit members to vote by mail.",
            ("members to vote by mail", "permit", "The new rules"),
        ),
        (
            "The court invalidated a key part of the new election law.",
            ("a key part of the new election law", "invalidated", "The court"),
        ),
        (
            "The senator rescinded his endorsement of the mayor.",
            ("his endorsement of the mayor", "rescinded", "The senator"),
        ),
        (
            "The film chronicles the rise of the city's first mayor.",
            ("the rise of the city's first mayor", "chronicles", "The film"),
        ),
        (
            "The proposal was seconded by two members of the board.",
            ("The proposal", "was seconded by", "two members of the board"),
        ),
        (
            "Several shipping firms flout the new safety rules.",
            ("the new safety rules", "flout", "Several shipping firms"),
        ),
        # speech verbs: what was propounded, clarified, specified or asked about
        (
            "The professor is propounding a theory about the old harbour.",
            ("a theory about the old harbour", "is propounding", "The professor"),
        ),
        (
            "The mayor hardly clarified her plans for the harbour.",
            ("her plans for the harbour", "hardly clarified", "The mayor"),
        ),
        (
            "The contract does not specify the price of the land.",
            ("the price of the land", "does not specify", "The contract"),
        ),
        (
            "Several reporters queried the minister about the delays.",
            ("the minister about the delays", "queried", "Several reporters"),
        ),
        # belief verbs: a bare clause (a that-clause any verb reports already)
        (
            "The coach realized the season was already lost.",
            ("the season was already lost", "realized", "The coach"),
        ),
        (
            "The engineers surmised the crack had grown over the winter.",
            ("the crack had grown over the winter", "surmised", "The engineers"),
        ),
        (
            "The researchers hypothesized turnout would fall in the cities.",
            ("turnout would fall in the cities", "hypothesized", "The researchers"),
        ),
        # speech verbs: what was affirmed, professed, agreed with or gushed about
        (
            "The minister affirmed his support for the new port.",
            ("his support for the new port", "affirmed", "The minister"),
        ),
        (
            "The judges concurred with the ruling of the lower court.",
            ("the ruling of the lower court", "concurred with", "The judges"),
        ),
        (
            "The young driver professed his innocence to the court.",
            ("his innocence to the court", "professed", "The young driver"),
        ),
        (
            "The actress gushed about the new theatre in the harbour.",
            ("the new theatre in the harbour", "gushed about", "The actress"),
        ),
        (
            "The minister instead restated his support for the new port.",
            ("his support for the new port", "instead restated", "The minister"),
        ),
        (
            "The school is informing parents about the new timetable.",
            ("parents about the new timetable", "is informing", "The school"),
        ),
        (
            "The mayor regrets her remarks about the fishermen.",
            ("her remarks about the fishermen", "regrets", "The mayor"),
        ),
        (
            "The party suddenly renounced its old platform on trade.",
            ("its old platform on trade", "suddenly renounced", "The party"),
        ),
        (
            "Most fishermen cherish their independence from the big firms.",
            ("their independence from the big firms", "cherish", "Most fishermen"),
        ),
        (
            "The witness later recanted her earlier account of the crash.",
            ("her earlier account of the crash", "later recanted", "The witness"),
        ),
        (
            "The newspaper retracted the allegation against the mayor.",
            ("the allegation against the mayor", "retracted", "The newspaper"),
        ),
        # a prediction held: what is foreseen
        (
            "The planners foresee a sharp rise in traffic on the bridge.",
            ("a sharp rise in traffic on the bridge", "foresee", "The planners"),
        ),
        # intent verbs: the to-clause, or what is contemplated
        (
            "Both teams strive to keep their training sessions private.",
            ("to keep their training sessions private", "strive", "Both teams"),
        ),
        (
            "The governor would like to finish the bridge before the winter.",
            ("to finish the bridge before the winter", "would like", "The governor"),
        ),
        (
            "The mayor contemplated a second run for the office.",
            ("a second run for the office", "contemplated", "The mayor"),
        ),
        # speech verbs: what was retweeted, as for "tweet"
        (
            "The mayor retweeted a photo of the flooded harbour.",
            ("a photo of the flooded harbour", "retweeted", "The mayor"),
        ),
        (
            "The former mayor is eyeing a run for the Senate.",
            ("a run for the Senate", "is eyeing", "The former mayor"),
        ),
        ("The senator is mulling a bid for governor.", ("a bid for governor", "is mulling", "The senator")),
        (
            "Many farmers yearn for a return to the old rules.",
            ("a return to the old rules", "yearn for", "Many farmers"),
        ),
        # frame rows: "nominate X for Y" (the span), "shrug off X" (the object)
        (
            "The party nominated the former governor for the Senate seat.",
            ("the former governor for the Senate seat", "nominated", "The party"),
        ),
        (
            "Several fishermen sounded off on the new quota rules.",
            ("the new quota rules", "sounded off on", "Several fishermen"),
        ),
        (
            "The family is leaning toward the cheaper option.",
            ("the cheaper option", "is leaning toward", "The family"),
        ),
        (
            "The singer campaigned for the young senator in Ohio.",
            ("the young senator in Ohio", "campaigned for", "The singer"),
        ),
        (
            "The governor shrugged off the attacks from his rivals.",
            ("the attacks from his rivals", "shrugged off", "The governor"),
        ),
        # frame rows: taking a side ("side with X"), objecting ("object to X"), an example held up
        # ("hold up X as Y", the span) and talk at length ("hold forth on X")
        (
            "The judge sided with the fishermen in the dispute over the harbour.",
            ("the fishermen", "sided with", "The judge"),
        ),
        (
            "Several neighbours objected to the plans for a new car park.",
            ("the plans for a new car park", "objected to", "Several neighbours"),
        ),
        (
            "The mayor held up the bridge as a symbol of the city.",
            ("the bridge as a symbol of the city", "held up", "The mayor"),
        ),
        (
            "The mayor began to hold forth on the history of the harbour.",
            ("the history of the harbour", "began to hold forth on", "The mayor"),
        ),
        # frame rows: what a poll's respondents approve or disapprove of
        (
            "Most voters approve of the mayor's handling of the flood.",
            ("the mayor's handling of the flood", "approve of", "Most voters"),
        ),
        (
            "A majority of farmers still disapproves of the new water rules.",
            ("the new water rules", "still disapproves of", "A majority of farmers"),
        ),
    ],
)
def test_new_rows_report(nlp, text, expected):
    assert reported(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # "like" is a wish only with a to-clause: liking a thing is no report
        "The coach likes fresh bread with his soup.",
        # "nominate" reports only with "for": a count of nominees is no report
        "The party nominated three candidates.",
        # a belief is a clause: realizing a thing is no report
        "The builders realized their mistake.",
        # "hold up" reports only with "as": lifting a sign is no report
        "The mayor held up the sign.",
        # "approve" reports only with "of": a board approving a budget is an act, no report
        "The board did not approve the budget.",
    ],
)
def test_the_same_verbs_outside_their_frame_report_nothing(nlp, text):
    assert reported(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Many farmers are not enamored of the new water rules.",
            ("the new water rules", "are not enamored of", "Many farmers"),
        ),
        (
            "Few voters are impressed with the governor's new budget.",
            ("the governor's new budget", "are impressed with", "Few voters"),
        ),
        ("Small shops are leery of the new card fees.", ("the new card fees", "are leery of", "Small shops")),
        (
            "The mayor was not shy about her plans for the harbour.",
            ("her plans for the harbour", "was not shy about", "The mayor"),
        ),
        (
            "The union is supportive of the new pension deal.",
            ("the new pension deal", "is supportive of", "The union"),
        ),
        (
            "The director is unapologetic about the film's ending.",
            ("the film's ending", "is unapologetic about", "The director"),
        ),
        (
            "The minister was upfront about the cost of the bridge.",
            ("the cost of the bridge", "was upfront about", "The minister"),
        ),
        (
            "Many farmers are uneasy about the new water rules.",
            ("the new water rules", "are uneasy about", "Many farmers"),
        ),
        ("The villagers are distrustful of the new mayor.", ("the new mayor", "are distrustful of", "The villagers")),
        (
            "The builders are conscious of the cost of the bridge.",
            ("the cost of the bridge", "are conscious of", "The builders"),
        ),
        (
            "The owners are not sanguine about the harvest.",
            ("the harvest", "are not sanguine about", "The owners"),
        ),
        (
            "The teachers are mindful of the risks of the school trip.",
            ("the risks of the school trip", "are mindful of", "The teachers"),
        ),
        (
            "The company was not forthcoming with details of the spill.",
            ("details of the spill", "was not forthcoming with", "The company"),
        ),
        (
            "The new owner is bent on moving the club to another city.",
            ("moving the club to another city", "is bent on", "The new owner"),
        ),
    ],
)
def test_new_attitude_adjectives_report_their_topic(nlp, text, expected):
    # adjective rows: an attitude after a linking verb, its prepositional object the content
    assert reported(nlp, text) == [expected]


def test_an_attitude_adjective_with_no_topic_reports_nothing(nlp):
    assert reported(nlp, "The children were shy at the party.") == []
    assert reported(nlp, "The branch was bent by the wind.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The union is throwing its support behind the mayor's housing plan.",
            ("the mayor's housing plan", "is throwing its support behind", "The union"),
        ),
        (
            "The farmers threw their support to the young candidate.",
            ("the young candidate", "threw their support to", "The farmers"),
        ),
    ],
)
def test_support_thrown_behind_or_to_someone_when_the_parser_hangs_the_preposition_on_the_verb(nlp, text, expected):
    assert reported(nlp, text) == [expected]


def test_throwing_a_thing_behind_something_is_no_report(nlp):
    assert reported(nlp, "The coach threw the ball behind the goal.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bishop's firm rejection of the new school rules surprised the parents.",
            ("the new school rules", "firm rejection of", "The bishop's"),
        ),
        (
            "Their condemnation of the harbour tax came within hours.",
            ("the harbour tax", "condemnation of", "Their"),
        ),
        (
            "The mayor's disapproval of the stadium plan is well known.",
            ("the stadium plan", "disapproval of", "The mayor's"),
        ),
        (
            "The author's portrayal of the old fishing town drew many readers.",
            ("the old fishing town", "portrayal of", "The author's"),
        ),
        (
            "The coach's dislike for long training camps is no secret.",
            ("long training camps", "dislike for", "The coach's"),
        ),
        (
            "The farmers' aversion to new fences has slowed the project.",
            ("new fences", "aversion to", "The farmers"),
        ),
        ("The captain's account of the storm differs from the log.", ("the storm", "account of", "The captain's")),
        (
            "The magazine's celebration of the town's old bakers sold well.",
            ("the town's old bakers", "celebration of", "The magazine's"),
        ),
    ],
)
def test_judgment_nouns_report_their_of_object_with_the_possessor_as_source(nlp, text, expected):
    # stance noun rows: the noun's "of" object is the content when a possessor says whose it is
    assert reported(nlp, text) == [expected]


def test_a_judgment_noun_with_no_possessor_reports_nothing(nlp):
    # without a possessor the holder is unknown: "the rejection of X" is no one's report
    assert reported(nlp, "The rejection of the new school rules surprised the parents.") == []
    assert reported(nlp, "She posted the photo on her Twitter account on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Several hospitals are raising alarms about the cost of the new drugs.",
            ("the cost of the new drugs", "are raising alarms about", "Several hospitals"),
        ),
        (
            "The union has lobbed sharp criticisms of the new pension rules.",
            ("the new pension rules", "has lobbed sharp criticisms of", "The union"),
        ),
        (
            "Many parents were quick to place the blame on the school board.",
            ("the school board", "were quick to place the blame on", "Many parents"),
        ),
        (
            "The mayor gave the young candidate a warm endorsement of her housing plan.",
            ("her housing plan", "gave the young candidate a warm endorsement of", "The mayor"),
        ),
        (
            "The farmers filed a complaint for damages against the water board.",
            ("damages against the water board", "filed a complaint for", "The farmers"),
        ),
        (
            "The rival camp tried to sow doubts about the mayor's record.",
            ("the mayor's record", "tried to sow doubts about", "The rival camp"),
        ),
        (
            "The reporter raised the issue of the missing funds.",
            ("the missing funds", "raised the issue of", "The reporter"),
        ),
        (
            "The old fisherman made his prediction of who would win the race.",
            ("who would win the race", "made his prediction of", "The old fisherman"),
        ),
        (
            "The coach gave a long answer about the new training plan.",
            ("the new training plan", "gave a long answer about", "The coach"),
        ),
        (
            "The author gave a few hints of her next novel.",
            ("her next novel", "gave a few hints of", "The author"),
        ),
        (
            "The bishop gives regular speeches on the housing shortage.",
            ("the housing shortage", "gives regular speeches on", "The bishop"),
        ),
        (
            "The mayor delivered a sharp critique of the new harbour plan.",
            ("the new harbour plan", "delivered a sharp critique of", "The mayor"),
        ),
        (
            "The strong harvest gives the farmers reason for hope.",
            ("hope", "gives the farmers reason for", "The strong harvest"),
        ),
        ("The chef gave a preview of the new winter menu.", ("the new winter menu", "gave a preview of", "The chef")),
        (
            "The union is mounting a public attack on the new pension rules.",
            ("the new pension rules", "is mounting a public attack on", "The union"),
        ),
    ],
)
def test_light_verb_phrase_rows_report_their_prepositional_object(nlp, text, expected):
    assert reported(nlp, text) == [expected]


def test_irritated_as_an_attitude_adjective_reports_its_topic(nlp):
    assert reported(nlp, "The fishermen were irritated about the new quota rules.") == [
        ("the new quota rules", "were irritated about", "The fishermen")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hope is that the new bridge will bring more visitors to the town.",
            ("the new bridge will bring more visitors to the town", "The hope", None),
        ),
        (
            "There is no evidence that the new fence has kept the deer out.",
            ("the new fence has kept the deer out", "no evidence", None),
        ),
        ("There is no doubt that the harbour needs a new pier.", ("the harbour needs a new pier", "no doubt", None)),
        (
            "The feeling that the village was forgotten spread among the farmers.",
            ("the village was forgotten", "The feeling", None),
        ),
        (
            "The coach's response was that the players needed more rest.",
            ("the players needed more rest", "response", "The coach's"),
        ),
        (
            "The joke in the office was that the printer had a mind of its own.",
            ("the printer had a mind of its own", "The joke", None),
        ),
        ("Reports that the mill would close worried the workers.", ("the mill would close", "Reports", None)),
        (
            "The assumption that prices would fall turned out to be wrong.",
            ("prices would fall", "The assumption", None),
        ),
        (
            "The move was a signal that the company would stay in the town.",
            ("the company would stay in the town", "a signal", None),
        ),
        (
            "The vote was a tacit recognition that the old plan had failed.",
            ("the old plan had failed", "a tacit recognition", None),
        ),
        (
            "The coach's point was that the team needed a new goalkeeper.",
            ("the team needed a new goalkeeper", "point", "The coach's"),
        ),
        (
            "A common refrain in the village is that the bus never comes on time.",
            ("the bus never comes on time", "A common refrain", None),
        ),
        (
            "Her advice was that the town should sell the old mill.",
            ("the town should sell the old mill", "advice", "Her"),
        ),
    ],
)
def test_belief_and_speech_nouns_report_their_that_clause(nlp, text, expected):
    # noun rows: the noun's that-clause (or, as the subject of "is", the clause after it)
    assert reported(nlp, text) == [expected]


def test_a_belief_noun_with_no_clause_reports_nothing(nlp):
    assert reported(nlp, "The farmers lost hope after the long drought.") == []
    assert reported(nlp, "The bus stopped at the point where the road ends.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The scandal begged the question of whether the board had known all along.",
            ("whether the board had known all along", "begged the question of", "The scandal"),
        ),
        (
            "The comedian made jokes about the new parking rules.",
            ("the new parking rules", "made jokes about", "The comedian"),
        ),
        (
            "The museum released a list of the paintings it plans to sell.",
            ("the paintings it plans to sell", "released a list of", "The museum"),
        ),
        (
            "Both leaders gave diplomatic assurances that they would work with the winner.",
            ("they would work with the winner", "gave diplomatic assurances", "Both leaders"),
        ),
        (
            "Few voters think of the old mayor as a reformer.",
            ("the old mayor as a reformer", "think of", "Few voters"),
        ),
        (
            "The mayor has positioned herself as a friend of small business.",
            ("herself as a friend of small business", "has positioned", "The mayor"),
        ),
        (
            "The senator later walked back his comments on the new tax.",
            ("his comments on the new tax", "later walked back", "The senator"),
        ),
        (
            "The coach brushed off the criticism of his young team.",
            ("the criticism of his young team", "brushed off", "The coach"),
        ),
        ("The senator brushed off these concerns.", ("these concerns", "brushed off", "The senator")),
        (
            "Local farmers scoffed at the idea of a new canal.",
            ("the idea of a new canal", "scoffed at", "Local farmers"),
        ),
        (
            "The governor appointed her to the state supreme court.",
            ("her to the state supreme court", "appointed", "The governor"),
        ),
        (
            "The club named three new members to its board.",
            ("three new members to its board", "named", "The club"),
        ),
        # a frame's particle that the parser reads as an adverb ("forth", "back") still fills it
        (
            "The old mayor held forth on a wide range of topics.",
            ("a wide range of topics", "held forth on", "The old mayor"),
        ),
    ],
)
def test_construction_rows_report_what_the_phrase_is_about(nlp, text, expected):
    assert reported(nlp, text) == [expected]


def test_thinking_of_or_positioning_without_as_reports_nothing(nlp):
    assert reported(nlp, "She thought of her brother all evening.") == []
    assert reported(nlp, "The company positioned the cameras near the gate.") == []
    assert reported(nlp, "The hikers walked back to the car.") == []
    assert reported(nlp, "They named their dog Rex.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The remark worried some analysts and activists.",
            ("The remark", "worried", "some analysts and activists"),
        ),
        (
            "The new parking rules have angered many local voters.",
            ("The new parking rules", "have angered", "many local voters"),
        ),
    ],
)
def test_a_feeling_stirred_in_people_is_their_view_of_what_stirred_it(nlp, text, expected):
    assert reported(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "He angered the neighbours.",  # a person's doing
        "The plan could annoy voters.",  # not said to have happened
        "The rain has upset the early forecasts.",  # no one feels it
    ],
)
def test_a_feeling_verb_reports_nothing_without_a_thing_felt_about_by_people(nlp, text):
    assert reported(nlp, text) == []
