"""Docs with a parse written by hand, for rules whose parse the model gives only on some
sentences (the tests name the sentence shape; the table fixes the parse the rule is for)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab


def hand_parse(vocab: Vocab, table: str) -> Doc:
    """One token per line: ``word head dep tag pos lemma`` (head = token index, a root heads itself)."""
    rows = [line.split() for line in table.strip().splitlines()]
    words, heads, deps, tags, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(vocab, words=words, heads=[int(h) for h in heads], deps=deps, tags=tags, pos=pos, lemmas=lemmas)
