"""Quotation marks and their speakers: rule 1 of ``nlp/quotes.py`` and the draft it fills.

Owns: the ``Draft`` quote the rules build, finding the cue beside a pair of quotation marks
("…,” he said / He added, “…” / said X / He said: “…”), sources after a dash ("“…” ― Name"),
transcript and headline speaker lines ("PENCE: …"), continued quotes, and the speaker of a
cue (its subject, or its head's). Reads tokens and text; writes nothing to the Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.nlp.doccache import token_at_char
from dateline.nlp.quote_cues import doc_text, load_cues, mention_span, prep_object, trim

# A quote shorter than this (in words) with no cue beside it is a scare quote or a title,
# not someone's words.
MIN_DIRECT_WORDS = 4
# How far (characters) a quote without a cue may sit from the previous quote and still
# continue its speaker.
CONTINUATION_GAP = 250
_SUBJECTS = ("nsubj", "nsubjpass")
# Cue verbs whose subject is their head's; "acomp" climbs "will be unable to … accuse".
_INHERIT = ("conj", "xcomp", "advcl", "ccomp", "acomp")


@dataclass
class Draft:
    """A quote as the rules find it: offsets and the cue token, before entity lookup."""

    content: list[tuple[int, int]]
    cue: Token | None
    cue_span: tuple[int, int] | None
    speaker: tuple[int, int] | None
    kind: str = "indirect"
    partials: list[tuple[int, int]] = field(default_factory=list)


def quoted_tokens(doc: Doc, pairs: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(doc)
    for open_, close in pairs:
        span = doc.char_span(open_ + 1, close, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                flags[i] = True
    return flags


def inner_span(doc: Doc, open_: int, close: int) -> tuple[int, int]:
    """The words between two quotation marks, keeping their own final punctuation ("…,”)."""
    start, end = open_ + 1, close
    while start < end and doc_text(doc)[start].isspace():
        start += 1
    while end > start and doc_text(doc)[end - 1].isspace():
        end -= 1
    return start, end


def token_at(doc: Doc, char: int) -> Token | None:
    i = token_at_char(doc, char)  # the token ``doc.char_span(char, char + 1, "expand")`` holds
    return doc[i] if i is not None else None


# How far after a closing mark any cue verb is the quote's; further on, only one whose subject
# opens right after the mark ("…,'' Michael McFaul, a senior fellow at … and a former …, said").
_NEAR_CUE = 20
_FAR_CUE = 40


def _subject_first(verb: Token, first: int) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.left_edge.i <= first + 1


# A cue behind one of these is in the sentence before (or after), not in the quote's clause.
_FULL_STOPS = {".", "!", "?"}


def cue_after(doc: Doc, close: int, in_quote: list[bool], verb_cues: set[int]) -> Token | None:
    """ "“…,” he said" / "“…?” she asked" / "“…,” said Smith": a cue verb right after the close.

    The parser often ends a sentence at a quote's final "?" or ".", so the search crosses
    sentence boundaries, but stops at the next full stop or quote; a verb with its own
    clause after it ("“…” She said the plan failed") reports that clause, not the quote."""
    tok = token_at(doc, close)
    if tok is None:
        return None
    sent_end = tok.sent.end
    for i in range(tok.i + 1, min(len(doc), tok.i + _FAR_CUE)):  # "…,” Rep. X (R-Ohio), a panel member, said
        t = doc[i]
        if in_quote[i] or "\n" in t.text:
            break
        if i - tok.i >= _NEAR_CUE and i in verb_cues and not _subject_first(t, tok.i + 1):
            continue  # far from the quote, a cue is its own only after a long subject that opens there
        if i >= sent_end and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ != "PROPN":
            # "“…” He went on to add, …" is a new sentence; "“…?” she asked" and "“…?”
            # Clinton said." are not (the parser often splits the latter at the "?”").
            break
        if i in verb_cues:
            text = doc_text(doc)
            own = any(
                c.dep_ == "ccomp"
                and c.i > i
                and not in_quote[c.i]
                and "\n" not in text[t.idx : c.left_edge.idx]
                and ", " not in text[t.idx : c.left_edge.idx]
                and not _inverted_subject(t, c)
                for c in t.children
            )  # a clause the parse hung on from the next paragraph, or after an aside
            # (", after he admitted … he hadn't been held …"), is not the verb's own
            if doc_text(doc)[close - 1] in ".!?" and t.lemma_.lower() not in _HEARER_CUES:
                # "“…unhinged.” Sen. Rubio called the statement “offensive.”": after a quote
                # that ends its sentence, a cue with its own object or clause reports what
                # follows it, not the quote before.
                own = own or any(c.i > i and c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in t.children)
            # "“…,” and threatened to impose …", "“…,” while 73 percent said the same of …": a
            # verb coordinated or subordinated after the quote, or with a to-clause of its own,
            # is another report, not the quote's cue; one inside the next quotation ("“…,” he
            # said, “and to tell them …”") is the quote going on.
            own = own or any(c.i > i and c.dep_ == "xcomp" and _has_to(c) and not in_quote[c.i] for c in t.children)
            own = own or _opens_next(doc, tok, t)
            # "Asked whether she “has the integrity …,” 75 percent said yes": the answer is theirs
            own = own or any(c.i == i + 1 and c.lower_ in ("yes", "no") for c in t.children)
            # "… remained “one of strength”, but he also warned Moscow against …": the cue
            # coordinated with a verb before the quote (its "but" is that verb's child).
            joined = t.dep_ == "conj" and any(c.dep_ == "cc" and c.idx > close and c.i < i for c in t.head.children)
            if joined or any(c.dep_ in ("cc", "mark") and c.idx > close and c.i < i for c in t.children):
                own = own or any(c.i > i and c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in t.children)
            return None if own else t
        if t.text in _FULL_STOPS or t.text == ";":  # "“…”; Interpol did not disclose …": a clause of its own
            break
    return None


def _opens_next(doc: Doc, mark: Token, verb: Token) -> bool:
    """ "said Romney had a policy “which was maniacal,” adding, “He lost …”", "''I don't like
    it,'' adding that ''they have …''": a participle with no subject right after the closing
    mark, with a comma, a colon or "that" after it, introduces the words that follow; the quote
    before is the earlier cue's (PolNeAR, train, all 840 articles: 15 of 16 split there)."""
    if verb.tag_ != "VBG" or any(c.dep_ in _SUBJECTS for c in verb.children) or verb.i + 1 >= len(doc):
        return False
    if not all(w.is_punct or w.is_space for w in doc[mark.i + 1 : verb.i]):
        return False
    after = doc[verb.i + 1]
    return after.text in (",", ":") or after.lower_ == "that"


def _inverted_subject(cue: Token, clause: Token) -> bool:
    """ "“…,” said Robin Maynard, half joking.": the parser made the inverted speaker the
    subject of a clause after the cue; the cue has no subject of its own."""
    subj = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    return (
        cue.tag_ in ("VBD", "VBZ")
        and clause.left_edge.i == cue.i + 1
        and subj is not None
        and subj.pos_ == "PROPN"
        and subj.left_edge.i == cue.i + 1
        and not any(c.dep_ in _SUBJECTS for c in cue.children)
    )


def names_before(doc: Doc, inner: tuple[int, int], close: int, cue: Token, in_quote: list[bool]) -> bool:
    """ "on “Fox & Friends,” McCaul discussed legislation …", "called it “a disgrace,”
    blaming Bloomberg": a short quoted name or phrase (no finite verb) before a cue that has
    an object of its own is no utterance of that cue — the cue reports its object (rule 2)."""
    words = doc.char_span(inner[0], inner[1], alignment_mode="expand")
    return (
        words is not None
        and len(words) <= _NAME_WORDS
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words)
        and doc_text(doc)[_last_mark(doc, close)] == ","
        and cue.lemma_.lower() not in _HEARER_CUES
        and any(c.i > cue.i and c.dep_ in ("dobj", "xcomp", "oprd") and not in_quote[c.i] for c in cue.children)
    )


