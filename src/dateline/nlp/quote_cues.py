"""The speech-cue lexicon (``lexicon/speech_cues.tsv``) and the spans quotes are built from.

Owns: loading the cue lexicon once, pairing quotation marks in the text, and the small span
helpers (trimming quotation marks, a leading complementiser "that" and edge punctuation) that
the quote rules in ``nlp/quotes.py`` share. Reads only text and tokens; writes nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

OPENERS = {"“": "”", '"': '"', "«": "»"}
CLOSERS = {"”", '"', "»"}
# Characters stripped from content edges: quotation marks, spaces and punctuation that the
# reported words do not own ("he said, “...,”" -> the words between the marks).
EDGE = " \t\r\n\"“”‘’'«»,;:—–-"


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, str]  # lemma -> class (speech | belief)
    nouns: dict[str, str]
    phrases: dict[str, str]  # "according to" -> class


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The lexicon rows, read once per process."""
    text = resources.files("dateline.lexicon").joinpath("speech_cues.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    tables: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "phrase": {}}
    for row in rows:
        tables[row["kind"]][row["pattern"].strip().lower()] = row["class"].strip()
    return Cues(verbs=tables["verb"], nouns=tables["noun"], phrases=tables["phrase"])


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(open, close)`` of matched quotation marks, in text order.

    Curly marks pair by direction; straight marks (and the doubled apostrophes ``''`` some
    wires use) alternate. A paragraph break inside an open quote ends it unless the next
    paragraph reopens the quote (the convention for multi-paragraph quotes).
    """
    pairs: list[tuple[int, int]] = []
    start: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        doubled = text[i : i + 2] in ("''", "``")
        if doubled:
            ch = '"'
        if start is None:
            if ch in OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum() or doubled):
                start = i + 1 if doubled else i
        elif ch == "“" and text[start] == "“":
            start = i  # a new opening without a close: the earlier one was unbalanced
        elif ch in CLOSERS:
            pairs.append((start, i))
            start = None
        elif ch == "\n":
            j = i
            while j < n and text[j] in "\r\n \t":
                j += 1
            if j < n and (text[j] in OPENERS or text[j : j + 2] == "''"):
                k = i  # the paragraph's words are quoted; the next paragraph reopens the quote
                while k > start and text[k - 1].isspace():
                    k -= 1
                pairs.append((start, k))
            start = None  # an unclosed quote ends with its paragraph
            i = j
            continue
        i += 2 if doubled else 1
    return pairs


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without edge quotation marks, punctuation, spaces or a leading "that"."""
    text = doc.text
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if text[start : start + 5].lower() == "that " or text[start : start + 5].lower() == "that“":
            start += 4
        if (start, end) == before:
            return start, end


def subtree_span(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def mention_span(tok: Token) -> tuple[int, int]:
    """The words naming a speaker: the noun phrase of ``tok`` without relative clauses,
    appositions or anything after a comma ("Trump, who ..., " -> "Trump")."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "parataxis"):
            break
        if doc[child.left_edge.i : child.i].text.count(",") or child.text == ",":
            break
        right = child.right_edge.i
    while left < tok.i and doc[left].is_punct:
        left += 1
    # Stop at a comma inside a long left part ("Sen. Smith, R-Ohio," keeps "Sen. Smith").
    return doc[left].idx, doc[right].idx + len(doc[right].text)
