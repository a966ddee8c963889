"""``dateline_quotes``: who said what — direct, partial, mixed and reported-speech quotes.

Rules on the dependency parse plus the cue lexicon (``lexicon/speech_cues.tsv``):

1. Quote-first: every pair of quotation marks that holds a clause-sized quote looks for its
   cue verb beside it ("…,” he said / He added, “…” / said X) in the sentences at its ends,
   then for a colon introduction ("He said:"), then continues the previous quote's speaker
   (multi-paragraph quotes).
2. Cue-first: every cue (verb with a that-clause, "according to X", a cue noun with a
   that-clause, an inverted "…, he said" clause) not already used yields reported speech;
   quoted words inside it become ``partial`` quotes, a clause opening with a quote is ``mixed``.
3. The speaker mention is the cue's subject (or the object of "according to", the possessor
   of a cue noun, the subject of the clause a "saying …" participle hangs on); the speaker
   entity is whatever entity cluster holds that mention (``MentionIndex``), else None.

Writes ``doc._.dl_quotes`` (shape in ``nlp/extensions.py``); reads ``doc._.dl_entities``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from dateline.nlp.extensions import MentionIndex
from dateline.nlp.quote_cues import cached_text, doc_text, load_cues, mention_span, quote_pairs, subtree_span, trim

# A quote shorter than this (in words) with no cue beside it is a scare quote or a title,
# not someone's words.
MIN_DIRECT_WORDS = 4
# How far (characters) a quote without a cue may sit from the previous quote and still
# continue its speaker.
CONTINUATION_GAP = 250
_SUBJECTS = ("nsubj", "nsubjpass")
# Verbs whose that-clause is not anyone's words ("make sure that", "it seems that").
_NOT_CUES = {"be", "make", "seem", "ensure", "mean", "appear", "happen", "matter", "see"}
_INHERIT = ("conj", "xcomp", "advcl", "ccomp")  # cue verbs whose subject is their head's


@dataclass
class _Quote:
    content: list[tuple[int, int]]
    cue: Token | None
    cue_span: tuple[int, int] | None
    speaker: tuple[int, int] | None
    kind: str = "indirect"
    partials: list[tuple[int, int]] = field(default_factory=list)


class QuoteFinder:
    """The component: finds quotes in a parsed Doc and writes ``doc._.dl_quotes``."""

    def __init__(self, vocab: Vocab) -> None:
        cues = load_cues()
        self.cues = cues
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.matcher.add("VERB", [[{"LEMMA": {"IN": sorted(cues.verbs)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        self.matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(cues.nouns)}, "POS": "NOUN"}]])
        self.matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])

    def __call__(self, doc: Doc) -> Doc:
        with cached_text(doc):
            quotes = self.find(doc)
        index = MentionIndex(doc._.dl_entities)
        doc._.dl_quotes = _records(quotes, index)
        return doc

    # -- finding ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[_Quote]:
        pairs = [p for p in quote_pairs(doc_text(doc)) if p[1] - p[0] > 1]
        in_quote = _quoted_tokens(doc, pairs)
        cues: dict[str, list[Token]] = {"VERB": [], "NOUN": [], "ACCORDING": []}
        for match_id, start, _end in self.matcher(doc):
            cues[self.vocab.strings[match_id]].append(doc[start])
        verb_cues = {t.i for t in cues["VERB"] if self._is_verb_cue(t) and not in_quote[t.i]}

        used: set[int] = set()
        lines = _speaker_lines(doc)
        quotes = self._direct(doc, pairs, in_quote, verb_cues, used, [c for q in lines for c in q.content])
        taken = [c for q in quotes for c in q.content]
        quotes.extend(lines)
        line_ids = {id(q) for q in lines}
        for tok in cues["VERB"]:
            if tok.i in verb_cues and tok.i not in used:
                used.add(tok.i)
                q = self._reported(doc, tok, in_quote)
                if q is not None:
                    quotes.append(q)
        quotes.extend(self._that_clauses(doc, in_quote, used))
        for tok in cues["ACCORDING"]:
            if not in_quote[tok.i]:
                q = self._according(doc, tok)
                if q is not None:
                    quotes.append(q)
        for tok in cues["NOUN"]:
            if not in_quote[tok.i]:
                q = self._noun(doc, tok)
                if q is not None:
                    quotes.append(q)
        quotes = [q for q in quotes if q.content and (id(q) in line_ids or not _inside(q.content, taken, q))]
        quotes.extend(_quoted_claims(doc, pairs, in_quote, quotes))
        for q in quotes:
            if q.kind == "indirect":
                _classify(q, pairs)
        quotes.sort(key=lambda q: q.content[0])
        return quotes

    def _is_verb_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if lemma == "point":
            return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
        return lemma in self.cues.verbs

    def _direct(
        self,
        doc: Doc,
        pairs: list[tuple[int, int]],
        in_quote: list[bool],
        verb_cues: set[int],
        used: set[int],
        lines: list[tuple[int, int]],
    ) -> list[_Quote]:
        """Rule 1: clause-sized quotes and the cue beside them; a following quote with no cue of
        its own continues the previous one ("“A,” she said. “B.”" is one quote, two spans)."""
        quotes: list[_Quote] = []
        previous: _Quote | None = None
        previous_end = -(10**9)
        for open_, close in pairs:
            inner = _inner(doc, open_, close)
            if inner[1] <= inner[0] or any(_overlap(inner, line) for line in lines):
                continue
            words = doc_text(doc)[inner[0] : inner[1]].split()
            if _embedded(doc, open_, close) or (len(words) < MIN_DIRECT_WORDS and not _is_clause_quote(doc, close)):
                continue  # quoted words inside a clause: rule 2 reports the clause, with a partial
            cue = _cue_after(doc, close, in_quote, verb_cues)
            if cue is None and (before := _cue_before(doc, open_, in_quote, verb_cues)) is not None:
                split = previous is not None and previous.cue is not None and previous.cue.i == before.i
                if not split and not _introduces(doc, before, open_):
                    continue  # "says Trump's tweets were “unhinged.”": the clause is reported, rule 2
                cue = before
            if cue is not None and previous is not None and previous.cue.i == cue.i:
                previous.content.append(inner)  # "“A,” he said, “B.”": one quote, two spans
                previous_end = close
                continue
            if cue is not None:
                used.add(cue.i)
                q = _Quote([inner], cue, _cue_span(cue), _speaker(cue), kind="direct")
            elif (dash := _dash_source(doc, close)) is not None:
                q = _Quote([inner], None, dash[0], dash[1], kind="direct")
            elif (colon := _colon_cue(doc, open_, in_quote)) is not None:
                used.add(colon.i)
                q = _Quote([inner], colon, _cue_span(colon), _speaker(colon), kind="direct")
            elif previous is not None and _continues(doc, previous_end, open_):
                previous.content.append(inner)
                previous_end = close
                continue
            else:
                continue
            quotes.append(q)
            previous, previous_end = q, close
        return quotes

    def _reported(self, doc: Doc, cue: Token, in_quote: list[bool]) -> _Quote | None:
        """Rule 2 for verbs: the that-clause (or the clause an inverted "…, he said" reports)."""
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            span = subtree_span(comp)
            content = trim(doc, span.start_char, span.end_char)
        elif cue.dep_ == "parataxis" or (cue.dep_ == "ROOT" and _has_left_clause(cue)):
            head = cue.head if cue.dep_ == "parataxis" else cue
            sent = head.sent
            own = subtree_span(cue)
            start = sent.start_char if cue.dep_ == "parataxis" else sent.start_char
            end = own.start_char if own.start_char > start else sent.end_char
            content = trim(doc, start, end)
        elif (goal := _goal(cue)) is not None or (goal := _topic(cue)) is not None:
            span = subtree_span(goal)
            content = trim(doc, span.start_char, span.end_char)
        else:
            return None
        if self.cues.verbs.get(cue.lemma_.lower()) == "belief" and comp is None:
            return None
        if content[1] - content[0] < 3:
            return None
        return _Quote([content], cue, _cue_span(cue), _speaker(cue))

    def _that_clauses(self, doc: Doc, in_quote: list[bool], used: set[int]) -> list[_Quote]:
        """Any verb with a subject and a "that"-clause reports or believes it ("The city is
        demanding that …", "Trump charges that …"), cue lexicon or not."""
        quotes = []
        ccomp = doc.vocab.strings["ccomp"]
        # Only clausal complements, found in the dependency array: no Python loop over tokens.
        for i in (doc.to_array("DEP") == ccomp).nonzero()[0]:
            tok = doc[int(i)]
            if tok.head.i in used or in_quote[tok.head.i] or tok.head.pos_ != "VERB":
                continue
            if not _has_that(tok) or tok.head.lemma_ in _NOT_CUES:
                continue
            verb = tok.head
            speaker = _speaker(verb)
            if speaker is None:
                continue
            used.add(verb.i)
            span = subtree_span(tok)
            quotes.append(_Quote([trim(doc, span.start_char, span.end_char)], verb, _cue_span(verb), speaker))
        return quotes

    def _according(self, doc: Doc, according: Token) -> _Quote | None:
        """Rule 2 for "according to X": X is the speaker, the rest of the clause the content."""
        to = doc[according.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        sent = according.sent
        own = doc[according.i : obj.right_edge.i + 1]
        before = trim(doc, sent.start_char, own.start_char)
        after = trim(doc, own.end_char, sent.end_char)
        content = before if before[1] - before[0] >= after[1] - after[0] else after
        if content[1] - content[0] < 3:
            return None
        cue_span = (according.idx, to.idx + len(to.text))
        return _Quote([content], according, cue_span, mention_span(obj))

    def _noun(self, doc: Doc, noun: Token) -> _Quote | None:
        """Rule 2 for cue nouns: "X's remarks that …", "a statement by X that …"."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
        if clause is None:
            return None
        span = subtree_span(clause)
        content = trim(doc, span.start_char, span.end_char)
        speaker = None
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "PRON", "NOUN"):
                speaker = mention_span(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    speaker = mention_span(obj)
        return _Quote([content], noun, _cue_span(noun), speaker)


# -- helpers --------------------------------------------------------------------------------


def _goal(cue: Token) -> Token | None:
    """What a cue asks for: "told supporters to go vote" (xcomp), "called for a recount"."""
    for child in cue.children:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "for" and cue.lemma_ == "call":
            return child
    return None


# Cue verbs whose object is the hearer, the accused or the quote itself, never what was said.
_HEARER_VERBS = {
    "tell",
    "ask",
    "add",
    "call",
    "answer",
    "reply",
    "continue",
    "say",
    "write",
    "post",
    "tweet",
    "accuse",
    "warn",
    "urge",
    "describe",
}


def _topic(cue: Token) -> Token | None:
    """What a cue is about when it has no clause: "questioned the health of Donald Trump",
    "complained about his mic", "described crass behavior by Trump"."""
    if cue.lemma_.lower() in _HEARER_VERBS:
        return None
    for child in cue.rights:
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("about", "on", "of")):
            return child
    return None


def _quoted_tokens(doc: Doc, pairs: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(doc)
    for open_, close in pairs:
        span = doc.char_span(open_ + 1, close, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                flags[i] = True
    return flags


def _inner(doc: Doc, open_: int, close: int) -> tuple[int, int]:
    """The words between two quotation marks, keeping their own final punctuation ("…,”)."""
    start, end = open_ + 1, close
    while start < end and doc_text(doc)[start].isspace():
        start += 1
    while end > start and doc_text(doc)[end - 1].isspace():
        end -= 1
    return start, end


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start] if span is not None and len(span) else None


def _cue_after(doc: Doc, close: int, in_quote: list[bool], verb_cues: set[int]) -> Token | None:
    """ "“…,” he said" / "“…,” said Smith": a cue verb right after the close, before any other clause."""
    tok = _token_at(doc, close)
    if tok is None:
        return None
    sent_end = tok.sent.end
    for i in range(tok.i + 1, min(sent_end + 1, len(doc), tok.i + 12)):
        t = doc[i]
        if in_quote[i] or (t.text in (".", "!", "?") and i > tok.i + 1 and i >= sent_end - 1):
            break
        if i in verb_cues:
            return t
        if t.text in (".", "!", "?") and i != tok.i + 1:
            break
    return None


def _cue_before(doc: Doc, open_: int, in_quote: list[bool], verb_cues: set[int]) -> Token | None:
    """ "He said, “…”" / "He went on to add, “…”": the nearest cue verb in the clause before."""
    tok = _token_at(doc, open_)
    if tok is None:
        return None
    sent_start = tok.sent.start
    for i in range(tok.i - 1, max(sent_start - 1, tok.i - 25), -1):
        if in_quote[i]:
            break
        if i in verb_cues:
            return doc[i]
    return None


def _introduces(doc: Doc, cue: Token, open_: int) -> bool:
    """Only a hearer, "that" or punctuation between the cue and the quote ("told reporters, “…”")."""
    tok = _token_at(doc, open_)
    if tok is None:
        return False
    between = [t for t in doc[cue.i + 1 : tok.i] if not t.is_punct and t.lower_ != "that" and t.dep_ != "prt"]
    return len(between) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _colon_cue(doc: Doc, open_: int, in_quote: list[bool]) -> Token | None:
    """ "Trump said on Tuesday: “…”": the main verb before a colon introducing the quote."""
    j = open_ - 1
    while j >= 0 and doc_text(doc)[j].isspace():
        j -= 1
    if j < 0 or doc_text(doc)[j] != ":":
        return None
    colon = _token_at(doc, j)
    if colon is None or in_quote[colon.i]:
        return None
    root = colon.sent.root
    if not any(c.dep_ in _SUBJECTS for c in root.children):
        return None
    return root


def _is_clause_quote(doc: Doc, close: int) -> bool:
    """A quote ending in punctuation inside the marks ("…,” he said) is a full utterance."""
    return doc_text(doc)[close - 1] in ",.!?"


def _embedded(doc: Doc, open_: int, close: int) -> bool:
    """Quoted words that a sentence runs on from ("…called it “a disgrace” in a speech")."""
    text = doc_text(doc)
    if text[close - 1] in ",.!?—–-…:;":
        return False
    j = close + 1
    while j < len(text) and text[j] == " ":
        j += 1
    return j < len(text) and (text[j].isalnum() or text[j] in "(")


def _continues(doc: Doc, previous_end: int, open_: int) -> bool:
    """This quote opens in the sentence after the previous one's (its cue sentence), or
    starts the next paragraph with nothing in between: the same speaker goes on."""
    gap = doc_text(doc)[previous_end + 1 : open_].strip(" \t'`")  # doubled-apostrophe marks
    if len(gap) > CONTINUATION_GAP:
        return False
    if not gap.strip():
        return True
    if "\n" in gap.strip():
        return False
    before, after = _token_at(doc, previous_end), _token_at(doc, open_)
    if before is None or after is None:
        return False
    return after.sent.start <= before.sent.end and gap.rstrip()[-1:] in ".!?:"


def _quoted_claims(doc: Doc, pairs: list[tuple[int, int]], in_quote: list[bool], found: list[_Quote]) -> list[_Quote]:
    """Rule 4: quoted words no cue has claimed, governed by a verb with a subject ("Clinton
    called half of Trump's supporters “deplorables”", "Reid has gone after Trump as a “human
    leech”"): the subject is the speaker, the verb the cue, its object up to the quote the content."""
    cues = {q.cue.i for q in found if q.cue is not None}
    spans = [c for q in found for c in q.content]
    quotes: list[_Quote] = []
    for open_, close in pairs:
        if any(_overlap((open_, close), c) for c in spans):
            continue
        tok = _token_at(doc, open_ + 1)
        steps = 0
        while tok is not None and (in_quote[tok.i] or tok.pos_ not in ("VERB",)) and tok.head is not tok and steps < 8:
            tok, steps = tok.head, steps + 1
        if tok is None or in_quote[tok.i] or tok.pos_ != "VERB" or tok.i in cues or tok.i > open_:
            continue
        subj = _speaker(tok)
        if subj is None or tok.lemma_ in ("be", "have"):
            continue
        rights = [c for c in tok.rights if c.dep_ not in ("punct", "prt", "advmod", "cc", "conj")]
        if not rights or rights[0].left_edge.idx > open_:
            start = open_
        else:
            start = rights[0].left_edge.idx
        content = trim(doc, start, close + 1)
        if content[1] <= content[0]:
            continue
        cues.add(tok.i)
        spans.append(content)
        quotes.append(_Quote([content], tok, _cue_span(tok), subj, kind="mixed"))
    return quotes


def _speaker_lines(doc: Doc) -> list[_Quote]:
    """Transcripts and headlines: a paragraph opening with a name and a colon ("PENCE: Well,
    look, …", "Pat Caddell: Democrat voters worried …") reports that person's words."""
    quotes: list[_Quote] = []
    text = doc_text(doc)
    colon = text.find(":")
    while colon >= 0:
        tok, colon = _token_at(doc, colon), text.find(":", colon + 1)
        if tok is None or tok.text != ":" or tok.i == 0 or tok.i > len(doc) - 4:
            continue
        first = tok.i - 1
        while first > 0 and tok.i - first < 4 and doc[first - 1].pos_ == "PROPN" and "\n" not in doc[first - 1].text:
            first -= 1
        names = doc[first : tok.i]
        lead = text[text.rfind("\n", 0, names.start_char) + 1 : names.start_char]
        headline = "\n" not in text[: names.start_char]
        shouting = names.text.isupper() and len(names.text) > 2
        person = all(t.ent_type_ in ("PERSON", "ORG") for t in names)
        if lead.strip(" \"“'") or not (shouting or person or headline):
            continue
        if not all(t.pos_ == "PROPN" or t.is_upper for t in names) or names[0].ent_type_ in ("GPE", "DATE", "TIME"):
            continue
        end = text.find("\n", tok.idx)
        content = trim(doc, tok.idx + 1, end if end >= 0 else len(text))
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        kind = "indirect" if headline else "direct"  # a headline paraphrases, a transcript quotes
        quotes.append(_Quote([content], tok, (tok.idx, tok.idx + 1), (names.start_char, names.end_char), kind))
    return quotes


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dash_source(doc: Doc, close: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "“…” ― Carla Sanchez": a dash after the quote and a name ending the paragraph."""
    text = doc_text(doc)
    j = close + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] not in "―—–":
        return None
    tok = _token_at(doc, j)
    if tok is None or tok.i + 1 >= len(doc):
        return None
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    names = []
    while k < len(doc) and doc[k].pos_ == "PROPN" and "\n" not in doc[k].text:
        names.append(doc[k])
        k += 1
    if not names:
        return None
    return (j, j + 1), (names[0].idx, names[-1].idx + len(names[-1].text))


def _has_left_clause(cue: Token) -> bool:
    """An inverted report: "The plan failed, he said." — cue after a clause and a comma."""
    return any(c.dep_ == "punct" and c.text == "," and c.i < cue.i for c in cue.children) and any(
        c.dep_ in ("ccomp", "parataxis") and c.i < cue.i for c in cue.children
    )


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _cue_span(cue: Token) -> tuple[int, int]:
    end_tok = cue
    for child in cue.children:
        if child.dep_ == "prt" and child.i == end_tok.i + 1:
            end_tok = child
    return cue.idx, end_tok.idx + len(end_tok.text)


def _speaker(cue: Token) -> tuple[int, int] | None:
    """The mention naming who speaks: the cue's subject, or its head's ("went on to add",
    "and added", "…, saying"); a relative "who" stands for the noun it modifies."""
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            break
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                subj = tok.head
            start, end = mention_span(subj)
            text = doc_text(cue.doc)
            if "\n" in text[min(start, cue.idx) : max(end, cue.idx)]:
                return None  # a parse across paragraphs (a header line taken as the subject)
            return start, end
        if tok.dep_ not in _INHERIT or tok.head is tok:
            break
        tok = tok.head
    return None


def _inside(content: list[tuple[int, int]], taken: list[tuple[int, int]], q: _Quote) -> bool:
    """A reported clause that repeats (most of) a direct quote already found."""
    if q.kind == "direct":
        return False
    s, e = content[0][0], content[-1][1]
    for ts, te in taken:
        overlap = min(e, te) - max(s, ts)
        if overlap > 0.5 * (e - s):
            return True
    return False


def _classify(q: _Quote, pairs: list[tuple[int, int]]) -> None:
    """Reported speech holding quoted words: mixed when it opens with the quote, else partial."""
    s, e = q.content[0][0], q.content[-1][1]
    inner = [(o + 1, c) for o, c in pairs if o + 1 >= s - 1 and c <= e + 1]
    if not inner:
        return
    if inner[0][0] <= s + 1 and inner[-1][1] >= e - 1 and len(inner) == 1:
        q.kind = "direct"
        q.content = [(max(s, inner[0][0]), min(e, inner[0][1]))]
    elif inner[0][0] <= s + 1 or inner[-1][1] >= e - 1:
        q.kind = "mixed"  # reported speech that opens or closes with the speaker's own words
    else:
        q.partials = inner


def _records(quotes: list[_Quote], index: MentionIndex) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(kind: str, content: list[tuple[int, int]], q: _Quote) -> None:
        speaker = index.entity_at(*q.speaker) if q.speaker else None
        rows.append(
            {
                "id": f"q{len(rows) + 1}",
                "kind": kind,
                "content": [list(c) for c in content],
                "cue": list(q.cue_span) if q.cue_span else None,
                "speaker_mention": list(q.speaker) if q.speaker else None,
                "speaker": speaker,
                "speaker_name": index.name(speaker),
            }
        )

    for q in quotes:
        add(q.kind, q.content, q)
        for part in q.partials:
            add("partial", [part], q)
    return rows