_NAME_WORDS = 7


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Cues whose object is the hearer ("“…?” she asked him", "“…,” he told reporters").
_HEARER_CUES = ("tell", "ask", "remind", "assure", "inform", "answer", "warn")


def cue_before(doc: Doc, open_: int, in_quote: list[bool], verb_cues: set[int]) -> Token | None:
    """ "He said, “…”" / "He went on to add, “…”": the nearest cue verb in the clause before."""
    tok = token_at(doc, open_)
    if tok is None:
        return None
    sent_start = tok.sent.start
    for i in range(tok.i - 1, max(sent_start - 1, tok.i - 25), -1):
        if in_quote[i] or doc[i].text in _FULL_STOPS:
            # The parser often hangs an opening mark on the sentence before ("…, said Mr.
            # King, who endorsed Mr. Rubio. ''There is …''"): that sentence is not its clause.
            break
        if i in verb_cues:
            return doc[i]
    return None


# Dependents of a cue that name who heard it and when ("told his radio audience on Monday").
_HEARER_DEPS = ("dobj", "dative", "npadvmod", "prep")


def introduces(doc: Doc, cue: Token, open_: int) -> bool:
    """Only a hearer, "that" or punctuation between the cue and the quote ("told reporters, “…”")."""
    tok = token_at(doc, open_)
    if tok is None:
        return False
    between = [t for t in doc[cue.i + 1 : tok.i] if not t.is_punct and t.lower_ != "that" and t.dep_ != "prt"]
    if (
        len(between) > 4
        and cue.lemma_.lower() in _HEARER_CUES
        and doc[tok.i - 1].text in (",", ":")
        and not any(t.pos_ in ("VERB", "AUX") for t in between)
    ):
        # "told his radio audience on Monday, “…”": a longer hearer and time are still
        # only the cue's own dependents.
        own = {t.i for c in cue.rights if c.dep_ in _HEARER_DEPS for t in c.subtree}
        between = [t for t in between if t.i not in own]
    return len(between) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in between)


# Dependents of a cue that name the hearer, the time or the manner, not the reported clause.
_NOT_CLAUSE = ("dobj", "dative", "npadvmod", "prep", "advmod", "prt", "punct", "mark", "cc", "aux", "neg")


def clause_lead(doc: Doc, cue: Token, open_: int) -> int | None:
    """Where the reported clause starts when its first words come before the quotation
    marks ("said transparency “breaks down barriers”"): PolNeAR's content holds them."""
    tok = token_at(doc, open_)
    if tok is None or cue.i >= tok.i:
        return None
    words = [t for t in doc[cue.i + 1 : tok.i] if not t.is_space and t.lower_ != "that" and t.dep_ != "prt"]
    if words and not any(t.is_punct for t in words) and cue.lemma_.lower() not in ("tell", "ask"):
        # "described Clinton as “a lifetime politician”", "called the senator a “nasty guy”":
        # with no comma before the quote, the words after the cue are part of what was said.
        return words[0].idx
    for t in doc[cue.i + 1 : tok.i]:
        if t.is_punct or t.lower_ == "that" or t.is_space:
            continue
        top = t
        while top.head.i != cue.i and top.head.i != top.i:
            top = top.head
        if top.head.i == cue.i and top.dep_ not in _NOT_CLAUSE and top.i != cue.i:
            return t.idx
    return None


def sentence_lead(
    doc: Doc, open_: int, in_quote: list[bool], verb_cues: set[int], cue: Token | None = None
) -> int | None:
    """Where the reported sentence starts when it runs into the quotation marks with no
    pause ("Oz is “smart as hell,” Mosko wrote", "The summit accomplished “too little,” he
    added"): PolNeAR's content holds the words before the marks (train: 12 of 14). So do the
    words before a comma when the quotation goes on in lower case ("The program, known as the
    RFS, “can continue to …,” she wrote": train 1–400 6 of 6, 401–840 8 of 10)."""
    text = doc_text(doc)
    j = _before_mark(text, open_)
    while j >= 0 and text[j] in " \t":
        j -= 1
    goes_on = j > 0 and text[j] == "," and re.match(r"[“\"'‘`]*\s*[a-z]", text[open_ : open_ + 6]) is not None
    if j < 0 or not (text[j].isalnum() or goes_on):
        return None  # "he said, “…" / "…: “…" / a quote opening its sentence or line
    tok = token_at(doc, open_)
    if tok is None:
        return None
    sent = tok.sent
    start = max(sent.start_char, text.rfind("\n", 0, open_) + 1)
    first = token_at(doc, start)
    if first is None or first.i >= tok.i:
        return None
    # A cue verb inside the clause the cue after the quote reports ("… proposals offer a stark
    # alternative and send a message that a top priority “is …,” Kamin said") is part of it.
    held = cue is not None and any(c.dep_ == "ccomp" and c.i < cue.i and c.left_edge.i <= first.i for c in cue.children)
    if any((t.i in verb_cues and not held) or in_quote[t.i] for t in doc[first.i : tok.i]):
        return None  # a cue before the quote reports it; quoted words before: not one sentence
    words = [t for t in doc[first.i : tok.i] if not t.is_punct]
    if goes_on and len(words) < 3 and not any(t.dep_.startswith("nsubj") for t in words):
        return None  # "Yet, “it is hard …”": a connective, not the start of the words
    return first.idx


def _before_mark(text: str, open_: int) -> int:
    """The character before an opening mark; ``quote_pairs`` opens a doubled ``''`` or ````` at
    its second character, so the first one is skipped too ("tax ''is a poor approach")."""
    j = open_ - 1
    if j >= 0 and text[j : j + 2] in ("''", "``"):
        j -= 1
    return j


def _after_mark(text: str, close: int) -> int:
    """The character after a closing mark (a doubled ``''`` closes at its first character)."""
    return close + (2 if text[close : close + 2] == "''" else 1)


