"""Verb frames (``lexicon/speech_frames.tsv``): verbs that report only in one frame.

Owns loading the frame rows once and the rule that applies them: a verb whose dictionary
sense is a speech or stance act only with a certain object, particle or preposition after
it ("commented on the ruling", "distanced himself from the bill", "articulated a vision";
"commented" alone, "opened the door" report nothing), with the slot that holds what was said.
A row for a verb the cue lexicon lists already adds a frame its rules do not read
("urged restraint": a hearer verb's object; "asked for a recount"). Part of rule 2 of
``nlp/quotes.py``; reads tokens and the lexicon, writes nothing to the Doc.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from dateline.nlp.actors import gazetteer
from dateline.nlp.quote_cues import doc_text, tokens_with, trim
from dateline.nlp.quotes_direct import Draft, cue_span, speaker_of

CONTENTS = ("object", "prep", "phrase", "span", "rest")


@dataclass(frozen=True)
class Frame:
    verb: str
    words: tuple[str, ...]  # "object", particles and prepositions, in order
    content: str  # one of CONTENTS
    cls: str


@lru_cache(maxsize=1)
def load_frames() -> dict[str, tuple[Frame, ...]]:
    """The frame rows by verb lemma, read once per process."""
    text = resources.files("dateline.lexicon").joinpath("speech_frames.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    frames: dict[str, list[Frame]] = {}
    for row in rows:
        verb = row["verb"].strip().lower()
        frame = Frame(verb, tuple(row["frame"].lower().split()), row["content"].strip(), row["class"].strip())
        frames.setdefault(verb, []).append(frame)
    return {verb: tuple(rows_) for verb, rows_ in frames.items()}


def framed_verbs(doc: Doc, in_quote: list[bool], used: set[int]) -> list[Draft]:
    """Rule 2 for verbs outside the cue lexicon that report in one of their frames."""
    frames = load_frames()
    found: list[Draft] = []
    for tok in tokens_with(doc, "LEMMA", frames):
        if tok.pos_ == "VERB" and tok.i not in used and not in_quote[tok.i]:
            q = framed(tok, in_quote)
            if q is not None:
                used.add(tok.i)
                found.append(q)
    return found


def framed(verb: Token, in_quote: list[bool]) -> Draft | None:
    """The quote a verb makes in the first of its lexicon frames that the parse shows, with a
    subject as its source (a frame nobody speaks in, "the bill, distanced from …", reports
    nothing); the cue runs from the verb to the frame's last word before the content, as
    PolNeAR marks "weighed in on", "distanced himself from"."""
    for frame in load_frames().get(verb.lemma_.lower(), ()):
        slots = _match(verb, frame.words)
        if slots is None:
            continue
        content = _content(verb, frame, slots)
        if content is None:
            continue
        speaker = speaker_of(verb, in_quote)
        if speaker is None:
            return None
        # The cue runs to the frame's last word before the content ("weighed in on",
        # "referred to [the US as …]", "reminded [of …]"), not over the content.
        obj = _object_slot(frame, slots)
        last = max(
            (s for s in slots if (obj is None or s.i != obj.i) and s.idx < content[0]), key=lambda s: s.i, default=verb
        )
        start, end = cue_span(verb)
        return Draft([content], verb, (start, max(end, last.idx + len(last.text))), speaker)
    return None


def _match(verb: Token, words: tuple[str, ...]) -> list[Token] | None:
    """The tokens filling ``words`` after ``verb``, in order: its direct object, particles,
    and prepositions hung on the verb or on the noun of an earlier slot ("distanced [himself]
    from", "referred to [the plan] as")."""
    slots: list[Token] = []
    after = verb.i
    for word in words:
        if word == "object":
            tok = next((c for c in verb.rights if c.dep_ == "dobj" and c.i > after), None)
            if tok is None and slots and slots[-1].dep_ == "prep" and slots[-1].lower_ in _PARTICLES:
                # "brushed off the criticism", "shrugged off the attacks": the parser often
                # reads the particle as a preposition, its object as the preposition's.
                tok = next((c for c in slots[-1].children if c.dep_ == "pobj"), None)
        else:
            # The next particle or preposition, on the verb or on its object, must be the
            # frame's: "pushed for a vote", not "pushed the tally beyond the total for 2012".
            # ("referred to the plan as …": the parser hangs "as" on the verb or on "plan")
            heads = [verb] + [s for s in slots if s.dep_ in ("dobj", "pobj")]
            heads += [c for s in slots if s.dep_ == "prep" for c in s.children if c.dep_ == "pobj"]
            # ("walked back the comments": the parser reads the particle as an adverb)
            tok = min(
                (
                    c
                    for h in heads
                    for c in h.rights
                    if c.i > after
                    and (c.dep_ in ("prt", "prep", "agent", "dative") or (c.dep_ == "advmod" and c.lower_ == word))
                ),
                key=lambda c: c.i,
                default=None,
            )
            if tok is not None and tok.lower_ != word:
                tok = None
        if tok is None:
            return None
        slots.append(tok)
        after = tok.i
    return slots


# Particles the parser may read as prepositions before a frame's object.
_PARTICLES = {"off", "up", "out", "down", "back", "aside", "away"}


def _object_slot(frame: Frame, slots: list[Token]) -> Token | None:
    """The token filling the frame's "object" slot, whatever the parser called it."""
    return slots[frame.words.index("object")] if "object" in frame.words else None


def _content(verb: Token, frame: Frame, slots: list[Token]) -> tuple[int, int] | None:
    doc = verb.doc
    obj = _object_slot(frame, slots)
    prep = slots[-1] if frame.words[-1] != "object" else None
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if frame.content == "object" and obj is not None and frame.cls == "speech" and _names_someone(obj):
        return None  # "urged Congress", "urged them": the one spoken to, not the words
    if frame.content == "object" and obj is not None:
        start, last = obj.left_edge, obj.right_edge
    elif frame.content == "rest" and obj is not None:
        # "described [a rigged system in terms familiar to …]", "described [the dinner as
        # Washington celebrating itself]": PolNeAR's content runs on over the verb's later
        # phrases, up to a comma or a conjunction (", saying …", "and left").
        start, last = obj.left_edge, obj.right_edge
        for c in verb.rights:
            if c.i <= obj.i:
                continue
            if c.dep_ in ("punct", "cc", "conj"):
                break
            last = c.right_edge
    elif frame.content == "prep" and pobj is not None:
        start, last = pobj.left_edge, pobj.right_edge
    elif frame.content == "phrase" and prep is not None:
        start, last = prep, prep.right_edge  # "reminded voters [of the stakes]": PolNeAR keeps the preposition
    elif frame.content == "span" and prep is not None:
        # "referred to the US as the Great Satan", "painted Romney as an out-of-touch rich
        # guy": from the object (or the first preposition's object) to the end of the last
        # preposition's phrase (the one described, and what it is called).
        first = obj or next((c for c in slots[0].children if c.dep_ in ("pobj", "pcomp")), None)
        if first is None:
            return None
        start, last = first.left_edge, prep.right_edge
    else:
        return None
    content = trim(doc, start.idx, last.idx + len(last.text))
    if content[1] - content[0] < 3 or "\n" in doc_text(doc)[content[0] : content[1]]:
        return None
    return content


def _names_someone(tok: Token) -> bool:
    """A pronoun or a name of a person or group: a hearer, not something said."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    # "urged the senators", "reminded voters": a role or group noun from the actor lexicon.
    titles = gazetteer().titles
    return tok.lower_ in titles or tok.lemma_.lower() in titles
