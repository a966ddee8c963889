"""The seed article: every hand-annotated quote found, with the right kind and speaker."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES

EXPECTED = json.loads((FIXTURES / "mehr-qalandari.expected.json").read_text(encoding="utf-8"))["quotes"]
# Our kinds for the annotation's kinds: reported speech that opens or closes with quoted
# words is "mixed", which the annotation counts as indirect.
KINDS = {"direct": {"direct"}, "partial": {"partial"}, "indirect": {"indirect", "mixed"}}


def _covers(quote, span: list[int]) -> float:
    start, end = quote.content[0].start, quote.content[-1].end
    return max(0, min(end, span[1]) - max(start, span[0])) / (span[1] - span[0])


@pytest.mark.parametrize("gold", EXPECTED, ids=[f"{g['kind']}-{g['span'][0]}" for g in EXPECTED])
def test_seed_quote_found_with_speaker(seed_extraction, gold):
    text = seed_extraction.article.text
    found = [q for q in seed_extraction.quotes if q.kind in KINDS[gold["kind"]] and _covers(q, gold["span"]) >= 0.8]
    assert found, f"no {gold['kind']} quote covering {gold['text'][:60]!r}"
    quote = max(found, key=lambda q: _covers(q, gold["span"]))
    assert quote.speaker_name == gold["speaker"], quote.speaker_mention and quote.speaker_mention.of(text)
    # The cue is the annotated verb with what PolNeAR counts as part of a cue (auxiliaries,
    # adverbs, particles: "has asserted" for the annotation's "asserted"), ending on the verb.
    assert quote.cue is not None
    cue = quote.cue.of(text)
    assert cue == gold["cue"] or (cue.endswith(gold["cue"]) and cue[: -len(gold["cue"])].endswith(" ")), cue


def test_seed_direct_quotes_are_exactly_the_quoted_words(seed_extraction):
    text = seed_extraction.article.text
    direct = [q for q in seed_extraction.quotes if q.kind == "direct"]
    assert len(direct) == 6
    for quote in direct:
        words = " ".join(c.of(text) for c in quote.content)
        assert words[0] not in '“"' and words[-1] not in '”"'
        assert text[quote.content[0].start - 1] == "“"