def colon_cue(doc: Doc, open_: int, in_quote: list[bool]) -> Token | None:
    """ "Trump said on Tuesday: “…”": the main verb before a colon introducing the quote."""
    j = _before_mark(doc_text(doc), open_)
    while j >= 0 and doc_text(doc)[j].isspace():
        j -= 1
    if j < 0 or doc_text(doc)[j] != ":":
        return None
    colon = token_at(doc, j)
    if colon is None or in_quote[colon.i]:
        return None
    root = colon.sent.root
    # "The Times made these allegations, and the paper responded:", "As the paper reported, the
    # White House was refusing …:": the speech verb nearest the colon, not the sentence's root.
    speech = load_cues().verbs
    for tok in reversed(doc[colon.sent.start : colon.i]):
        if tok.pos_ == "VERB" and not in_quote[tok.i] and speech.get(tok.lemma_.lower()) == "speech":
            if tok is not root and _subject(tok, in_quote) is not None:
                return tok
            break
    if in_quote[root.i]:
        # "According to the paper: “The senator has had a mixed record …”": the parse made the
        # quote's verb the root; the verb before the colon, if any, introduces it.
        root = next(
            (
                t
                for t in doc[colon.sent.start : colon.i]
                if t.pos_ in ("VERB", "AUX") and not in_quote[t.i] and in_quote[t.head.i]
            ),
            root,
        )
        if in_quote[root.i]:
            return root  # no verb outside the quote: the caller keeps the quote, unattributed
    if not any(c.dep_ in _SUBJECTS for c in root.children):
        return None
    return root


def is_clause_quote(doc: Doc, close: int) -> bool:
    """A quote ending in punctuation inside the marks ("…,” he said) is a full utterance."""
    return doc_text(doc)[_last_mark(doc, close)] in ",.!?"


def _last_mark(doc: Doc, close: int) -> int:
    """The last character before the closing mark, past a nested quote's closing one
    ("… the three products you called ‘miracles,’” she said")."""
    text = doc_text(doc)
    i = close - 1
    while i > 0 and text[i] in "’'":
        i -= 1
    return i


def embedded(doc: Doc, open_: int, close: int) -> bool:
    """Quoted words that a sentence runs on from ("…called it “a disgrace” in a speech")."""
    text = doc_text(doc)
    if text[_last_mark(doc, close)] in ",.!?—–-…:;":
        return False
    j = _after_mark(text, close)
    while j < len(text) and text[j] == " ":
        j += 1
    return j < len(text) and (text[j].isalnum() or text[j] in "(")


def run_on_end(doc: Doc, close: int, verb_cues: set[int]) -> int | None:
    """Where the sentence a quote runs on into ends, before its final stop ("“…” for the top
    income bracket."): None when another quotation mark opens before it, or a cue verb of its
    own follows ("“…” at the convention, he said")."""
    text = doc_text(doc)
    start = _after_mark(text, close)
    while start < len(text) and text[start] == " ":
        start += 1
    after = token_at(doc, start) if start < len(text) else None
    if after is None:
        return None
    last = after.sent[-1]
    while last.i > after.i and (last.is_space or last.is_punct):
        last = doc[last.i - 1]
    end = last.idx + len(last.text)
    rest = text[start:end]
    if "''" in rest or any(ch in rest for ch in '"“”«»') or any(i in verb_cues for i in range(after.i, last.i + 1)):
        return None
    return end


def _lead_in(doc: Doc, gap: str, mark: Token) -> bool:
    """The words of the next sentence before its quote only lead into it: a clause closed by
    a comma ("Unless the race ends soon, “…”") or a conjunction ("But “…”")."""
    lead = [t for t in doc[mark.sent.start : mark.i] if not (t.is_punct or t.is_space)]
    return gap.rstrip()[-1:] == "," or all(t.pos_ in ("CCONJ", "ADV") for t in lead)


_SPEAKER_WORDS = {"i", "me", "my", "we", "us", "our", "you", "your"}


def _narration(doc: Doc, open_: int) -> bool:
    """A paragraph opened with a straight mark after words closed with a curly one, its first
    sentence with no "I", "we" or "you" ("…,” she said.\n\n"Trump walked onto the stage …"):
    how Breitbart's text sets off a block quote of another writer, not the speaker going on."""
    first = token_at(doc, open_ + 1)
    return first is not None and not any(t.lower_ in _SPEAKER_WORDS for t in first.sent if t.idx > open_)


def continues(doc: Doc, previous_end: int, open_: int, cue: int | None = None) -> bool:
    """This quote opens in the sentence after the previous one's (its cue sentence), or
    starts the next paragraph with nothing but the previous quote's cue (at ``cue``) in
    between: the same speaker goes on."""
    text = doc_text(doc)
    gap = text[previous_end + 1 : open_].strip(" \t'`")  # doubled-apostrophe marks
    if len(gap) > CONTINUATION_GAP:
        return False
    if "\n" in gap and text[open_] == '"' and text[previous_end : previous_end + 1] == "”" and _narration(doc, open_):
        return False
    if not gap.strip():
        return True
    cue_at = cue if cue is not None and previous_end < cue < open_ else None
    if "\n" in gap and cue_at is None:
        # Narration and a paragraph break between ("…?”\n\nBut, wittingly or not, …\n\n“…”"):
        # the next paragraph's quote is not this one going on; after its own cue it is.
        return False
    # The sentence the previous quote's cue ends (the parser often ends one at “…?” and
    # starts another at "Graham asked."), else the one the quote ends.
    before, after = token_at(doc, previous_end if cue_at is None else cue_at), token_at(doc, open_)
    if before is None or after is None:
        return False
    if cue_at is not None and "\n" not in gap and after.sent.start == before.sent.end and _lead_in(doc, gap, after):
        return True  # "“A,” said X. Unless the race ends soon, “B.”": a lead-in, then the words go on
    return after.sent.start <= before.sent.end and gap.rstrip()[-1:] in ".!?:"


