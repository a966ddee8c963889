"""Not-a-report filters: quotes the rules in ``nlp/quotes.py`` found that report no one's words.

Each filter names one kind — a quoted title, a date or a medium standing as the content, an
editor's or correction note, the writer addressing the reader, an act that did not happen,
quoted words that belong to another report, a report nested in an "according to" clause, a
policy named by its aim — with the PolNeAR counts it rests on. ``quotes.py`` runs them, in its
order, on the drafts it has built; they read drafts and the parse and write nothing.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from dateline.nlp.quote_cues import SETTING_NOUNS, doc_text, is_title
from dateline.nlp.quotes_direct import Draft, cue_span


def quoted_title(doc: Doc, q: Draft, pairs: list[tuple[int, int]]) -> bool:
    """A quote that is only a quoted title named inside a sentence ("a gag made famous in
    ‘The 40-Year-Old Virgin,’ Mr. Oppenheim noted", "his book, ‘An American Son’"): the
    title hangs on a preposition or noun of that sentence, it is not anyone's words."""
    text = doc_text(doc)
    if q.cue is None:
        return False
    for s, e in q.content:
        inner = [(o, c) for o, c in pairs if o <= s and e <= c + 1]
        if not inner:
            return False
        o, c = inner[0]
        if not is_title(text[o + 1 : c]) or len(text[o + 1 : c].split()) < 2:
            return False
        span = doc.char_span(o + 1, c, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        hung = root.head.i != q.cue.i and root.dep_ in ("pobj", "appos") and root.head.tag_ != "TO"
        if not hung and not _beside_work(doc, span):
            return False
        # "asked men to “Redefine Masculinity”", "one message: “Dump Trump”": a slogan, someone's words.
        if any(t.tag_ == "VB" for t in span) or text[:o].rstrip().endswith(":"):
            return False
    return True


# Nouns naming a work whose title stands beside them in quotation marks ("his memoir, ‘…’",
# "‘…,’ a film by …"): the parse often reads such a title as the cue's object.
_WORK_NOUNS = {
    "book",
    "memoir",
    "autobiography",
    "novel",
    "film",
    "movie",
    "show",
    "series",
    "song",
    "album",
    "podcast",
    "play",
    "documentary",
    "episode",
    "column",
    "program",
    "programme",
    "musical",
    "poem",
    "article",
    "essay",
    "report",
    "titled",
    "entitled",
}


def _beside_work(doc: Doc, span: Any) -> bool:
    """A quoted title right after a work noun ("his 2012 book, ‘An American Son’") or right
    before one ("‘Make Your Kid a Millionaire,’ a book by …")."""
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    after = [t for t in doc[span.end : span.end + 5] if not t.is_punct][:3]
    if before and before[-1].lower_ in _WORK_NOUNS:
        return True
    return bool(after) and after[0].pos_ == "DET" and any(t.lower_ in _WORK_NOUNS for t in after[1:])


def only_when(doc: Doc, q: Draft) -> bool:
    """ "reported on Wednesday", "promised Sunday": a content that is only a date or a time
    (the parse took the time for the cue's object) says nothing."""
    if q.kind == "direct":
        return False
    for s, e in q.content:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in span):
            return False
    return True


def only_where(doc: Doc, q: Draft) -> bool:
    """ "responded on Twitter", "spoke at the rally": a content that is only the medium or
    occasion of the report says nothing."""
    if q.kind == "direct" or len(q.content) != 1:
        return False
    span = doc.char_span(*q.content[0], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "pobj":
        return False
    if root.head.lower_ == "on":  # "commented on the report": "on" also brings the topic
        return root.lemma_.lower() in ("twitter", "facebook", "instagram", "radio", "television", "tv", "air")
    return root.head.lower_ in ("in", "at", "via", "during", "through") and root.lemma_.lower() in SETTING_NOUNS


# "Editor’s note: …" opening a paragraph: the publication's label on the piece, not its reporting;
# so are its update and correction notes ("This story has been updated to note that …",
# "CORRECTION: Due to an editing error, …": train-150 1 of 1, train-400 3 of 3 such quotes false).
_EDITORS_NOTE = re.compile(
    r"\beditor[’']s note\s*:|^[ \t]*correction\s*:|\bthis (?:story|article|post) (?:has been|was) updated\b",
    re.IGNORECASE | re.MULTILINE,
)
_NOTE_END = re.compile(r"[.!?][”\"’']*(?=\s|$)")


def editors_notes(text: str) -> list[tuple[int, int]]:
    """The opening sentence of each editor's note ("Editor’s note: X is a serial liar … who has
    repeatedly pledged to ban …"): the paper's own verdict stamped on a series, which PolNeAR
    leaves unannotated (dev 4 of 4 quotes we found there, train-400 17 of 18); the same for an
    update or correction note (from its first words to the end of the sentence)."""
    spans = []
    for m in _EDITORS_NOTE.finditer(text):
        end = _NOTE_END.search(text, m.end())
        spans.append((m.start(), end.end() if end else len(text)))
    return spans


def in_spans(q: Draft, spans: list[tuple[int, int]]) -> bool:
    at = q.cue.idx if q.cue is not None else q.content[0][0]
    return any(s <= at < e for s, e in spans)


def to_reader(q: Draft) -> bool:
    """A cue in the imperative ("Imagine that she …", "Call it viral fundraising", "Now tell us
    this isn't …", "Don't blame Bush"): the writer addressing the reader reports no one's words
    (dev 4 of 5 such quotes false, train-150 3 of 4, train-400 4 of 6)."""
    if q.kind != "indirect" or q.speaker is not None or q.cue is None or q.cue.tag_ != "VB":
        return False
    verb = q.cue.head if q.cue.dep_ == "conj" else q.cue  # "go a step further, and ask …"
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
        and all(c.lemma_.lower() == "do" for c in verb.children if c.dep_ == "aux")
    )


def left_undone(q: Draft) -> bool:
    """A reported clause under "without" ("evaluate his plans without knowing how they …",
    "portrayed them as … without offering proof", "run without being told to …"): an act
    that did not happen reports nothing (dev 1 of 1, train-150 1 of 1, train-400 3 of 3 false).
    Quoted words after "without saying" are still someone's words."""
    return q.kind == "indirect" and q.cue is not None and q.cue.dep_ == "pcomp" and q.cue.head.lower_ == "without"


def embedded_quotations(text: str, quotes: list[Draft]) -> list[Draft]:
    """Quoted words inside another report's words, in the same paragraph, whose cue comes after
    them ("accused the council of serving “developers and lobbyists” -- the crowd she rails
    against", "said she raised the point “to follow up on the mayor's remarks,” as a resident who
    has long criticized him"): the words are that report's quotation, the verb after them someone
    else's act (train-400 4 of 4 such quotes false, dev 1 of 1; none on train-150). A quotation
    after a paragraph break that the outer words run into (“…,” she added) is a report of its own."""

    def inside(q: Draft, o: Draft) -> bool:
        s, e = q.content[0][0], q.content[-1][1]
        os_, oe = o.content[0][0], o.content[-1][1]
        return os_ <= s and e <= oe and (os_, oe) != (s, e) and "\n" not in text[os_:s]

    return [
        q
        for q in quotes
        if q.kind != "direct"
        or q.cue is None
        or q.cue.idx < q.content[-1][1]
        or not any(o is not q and o.kind != "direct" and inside(q, o) for o in quotes)
    ]


def turns_out(q: Draft) -> bool:
    """ "It turns out that …", "it turned out that …": the writer's own finding, no one's report
    (train-400 3 of 3 such quotes false; dev and train-150 have none)."""
    cue = q.cue
    return (
        q.kind != "direct"
        and cue is not None
        and cue.lemma_.lower() == "turn"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children)
    )


