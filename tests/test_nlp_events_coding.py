"""Event coding rules, each shown on a real news-style sentence through the real model."""

from __future__ import annotations

import pytest

from dateline.core import extract
from dateline.records import Article, Event, short_id


def events_of(nlp, text: str, published: str | None = "2023-05-10") -> list[Event]:
    article = Article(id=short_id(text), text=text, published=published)
    return list(extract(article, nlp).events)


def only(nlp, text: str, **kw) -> Event:
    found = events_of(nlp, text, **kw)
    assert len(found) == 1, [(e.type, e.cameo) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "cameo_root"),
    [
        ("Egypt and Jordan signed a trade agreement in Cairo on Sunday.", "SUPPORT", "05"),
        ("Kenya granted asylum to 40 Ethiopian journalists, the interior ministry said.", "AID", "07"),
        ("Chilean police arrested dozens of students during a march in Santiago.", "COERCE", "17"),
        ("Rebels shelled the northern city of Goma overnight, killing six civilians.", "ASSAULT", "19"),
        ("Poland condemned the missile strike on the Ukrainian capital.", "ACCUSE", "11"),
        ("Thousands of nurses staged a strike in London to demand better pay.", "PROTEST", "14"),
        ("The European Union imposed sanctions on three Russian banks.", "SANCTION", "16"),
    ],
)
def test_plain_acts_are_coded_with_their_type(nlp, text, kind, cameo_root):
    event = only(nlp, text)
    assert event.type == kind
    assert event.cameo and event.cameo.startswith(cameo_root)
    assert event.goldstein is not None and event.quad_class in (1, 2, 3, 4)


def test_governing_verb_absorbs_its_complement(nlp):
    event = only(nlp, "Turkey threatened to cut off water supplies to Syria.")
    assert event.type == "THREATEN" and event.source_codes == ("TUR",)
    assert "SYR" in event.target_codes


def test_a_rejected_request_is_one_reject(nlp):
    event = only(nlp, "Serbia rejected a Croatian request to extradite the former general.")
    assert event.type == "REJECT" and event.source_codes == ("SRB",)


def test_future_cooperation_is_agree(nlp):
    event = only(nlp, "Japan will provide 20 million dollars of food aid to Sudan, officials said.")
    assert event.type == "AGREE" and event.cameo == "033"
    assert event.source_codes == ("JPN",) and event.target_codes == ("SDN",)


def test_future_hostile_act_is_a_threat(nlp):
    event = only(nlp, "Farmers said they would blockade the capital next week.")
    assert event.type == "THREATEN" and event.mode == "restrict"


def test_refusing_to_yield_is_reject(nlp):
    event = only(nlp, "Iranian officials said the nation will never yield to foreign pressure.")
    assert event.type == "REJECT" and event.mode == "yield"
    assert event.source_codes == ("IRN",)


def test_negated_and_hypothetical_acts_are_not_coded(nlp):
    assert events_of(nlp, "The army did not attack the village.") == []
    assert [e.type for e in events_of(nlp, "Peru warned it may sever ties if Ecuador attacks its border posts.")] != [
        "ASSAULT"
    ]


def test_must_clause_under_a_speech_verb_is_a_request(nlp):
    event = only(nlp, "The French president said Iraq must cooperate fully with UN inspectors.")
    assert event.type == "REQUEST"
    assert event.source_codes == ("FRAGOV",) and event.target_codes == ("IRQ",)


def test_passive_agent_is_the_source(nlp):
    event = only(nlp, "Two Afghan soldiers were killed by Taliban fighters in Kabul on Monday.")
    assert event.type == "ASSAULT"
    assert event.target_codes == ("AFGMIL",)
    assert event.where and event.where.name == "Kabul" and event.where.country == "AFG"
    assert event.when and event.when.value == "2023-05-08"


def test_pronoun_actor_takes_the_speaker(nlp):
    event = only(nlp, "Hungary said it will support the resolution.")
    assert event.type == "AGREE" and event.source_codes == ("HUN",)


def test_date_of_the_reporting_verb_is_not_the_event_date(nlp):
    event = only(nlp, "Lebanon complained to the United Nations over an Israeli air raid, officials said on Monday.")
    assert event.type == "ACCUSE" and event.when is None


def test_spans_point_at_the_article_text(nlp):
    text = "Chilean police arrested dozens of students during a march in Santiago."
    event = only(nlp, text)
    assert event.trigger and event.trigger.of(text) == "arrested"
    assert event.evidence.of(text).startswith("Chilean police arrested")


def test_a_vow_of_harm_is_a_threat(nlp):
    event = only(nlp, "The Syrian army vowed to retaliate against Israel for the air strikes.")
    assert event.type == "THREATEN" and event.mode == "violence"
    assert event.source_codes == ("SYRMIL",) and event.target_codes == ("ISR",)


def test_event_noun_carried_by_a_light_verb(nlp):
    event = only(nlp, "Germany expressed support for the Ukrainian government on Tuesday.")
    assert event.type == "SUPPORT" and event.source_codes == ("DEU",)
    assert event.when and event.when.value == "2023-05-09"


def test_content_of_a_plan_is_not_an_event(nlp):
    found = events_of(nlp, "Ghana rejected a proposal to deport 300 Nigerian traders.")
    assert [e.type for e in found] == ["REJECT"]


def test_commitment_to_a_course_is_agree(nlp):
    event = only(nlp, "The finance minister said Vietnam is committed to opening up its economy.")
    assert event.type == "AGREE" and event.source_codes == ("VNM",)


def test_travel_for_talks_is_consult(nlp):
    event = only(nlp, "Indian and Chinese diplomats returned to Beijing for talks on the border dispute.")
    assert event.type == "CONSULT"
    assert {"IND", "CHN"} <= {c[:3] for c in event.source_codes}
