"""Finding mentions on the parse: names (with the model's typical NER errors repaired), the
titles in front of them, descriptions ("the defense official"), appositions and plural actors.

Produces ``Mention`` objects only; which mentions belong together is ``nlp.entities``' job.
Works from ``doc.ents`` and ``doc.noun_chunks`` plus the gazetteers in ``nlp.actors``; it
never loops over every token of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, LOWER, ORTH, POS
from spacy.lang.en.syntax_iterators import noun_chunks as _english_noun_chunks
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.nlp.actors import Title, find_places, find_titles, gazetteer, media_code, sector_of
from dateline.nlp.doccache import attr_array, token_bounds, token_ids_with

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_JUNK = re.compile(r"[\[\]{}<>|@#]")
_DEFINITE = {"the", "this", "that"}
# Heads that quantify a plural actor: "a number of nations", "hundreds of protesters".
_QUANTITY = {"number", "group", "dozens", "hundreds", "thousands", "millions", "majority", "some", "many", "all"}
_ACTING = {"nsubj", "nsubjpass", "csubj"}
# Last words that make a name an organisation whatever the NER said ("Mahan Air" as FAC or
# PERSON). Name parts, not titles, so they live here rather than in titles.tsv.
ORG_WORDS = frozenset(
    "air airlines airways corp corporation inc ltd group bank agency ministry party council office "
    "organization organisation union association committee company corps guard guards army forces "
    "news times post university institute foundation commission court parliament assembly federation "
    "front movement league network tv television radio press service services authority".split()
)


@dataclass
class Mention:
    """One mention: character span, what it is, and what it tells about its entity."""

    start: int
    end: int
    kind: str  # person | org | place | group
    what: str  # name | acronym | description | appos | group | pronoun | dateline
    sent: int  # index of its sentence
    label: str = ""
    name: str = ""  # normalised name (names only)
    code: str | None = None  # gazetteer code when the name is a country or IGO
    gaz: str = ""  # what the gazetteer calls it: name|alias|demonym|capital|igo
    acronym: str | None = None  # "SCO" from "the Shanghai Cooperation Organization (SCO)"
    prefix: str = ""  # the title chain before a name ("Iran's Defense Minister Brigadier General")
    role: str | None = None
    sector: str | None = None
    head: str = ""  # description/group head phrase ("defense official")
    subject: bool = False  # subject of its clause (salience for pronouns)
    root_subject: bool = False  # subject of its sentence's main verb
    token: int = 0  # index of its head token
    gender: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def sentence_index(doc: Doc) -> list[int]:
    """Token index -> sentence number, built once per doc from sentence boundaries."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        out[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return out