def speaker_lines(doc: Doc) -> list[Draft]:
    """Transcripts and headlines: a paragraph opening with a name and a colon ("PENCE: Well,
    look, …", "Pat Caddell: Democrat voters worried …") reports that person's words."""
    quotes: list[Draft] = []
    text = doc_text(doc)
    colon = text.find(":")
    while colon >= 0:
        tok, colon = token_at(doc, colon), text.find(":", colon + 1)
        if tok is None or tok.text != ":" or tok.i == 0 or tok.i > len(doc) - 4:
            continue
        first = tok.i - 1
        while first > 0 and tok.i - first < 4 and doc[first - 1].pos_ == "PROPN" and "\n" not in doc[first - 1].text:
            first -= 1
        names = doc[first : tok.i]
        line_start = text.rfind("\n", 0, names.start_char) + 1
        lead = text[line_start : names.start_char]
        headline = "\n" not in text[: names.start_char]
        line_tok = token_at(doc, line_start)
        rubric = doc[line_tok.i : tok.i] if line_tok is not None else None  # the words before the colon
        verbless = rubric is not None and not any(t.pos_ in ("VERB", "AUX") for t in rubric)
        if headline and (lead.strip() or names[0].is_title) and ":" not in lead and len(lead.split()) <= 6 and verbless:
            # "Poll: Clinton Leads …", "Sanders: …", "CNN President On Trump: …": in a headline
            # everything before the colon names the source, whatever its words.
            end = text.find("\n", tok.idx)
            content = trim(doc, tok.idx + 1, end if end >= 0 else len(text))
            # "Gingrich: Trump Must Decide If …": after a name, the line is that person's claim even
            # when it has a cue of its own; after a rubric ("The Latest: Trump urges supporters
            # to …", "Ah, friends once more: Ted Cruz endorses Trump") the inner cue's subject speaks.
            named = line_tok is not None and line_tok.pos_ == "PROPN"
            if _reports_itself(doc, content) and not named:
                continue
            if rubric and rubric[0].pos_ == "DET" and all(t.pos_ == "ADJ" for t in rubric[1:]):
                continue  # "The Latest: Cruz to give away …": an article and an adjective name no one
            if len(text[content[0] : content[1]].split()) >= 3:
                source = (line_start, names.end_char)
                quotes.append(Draft([content], tok, (tok.idx, tok.idx + 1), source, "indirect"))
            continue
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
        quotes.append(Draft([content], tok, (tok.idx, tok.idx + 1), (names.start_char, names.end_char), kind))
    return quotes


def _reports_itself(doc: Doc, content: tuple[int, int]) -> bool:
    """A headline after a colon whose verb is a cue with its own subject ("Ted Cruz endorses
    Trump"): the cue rules find that report; the words before the colon are a rubric."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None:
        return False
    cues = load_cues().verbs
    # "Cruz: … ‘I Fear The Same Thing Is True’": a cue whose subject is "I" or "we" is the
    # source's own words going on, not another report.
    return any(
        t.lemma_.lower() in cues
        and t.pos_ == "VERB"
        and any(c.dep_ in _SUBJECTS and c.i >= words.start and c.lower_ not in ("i", "we") for c in t.children)
        for t in words
    )


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def dash_source(doc: Doc, close: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "“…” ― Carla Sanchez": a dash after the quote and a name ending the paragraph."""
    text = doc_text(doc)
    j = _after_mark(text, close)
    while j < len(text) and text[j] in " \t\xa0":  # "…”\xa0― Jacklyn Ashley"
        j += 1
    if j >= len(text) or text[j] not in "―—–":
        return None
    tok = token_at(doc, j)
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


# Words before a cue verb that PolNeAR (PARC) counts as part of the cue: "has said",
# "is warning", "don't expect", "has sharply criticized", "now says".
_CUE_LEFT = ("aux", "auxpass", "neg", "advmod")


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb with its particle ("pointed out"), the auxiliaries, negation and adverbs
    right before it, and a colon right after it ("said:"), as PolNeAR bounds cues."""
    doc = cue.doc
    start_tok = cue
    if cue.pos_ in ("VERB", "AUX"):
        i = cue.i - 1
        while i >= 0 and doc[i].head.i == cue.i and doc[i].dep_ in _CUE_LEFT and "\n" not in doc[i].text:
            if doc[i].dep_ == "advmod" and doc[i].pos_ != "ADV":
                break
            start_tok = doc[i]
            i -= 1
    end_tok = cue
    for child in cue.children:
        if child.dep_ == "prt" and child.i == end_tok.i + 1:
            end_tok = child
    if end_tok.i + 1 < len(doc) and doc[end_tok.i + 1].text == ":":
        end_tok = doc[end_tok.i + 1]
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def speaker_of(cue: Token, in_quote: list[bool] | None = None) -> tuple[int, int] | None:
    """The mention naming who speaks: the cue's subject, or its head's ("went on to add",
    "and added", "…, saying"); a relative "who" stands for the noun it modifies."""
    agent = _agent(cue) or _stated_in(cue)
    if agent is not None:
        return agent
    if _unnamed(cue):
        return None
    outer = _outer_reporter(cue, in_quote)
    if outer is not None:
        return speaker_of(outer, in_quote)
    agent = _controller(cue, in_quote)
    if agent is not None:
        return agent
    tok: Token | None = cue
    adjective = False  # climbed from an adjective's clause ("was unable to … accuse")
    for _ in range(4):
        if tok is None:
            break
        subj = _subject(tok, in_quote)
        if subj is not None and subj.dep_ == "nsubjpass" and tok is cue and cue.lemma_.lower() not in _EXPERIENCERS:
            possessor = next((c for c in subj.children if c.dep_ == "poss"), None)
            if cue.lemma_.lower() == "intend" and possessor is not None:
                return mention_span(possessor, cue)  # "Her plan is intended to …": the plan's owner intends
            return None  # "peacekeepers have been accused of …": the subject is not the speaker
        if subj is not None and (adjective or extraposed(tok)) and subj.lower_ in ("it", "there"):
            return None  # "it is worth noting that …": nobody
        if subj is not None:
            issuer = _issuer(tok.head) if subj.lower_ in ("that", "which") and tok.dep_ == "relcl" else None
            if issuer is not None:
                return issuer
            aside = tok is not cue and cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.i > 0 and cue.nbor(-1).is_punct
            if subj.lower_ in ("who", "that") and tok.dep_ == "relcl" and aside:
                # "with Clinton — who has called for … — lambasting …": the participle set off
                # after the relative clause is the noun's, not the relative pronoun's.
                return mention_span(tok.head, tok)
            if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                # "officials who said …": the noun and the relative pronoun, the local
                # mention PARC marks; the entity is found through the noun.
                start, end = mention_span(tok.head, cue)[0], subj.idx + len(subj.text)
            else:
                start, end = mention_span(subj, cue)
            text = doc_text(cue.doc)
            marked = any(m in text[start:end] for m in '“”"')
            if marked and '"' not in text[start:end] and load_cues().verbs.get(cue.lemma_.lower()) in _REPORTS:
                # A report's subject may hold a title in curly marks ("Lehel, the hacker known as
                # “Guccifer,” stated …"); a stance's, or straight marks (markup), keep the old reading.
                before = cue.doc.char_span(start, subj.idx, alignment_mode="expand")
                marked = before is not None and _glued_quote(before)
            if start > 0 and (text[start - 1] in '“"' or marked):
                # The parser took the quote itself as the subject ("“My reaction …,” Obama's
                # former campaign strategist said"): the speaker is the noun beside the cue.
                return _name_beside(cue)
            between = text[min(start, cue.idx) : max(end, cue.idx)]
            if "\n\n" in between.replace("\r", "").replace(" ", ""):
                # A parse across paragraphs took a header line ("The Latest: … 7 p.m.") as the
                # subject; the real one hangs off it as an apposition in the cue's paragraph.
                return _paragraph_subject(subj, cue)
            return _polled(tok, subj) or (start, end)
        said = _said_before(tok, in_quote)
        if said is not None:
            return said
        if tok is cue and (misread := _subordinated_subject(cue)) is not None:
            return misread
        if tok.dep_ == "pcomp" and tok.head.lower_ == "for":
            return _credited(tok.head)
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", *_SUBJECT_PREPS):
            if tok.head.head.pos_ in ("ADJ", "ADV") and tok.head.head.dep_ in ("acomp", "advmod"):
                # "stopped short of calling …" (to the verb), "was capable of saying …", "was
                # devoted to criticizing …", "was back to boasting …"
                adj = tok.head.head
                tok = adj.head if adj.dep_ == "advmod" else adj
                continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "of":
            verb = tok.head.head
            if verb.pos_ == "VERB":
                credited = _credited(tok.head)  # "accused the senator of saying …"
                if credited is not None or any(c.dep_ in ("dobj", "dative") for c in verb.children):
                    return credited
                tok = verb  # "it is steering clear of criticizing …": no one else named, the subject
                continue
        if tok.dep_ == "acl" and tok is not cue:
            return _controller(tok, in_quote)  # "Hispanics telling their stories and criticizing …"
        if (purpose := _purpose_of(tok)) is not None:
            # "mounted a public campaign to condemn …", "made an effort to reassure …": the one
            # who acts; "gave the mayor a chance to respond": the one given it.
            dative = next((c for c in purpose.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
            if dative is not None:
                return mention_span(dative, cue)
            if purpose.lemma_.lower() not in _GIVING:  # "give the DNC authority to …" parsed as one noun
                tok = purpose
                continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and (owner := _clause_owner(tok.head)) is not None:
            if isinstance(owner, tuple):
                return owner
            tok = owner
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in _CLAUSE_PREPS:
            prep, tok = tok.head, tok.head.head  # "began by saying …", "after saying …": the verb's subject
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS and c.i < prep.i]
            if len(subjects) < len([c for c in tok.children if c.dep_ in _SUBJECTS]) and subjects:
                # "Ryan, despite admitting …, the victims need …": the parse gave the verb two
                # subjects; the one before the preposition does the -ing clause.
                return mention_span(subjects[-1], cue)
            continue
        gerund = tok.dep_ == "dobj" and tok.tag_ == "VBG"  # "she recalled thinking, “…”"
        if (tok.dep_ not in _INHERIT and not gerund) or tok.head.i == tok.i:
            break
        # "it's hard to know …", "It is easy to criticize …": a to-clause beside an adjective
        # whose subject is "it" is nobody's report.
        adjective = adjective or tok.dep_ == "acomp" or (tok.dep_ == "xcomp" and _beside_adjective(tok))
        tok = tok.head
        if in_quote is not None and not in_quote[cue.i]:
            # "emailed supporters saying: “The struggle continues” and vowing to …": a cue outside
            # the marks that the parse hangs on a quoted verb goes on with the verb the quote is on.
            for _ in range(8):
                if not in_quote[tok.i] or tok.head.i == tok.i:
                    break
                tok = tok.head
    return _comma_host(cue, in_quote) or _goes_on(cue, in_quote) or _glued_subject(cue, in_quote)


# Verbs that hand what the to-clause names to someone else ("gave him a chance to respond").
_GIVING = ("give", "grant", "offer", "allow", "deny", "afford", "lend")


def _purpose_of(clause: Token) -> Token | None:
    """The verb whose object a to-clause completes ("mounted a campaign to condemn …": mounted)."""
    noun = clause.head
    if (
        clause.dep_ != "acl"
        or clause.tag_ != "VB"
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ):
        return None
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    return noun.head


def _beside_adjective(clause: Token) -> bool:
    """A to-clause that completes an adjective its verb predicates ("is hard [to know …]")."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.lefts) and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < clause.i for c in clause.head.children
    )


