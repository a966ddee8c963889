"""Recipients read where the sentence names them, and judgements voiced in quotes.

Each rule on a news-style sentence through the real model: a preposition under a conjoined
object, a purpose clause, an act noun's "of", a complaint's subject matter before its audience,
a material act's place, named groups and leaders, and a speaker's verdict on an actor.
"""

from __future__ import annotations

from dateline.core import extract
from dateline.records import Article, Event, Extraction, short_id


def extraction(nlp, text: str) -> Extraction:
    return extract(Article(id=short_id(text), text=text, published="2023-05-10"), nlp)


def only(nlp, text: str) -> Event:
    found = extraction(nlp, text).events
    assert len(found) == 1, [(e.type, e.source_codes, e.target_codes) for e in found]
    return found[0]


def test_preposition_under_a_conjoined_object(nlp):
    v = only(
        nlp, "Government forces launched artillery and rocket fire against Houthi positions near the Saudi border."
    )
    assert v.type == "ASSAULT" and v.target_codes == ("YEMREB",)


def test_purpose_clause_names_the_recipient(nlp):
    v = only(nlp, "Japan agreed to send engineers to help rebuild Iraq.")
    assert v.source_codes == ("JPN",) and v.target_codes == ("IRQ",)


def test_an_act_nouns_of_object_is_its_recipient(nlp):
    v = only(nlp, "Turkey tightened its blockade of Armenia on Monday.")
    assert v.source_codes == ("TUR",) and v.target_codes == ("ARM",)


def test_a_complaint_is_about_its_subject_matter_not_its_audience(nlp):
    v = only(nlp, "Iraq complained to the Security Council over Turkish air strikes.")
    assert v.type == "ACCUSE" and v.source_codes == ("IRQ",) and v.target_codes == ("TUR",)


def test_a_material_act_with_no_named_recipient_is_done_to_its_place(nlp):
    v = only(nlp, "Rebels set off two car bombs in Mosul on Sunday.")
    assert v.type == "ASSAULT" and v.target_codes == ("IRQ",)
    assert v.source_codes == ("IRQREB",)  # the rebels' country is the place's


def test_a_verbal_act_does_not_take_its_venue_as_recipient(nlp):
    x = extraction(nlp, "Egypt demanded an inquiry at a meeting in Geneva on Monday.")
    requests = [v for v in x.events if v.type == "REQUEST"]
    assert requests and all(v.source_codes == ("EGY",) and not v.target_codes for v in requests)


def test_named_groups_and_leaders_are_coded(nlp):
    v = only(nlp, "Hamas fighters fired rockets at Israel on Sunday.")
    assert v.source_codes == ("PSEREB",) and v.target_codes == ("ISR",)
    v = only(nlp, "Putin offered to hold talks with Zelensky.")
    assert v.source_codes == ("RUSGOV",) and v.target_codes == ("UKRGOV",)


def test_a_speakers_verdict_on_an_actor_is_an_accusation(nlp):
    x = extraction(
        nlp, "“America's power is eroding,” Iranian Foreign Minister Hossein Amir-Abdollahian said on Monday."
    )
    (v,) = [e for e in x.events if e.type == "ACCUSE"]
    speaker = next(q for q in x.quotes if q.id == v.quote).speaker
    assert v.source == (speaker,) and v.source_codes == ("IRNGOV",) and v.target_codes == ("USA",)
    assert v.cameo == "111"


def test_a_decline_outside_any_quote_is_no_judgement(nlp):
    assert extraction(nlp, "The rebels' strength waned after the winter.").events == ()


def test_a_date_is_no_recipient_and_the_purpose_names_one(nlp):
    v = only(nlp, "Tunisian workers began a general strike on Monday to protest against Italy's new visa rules.")
    assert v.type == "PROTEST" and v.source_codes == ("TUNLAB",) and v.target_codes == ("ITA",)


def test_a_stated_stance_names_its_target(nlp):
    v = only(nlp, "Thousands of students blocked roads in Nairobi in defiance of the Kenyan police.")
    assert v.type == "PROTEST" and v.target_codes == ("KENCOP",)


def test_stopping_an_act_is_done_to_its_agent(nlp):
    v = only(nlp, "Belgian police dispersed a rally staged by farmers outside parliament.")
    assert v.type == "COERCE" and v.source_codes == ("BELCOP",) and v.target_codes == ("BELAGR",)


def test_the_one_asked_in_a_that_clause_may_be_a_named_group(nlp):
    v = only(nlp, "The United States demanded that Hezbollah disarm its fighters near Israel.")
    assert v.type == "REQUEST" and v.source_codes == ("USA",) and v.target_codes == ("LBNREB",)


def test_the_one_allowed_to_act_is_the_recipient(nlp):
    v = only(nlp, "The Kenyan court allowed Somali refugees to stay in Dadaab.")
    assert v.type == "CONCEDE" and v.source_codes == ("KENJUD",) and v.target_codes == ("SOMREF",)


def test_a_when_clause_places_the_act(nlp):
    x = extraction(nlp, "Two gunmen killed four people on Friday when they opened fire in a market in Kano.")
    v = next(e for e in x.events if e.type == "ASSAULT" and e.cameo == "1823")
    assert v.where and v.where.country == "NGA"
    assert v.source_codes == ("NGAUAF",) and v.target_codes == ("NGACVL",)


def test_a_mediator_acts_on_the_parties_between_whom_it_mediates(nlp):
    v = only(nlp, "Egypt launched a mediation effort on Sunday between Israel and Hamas.")
    assert v.cameo == "045" and v.source_codes == ("EGY",) and v.target_codes == ("ISR", "PSEREB")


def test_an_attack_by_no_named_actor_is_by_an_unidentified_armed_force_of_its_place(nlp):
    v = only(nlp, "Two police officers were killed by a roadside bomb outside the city of Kandahar on Monday.")
    assert v.type == "ASSAULT" and v.source == () and v.source_codes == ("AFGUAF",)
    assert v.target_codes == ("AFGCOP",)


def test_a_clause_with_actors_of_its_own_lends_no_recipient(nlp):
    x = extraction(
        nlp, "Sudan lifted the state of emergency in Darfur on Sunday as police in Chad arrested Chadian smugglers."
    )
    v = next(e for e in x.events if e.type == "CONCEDE")
    assert v.source_codes == ("SDN",) and v.target_codes == ("SDN",)  # Darfur, not the Chadians


def test_a_withdrawal_is_from_a_place(nlp):
    v = only(nlp, "Britain speeded up the withdrawal of its troops from Basra on Tuesday.")
    assert v.type == "RETREAT" and v.source_codes == ("GBR",) and v.target_codes == ("IRQ",)


def test_condemned_as_a_crime_the_act_of_someone(nlp):
    v = only(nlp, "Poland on Monday condemned as a war crime Russia's shelling of Kharkiv.")
    assert v.type == "ACCUSE" and v.source_codes == ("POL",) and v.target_codes == ("RUS",)


def test_a_protests_demand_names_whom_it_is_against(nlp):
    v = only(nlp, "Kenyan students rioted after a rally calling for the resignation of President William Ruto.")
    assert v.type == "PROTEST" and v.source_codes == ("KENEDU",) and v.target_codes == ("KENGOV",)