class _Chars:
    """The doc's text, read once, and each token's character span: ``words(a, b)`` is
    ``doc[a:b].text`` and ``word(i)`` is ``doc[i].text`` without building Span and Token
    objects (spaCy joins the tokens again on every ``.text``)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.starts, self.ends = token_bounds(doc)  # shared per Doc: read, never changed

    def words(self, a: int, b: int) -> str:
        return self.text[self.starts[a] : self.ends[b - 1]] if b > a else ""

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]


def is_subject(tok: Token) -> tuple[bool, bool]:
    subj = tok.dep_ in _ACTING
    return subj, subj and tok.head.dep_ == "ROOT"


def _titled_person(text: str) -> bool:
    """``text`` starts with a title or role noun that names a person ("President", "Rear
    Admiral", "chief", "spokesman") and its last word is no org word ("President Putin
    Foundation" stays an org)."""
    found = _titles_at(text)
    if found and found[0].use == "honorific" and not found[0].strong:
        return _titled_person(text[found[0].end :].lstrip())  # "former", "late": what follows decides
    return bool(found) and found[0].kind == "person" and text.split()[-1].lower() not in ORG_WORDS


def _titles_at(text: str) -> list[Title]:
    return [t for t in find_titles(_lead(text)) if t.start == 0]


_LEAD_WORD = re.compile(r"[\w’'.]+")  # a word as ``actors.PhraseIndex`` splits text


def _lead(text: str) -> str:
    """The first words of ``text``, as many as the longest title has: a title at the start
    lies within them, and the short head is shared by many names, so ``find_titles``' cache
    answers it. Only for ASCII text, where lower-casing keeps every offset and word boundary."""
    if not text.isascii():
        return text
    words = gazetteer().title_index.longest
    for n, match in enumerate(_LEAD_WORD.finditer(text), start=1):
        if n == words:
            return text[: match.end()]
    return text


def name_mentions(doc: Doc, sents: list[int], text: str) -> list[Mention]:
    """Mentions from the NER, repaired: title-only ORG spans dropped ("Second Brigadier",
    "Defense" in "Defense Minister"), honorifics and titles moved out of names ("Martyr
    Soleimani"), "(SCO" tails split into acronyms, possessive "'s" trimmed; a title chain
    before a person or org becomes part of the mention and gives its role."""
    out: list[Mention] = []
    g = gazetteer()
    chars = _Chars(doc, text)
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None or doc[ent.start].lower_ in ("a", "an"):
            continue  # an indefinite phrase names no particular actor
        start, end = ent.start, ent.end
        # The NER's ragged edges: "Patrice Talon of", "Shanghai Cooperation Organization’s", a
        # stray quotation mark.
        while end > start and (chars.word(end - 1) in _POSSESSIVE or doc[end - 1].pos_ in ("ADP", "CCONJ", "PUNCT")):
            if chars.word(end - 1) == ")" and "(" in chars.words(start, end):
                break
            end -= 1
        while start < end and doc[start].is_punct:
            start += 1
        surface = chars.words(start, end)
        if not any(ch.isupper() for ch in surface) or _JUNK.search(surface):
            continue  # "wolf", "W]e": no name
        if _is_title_piece(doc, ent, chars):
            continue  # "Second Brigadier" (General ...), "Defense" (Minister)
        acronym = None
        for i in range(start, end):
            if chars.word(i) == "(":
                rest = chars.words(i + 1, end).strip(" )")
                acronym = rest if rest.isupper() else None
                end = i
                break
        if acronym is None and end + 2 < len(doc) and chars.word(end) == "(" and chars.word(end + 2) == ")":
            word = chars.word(end + 1)
            acronym = word if word.isupper() and len(word) >= 2 else None
        span_end = chars.ends[end - 1]
        if acronym:
            # The mention covers "(SCO)" so quotes and events see one actor there.
            j = next((k for k in range(end, min(end + 4, len(doc))) if chars.word(k) == ")"), None)
            if j is not None:
                span_end = chars.starts[j] + 1
        if kind == "org" and _titled_person(chars.words(start, end)):
            kind = "person"  # "President Hassan Rouhani" tagged ORG: the title says who it is
        name_start = start
        of_title = None  # where "<title> of <country>" starts when the NER put the country in the name
        if (
            kind in ("person", "org")
            and start > 1
            and doc[start - 1].lower_ == "of"
            and _titled_person(doc[start - 2].text)
        ):
            # "President of Ukraine Volodymyr Zelenskyy" (one PERSON or ORG span): the NER took
            # the country of the title into the name. Only after "<title> of", as "Jordan
            # Peterson" is a name.
            place = next(iter(find_places(chars.words(start, end))), None)
            if place is not None and place.start == 0 and not place.is_igo:
                stop = chars.starts[start] + place.end
                while name_start < end - 1 and chars.starts[name_start] < stop:
                    name_start += 1
                name_words = chars.words(name_start, end).split()
                # What is left must look like a person's name, not "director of Iran's Welfare
                # Organization" or "chairman of the U.S. Joint Chiefs of Staff".
                personal = 2 <= len(name_words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in name_words)
                if name_start > start and personal and name_words[-1].lower() not in ORG_WORDS:
                    kind, of_title = "person", start - 2
                    while (
                        of_title > 0
                        and doc[of_title - 1].is_title
                        and _titled_person(chars.words(of_title - 1, start - 1))
                    ):
                        of_title -= 1  # "Prime Minister of Ukraine", not "Minister of Ukraine"
                else:
                    name_start = start
        if kind == "person":
            # Titles and honorifics inside a PERSON span are not part of the name.
            while name_start < end - 1:
                found = _titles_at(chars.words(name_start, end))
                if not found or not found[0].before_names:
                    break
                stop = chars.starts[name_start] + found[0].end
                while name_start < end and chars.starts[name_start] < stop:
                    name_start += 1
            if name_start >= end:
                continue
        name = chars.words(name_start, end) if end > name_start else ent.text
        if doc[name_start].lower_ == "the" and end - name_start > 1:
            name = chars.words(name_start + 1, end)
        name = re.sub(r"\s+", " ", name).strip()
        code, gaz = g.forms.get(name, (None, ""))
        if code is None and doc[start].lower_ == "the":
            code, gaz = g.forms.get("the " + name, (None, ""))
        if code is not None and gaz == "region":
            code, gaz = None, ""
        plural = ent.root.tag_ in ("NNS", "NNPS")
        if code is not None:
            kind = "org" if gaz == "igo" else ("group" if ent.label_ == "NORP" and plural else "place")
        elif kind == "group" and not plural:
            continue  # "Eurasian", "Republican" as adjectives name no actor
        if acronym and code is None:
            code, gaz = g.forms.get(acronym, (None, ""))
        if code is None and kind in ("person", "place") and name.split()[-1].lower() in ORG_WORDS:
            kind = "org"
        root = ent.root
        subj, root_subj = is_subject(root)
        m = Mention(
            start=chars.starts[start],
            end=span_end,
            kind=kind,
            what="name",
            sent=sents[ent.start],
            label=ent.label_,
            name=name,
            code=code,
            gaz=gaz,
            acronym=acronym,
            subject=subj,
            root_subject=root_subj,
            token=root.i,
            # "U.S. troops", "Iran's minister": a name modifying a noun is not what "the
            # country" later refers to.
            extra={"modifier": "1"} if root.dep_ in ("compound", "amod", "nmod", "poss") else {},
        )
        if kind in ("person", "org"):
            _attach_title_chain(doc, ent, m, sents, chars)
            if of_title is not None and m.start > chars.starts[of_title]:
                m.start = chars.starts[of_title]
                m.prefix = chars.words(of_title, name_start)
                m.role = m.role or _role_from_prefix(m.prefix)
            elif kind == "person" and name_start > start:
                inner = chars.words(start, name_start)
                m.prefix = f"{m.prefix} {inner}".strip()
                m.role = m.role or _role_from_prefix(inner)
        out.append(m)
    out = _with_outlets(doc, sents, chars, out)
    # An ORG/PERSON span inside another name's title chain is part of that title ("State" in
    # "US Secretary of State Mike Pompeo").
    chains = [(m.start, m.start + len(m.prefix)) for m in out if m.prefix]
    return [
        m for m in out if m.code is not None or not any(s <= m.start and m.end <= e and m.start != s for s, e in chains)
    ]


def _with_outlets(doc: Doc, sents: list[int], chars: _Chars, names: list[Mention]) -> list[Mention]:
    """Known news outlets beside the word "agency" ("the Fars news agency", "news agency Mehr"):
    the small model tags many not at all or as a place (Fars is also a province), so the quote
    "…, the Fars news agency reported" had no speaker. An outlet's name alone elsewhere ("Mehr",
    "Fars") is too ambiguous to take without the noun."""
    starts = {m.start: m for m in names}
    for i in token_ids_with(doc, LOWER, ("agency",)):
        head = doc[i]
        cands = [c for c in head.lefts if c.dep_ == "compound"] + [c for c in head.rights if c.dep_ == "appos"]
        if head.dep_ == "compound" and head.head.i > i:
            cands.append(head.head)  # "news agency Fars": the name is the phrase's head
        for cand in cands:
            if cand.pos != PROPN:
                continue
            left, right = cand.i, cand.i + 1
            while left > 0 and doc[left - 1].pos == PROPN and doc[left - 1].dep_ == "compound":
                left -= 1
            name = chars.words(left, right)
            if media_code(name) is None:
                continue
            known = starts.get(chars.starts[left])
            if known is not None:
                known.kind = "org"  # "Fars" tagged GPE
                continue
            if any(m.start < chars.ends[left] and chars.starts[left] < m.end for m in names):
                continue
            subj, root_subj = is_subject(head)
            names.append(
                Mention(
                    start=chars.starts[left],
                    end=chars.ends[right - 1],
                    kind="org",
                    what="name",
                    sent=sents[left],
                    label="ORG",
                    name=name,
                    subject=subj,
                    root_subject=root_subj,
                    token=cand.i,
                )
            )
    return sorted(names, key=lambda m: m.start)


def missed_surnames(doc: Doc, sents: list[int], surnames: Iterable[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Bare ``surnames`` (of people named in full) the NER did not tag, outside the ``taken``
    character spans: "… its own interests.” Rouhani noted …" after "President Hassan Rouhani".
    The small model misses many a name after a closing quotation mark or at a sentence start;
    an exact match of a known person's surname, standing alone as a proper noun, is that person
    (the sieve coreference systems start with: exact string match)."""
    if not surnames:
        return []
    pos = attr_array(doc, POS)
    out: list[Mention] = []
    for i in token_ids_with(doc, ORTH, tuple(surnames)):  # a copy: the cache keeps no Clusters
        if pos[i] != PROPN:
            continue
        tok = doc[i]
        alone = (i == 0 or pos[i - 1] != PROPN) and (i + 1 == len(doc) or pos[i + 1] != PROPN)
        if not alone or any(s < tok.idx + len(tok) and tok.idx < e for s, e in taken):
            continue
        subj, root_subj = is_subject(tok)
        out.append(
            Mention(
                start=tok.idx,
                end=tok.idx + len(tok),
                kind="person",
                what="name",
                sent=sents[i],
                label="PERSON",
                name=tok.text,
                subject=subj,
                root_subject=root_subj,
                token=i,
                extra={"modifier": "1"} if tok.dep_ in ("compound", "amod", "nmod", "poss") else {},
            )
        )
    return out


def _is_title_piece(doc: Doc, ent: SpacySpan, chars: _Chars) -> bool:
    """An ORG/NORP/PERSON span that is only the start of a title ("Second Brigadier" General)."""
    if ent.label_ not in ("ORG", "NORP", "PERSON"):
        return False
    first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    if first >= ent.end:
        return False
    window = chars.words(first, min(ent.end + 3, len(doc)))
    for t in _titles_at(window):
        if t.before_names and chars.starts[first] + t.end >= chars.ends[ent.end - 1]:
            return True
    return False


def _attach_title_chain(doc: Doc, ent: SpacySpan, m: Mention, sents: list[int], chars: _Chars) -> None:
    """Extend a name mention over the title chain right before it ("US Secretary of State",
    "Iran's Defense Minister Brigadier General", "US Ambassador to Germany").

    Walks the words, not the tree: the parser often hangs the name under the title's
    preposition ("Ambassador to Germany Richard Grenell"), so only words that can sit in a
    title are crossed and the chain must end in a title phrase."""
    sent_start = ent.start
    while sent_start > 0 and sents[sent_start - 1] == sents[ent.start]:
        sent_start -= 1
    i = ent.start - 1
    while i >= sent_start:
        tok = doc[i]
        if tok.pos_ in ("PROPN", "NOUN", "ADJ", "PART") or tok.text in _POSSESSIVE or tok.tag_ == "HYPH":
            pass
        elif tok.lower_ in ("of", "to", "for") or (tok.lower_ == "and" and i > sent_start):
            pass
        else:
            break
        if (tok.ent_type_ in ("DATE", "TIME") and tok.pos_ != "ADJ") or (
            tok.ent_type_ == "PERSON" and not _is_title_piece(doc, doc[tok.i : tok.i + 1], chars)
        ):
            break
        i -= 1
    first = i + 1
    # "fiancée of journalist Jamal Khashoggi": a preposition followed by a lower-case word
    # relates two nouns; the title is what follows it ("Secretary of State" keeps its "of").
    for k in range(ent.start - 2, first - 1, -1):
        if doc[k].lower_ in ("of", "to", "for") and doc[k + 1].is_lower:
            first = k + 1
            break
    while first < ent.start and (doc[first].lower_ in ("of", "to", "for", "and") or doc[first].tag_ == "HYPH"):
        first += 1
    if first >= ent.start:
        return
    prefix = chars.words(first, ent.start)
    titles = find_titles(prefix)
    tail = prefix[titles[-1].end :] if titles else ""
    if not titles or (tail and not _TITLE_COMPLEMENT.fullmatch(tail)):
        return
    if m.kind == "person" and titles[-1].kind != "person" and not titles[-1].before_names:
        return  # "said on television Erdogan": an org noun is no person's title  # the words before the name are no title ("Iranian airline" is: it ends in "airline")
    if m.kind == "org" and m.code is None and _titled_person(titles[-1].phrase + " " + m.name):
        # The small English model tags many non-Western names ORG ("Iranian President Hassan
        # Rouhani", "Deputy Foreign Minister Seyed Abbas Araghchi"); a personal title right
        # before the name settles it, so the surname alone later joins the person.
        m.kind = "person"
    # Start the mention at the first title or place word, not at stray words before them.
    lead = chars.starts[first] + min([titles[0].start] + [p.start for p in find_places(prefix)])
    while first < ent.start and chars.ends[first] <= lead:
        first += 1
    m.start = chars.starts[first] if first < ent.start else chars.starts[ent.start]
    m.prefix = chars.words(first, ent.start)
    m.role = _role_from_prefix(m.prefix)


# "Ambassador to Germany", "Minister of Foreign Affairs": a title's complement before the name.
_TITLE_COMPLEMENT = re.compile(r"\s+(?:to|of|for|in)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s*)+")


def _role_from_prefix(prefix: str) -> str | None:
    """The office in a title chain: places and possessives dropped from the front, trailing
    ranks dropped when an office precedes them ("Iran's Defense Minister Brigadier General"
    -> "Defense Minister"); ranks alone stay ("Second Brigadier General")."""
    titles = [t for t in find_titles(prefix) if t.use != "honorific"]
    if not titles:
        return None
    start = titles[0].start
    offices = [t for t in titles if t.use != "rank"]
    if offices and titles[-1].use == "rank":
        end = next(t.start for t in titles if t.use == "rank" and t.start > offices[-1].start)
        role = prefix[start:end]
    else:
        role = prefix[start:]
    role = role.strip(" ,")
    return role or None


def description_mentions(doc: Doc, sents: list[int], names: list[Mention]) -> list[Mention]:
    """Definite noun phrases headed by a title or role noun ("The defense official", "the
    president", "The head of the Iranian Defense Ministry division for international affairs")
    and appositions to names ("NATO, a U.S.-led military alliance"); plural actor phrases that
    act or speak become group mentions ("Iranian officials", "a number of nations")."""
    taken = sorted((m.start, m.end) for m in names if m.kind in ("person", "org"))
    people = [(m.start, m.end) for m in names if m.kind == "person"]
    out: list[Mention] = []
    for chunk in _chunks_and_possessors(doc):
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if root.dep_ == "compound":
            continue
        m = _place_of(doc, chunk, sents)
        if m is not None:
            out.append(m)  # "the Indian capital of New Delhi": a mention of New Delhi
            continue
        m = _group_mention(doc, chunk, sents)
        if m is None and root.tag_ in ("NN", "NNP"):
            m = _description(doc, chunk, sents)
        if m is None or any(s < m.start < e for s, e in taken):
            continue  # starts inside a name
        # A name that starts inside the phrase ends it ("... of Iran (AEOI)").
        m.end = max([m.end] + [e for s, e in taken if m.start <= s < m.end])
        if any(s <= m.start and m.end <= e for s, e in taken):
            continue  # inside a name's title chain ("US Secretary of State Mike Pompeo")
        if m.what == "description" and any(m.start <= s and e <= m.end for s, e in people):
            continue  # "the Trump administration" is not a description of someone named before
        out.append(m)
    out.extend(_appositions(doc, sents, names))
    return out


def _chunks_and_possessors(doc: Doc) -> list[SpacySpan]:
    """Noun chunks, plus the possessor phrases inside them ("the president" in "the
    president's handling"), which spaCy does not make chunks of."""
    out = []
    for chunk in noun_chunks(doc):
        for tok in chunk.root.lefts:
            if tok.dep_ == "poss" and tok.pos_ == "NOUN":
                out.append(doc[tok.left_edge.i : tok.i + 1])
        out.append(chunk)
    return out


_NP_DEPS = frozenset(
    get_string_id(label)
    for label in ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")
)
_CONJ = get_string_id("conj")
_CHUNK_DEPS = np.array(sorted(_NP_DEPS | {_CONJ}), dtype=np.uint64)


def noun_chunks(doc: Doc) -> list[SpacySpan]:
    """``list(doc.noun_chunks)`` for English: spaCy's English iterator, run only on the nouns
    and pronouns whose relation can head a chunk. spaCy's loops over every token in Python
    (a Token object each, 0.2 ms an article); the rule below is its rule, line for line, so
    the chunks are the same. Another language's iterator is spaCy's own."""
    if getattr(doc, "noun_chunks_iterator", None) is not _english_noun_chunks or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    pos = attr_array(doc, POS)
    dep = attr_array(doc, DEP)
    at = np.minimum(np.searchsorted(_CHUNK_DEPS, dep), len(_CHUNK_DEPS) - 1)
    nominal = (pos == NOUN) | (pos == PROPN) | (pos == PRON)
    label = get_string_id("NP")
    chunks = []
    prev_end = -1
    for i in np.flatnonzero(nominal & (_CHUNK_DEPS[at] == dep)).tolist():
        word = doc[i]
        left = word.left_edge.i
        if left <= prev_end:
            continue  # no nested chunks
        if word.dep != _CONJ:
            prev_end = i
            chunks.append(SpacySpan(doc, left, i + 1, label=label))
            continue
        head = word.head
        while head.dep == _CONJ and head.head.i < head.i:
            head = head.head
        if head.dep in _NP_DEPS:  # coordinated to a noun phrase: one too
            prev_end = i
            chunks.append(SpacySpan(doc, left, i + 1, label=label))
    return chunks


def _head_title(text: str) -> Title | None:
    """The title phrase that ends a noun phrase (its head), if any."""
    found = find_titles(text)
    if found and found[-1].end == len(text):
        return found[-1]
    return None


def _extent(doc: Doc, root: Token, start: int) -> int:
    """End token of a noun phrase: the head plus its "of"/"for" complements."""
    end = root.i + 1
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            end = max(end, child.right_edge.i + 1)
    return end


def _description(doc: Doc, chunk: SpacySpan, sents: list[int]) -> Mention | None:
    det = doc[chunk.start]
    root = chunk.root
    # "a Jordanian official confirmed": an unnamed speaker or actor, an entity of its own.
    anonymous = det.lower_ in ("a", "an") and root.dep_ in _ACTING
    if (det.lower_ not in _DEFINITE and not anonymous) or root.dep_ in ("attr", "oprd", "appos"):
        return None
    if (root.dep_ == "pobj" and root.head.lower_ == "as") or any(t.tag_ == "JJS" for t in chunk):
        return None  # predicative ("regarded as the best commander"), not a mention
    body = doc[chunk.start + 1 : chunk.end]
    title = _head_title(body.text)
    if title is None or title.use == "honorific":
        return None
    kind = title.kind
    if title.phrase in ("nation", "country") and root.tag_ == "NN" and not anonymous:
        kind = "place"  # "the nation will never yield": the country named just before
    elif kind == "group" or (anonymous and kind != "person"):
        return None
    end = _extent(doc, chunk.root, chunk.start)
    span = doc[chunk.start : end]
    subj, root_subj = is_subject(chunk.root)
    role = doc[chunk.start + 1 : end].text
    return Mention(
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        what="anonymous" if anonymous else "description",
        sent=sents[chunk.start],
        name=role if anonymous else "",
        head=title.phrase,
        role=role,
        # "head of the Iranian Defense Ministry division": the complement names the sector.
        sector=sector_of(role) or title.sector,
        subject=subj,
        root_subject=root_subj,
        token=chunk.root.i,
        extra={"noun": chunk.root.lower_},
    )


_PLACE_NOUNS = {"capital", "city", "town", "village", "province", "region", "port", "island", "district"}


def _place_of(doc: Doc, chunk: SpacySpan, sents: list[int]) -> Mention | None:
    root = chunk.root
    if root.lower_ not in _PLACE_NOUNS or doc[chunk.start].lower_ != "the":
        return None
    of = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.rights if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.ent_type_ not in ("GPE", "LOC") or pobj.right_edge.i != pobj.i:
        return None
    span = doc[chunk.start : pobj.i + 1]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        kind="place",
        what="appos",
        sent=sents[chunk.start],
        token=root.i,
        extra={"of": str(pobj.i)},
    )


def _group_mention(doc: Doc, chunk: SpacySpan, sents: list[int]) -> Mention | None:
    root = chunk.root
    head = root
    end = chunk.end
    if root.lower_ in _QUANTITY:
        of = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.rights if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return None
        head, end = pobj, pobj.i + 1
    if head.tag_ not in ("NNS", "NNPS") and head.lower_ not in ("police", "military", "people"):
        return None
    acting = root.dep_ in _ACTING or (root.dep_ == "pobj" and root.head.dep_ == "agent")
    # "prompted a number of nations to purchase": the object of a control verb acts.
    acting = acting or (root.dep_ == "dobj" and any(c.dep_ == "xcomp" for c in root.head.children))
    if not acting:
        return None
    text = doc[chunk.start : end].text
    title = _head_title(text)
    if title is None or title.kind not in ("group", "person"):
        return None
    start = chunk.start + (1 if doc[chunk.start].pos_ == "DET" and doc[chunk.start].lower_ != "all" else 0)
    # "representatives from Iran", "officials of Belarus": the country is part of the group's
    # name (and so of its key and actor code), as it is in "Iranian officials".
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("from", "of")), None)
    country = next((c for c in of.rights if c.dep_ == "pobj"), None) if of is not None else None
    if (
        of is not None
        and country is not None
        and country.ent_type_ in ("GPE", "NORP")
        and country.right_edge.i == country.i
    ):
        words = doc[of.i + 1 : country.i + 1]
        # One country the gazetteer knows: not "both Koreas", not "North and South Korea".
        if len({p.code for p in find_places(words.text)}) == 1 and not any(t.dep_ in ("cc", "conj") for t in words):
            end = country.i + 1
    span = doc[chunk.start : end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        kind="group",
        what="group",
        sent=sents[chunk.start],
        name=doc[start:end].text,
        head=title.phrase,
        sector=title.sector,
        subject=True,
        root_subject=root.head.dep_ == "ROOT",
        token=root.i,
    )


def _appositions(doc: Doc, sents: list[int], names: list[Mention]) -> list[Mention]:
    """ "NATO, a U.S.-led military alliance": the apposition is a mention of the name and gives
    its role. "German Chancellor Angela Merkel's spokesperson, Steffen Seibert": the noun the
    name stands in apposition to is its role (a mention too unless it holds another name)."""
    out = []
    by_token = {m.token: m for m in names}
    for m in names:
        root = doc[m.token]
        for child in root.rights:
            if child.dep_ != "appos" or child.pos_ not in ("NOUN", "PROPN") or child.ent_type_:
                continue
            left, right = child.left_edge.i, child.right_edge.i + 1
            while right > left and doc[right - 1].is_punct:
                right -= 1
            span = doc[left:right]
            # Another name inside is another actor, except an org in a title ("the Secretary
            # of Transportation").
            if any(t.ent_type_ == "PERSON" for t in span) or len(span) > 25:
                continue
            if any(t.ent_type_ == "ORG" for t in span) and not find_titles(span.text):
                continue
            titles = find_titles(doc[left : child.i + 1].text)  # the appositive's head decides
            if titles and titles[-1].kind != m.kind and not (m.kind == "org" and titles[-1].kind == "group"):
                continue  # "Hamza bin Laden, ... the Al-Qaeda organization": another actor
            if not titles and doc[left].pos_ != "DET":
                continue
            out.append(
                Mention(
                    start=span.start_char,
                    end=span.end_char,
                    kind=m.kind,
                    what="appos",
                    sent=sents[left],
                    role=span.text[len(doc[left].text) + 1 :] if doc[left].pos_ == "DET" else span.text,
                    sector=titles[-1].sector if titles else None,
                    token=child.i,
                    extra={"of": str(m.token)},
                )
            )
        head = root.head
        head_titles = find_titles(head.text) if root.dep_ == "appos" and head.pos_ == "NOUN" else []
        if head_titles and head_titles[-1].kind == m.kind and head.i < root.i and head.i not in by_token:
            left = head.left_edge.i
            span = doc[left : head.i + 1]
            role = span.text[len(doc[left].text) + 1 :] if doc[left].pos_ == "DET" else span.text
            if m.role is None or m.role == m.prefix:
                m.role = role
            if not any(t.ent_type_ in ("PERSON", "ORG") for t in span):
                subj, root_subj = is_subject(head)
                out.append(
                    Mention(
                        start=span.start_char,
                        end=span.end_char,
                        kind=m.kind,
                        what="appos",
                        sent=sents[left],
                        role=role,
                        subject=subj,
                        root_subject=root_subj,
                        token=head.i,
                        extra={"of": str(m.token)},
                    )
                )
    return out


def dateline_mention(text: str) -> Mention | None:
    """ "TEHRAN- ..." / "WASHINGTON (Reuters) —": a capital in capitals at the start."""
    match = re.match(r"\s*([A-Z][A-Z .'-]{2,30}?)\s*(?:[-–—,(:]|$)", text[:60])
    if match is None:
        return None
    word = match.group(1).strip()
    found = _upper_places().get(word)
    if found is None:
        return None
    form, code, what = found
    return Mention(
        start=match.start(1),
        end=match.start(1) + len(word),
        kind="place",
        what="dateline",
        sent=0,
        name=form,
        code=code,
        gaz=what,
    )


@lru_cache(maxsize=1)
def _upper_places() -> dict[str, tuple[str, str, str]]:
    return {
        form.upper(): (form, code, what)
        for form, (code, what) in gazetteer().forms.items()
        if what in ("capital", "name")
    }