_REPORTS = ("speech", "belief")


def _glued_quote(words: Span) -> bool:
    """Whether the words of a subject before its head hold someone's quotation the parse glued
    on ("“My reaction …,” Obama's former campaign strategist"): one closed after its own
    punctuation, or one left open. A title or nickname in marks is part of the name ("“Daily
    Show” host Trevor Noah", "Lehel, the hacker known as “Guccifer,”")."""
    texts = [t.text for t in words]
    closed = any(w in _MARKS and i > 0 and texts[i - 1] in (",", ".", "?", "!") for i, w in enumerate(texts))
    return closed or texts.count("“") > texts.count("”")


_POLLS = ("poll", "survey")
_SHARES = ("percent", "majority", "half", "third", "quarter", "plurality", "most")


def _polled(verb: Token, subj: Token) -> tuple[int, int] | None:
    """ "In a CNN poll last month, 38 percent of voters said …": a share of those polled reports
    what the poll found; PolNeAR's source is the poll the clause opens with."""
    if not any(t.like_num or t.lower_ in _SHARES for t in subj.subtree):
        return None
    in_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < subj.i), None)
    poll = prep_object(in_)
    if poll is None or poll.lemma_.lower() not in _POLLS:
        return None
    return mention_span(poll, verb)


def extraposed(verb: Token) -> bool:
    """ "It's unlikely that …", "it became clear that …": the verb's "it" holds the place of the
    that-clause after its adjective, and no one is said to hold the clause."""
    kids = list(verb.rights)
    return (
        any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in kids)
        and any(c.dep_ == "ccomp" for c in kids)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.lefts)
    )


def _glued_subject(cue: Token, in_quote: list[bool] | None) -> tuple[int, int] | None:
    """ "Kasich jokingly offered the man a job, then says he'll welcome advice": a cue with no
    subject of its own that the parse made the head of the clause before it (a ccomp set off
    by a comma) goes on with that clause's subject."""
    if cue.dep_ != "ROOT":
        return None
    before = next((c for c in cue.children if c.dep_ == "ccomp" and c.right_edge.i < cue.i), None)
    if before is None or not any(t.text == "," for t in cue.doc[before.right_edge.i + 1 : cue.i]):
        return None
    subj = _subject(before, in_quote)
    if subj is None or subj.i > before.i or (in_quote is not None and in_quote[subj.i]):
        return None
    if subj.pos_ != "PROPN" and subj.lower_ not in ("he", "she", "they", "we", "i"):
        return None  # "It …, then insists": a person named or pronounced, not a thing
    return mention_span(subj, before)


# Subordinators the tagger reads as prepositions, making the clause's subject their object.
_SUBORDINATORS = ("since", "as", "after", "before", "while", "because", "until", "once", "though", "although")


