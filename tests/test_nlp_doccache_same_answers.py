"""The per-Doc shortcuts of the speed work give spaCy's own answers on real text: the cached
text, attribute searches, the token at a character, noun chunks, pronoun tokens and quote
cue words."""

from __future__ import annotations

import json

import numpy as np
import pytest
from spacy.matcher import Matcher

from dateline.nlp.doccache import attr_array, doc_text, per_doc, token_at_char, token_ids_with
from dateline.nlp.mentions import noun_chunks
from dateline.nlp.pronouns import _PRONOUN_RE, _pronoun_tokens, _reporting_it
from dateline.nlp.quote_cues import cue_tokens, load_cues
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def docs(nlp, seed_path):
    texts = [seed_path.read_text(encoding="utf-8")]
    with (SAMPLES / "wikinews.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line, _ in zip(f, range(12), strict=False)]
    return list(nlp.pipe(texts))


def test_text_and_arrays_are_spacys(docs):
    for doc in docs:
        assert doc_text(doc) == doc.text
        assert (attr_array(doc, "LEMMA") == doc.to_array("LEMMA")).all()
        with pytest.raises(ValueError):
            attr_array(doc, "LEMMA")[0] = 0  # shared by every rule: read-only


def test_a_retokenized_doc_is_read_again(nlp):
    doc = nlp("Hamzeh Qalandari said the drills would go on.")
    before = len(attr_array(doc, "ORTH"))
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert len(attr_array(doc, "ORTH")) == before - 1
    assert doc_text(doc) == doc.text


def test_per_doc_computes_once(docs):
    calls = []

    def count(doc):
        calls.append(doc)
        return len(doc)

    assert per_doc(docs[0], count) == per_doc(docs[0], count) == len(docs[0])
    assert len(calls) == 1


@pytest.mark.parametrize(
    "attr,values",
    [("LEMMA", ("say",)), ("LEMMA", ("say", "tell", "add", "claim")), ("DEP", ("relcl", "ccomp")), ("LOWER", ("in",))],
)
def test_token_ids_with_is_isin(docs, attr, values):
    for doc in docs:
        ids = [doc.vocab.strings[v] for v in values]
        assert token_ids_with(doc, attr, values) == np.flatnonzero(np.isin(doc.to_array(attr), ids)).tolist()


def test_noun_chunks_are_spacys(docs):
    for doc in docs:
        mine = [(c.start, c.end, c.label_) for c in noun_chunks(doc)]
        assert mine == [(c.start, c.end, c.label_) for c in doc.noun_chunks]
        assert mine  # real news text has noun chunks


def test_pronoun_tokens_are_the_regex_scan(docs):
    total = 0
    for doc in docs:
        text = doc.text
        spans = (doc.char_span(m.start(), m.end()) for m in _PRONOUN_RE.finditer(text))
        scanned = [s[0].i for s in spans if s is not None and len(s) == 1 and s[0].tag_ in ("PRP", "PRP$")]
        expected = [i for i in scanned if doc[i].lower_ != "it" or _reporting_it(doc[i])]
        assert [t.i for t in _pronoun_tokens(doc, text)] == expected
        total += len(expected)
    assert total > 10  # the articles have pronouns to find


def test_cue_tokens_are_the_matchers(nlp, docs):
    cues = load_cues()
    matcher = Matcher(nlp.vocab)
    matcher.add("VERB", [[{"LEMMA": {"IN": sorted(cues.verbs)}, "POS": {"IN": ["VERB", "AUX"]}}]])
    matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(cues.nouns)}, "POS": "NOUN"}]])
    matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    for doc in docs:
        expected: dict[str, list[int]] = {"VERB": [], "NOUN": [], "ACCORDING": []}
        for match_id, start, _end in matcher(doc):
            expected[nlp.vocab.strings[match_id]].append(start)
        found = {k: [t.i for t in v] for k, v in cue_tokens(doc, cues).items()}
        assert found == expected


def test_token_at_char_is_char_span_expand(docs):
    for doc in docs[:4]:
        for char in range(len(doc.text) + 2):
            span = doc.char_span(char, char + 1, alignment_mode="expand")
            assert token_at_char(doc, char) == (span.start if span is not None and len(span) else None)
