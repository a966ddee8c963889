"""An event asserted inside a quote links to that quote: "Z says X did Y" is not "X did Y"."""

from __future__ import annotations

from dateline.nlp.events import EventCoder


def test_event_inside_quote_content_links_to_the_quote(nlp):
    text = 'Ukraine accused Moscow of lying. "Russian troops shelled Kharkiv overnight," the governor said.'
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:
        if not isinstance(pipe, EventCoder):
            doc = pipe(doc)
    start = text.index("Russian troops")
    # What the quotes component writes: content spans and who said it.
    doc._.dl_quotes = [{"id": "q1", "kind": "direct", "content": [[start, text.index(',"')]], "speaker": None}]
    doc = EventCoder()(doc)
    by_type = {v["type"]: v for v in doc._.dl_events}
    assert by_type["ASSAULT"]["quote"] == "q1"
    assert by_type["ACCUSE"]["quote"] is None
    assert by_type["ASSAULT"]["source_codes"] == ["RUSMIL"]
