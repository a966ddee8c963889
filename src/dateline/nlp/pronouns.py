"""Pronouns: finding he/she/his/her/him, they/them/their and its, and resolving them to the
entity clusters ``nlp.entities`` has built from names and descriptions.

Rules, not a model (none can be installed here): the most salient compatible person in the
last two sentences (the subject of its sentence first, recent, same gender when known, and
inside a quotation only the quotation's own mentions); for a narrator's pronoun, sentences wholly
inside a quotation do not count ("Crespo ... . “Three quoted sentences,” he said"); a surname
subject the NER missed counts as its person's mention, an unknown one blocks earlier antecedents
(one inside a quotation does not block a narrator's pronoun);
a possessive in a fronted phrase refers forward to the sentence's subject ("In other parts of his
interview, Qalandari ..."); "its" is the subject of its clause; a subject "they" the last plural
or organisation subject in the narration (none when that is no entity), else a group; "it" only as
the subject of a cue verb, and only when the last subject before it is an organisation or place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from dateline.nlp.doccache import attr_array, token_ids_with
from dateline.nlp.mentions import ORG_WORDS, Mention, is_subject
from dateline.nlp.quote_cues import load_cues

if TYPE_CHECKING:
    from dateline.nlp.entities import Cluster

_QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


_PRONOUNS = {
    "he": ("person", "m"),
    "him": ("person", "m"),
    "his": ("person", "m"),
    "himself": ("person", "m"),
    "she": ("person", "f"),
    "her": ("person", "f"),
    "hers": ("person", "f"),
    "herself": ("person", "f"),
    "they": ("group", None),
    "them": ("group", None),
    "their": ("group", None),
    "its": ("org", None),
    "it": ("org", None),  # only as the subject of a cue verb: see _pronoun_tokens
}


def pronoun_mentions(doc: Doc, sents: list[int], text: str) -> list[Mention]:
    """Third-person pronouns, found through the tagger's PRP/PRP$ tokens of each sentence's
    noun chunks and possessive determiners."""
    out = []
    for tok in _pronoun_tokens(doc, text):
        kind, gender = _PRONOUNS[tok.lower_]
        subj, root_subj = is_subject(tok)
        out.append(
            Mention(
                start=tok.idx,
                end=tok.idx + len(tok.text),
                kind=kind,
                what="pronoun",
                sent=sents[tok.i],
                gender=gender,
                subject=subj,
                root_subject=root_subj,
                token=tok.i,
            )
        )
    return out


def _pronoun_tokens(doc: Doc, text: str) -> list[Token]:
    """The PRP/PRP$ tokens that ``_PRONOUN_RE`` finds as whole words of the text. Looked up
    among the tokens whose lower-cased form is a pronoun (the LOWER array), each checked
    with the regex where it stands; a text holding a letter the regex folds onto a pronoun's
    ("ſ", "ı", "İ": "hiſ" is "his" to it, not to ``lower``) is scanned with the regex."""
    if _FOLDED.search(text):
        spans = (doc.char_span(m.start(), m.end()) for m in _PRONOUN_RE.finditer(text))
        found = [span[0] for span in spans if span is not None and len(span) == 1]
    else:
        found = [doc[i] for i in token_ids_with(doc, LOWER, _PRONOUNS)]
        found = [t for t in found if (m := _PRONOUN_RE.match(text, t.idx)) is not None and m.end() == t.idx + len(t)]
    toks = []
    for tok in found:
        if tok.tag_ in ("PRP", "PRP$"):
            if tok.lower_ == "it" and not _reporting_it(tok):
                continue
            toks.append(tok)
    return toks


_FOLDED = re.compile("[ſıİ]")


def _reporting_it(tok: Token) -> bool:
    """ "The ministry issued a statement on Monday. It said …": "it" as the subject of a cue
    verb is an organisation or a country speaking. Any other "it" is left alone: most are
    expletive ("it is clear that", "it seems") or stand for a thing, not an entity."""
    cue = load_cues().verbs.get(tok.head.lemma_.lower())
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and cue is not None and cue != "appearance"


_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(_PRONOUNS) + r")\b", re.IGNORECASE)


def _quote_regions(text: str) -> list[tuple[int, int]]:
    return [(q.start(), q.end()) for q in _QUOTE_RE.finditer(text)]


def resolve_pronouns(doc: Doc, text: str, pronouns: list[Mention], clusters: list[Cluster]) -> None:
    quotes = _quote_regions(text)
    starts = [s for s, _e in quotes]

    def quote_of(pos: int) -> tuple[int, int] | None:
        # The regions are the regex's matches: in order and apart, so the one that starts
        # last at or before ``pos`` is the only one that can hold it.
        k = bisect_right(starts, pos) - 1
        return quotes[k] if k >= 0 and pos < quotes[k][1] else None

    # Sentences wholly inside a quotation do not put distance between a narrator's "he said"
    # and the person named before the quotation: "Crespo, president of ... . “No one ... .
    # Obama had ... . Hillary has nobody,” he said." counts Crespo one sentence back.
    sents = list(doc.sents)
    quoted = [quote_of(s.start_char) is not None and quote_of(s.end_char - 1) == quote_of(s.start_char) for s in sents]
    narrative = [0] * len(sents)
    for n in range(1, len(sents)):
        narrative[n] = narrative[n - 1] + (not quoted[n])

    missed, unknown = _missed_names(doc, clusters, sents)

    for p in pronouns:
        q = quote_of(p.start)
        target: Cluster | None = None
        if p.kind == "person":
            target = _cataphor(doc, p, clusters)
        elif p.kind == "org":  # "its" is its clause's subject; a reporting "it" the last subject
            its = doc[p.token].lower_ == "its"
            target = _its_subject(doc, p, clusters) if its else _last_subject(doc, p, clusters, quote_of)
        decided = False
        if p.kind == "group" and doc[p.token].dep_ in ("nsubj", "nsubjpass"):
            decided, target = _they_subject(doc, p, clusters, quote_of)
        if target is None and p.kind != "org" and not decided:
            best: tuple[float, Cluster] | None = None
            for c in clusters:
                if not _compatible(p, c):
                    continue
                for x in c.mentions + missed.get(id(c), []):
                    if x.start >= p.start or x.what == "dateline":
                        continue
                    if p.kind == "person" and any(x.token < t < p.token and quote_of(doc[t].idx) == q for t in unknown):
                        # A name the NER missed and no entity has is the nearer antecedent; one
                        # inside a quotation is no antecedent of the narrator's "she said".
                        continue
                    # Inside a quotation count every sentence; the narration skips quoted ones.
                    dist = p.sent - x.sent if q else narrative[p.sent] - narrative[x.sent]
                    if dist > 2 or quote_of(x.start) != q:
                        continue  # inside a quote only the quote's own mentions; outside, none inside
                    score = (3 if x.root_subject else 2 if x.subject else 1) - 2.0 * dist
                    if p.gender and c.gender is None:
                        score -= 1.0  # a person whose gender we do not know is a weaker antecedent
                    if c.kind != p.kind:
                        if x.kind != p.kind:
                            continue  # only through a mention tagged PERSON (or a pronoun already resolved)
                        score -= 1.0  # a person the NER mostly took for an organisation
                    if x.sent == p.sent:
                        score += 0.5
                        if doc[p.token].head.dep_ == "conj" and doc[p.token].head.head.i == x.token:
                            score += 3  # "Ashtiani and his counterparts"
                    if best is None or score > best[0]:
                        best = (score, c)
            target = best[1] if best else None
        if target is not None:
            if p.gender and target.gender is None:
                target.gender = p.gender
            target.add(p)


def _missed_names(doc: Doc, clusters: list[Cluster], sents: list[Span]) -> tuple[dict[int, list[Mention]], list[int]]:
    """Proper-noun subjects the NER left out ("For years, Oz has been dogged ... He has
    promoted", "Lynch said ..."): one that is a word of exactly one person's name is a mention
    of that person for pronouns (by cluster id); any other stands in the way of antecedents
    before it (token indices), so "he" is left unresolved rather than given to someone earlier."""
    covered = {m.token for c in clusters for m in c.mentions}
    words: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.kind == "person" or (c.kind == "org" and any(n.kind == "person" for n in c.names)):
            for w in {w.lower() for n in c.names for w in n.name.split()}:
                words.setdefault(w, []).append(c)
    sent_of = {sent.start: n for n, sent in enumerate(sents)}
    missed: dict[int, list[Mention]] = {}
    unknown: list[int] = []
    pos, dep = attr_array(doc, POS), attr_array(doc, DEP)
    subjects = (pos == PROPN) & ((dep == doc.vocab.strings["nsubj"]) | (dep == doc.vocab.strings["nsubjpass"]))
    for i in np.flatnonzero(subjects).tolist():  # proper-noun subjects only: no loop over every token
        t = doc[i]
        if t.i in covered or t.ent_type_ not in ("", "PERSON"):
            continue
        owners = words.get(t.lower_, [])
        if len(owners) != 1:
            unknown.append(t.i)
            continue
        m = Mention(
            start=t.idx,
            end=t.idx + len(t.text),
            kind="person",
            what="name",
            sent=sent_of[t.sent.start],
            subject=True,
            root_subject=t.head.dep_ == "ROOT",
            token=t.i,
        )
        missed.setdefault(id(owners[0]), []).append(m)
    return missed, unknown


def _compatible(p: Mention, c: Cluster) -> bool:
    """Can cluster ``c`` be what pronoun ``p`` refers to: same kind and no gender clash. A
    cluster the NER labels mostly ORG but that has a first-and-last name tagged PERSON
    ("Rakeyia Scott", then "Scott" as ORG three times) is still a person for he/she."""
    if p.gender and c.gender and c.gender != p.gender:
        return False
    if c.kind == p.kind:
        return True
    if p.kind == "org" and c.kind == "place":
        return True  # "Iran rejected the claim. It said …": a country speaks as its government
    if p.kind == "person" and c.kind == "org":
        return c.named_in_full() and not any(n.name.split()[-1].lower() in ORG_WORDS for n in c.names)
    return False


def _cataphor(doc: Doc, p: Mention, clusters: list[Cluster]) -> Cluster | None:
    """ "In other parts of his interview, Qalandari pointed ...": a possessive in a fronted
    phrase refers to the subject that follows it."""
    tok = doc[p.token]
    if tok.tag_ != "PRP$":
        return None
    sent = tok.sent
    subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.i > tok.i), None)
    if subj is None or subj.is_ancestor(tok):
        return None
    for c in clusters:
        if c.kind == "person" and any(m.token == subj.i and m.what == "name" for m in c.mentions):
            if not (p.gender and c.gender and c.gender != p.gender):
                return c
    return None


def _subjects_before(doc: Doc, p: Mention, quote_of: Callable[[int], object]) -> Iterator[Token]:
    """The subjects a subject pronoun looks back over, nearest first: those of its own sentence
    and the two before it, in the same voice (narration or the same quotation)."""
    first = doc[p.token].sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    own = quote_of(p.start)
    for tok in reversed(doc[first : p.token]):
        if tok.dep_ in ("nsubj", "nsubjpass") and quote_of(tok.idx) == own:
            yield tok


def _last_subject(doc: Doc, p: Mention, clusters: list[Cluster], quote_of: Callable[[int], object]) -> Cluster | None:
    """ "The FBI … unless it wants", "the Times wrote. “…,” it further wrote": a reporting "it"
    is the organisation or country that is the last subject before it in the narration (the
    previous two sentences, quoted words skipped). When that subject is anything else — "the
    report says. It also points out", "the deal … It showed" — "it" is that thing, and stays
    unresolved: measured on PolNeAR dev, taking the nearest organisation instead was right
    about half the time."""
    for tok in _subjects_before(doc, p, quote_of):
        for c in clusters:
            if _compatible(p, c) and any(m.start <= tok.idx < m.end for m in c.mentions):
                return c
        return None
    return None


def _they_subject(
    doc: Doc, p: Mention, clusters: list[Cluster], quote_of: Callable[[int], object]
) -> tuple[bool, Cluster | None]:
    """ "Politifact seized on the claim. They checked …", "Democrats want more revenue, and
    Republicans want less (they want lower rates …)": a subject "they" is the last plural,
    organisation or group subject before it in the narration (this and the previous two
    sentences, quoted words skipped); singular people and things in between are passed over.
    When that subject is plural but no entity ("advocates say … They cite", "Obama and Clinton
    … They have invested") "they" stays unresolved: returns (decided, cluster), and an
    undecided "they" falls back to the nearest-group scoring."""
    for tok in _subjects_before(doc, p, quote_of):
        if tok.head.dep_ in ("relcl", "acl"):
            continue  # a relative clause's subject ("contests where polls were conducted") is background
        # "Their Orwellian fantasy extends …": a subject owned by a resolved "their" is that group's.
        owner = next((t for t in tok.children if t.dep_ == "poss" and t.lower_ == "their"), None)
        at = owner if owner is not None else tok
        found = next((c for c in clusters if any(m.token == at.i for m in c.mentions)), None)
        if found is None:
            found = next(
                (c for c in clusters if any(m.start <= at.idx < m.end and m.what != "pronoun" for m in c.mentions)),
                None,
            )
        plural = (
            tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we") or any(t.dep_ == "conj" for t in tok.children)
        )
        # A singular subject counts only as an organisation, not a person the NER took for one.
        org = found is not None and found.kind == "org" and not any(n.kind == "person" for n in found.names)
        if found is not None and found.kind in ("group", "org") and (owner is not None or plural or org):
            return True, found
        if plural or owner is not None:
            return True, None  # a plural subject that is no entity: unsure, leave "they" alone
    return False, None


def _its_subject(doc: Doc, p: Mention, clusters: list[Cluster]) -> Cluster | None:
    """ "the SCO has concentrated on improving its influence": its = the clause's subject."""
    tok = doc[p.token]
    for anc in tok.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((t for t in anc.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        for c in clusters:
            if c.kind in ("org", "place") and any(m.token == subj.i and m.what != "pronoun" for m in c.mentions):
                return c
        return None
    return None