def _subordinated_subject(cue: Token) -> tuple[int, int] | None:
    """ "since Clinton, at Monday's debate, cited …", "as the United States, Britain and France
    support …": a finite cue with no subject right after a subordinator the parse took for a
    verb's preposition; its "object" (up to the cue, or to a comma aside before it) is the
    cue's subject, not the main clause's."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = cue.doc
    for i in range(cue.i - 1, max(cue.sent.start, cue.i - 15) - 1, -1):
        t = doc[i]
        joins_verbs = t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX")  # not "Britain and France"
        if t.pos_ in ("VERB", "AUX") or joins_verbs or t.text in (";", ":") or "\n" in t.text:
            return None  # another clause, a coordination or a new line: not this cue's subject
        if t.lower_ in _SUBORDINATORS and t.dep_ == "prep":
            obj = prep_object(t)
            if obj is None or obj.pos_ not in ("PROPN", "NOUN") or obj.ent_type_ in ("DATE", "TIME"):
                return None
            if t.head.pos_ not in ("VERB", "AUX"):
                return None  # "a job as Secretary of Defense": a noun's preposition
            gap = doc[obj.right_edge.i + 1 : cue.i]
            if len(gap) and not (gap[0].text == "," and gap[-1].text == ","):
                return None  # "as the crowd grew, then says": words between that are no aside
            return mention_span(obj, cue)
    return None


def _goes_on(cue: Token, in_quote: list[bool] | None) -> tuple[int, int] | None:
    """ "X stated that …. Adding, “…”": a speech participle opening a sentence with no subject
    of its own goes on with the speaker of the sentence before, when that one reports too."""
    doc = cue.doc
    first = cue.sent.start
    while first < cue.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if cue.tag_ != "VBG" or first != cue.i or cue.sent.start == 0:
        return None
    before = doc[cue.sent.start - 1].sent.root
    if load_cues().verbs.get(before.lemma_.lower()) != "speech" or _subject(before, in_quote) is None:
        return None
    return speaker_of(before, in_quote)


# Prepositions whose -ing clause a verb's subject does ("has taken to urging …", "insisted on
# calling …", "warned against raising …"); "from"/"into" clauses are often the object's
# ("barred him from saying"), "for"/"of" have rules of their own.
_SUBJECT_PREPS = ("to", "on", "upon", "against", "about", "toward", "towards")


def _clause_owner(prep: Token) -> Token | tuple[int, int] | None:
    """Who does an -ing clause under ``prep`` when the clause has no subject: a noun's
    possessor ("his campaign theme of questioning …", "her habit of saying …"), or the verb
    whose subject does it ("has taken to urging …", "In addition to stating …", "were in the
    lead in advocating …"), the verb returned to climb on from."""
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN"):
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:
            return mention_span(poss)
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
            return head.head.head
        if head.dep_ == "dobj" and prep.lower_ == "of" and head.head.pos_ in ("VERB", "AUX"):
            return head.head  # "have no way of knowing …", "made a point of saying …": the verb's subject
        return None
    if head.pos_ in ("VERB", "AUX") and prep.lower_ in _SUBJECT_PREPS:
        if not any(c.dep_ in ("dobj", "dative") and c.i < prep.i for c in head.children):
            return head
    return None


def _comma_host(cue: Token, in_quote: list[bool] | None) -> tuple[int, int] | None:
    """ "Clinton seemed ready to riff on it, telling the crowd, “Some people …”": a participle
    after a comma that the parser hung inside the quote it introduces; its subject is the
    subject of the clause the comma closes."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    host = cue.doc[cue.i - 1].head
    if host.i >= cue.i or host.pos_ not in ("VERB", "AUX") or (in_quote is not None and in_quote[host.i]):
        return None
    subj = _subject(host, in_quote)
    return mention_span(subj, host) if subj is not None and subj.dep_ == "nsubj" else None


# Participles that name a state of mind, not something done to the subject: "she is assured
# of winning", "Democrats are worried that …" — the subject holds the view (PolNeAR's source).
_EXPERIENCERS = ("assure", "worry", "concern")


# Objects that name the praise or blame, not its target ("gives credit to X for …").
_VERDICTS = ("credit", "praise", "thanks", "kudos", "blame", "props")


def _credited(for_: Token) -> tuple[int, int] | None:
    """Who did what "for …ing" names: the one praised, blamed or punished ("blasted the
    senator for saying …", "held the aide in contempt for refusing …", "gives credit to
    reporters and students for speaking out …"), not the one who praises."""
    head = for_.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ == "to":
        return mention_span(head)  # "credit to reporters and students for …"
    if head.pos_ != "VERB":
        return None
    # "was praised for …": the subject; "granted the aide immunity for …": the one granted;
    # else the object.
    obj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    obj = obj or next((c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP" and c.i < for_.i), None)
    obj = obj or next((c for c in head.children if c.dep_ == "dobj" and c.i < for_.i), None)
    if obj is not None and obj.lemma_.lower() in _VERDICTS:
        to = next((c for c in head.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return mention_span(obj) if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON") else None


def _agent(cue: Token) -> tuple[int, int] | None:
    """ "Asked by the host to respond, …", "Rubio was asked by the moderator whether …": a
    passive cue's agent is the one who speaks."""
    if cue.tag_ != "VBN" or load_cues().verbs.get(cue.lemma_.lower()) == "evidence":
        return None  # "as shown by the bill's inclusion of it": evidence, not a speaker
    by = next((c for c in cue.children if c.dep_ == "agent" and c.i > cue.i), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if agent is None or agent.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return mention_span(agent, cue)


def _stated_in(cue: Token) -> tuple[int, int] | None:
    """ "As stated in the mayor's letter, …", "as noted in the report": the words the aside
    names hold what is reported, as "according to" does."""
    if cue.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if load_cues().verbs.get(cue.lemma_.lower()) == "evidence":
        return None  # "as shown in his inclusion of it in …": evidence, not a speaker (as in _agent)
    in_ = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > cue.i), None)
    source = prep_object(in_)
    if source is None or source.pos_ not in ("NOUN", "PROPN"):
        return None
    return mention_span(source, cue)


def _unnamed(cue: Token) -> bool:
    """ "Asked to describe the device, O'Neill said …", "when asked to do so by police": a
    passive participle cue whose asker the sentence does not name as its subject. A past
    tense the tagger read as a participle keeps its subject ("As the paper reported, …")."""
    return (
        (cue.tag_ == "VBN" or (cue.tag_ == "VBD" and _opens_clause(cue)))
        and cue.dep_ == "advcl"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in cue.children)
    )


def _opens_clause(cue: Token) -> bool:
    """ "Asked whether …, Daley said", "When asked how …": a past form opening its clause with no
    subject, which the tagger read as a past tense; a participle all the same."""
    doc = cue.doc
    start = cue.left_edge.i
    if any(t.lower_ not in _WHEN for t in doc[start : cue.i]):
        return False
    return start == 0 or doc[start].is_sent_start is True or doc[start - 1].is_space or doc[start - 1].text in '."'


_WHEN = ("when", "if", "once")


def _said_before(tok: Token, in_quote: list[bool] | None) -> tuple[int, int] | None:
    """ "…,” Sanders said, going on to say that …" / "Mr. Obama said, not even needing to
    mention …": a participle right after "X said," is X's, however the parse hangs the two."""
    if tok.tag_ != "VBG":
        return None
    doc = tok.doc
    j = tok.i - 1
    while j > 0 and doc[j].dep_ in ("neg", "advmod"):
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    verb = doc[j - 1]
    if load_cues().verbs.get(verb.lemma_.lower()) != "speech" or _subject(verb, in_quote) is None:
        return None
    return speaker_of(verb, in_quote)


def _outer_reporter(cue: Token, in_quote: list[bool] | None) -> Token | None:
    """The speech verb whose reported clause the parse hung a subjectless cue in: "Rendell
    said he had battled pneumonia and called it common", "Perdue said he did not believe it,
    arguing that …" — the one who called and argued is the one who said (PolNeAR's reading)."""
    if cue.dep_ not in ("conj", "advcl") or _subject(cue, in_quote) is not None:
        return None
    if cue.dep_ == "advcl" and cue.tag_ != "VBG":
        return None
    if cue.dep_ == "conj" and not any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in cue.head.children):
        return None  # "should change the laws rather than criticize him": the nearer subject
    speech = load_cues().verbs
    tok, found = cue.head, None
    for _ in range(6):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            break
        if in_quote is not None and in_quote[tok.head.i] and not in_quote[cue.i]:
            break  # "…, telling reporters, “A lot of people said …”": the quote's verb reports nothing here
        # "tweeted that Machado was … and encouraged …" (the parse's "that" clause as advcl);
        # "telling CNN that Trump is … and questioning …" (the teller's subject inherited).
        reported = tok.dep_ == "ccomp" or (tok.dep_ == "advcl" and any(c.lower_ == "that" for c in tok.children))
        if (
            reported
            and speech.get(tok.head.lemma_.lower()) == "speech"
            and (_subject(tok.head, in_quote) or (tok.head.dep_ in ("advcl", "conj") and tok.head.tag_ == "VBG"))
        ):
            between = cue.doc[min(tok.head.i, cue.i) : max(tok.head.i, cue.i)]
            if any(t.text == ";" for t in between):
                break  # "Republicans said …; they learned … and disclosed": a new sentence
            found = tok.head
        tok = tok.head
    return found


# Nouns naming a recording: "footage of Clinton asking, “…”" quotes Clinton, not the footage.
_RECORDINGS = ("footage", "video", "clip", "tape", "recording", "audio")


# Occasions one speaks at: "said at a news conference announcing …" is the one who said.
_OCCASIONS = ("conference", "briefing", "rally", "speech", "interview", "hearing", "event", "appearance")


# Verbs whose object comes from someone else: "received calls saying …", "got a letter asking …".
_RECEIVING = ("receive", "get", "obtain", "hear", "intercept")


def _controller(cue: Token, in_quote: list[bool] | None) -> tuple[int, int] | None:
    """Who speaks in a participle or infinitive the parse hung on another verb or a noun:
    the object ("left many nations feeling that …", "forced the chief executive to admit
    that …", "led the journalist to fear a “… Pact”", "uses footage of Clinton asking, “…”"), or, for a document someone issued, the
    one who issued it ("the Council issued a statement calling the test …")."""
    forced = cue.head.lemma_.lower() in ("force", "compel", "lead") and any(c.lower_ == "to" for c in cue.children)
    if cue.dep_ == "xcomp" and (cue.tag_ == "VBG" or forced):
        obj = next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None)
        if obj is None or (in_quote is not None and in_quote[obj.i]):
            return None
        if obj.lemma_.lower() in _RECORDINGS:
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is None:
                return None
        return mention_span(obj, cue)
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        noun = cue.head
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("in", "at", "on", "during")
            and noun.head.head.pos_ in ("VERB", "AUX")
        ):
            # "the companies managed to hide …, in many cases reporting …": a circumstance,
            # the participle is the clause's subject's.
            return speaker_of(noun.head.head, in_quote)
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "miners with long histories in the valley speaking …": the miners
        lemma = noun.lemma_.lower()
        cues = load_cues()
        # "emailed supporters saying: …", "approved a resolution condemning …": a verb's object
        # is mostly whom or what the subject spoke through, so the subject speaks.
        # Not what one receives ("Police received 911 calls saying …"): those speak for themselves.
        issued = noun.dep_ == "dobj" and noun.head.lemma_.lower() not in _RECEIVING
        if lemma not in cues.nouns and lemma not in _OCCASIONS and lemma not in _RECORDINGS and not issued:
            # "featuring Hispanics telling their stories", "artists writing songs about him":
            # the ones the participle describes speak, up to the participle.
            start, end = mention_span(noun, cue)
            end = min(end, cue.idx)
            while end > start and (doc_text(cue.doc)[end - 1].isspace() or doc_text(cue.doc)[end - 1] == ","):
                end -= 1
            return (start, end) if end > start else None
        # "issued a statement calling …"; "said at a news conference announcing …"
        verb = cue.head.head
        if cue.head.dep_ == "pobj" and cue.head.lemma_.lower() in _OCCASIONS and verb.dep_ == "prep":
            verb = verb.head
        elif issued and noun is not cue.head and cue.head.lemma_.lower() in _DOCUMENTS:
            verb = noun.head  # "unleashed a series of tweets criticizing …": the one who unleashed
        elif cue.head.dep_ != "dobj":
            return None
        subj = _subject(verb, in_quote)
        if subj is not None and subj.dep_ == "nsubj" and subj.lower_ not in ("who", "that", "which"):
            return mention_span(subj, verb)
        if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "Ban vowed not to … and established a policy urging …": the first verb's subject
            return speaker_of(verb, in_quote)
    return None


# Documents someone issues: "released a letter that says …" reports the one who released it.
_DOCUMENTS = (
    "letter",
    "statement",
    "ad",
    "advertisement",
    "commercial",
    "video",
    "memo",
    "email",
    "op-ed",
    "resolution",
    "tweet",
)


def _issuer(noun: Token) -> tuple[int, int] | None:
    """ "He released a letter from his doctor that says …", "X is releasing an ad that urges …":
    the subject of the verb whose object the document is (PolNeAR's source)."""
    if noun.lemma_.lower() not in _DOCUMENTS or noun.dep_ != "dobj":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.head.i), None)
    if subj is None or subj.lower_ in ("who", "that", "which"):
        return None
    return mention_span(subj, noun.head)