def outer_according(quotes: list[Draft]) -> list[Draft]:
    """A report inside the clause an "according to" sources ("Nearly three in four say they would
    buy …, according to the survey", "According to pool reports, Obama said …, which he called
    …"): PolNeAR marks the outer attribution only, as it does for quotations (train-150 2 of 2
    such inner quotes false, train-400 9 of 9; dev has none)."""
    held = [
        (q.content[0][0], q.content[-1][1])
        for q in quotes
        if q.cue is not None and q.cue.lower_ == "according" and q.cue_span is not None
    ]
    return [
        q
        for q in quotes
        if q.cue is None or q.cue.lower_ == "according" or not any(s <= q.cue.idx < e for s, e in held)
    ]


def named_policy(q: Draft) -> bool:
    """A "proposal"/"intention" with its to-clause left standing on its own ("in response to
    Trump's proposal to bar …", "a broader proposal to repeal … passed"): the policy named by
    its aim, which PolNeAR rarely marks as a report (dev 0 of 2, train-150 1 of 4, train-400 6
    of 18). Under a verb that takes a stance on it ("Clinton bashed Trump's proposal to …")
    ``_outer_stances`` has already made it that verb's report."""
    return (
        q.kind == "indirect"
        and q.cue is not None
        and q.cue.pos_ == "NOUN"
        and q.cue.lemma_.lower() in ("proposal", "intention")
        and q.cue_span == cue_span(q.cue)
    )
