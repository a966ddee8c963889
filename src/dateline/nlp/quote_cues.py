"""The speech-cue lexicon (``lexicon/speech_cues.tsv``) and the spans quotes are built from.

Owns: loading the cue lexicon once, pairing quotation marks in the text, and the small span
helpers (trimming quotation marks, a leading complementiser "that" and edge punctuation) that
the quote rules in ``nlp/quotes.py`` share. Reads only text and tokens; writes nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from dateline.nlp.doccache import attr_array, token_ids_with
from dateline.nlp.doccache import doc_text as _doc_text

OPENERS = {"“": "”", '"': '"', "«": "»"}
CLOSERS = {"”", '"', "»"}
# Characters stripped from content edges: quotation marks, spaces and punctuation that the
# reported words do not own ("he said, “...,”" -> the words between the marks).
EDGE = " \t\r\n\"“”‘’'«»,;:—–-"


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, str]  # lemma -> class (speech | belief | intent | evidence | stance | appearance)
    nouns: dict[str, str]
    phrases: dict[str, str]  # "according to" -> class
    adjectives: dict[str, str]  # "critical" -> class (an attitude after a linking verb)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The lexicon rows, read once per process."""
    text = resources.files("dateline.lexicon").joinpath("speech_cues.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    tables: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "phrase": {}, "adjective": {}}
    for row in rows:
        tables[row["kind"]][row["pattern"].strip().lower()] = row["class"].strip()
    return Cues(verbs=tables["verb"], nouns=tables["noun"], phrases=tables["phrase"], adjectives=tables["adjective"])


_SPECIAL = re.compile("[\"“”«»'`\n]")


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(open, close)`` of matched outermost quotation marks, in text order.

    Curly marks nest (a quote inside a quote stays inside its pair); straight marks (and the
    doubled apostrophes ``''`` some wires use) alternate; a straight mark that opens a sentence
    may be closed by a curly one (writers mix the two). A paragraph break inside an open
    quote ends it: the paragraph is kept as quoted when the next one reopens the quote (the
    convention for multi-paragraph quotes), else the unclosed mark is dropped. A closing
    curly mark at the start of a paragraph is a mistyped opening one.
    """
    pairs: list[tuple[int, int]] = []
    depth = 0  # curly nesting inside the open pair
    start: int | None = None
    i, n = 0, len(text)
    while i < n:
        # Only quotation marks, apostrophes/backticks (doubled marks) and line breaks change
        # the state: jump to the next one instead of stepping through every character.
        found = _SPECIAL.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        doubled = text[i : i + 2] in ("''", "``")
        if doubled:
            ch = '"'
        if start is None:
            at_paragraph = i == 0 or text[i - 1] == "\n"
            if ch in OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum() or doubled):
                start, depth = (i + 1 if doubled else i), 1
            elif ch == "”" and at_paragraph:
                start, depth = i, 1
        elif ch == "“" and text[start] in "“”" and depth == 1 and _mistyped_close(text, i):
            pairs.append((start, i))  # "“It's unusual,“ he said": a closing mark typed as an opening one
            start = None
        elif ch == "“" and text[start] in '“”"':
            depth += 1
        elif ch in CLOSERS and (
            ch != "”" or text[start] in "“”" or (text[start] == '"' and _opens_sentence(text, start))
        ):
            depth -= 1
            if depth <= 0 or ch != "”":
                pairs.append((start, i))
                start = None
        elif ch == "\n":
            j = i
            while j < n and text[j] in "\r\n \t":
                j += 1
            reopens = j < n and (text[j] in OPENERS or text[j : j + 2] == "''")
            if not reopens and text.count("\n", i, j) < 2:
                i = j  # a line break inside a hard-wrapped paragraph: the quote goes on
                continue
            if reopens:
                k = i  # the paragraph's words are quoted; the next paragraph reopens the quote
                while k > start and text[k - 1].isspace():
                    k -= 1
                pairs.append((start, k))
            start = None  # an unclosed quote ends with its paragraph
            i = j
            continue
        i += 2 if doubled else 1
    return pairs


def _mistyped_close(text: str, i: int) -> bool:
    """An opening curly mark right after a clause's punctuation and before a space or line
    end ("…here,“ he said"): it closes the quote; an opening one is followed by a word."""
    after = text[i + 1 : i + 2]
    return i > 0 and text[i - 1] in ".,!?" and (not after or after in " \t\r\n")


def _opens_sentence(text: str, start: int) -> bool:
    """A straight mark opening a sentence or line ("…,” Trump said. "He wants …”"): a curly
    closing mark may end it, as writers mix the two; a straight mark inside a sentence ("dismissed
    those reports as "previous …”") stays as it was."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in '.!?:\n"”'


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (``nlp.doccache``): spaCy rebuilds it from every
    token on each access, which dominated the component's cost."""
    return _doc_text(doc)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without edge quotation marks, punctuation, spaces or a leading "that"."""
    text = doc_text(doc)
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if text[start : start + 5].lower() == "that " or text[start : start + 5].lower() == "that“":
            start += 4
        for tail in (" and", " but", " or"):  # a conjunction left dangling by a cut clause
            if text[start:end].endswith(tail) and end - len(tail) > start:
                end -= len(tail)
        if (start, end) == before:
            return start, end


def without_stop(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a final full stop: a sentence's, which a that-clause's content has not."""
    start, end = span
    return (start, end - 1) if end > start and text[end - 1] == "." else span


def subtree_span(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def subtree_content(tok: Token) -> tuple[int, int] | None:
    """The trimmed characters of ``tok``'s subtree as a quote's content, or None when fewer
    than three are left (too little to report)."""
    span = subtree_span(tok)
    content = trim(tok.doc, span.start_char, span.end_char)
    return content if content[1] - content[0] >= 3 else None


def prep_object(prep: Token | None) -> Token | None:
    """What a preposition governs: its noun phrase or its -ing clause ("about [raising taxes]")."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def mention_span(tok: Token, cue: Token | None = None) -> tuple[int, int]:
    """The words naming a speaker: the noun phrase of ``tok`` with its apposition and relative
    clause, as PARC/PolNeAR mark sources ("Alan Cole, an economist at the Tax Foundation"),
    but not what a conjunction adds after it, nor the clause holding the ``cue`` ("a
    statement which said …" names "a statement"), nor some asides after a comma
    (", speaking to …"), nor words before a comma or dash that the parse glued on ("BRUSSELS -
    European leaders")."""
    doc = tok.doc
    dated = next((c for c in tok.rights if c.dep_ == "appos" and c.i > tok.i + 1), None)
    if tok.is_upper and len(tok.text) > 2 and tok.i + 1 < len(doc) and doc[tok.i + 1].text in _DASHES and dated:
        # "WASHINGTON -- President Obama, …": the parse made the dateline the subject and
        # the name its apposition.
        return mention_span(dated, cue)
    left = tok.left_edge.i
    right = tok.i
    aside: int | None = None  # where a cut-off ", who …" starts
    for child in tok.rights:
        if child.dep_ in ("advcl", "parataxis"):
            break
        if child.dep_ in ("cc", "conj", "prep") and child.left_edge.i > right + 2:
            break  # "Trump and Pence said" names both; what follows further on names no one
        if cue is not None and child.dep_ == "relcl" and child.left_edge.i <= cue.i <= child.right_edge.i:
            break
        if _is_aside(child, head=True):
            aside = child.left_edge.i
            break
        if child.dep_ in ("punct",):
            continue
        right = _right_edge(child)
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        if doc[right].text == ")" and any(t.text == "(" for t in doc[left:right]):
            break  # "Rep. Stephen Lynch (D-Mass.)" keeps its closing bracket
        right -= 1  # a dangling "and" or comma
    for t in doc[left : tok.i]:
        if t.text == "," or (t.text in _DASHES and t.idx > 0 and doc_text(doc)[t.idx - 1].isspace()):
            left = t.i + 1
    words = doc[left : right + 1]
    nxt = doc[right + 1] if right + 1 < len(doc) else None
    # "Sen. Claire McCaskill (D-Mo.)": the parse hung the bracket (and the state's full stop,
    # "(I-Vt" "." ")") elsewhere.
    close = next((t.i for t in doc[right + 1 : right + 3] if t.text == ")"), None)
    if (
        close is not None
        and all(t.is_punct for t in doc[right + 1 : close])
        and sum(t.text == "(" for t in words) > sum(t.text == ")" for t in words)
    ):
        right = close
    elif nxt is not None and nxt.text == "," and any(t.text == "," for t in words) and aside != right + 2:
        right += 1  # PolNeAR closes an apposition with its comma: "Donald Trump, her opponent,"
    elif nxt is not None and nxt.text in _DASHES and sum(t.text == nxt.text for t in words) % 2:
        right += 1  # "Kall -- co-editor of the book --"
    # "Dana Perino, a host of ''The Five,''": a title opened in the words closes with its mark.
    mark = next((t.i for t in doc[right + 1 : right + 3] if t.text in ("”", "''", '"')), None)
    if mark is not None and all(t.is_punct for t in doc[right + 1 : mark]) and _left_open(doc[left : right + 1]):
        right = mark
    while left < tok.i and (doc[left].is_punct or _focus(doc[left], tok)):
        left += 1
    while left > 0 and doc[left].is_sent_start and _split_off(doc[left - 1]):
        left -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    # A mention stays on its head's line (hard-wrapped text): spans never hold a line break.
    text = doc_text(doc)
    start = max(start, text.rfind("\n", start, tok.idx) + 1)
    line_end = text.find("\n", tok.idx, end)
    end = line_end if line_end >= 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_DASHES = ("-", "--", "—", "–", "―")


def _left_open(words: Span) -> bool:
    """Whether the words open a quotation (a title in marks) that they do not close."""
    texts = [t.text for t in words]
    curly = texts.count("“") > texts.count("”")
    return curly or (texts.count("''") + texts.count('"')) % 2 == 1


def _split_off(word: Token) -> bool:
    """A name's first word the parse split off as a sentence of its own ("Texas | Lt. Gov. Dan
    Patrick says …" in a live-blog entry after its time line "9:30 p.m."): a lone proper noun
    with no dependants and a space before the rest of the name; not an all-capitals dateline."""
    return (
        word.dep_ == "ROOT"
        and word.is_sent_start is True
        and word.tag_ in ("NNP", "NNPS")
        and not word.is_upper
        and word.whitespace_ == " "
        and word.n_lefts + word.n_rights == 0
    )


_FOCUS = ("even", "only", "just", "also")


def _focus(word: Token, head: Token) -> bool:
    """A focus adverb before a name, not part of it: "Even [China]", "Only [the mayor]"
    (PolNeAR's source leaves it out; "nearly half", "about a third" and "Both" it keeps)."""
    return word.head.i == head.i and word.dep_ == "advmod" and word.lower_ in _FOCUS


def _is_aside(tok: Token, head: bool = False) -> bool:
    """What PolNeAR's source leaves out after a name: a date ("a group of doctors in 2015"), a
    comparison set off by a comma (", like Obama,"), a participle (", speaking to veterans")
    or a relative clause that reports something itself (", who emphasized that …"); a
    descriptive one stays (", who heads the Center for …")."""
    doc = tok.doc
    if head and tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in tok.children):
        # "a group of doctors in 2015": when, not who — unless more follows ("a tweet on
        # Monday by the Secretary of State")
        return not any(c.dep_ not in ("punct", "cc") for c in tok.head.rights if c.i > tok.right_edge.i)
    if tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",":
        return False
    if tok.dep_ == "prep":
        return tok.lower_ in ("like", "unlike")  # "Hillary Clinton, like Obama, …"
    if tok.dep_ == "acl":
        return tok.tag_ == "VBG"
    return tok.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in tok.children)


def _right_edge(tok: Token) -> int:
    """The last token of ``tok``'s phrase, without asides hanging off words inside it
    ("Michael Mulgrew, president of the teachers' union, which represents …")."""
    right = tok.i
    for child in tok.rights:
        if _is_aside(child):
            break
        right = max(right, _right_edge(child))
    return right


def tokens_with(doc: Doc, attr: str, values: Collection[str]) -> Iterator[Token]:
    """The tokens whose ``attr`` ("LEMMA", "DEP") is one of ``values``, in order, found in the
    Doc's attribute array (the rules that look for a few verbs or relations do so without a
    Python loop over every token)."""
    for i in token_ids_with(doc, attr, values):
        yield doc[i]


def cue_tokens(doc: Doc, cues: Cues) -> dict[str, list[Token]]:
    """The cue words of the Doc, in order: "VERB" a cue verb's lemma tagged VERB or AUX, "NOUN"
    a cue noun's lemma tagged NOUN, "ACCORDING" the "according" of "according to". What a
    spaCy Matcher with those three patterns finds, read off the attribute arrays: the Matcher
    builds a Token object for every word and tests its sets one by one, 0.4 ms an article."""
    pos = attr_array(doc, "POS")
    lower = attr_array(doc, "LOWER")
    according = np.flatnonzero((lower[:-1] == get_string_id("according")) & (lower[1:] == get_string_id("to")))
    return {
        "VERB": [doc[i] for i in token_ids_with(doc, "LEMMA", cues.verbs) if pos[i] in (VERB, AUX)],
        "NOUN": [doc[i] for i in token_ids_with(doc, "LEMMA", cues.nouns) if pos[i] == NOUN],
        "ACCORDING": [doc[i] for i in according.tolist()],
    }


def has_that(tok: Token) -> bool:
    """A clause opened by the complementiser "that" ("said [that …]", "the claim [that …]")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def is_title(words: str) -> bool:
    """ "The Apprentice", "Make Your Kid a Millionaire": a name of a work or show, every
    content word capitalised, is not anyone's words."""
    tokens = [
        w
        for w in words.strip(" ,.!?").split()
        if w.lower() not in ("a", "an", "the", "of", "and", "to", "in", "on", "for")
    ]
    return bool(tokens) and len(tokens) <= 8 and all(w[0].isupper() or not w[0].isalpha() for w in tokens)


# Nouns naming the medium or occasion of a report (a tweet, a rally, an interview): after a
# topic, a phrase naming one says where it was said, not what; a content that is only one says nothing.
SETTING_NOUNS = {
    "twitter",
    "facebook",
    "tweet",
    "post",
    "interview",
    "rally",
    "speech",
    "debate",
    "email",
    "letter",
    "website",
    "page",
    "statement",
    "conference",
    "call",
    "show",
    "appearance",
    "event",
    "forum",
    "hearing",
    "radio",
    "television",
    "broadcast",
    "program",
    "video",
    "ad",
    "message",
    "session",
    "article",
    "op-ed",
    "diatribe",
    "remark",
    "ruling",
    "report",
    "time",
    "meeting",
    "convention",
}
