"""A blank line starts a sentence before the parser runs (``nlp/paragraphs.py``)."""

from __future__ import annotations


def test_headline_is_not_parsed_into_the_first_paragraph(nlp):
    text = (
        "Mayor Says New Bridge Will Open in May\n\n"
        "BOSTON -- Mayor Ellen Park, touring the site on Friday, said the bridge would carry trains by spring."
    )
    doc = nlp(text)
    starts = [t.text for t in doc if t.is_sent_start]
    assert "BOSTON" in starts
    said = next(q for q in doc._.dl_quotes if text[q["cue"][0] : q["cue"][1]] == "said")
    assert "Ellen Park" in text[said["speaker_mention"][0] : said["speaker_mention"][1]]


def test_a_parsed_doc_passes_through_unchanged(nlp):
    doc = nlp("First paragraph here.\n\nSecond paragraph here.")
    assert nlp.get_pipe("dateline_paragraphs")(doc) is doc