def _subject(verb: Token, in_quote: list[bool] | None) -> Token | None:
    """The verb's subject nearest before it (else its first after it), outside quotation
    marks when it has one there. A parse that glues on the words before gives the verb two
    subjects ("“… Coke user?” Dean, a doctor, then appeared …", "“…, one of the brightest
    members,” Rep. Cummings said", "One of the many reasons that Trump refuses …"): the
    speaker is the one beside the verb."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    outside = [c for c in subjects if in_quote is None or not in_quote[c.i]] or subjects
    before = [c for c in outside if c.i < verb.i]
    if len(before) > 1 and before[-1].lower_ in ("both", "all", "each"):
        return before[-2]  # "Republican figures — whose … — both suggested …": the noun, not "both"
    return before[-1] if before else (outside[0] if outside else None)


def direct_speaker(cue: Token, in_quote: list[bool]) -> tuple[int, int] | None:
    """The speaker of a cue beside a quote: its subject, unless the parser took quoted words
    as the subject ("“… We will achieve justice,” Chief Jordan said"), then the name beside
    the cue, before it or right after it ("Said Ellis: “…”")."""
    speaker = speaker_of(cue, in_quote) or _comma_host(cue, in_quote)
    if speaker is None and _unnamed(cue):
        return None
    if speaker is not None:
        tok = token_at(cue.doc, speaker[0])
        if tok is None or not in_quote[tok.i]:
            return speaker
        host = _comma_host(cue, in_quote)  # the parse took a subject inside the quote
        if host is not None:
            return host
    apposed = _apposed_name(cue, in_quote)
    if apposed is not None:
        return apposed
    beside = _name_beside(cue)
    if beside is not None:
        tok = token_at(cue.doc, beside[0])
        if tok is not None and not in_quote[tok.i]:
            return beside
    doc = cue.doc
    if cue.lemma_.lower() in ("tell", "remind", "assure", "inform"):
        return None  # "…,” tells Breitbart News": the name after is the one told
    names = []
    for t in doc[cue.i + 1 : cue.i + 6]:
        if t.pos_ != "PROPN" or in_quote[t.i] or t.ent_type_ in ("DATE", "TIME"):
            break  # "…,” said Thursday morning" names a day, not a speaker
        names.append(t)
    if names:
        return names[0].idx, names[-1].idx + len(names[-1].text)
    return _inverted_object(cue, in_quote)


def _inverted_object(cue: Token, in_quote: list[bool]) -> tuple[int, int] | None:
    """ "“…,” added a South Carolina Democrat.": a cue right after the closing mark with a
    noun phrase after it that the parse took for its object; in this inverted order it is the
    one who speaks."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text not in _MARKS or doc[cue.i - 2].text not in ",?!":
        return None
    subj = _subject(cue, in_quote)
    if subj is not None and not in_quote[subj.i]:
        return None  # "X, host of “The Apprentice,” listed a show …": the mark closed a title
    obj = next((c for c in cue.rights if c.dep_ in ("dobj", "attr") and c.left_edge.i == cue.i + 1), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or in_quote[obj.i]:
        return None
    return mention_span(obj, cue)


def _apposed_name(cue: Token, in_quote: list[bool]) -> tuple[int, int] | None:
    """ "“Very good reporter, this guy,” Trump, the front-runner, said": the parse took the
    quoted words as the cue's subject and the name after the closing mark as their apposition;
    the name is the speaker."""
    subj = _subject(cue, in_quote)
    if subj is None or not in_quote[subj.i]:
        return None
    name = next(
        (c for c in subj.rights if c.dep_ == "appos" and not in_quote[c.i] and c.i < cue.i and c.pos_ == "PROPN"),
        None,
    )
    return mention_span(name, cue) if name is not None else None


# Prepositions whose -ing clause has the main verb's subject ("by saying", "after saying",
# "was quoted as saying", "since announcing").
_CLAUSE_PREPS = ("by", "after", "before", "while", "without", "in", "upon", "when", "despite", "as", "since")


def _name_beside(cue: Token) -> tuple[int, int] | None:
    """The noun phrase right before the cue, outside quotation marks ("…,” Obama's former
    campaign strategist said"), with the apposition or bracket that closes it ("…,” Flynn, a
    top Trump surrogate, said", "…,” Rep. Elijah E. Cummings (D-Md.) said": PolNeAR's source
    keeps the closing comma or bracket)."""
    doc = cue.doc
    text = doc_text(doc)
    i = cue.i - 1
    while i >= 0 and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    if i < 1:
        return None
    last = doc[i]
    noun = doc[i - 1] if last.text == "," else (last.head if last.text == ")" else last)
    closed = noun.dep_ == "appos"  # a comma that closes the name's apposition or aside
    if last.text == "," and not closed:
        # "…,” Brent Bozell III, founder of the Media Research Center, tells …": the comma closes
        # an apposition whose last word is deeper in it.
        inner = noun
        while inner.dep_ in ("pobj", "prep", "compound", "amod") and inner.i > inner.head.i:
            inner = inner.head
        if inner is not noun and inner.dep_ == "appos":
            noun, closed = inner, True
    if noun.pos_ == "NUM" and noun.dep_ == "appos":
        noun = noun.head  # "…,” Ramos, 58, told …": the age is the name's
    if last.text == "," and not closed:
        # "…,” Bill Eastland, wearing a cowboy hat, said": a participle aside closes the name.
        aside = next((a for a in [noun, *noun.ancestors] if a.tag_ == "VBG" and a.dep_ in ("acl", "advcl")), None)
        if aside is not None and 1 < aside.left_edge.i < cue.i and doc[aside.left_edge.i - 1].text == ",":
            name = doc[aside.left_edge.i - 2]  # the parse may hang the aside anywhere
            if name.pos_ == "PROPN" and text[name.idx + len(name.text) : name.idx + len(name.text) + 1] == ",":
                noun, closed = name, True
    if (last.text == ")" and not noun.i < last.i) or (last.text == "," and not closed):
        return None  # a comma after an opening phrase ("For instance, …") closes no name
    after = text[noun.idx + len(noun.text) : last.idx + len(last.text) if last.text == ")" else cue.idx]
    if noun.pos_ in ("PROPN", "NOUN", "PRON") and after.strip()[:1] not in ("”", '"'):
        head = noun
        while (
            head.head.i != head.i
            and head.head.i < cue.i
            and head.head.pos_ in ("PROPN", "NOUN")
            and head.dep_ != "punct"
            and not any(m in text[min(head.idx, head.head.idx) : max(head.idx, head.head.idx)] for m in _MARKS)
        ):
            head = head.head
        left = head.left_edge
        # "…hunky-dory,” Gene Sperling, a top adviser, said": the parse hung the end of the
        # quotation on the name; the name starts after the mark that closes it.
        closed_at = [t.i for t in doc[left.i : head.i] if t.text in _MARKS and t.i > 0 and doc[t.i - 1].text in ",.?!"]
        if closed_at:
            left = doc[closed_at[-1] + 1]
        while left.i < head.i and (left.is_punct or text[left.idx] in '“”"'):
            left = doc[left.i + 1]
        return left.idx, last.idx + len(last.text)
    return None


# Quotation marks, with the doubled apostrophes some wires type for them.
_MARKS = ("“", "”", '"', "''")


def _paragraph_subject(subj: Token, cue: Token) -> tuple[int, int] | None:
    text = doc_text(cue.doc)
    para = max(text.rfind("\n\n", 0, cue.idx), text.rfind("\n \n", 0, cue.idx), text.rfind("\r\n\r\n", 0, cue.idx))
    found = [
        t for t in subj.subtree if t.dep_ == "appos" and para < t.idx < cue.idx and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    if not found:
        return None
    start, end = mention_span(found[-1], cue)
    return (start, end) if start > para else None
