"""PLOVER event coding: who did what to whom, with CAMEO codes, dates, places and quotes.

Owns the ``dateline_events`` component. Per sentence it finds triggers from the reviewable
lexicon (``lexicon/event_triggers.tsv``), lets a trigger that governs a complement absorb
the events inside it ("threatened to cut off" is one THREATEN, "demanded the withdrawal" one
REQUEST), applies PLOVER's rules for modality (a promised cooperative act is AGREE, a
threatened hostile one THREATEN, "will never yield" a REJECT; negated, past-negated and
hypothetical events are not coded), and reads roles, date and place off the parse
(``nlp/event_roles.py``). Writes ``doc._.dl_events`` as plain dicts shaped like
``records.Event``; never imports the store or records.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from dateline.nlp import actors
from dateline.nlp.doccache import attr_array, doc_text, per_doc
from dateline.nlp.event_lexicon import (
    COOPERATIVE,
    MATERIAL,
    TriggerRule,
    cameo,
    evaluations,
    governors,
    trigger_rules,
    trigger_words,
)
from dateline.nlp.event_roles import (
    PRONOUNS,
    TARGET_PREPS,
    ActorReader,
    actor_phrase,
    is_passive,
    object_of,
    pick_target,
    prep_object,
    purpose_candidates,
    resolve_actor,
    subject_of,
    target_candidates,
    when_of,
    where_of,
)

# Verbs that carry an event noun without adding meaning of their own ("staged demonstrations",
# "imposed sanctions", "began a hunger strike", "completed their withdrawal").
LIGHT_VERBS = frozenset(
    "stage hold launch begin continue conduct carry mount start resume make impose take open issue "
    "resort engage complete speed give grant provide reach declare announce lead organize organise "
    "join go end call sign face set escalate step intensify tighten extend deliver offer pledge seek "
    "put order remain undertake express voice reaffirm renew".split()
)
# Lemmas the small English model gets wrong on news verbs ("staged" -> "stag").
LEMMA_FIXES = {"stag": "stage"}
# Travel that brings parties to a meeting ("left for Moscow for talks").
MOTION_VERBS = frozenset({"return", "travel", "go", "come", "arrive", "fly", "leave", "head", "gather", "meet"})
FUTURE_AUX = frozenset({"will", "would", "shall", "may", "might", "'ll", "wo"})
# Words whose infinitive complement is an intention, not a done deed ("ready to contribute").
INTENT = frozenset("plan prepare intend ready willing prepared about set determined aim expect going want hope".split())
DEONTIC = frozenset({"must", "should", "ought"})
# Acts on one's own measures: the owner named on the measure is the actor.
OWNER_ACTS = frozenset({"CONCEDE", "RETREAT", "SANCTION"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Nouns whose clauses describe what is planned or asked, not what happened.
CONTENT_NOUNS = frozenset(
    "decision plan proposal offer request call idea bill law resolution demand threat promise pledge "
    "invitation ultimatum deal agreement attempt bid effort".split()
)
# Directives whose ordered material act is the event ("ordered the paper to suspend publication").
DIRECTIVES = frozenset({"order", "force", "compel"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})

# PLOVER: a future-tense cooperative act is an AGREE; the CAMEO 03x code says what was promised.
AGREE_CAMEO = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "CONCEDE": "035",
    "RETREAT": "035",
}
# Refusing a cooperative act (CAMEO 12x) and the PLOVER REJECT/REQUEST mode it implies.
REJECT_CAMEO = {
    "CONCEDE": ("124", "yield"),
    "RETREAT": ("124", "yield"),
    "AID": ("122", "assist"),
    "COOPERATE": ("121", "assist"),
    "CONSULT": ("125", "meet"),
    "AGREE": ("120", None),
    "SUPPORT": ("120", None),
}


def threat_for(kind: str, mode: str | None) -> tuple[str, str]:
    """(THREATEN mode, CAMEO code) for threatening an act of PLOVER type ``kind``."""
    if kind == "SANCTION":
        return ("expel", "136") if mode == "expel" else ("relations", "1313")
    if kind == "COERCE":
        if mode == "seize":
            return "territory", "1382"
        if mode in ("arrest", "ban"):
            return "restrict", "132"
        return "restrict", "1312" if mode is None else "1381"
    if kind == "PROTEST":
        return "relations", "133"
    return "violence", "138"


@dataclass(eq=False)
class Found:
    """A trigger match while coding one sentence."""

    token: Token  # the trigger word
    rule: TriggerRule
    verb: Token  # the clause verb carrying tense, negation and subject
    parts: list[Token] = field(default_factory=list)  # particles/objects of multiword triggers
    absorbed: list[Found] = field(default_factory=list)
    parent: Found | None = None
    background: bool = False  # content of a plan or decision, or an earlier deed: not coded
    sibling: Found | None = None  # the material event it hangs from without being part of it
    plover: str = ""
    mode: str | None = None
    cameo: str = ""


def lemma_of(token: Token) -> str:
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


# Lemma id -> whether ``lemma_of`` gives a trigger word; memoised as the words of news recur
# (cleared past a bound, so a long run does not grow it without end).
_TRIGGER_LEMMA: dict[int, bool] = {}


def _may_trigger(doc: Doc) -> list[int]:
    """Indices of the tokens ``EventCoder.find`` can make anything of: a trigger word's lemma,
    or a verb (a modal's demand). Most tokens are neither; reading them all as Token objects
    was a third of the component's time."""
    lemmas = attr_array(doc, LEMMA)
    pos = attr_array(doc, POS)
    unique, inverse = np.unique(lemmas, return_inverse=True)
    if len(_TRIGGER_LEMMA) > 200_000:
        _TRIGGER_LEMMA.clear()
    words = trigger_words()
    flags = []
    for lemma_id in unique.tolist():
        flag = _TRIGGER_LEMMA.get(lemma_id)
        if flag is None:
            lemma = doc.vocab.strings[lemma_id].lower()
            flag = _TRIGGER_LEMMA[lemma_id] = LEMMA_FIXES.get(lemma, lemma) in words
        flags.append(flag)
    return np.flatnonzero(np.array(flags, dtype=bool)[inverse] | (pos == VERB) | (pos == AUX)).tolist()  # type: ignore[no-any-return]


def _verb_ids(doc: Doc) -> list[int]:
    return np.flatnonzero(attr_array(doc, POS) == VERB).tolist()  # type: ignore[no-any-return]


def _tokens_in(sent: Span, ids: list[int]) -> list[Token]:
    """The tokens of ``sent`` among the sorted token indices ``ids``, in order."""
    doc = sent.doc
    return [doc[i] for i in ids[bisect_left(ids, sent.start) : bisect_left(ids, sent.end)]]


def _rule_for(token: Token, lemma: str, pos: str) -> TriggerRule | None:
    for rule in trigger_rules().get((lemma, pos), ()):
        if rule.objects:
            obj = object_of(token) if pos == "VERB" else None
            # "halt mediation efforts", "photographs and other intelligence": the object, a noun
            # compounded onto it, or one conjoined with it.
            lemmas = (
                {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "conj")}
                if obj
                else set()
            )
            of = prep_object(obj, ("of",)) if obj is not None else None
            if of is not None:  # "25,000 tons of food aid"
                lemmas |= {of.lemma_.lower()} | {c.lemma_.lower() for c in of.children if c.dep_ == "compound"}
            if not lemmas & rule.objects:
                continue
        if rule.preps and not any(c.dep_ == "prep" and c.lower_ in rule.preps for c in token.children):
            if not any(c.dep_ == "prt" and c.lower_ in rule.preps for c in token.children):
                continue
        if rule.comp and not any(_complement(c) for c in token.children):
            continue
        if rule.noobj and any(c.dep_ in ("dobj", "ccomp") for c in token.children):
            continue
        return rule
    return None


def _complement(child: Token) -> bool:
    """A clause or infinitive the trigger governs (the parser often files "to fight" as advcl)."""
    if child.dep_ in ("xcomp", "ccomp"):
        return True
    if child.dep_ == "prep" and child.lower_ == "to" and any(c.dep_ == "pcomp" for c in child.children):
        return True  # "committed to opening up the economy"
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def match_trigger(token: Token) -> Found | None:
    """The lexicon rule a token triggers, trying multiword forms first."""
    lemma = lemma_of(token)
    if lemma not in trigger_words():
        return None  # most tokens: no need to read their part of speech and children
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
        for c in token.children:
            if c.dep_ in ("prt", "dobj", "advmod"):
                words = f"{c.lower_} {lemma}" if c.dep_ == "advmod" else f"{lemma} {c.lower_}"
                rule = _rule_for(token, words, "VERB")
                if rule:
                    return Found(token, rule, token, [c])
        rule = _rule_for(token, lemma, "VERB")
        return Found(token, rule, token) if rule else None
    if token.pos_ in ("NOUN", "PROPN"):
        for c in token.children:
            if c.dep_ in ("compound", "amod"):
                rule = _rule_for(token, f"{c.lower_} {lemma}", "NOUN")
                if rule:
                    return Found(token, rule, token, [c])
        rule = _rule_for(token, lemma, "NOUN")
        if rule is None:
            return None
        return Found(token, rule, token)
    return None


def _noun_context(found: Found) -> bool:
    """Whether an event noun stands for an event here, and which verb carries it."""
    noun = found.token
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return True
    if noun.dep_ == "poss" or (noun.dep_ == "compound" and noun.head.pos_ == "NOUN"):
        holder = noun.head
    else:
        holder = noun
    head = holder.head
    if holder.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ == "for" and lemma_of(head.head) in MOTION_VERBS:
            found.verb = head.head  # "negotiators return to Geneva for talks"
            return True
        if head.lower_ not in ("in", "into", "under", "to", "on"):
            return False  # "after violent protests": time or cause, not the act itself
        head = head.head
    if head.pos_ == "VERB" and lemma_of(head) in LIGHT_VERBS:
        found.verb = head
        return True
    return False


def _future(verb: Token) -> Token | None:
    """The word making ``verb`` a future or intended act (will, ready to, plan to), if any."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            return c
    head = verb.head
    if verb.dep_ == "xcomp" and head != verb:
        if head.lemma_.lower() in INTENT:
            return head
        if head.dep_ in ("acomp", "xcomp") and head.head.lemma_.lower() in INTENT:
            return head.head
        if head.lemma_.lower() == "go" and any(c.dep_ == "aux" for c in head.children):
            return head
    if verb.dep_ in ("xcomp", "pcomp") and head.lemma_.lower() in ("commit",):
        return head
    return None


def _negated(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "neg"), None)


def _hypothetical(verb: Token) -> bool:
    tok = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "xcomp") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _actor_subject(verb: Token) -> bool:
    """Whether a must-clause tells an actor what to do ("Libya must hand over …"), not a
    policy what should happen ("the banking system must be reformed")."""
    if verb.lemma_.lower() == "be" or is_passive(verb):
        return False
    return bool(resolve_actor(next((c for c in verb.children if c.dep_ == "nsubj"), None)))


def _deontic(verb: Token) -> bool:
    return verb.dep_ in ("ccomp", "acl", "conj") and any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children)


def _domestic_default(source: list[str], target: list[str], where: dict[str, Any] | None) -> None:
    """Give a country to codes that only name a sector ("GOV" for "President Mubarak").

    Most events between a government and its own people, police, rebels or press are domestic:
    the country is the place the event happened, else (for the target) the source's. A guess stated here
    so reviewers can weigh it; codes with a country of their own are never touched.
    """
    place = where.get("country") if where else None
    # A sub-state actor (police, judge, protesters) acting is usually at home; a bare state
    # ("U.S.") acting on someone is usually abroad, so only the former lends its country.
    lenders = [c for c in source if _has_country(c) and len(c) > 3]
    for mine, other in ((source, []), (target, lenders)):
        # A source takes only the place's country: "President Bush threatened Russia" is no
        # Russian act, while the target of a government's act is usually its own people.
        country = place or next((c[:3] for c in other if _has_country(c)), None)
        if country is None:
            continue
        for i, code in enumerate(mine):
            if len(code) == 3 and code.isupper() and not _has_country(code) and not actors.is_igo(code):
                mine[i] = country + code


def _has_country(code: str) -> bool:
    return actors.country_name(code[:3]) is not None and not actors.is_igo(code)


# Material acts whose place stands in for an unnamed recipient; verbal acts (meetings,
# statements, requests) happen at a venue that is no party to them.
PLACE_RECIPIENTS = frozenset({"ASSAULT", "COERCE", "CONCEDE", "MOBILIZE", "RETREAT", "SANCTION", "AID", "PROTEST"})


# Verbs of the demands a protest makes ("calling for the resignation of X", "demanding …").
PROTEST_DEMANDS = frozenset({"demand", "call", "urge"})

# Types a quote's speaker authors when the quoted words judge someone and name no author.
JUDGEMENTS = frozenset({"ACCUSE", "SUPPORT"})


def _speaker_as_source(event: dict[str, Any], quote: dict[str, Any], reader: ActorReader) -> None:
    speaker = next((e for e in reader.entities if e["id"] == quote.get("speaker")), None)
    if speaker is None:
        return
    event["source"] = [speaker["id"]]
    code = speaker.get("actor_code")
    event["source_codes"] = [code] if code else []


class EventCoder:
    """``dateline_events_v1``: writes ``doc._.dl_events``."""

    def __init__(self) -> None:
        self.rules = trigger_rules()
        self.governors = governors()

    def __call__(self, doc: Doc) -> Doc:
        reader = ActorReader(doc)
        quotes = [(q, c) for q in doc._.dl_quotes or () for c in q.get("content") or ()]
        events: list[dict[str, Any]] = []
        for sent in doc.sents:
            coded = self.code_sentence(sent, reader, doc._.dl_published)
            coded += self.judgements(sent, reader, quotes, {tuple(e["trigger"]) for e in coded})
            for event in sorted(coded, key=lambda e: e["trigger"][0]):
                quote = next((q for q, c in quotes if c[0] <= event["trigger"][0] < c[1]), None)
                event["quote"] = quote["id"] if quote else None
                if quote and not event["source"] and not event["source_codes"] and event["type"] in JUDGEMENTS:
                    # "Martyr Soleimani is regarded as the best commander", in Qalandari's quote:
                    # praise or blame with no one named as its author is the speaker's.
                    _speaker_as_source(event, quote, reader)
                event["id"] = f"v{len(events) + 1}"
                events.append(event)
        doc._.dl_events = events
        return doc

    def judgements(
        self,
        sent: Span,
        reader: ActorReader,
        quotes: list[tuple[dict[str, Any], list[int]]],
        taken: set[tuple[int, int]],
    ) -> list[dict[str, Any]]:
        """Blame or praise a speaker voices by judging an actor inside their quote: "NATO's
        capacity is eroding" (ACCUSE, speaker -> NATO). Only in quoted content with a known speaker."""
        lexicon = evaluations()
        out: list[dict[str, Any]] = []
        for verb in _tokens_in(sent, per_doc(sent.doc, _verb_ids)):
            rule = lexicon.verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
            if rule is None or _negated(verb) is not None or _hypothetical(verb):
                continue
            quote = next((q for q, c in quotes if c[0] <= verb.idx < c[1] and q.get("speaker")), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if quote is None or subject is None:
                continue
            if subject.lemma_.lower() in lexicon.nouns:
                subject = next((c for c in subject.children if c.dep_ == "poss"), None)
            heads = resolve_actor(subject) if subject is not None and subject.lower_ not in PRONOUNS else []
            target, target_codes, _ = reader.read(heads)
            trigger = [verb.idx, verb.idx + len(verb)]
            if not target_codes or tuple(trigger) in taken:
                continue
            info = cameo(rule[1])
            event = {
                "type": rule[0],
                "mode": None,
                "cameo": info.code,
                "goldstein": info.goldstein,
                "quad_class": info.quad_class,
                "source": [],
                "target": target,
                "source_codes": [],
                "target_codes": target_codes,
                "evidence": self._evidence(verb, verb),
                "trigger": trigger,
                "when": None,
                "where": None,
            }
            _speaker_as_source(event, quote, reader)
            out.append(event)
        return out

    # -- finding and nesting triggers ------------------------------------------------------

    def find(self, sent: Span) -> list[Found]:
        found: list[Found] = []
        part_ids: set[int] = set()
        for token in _tokens_in(sent, per_doc(sent.doc, _may_trigger)):
            if token.i in part_ids:
                continue
            f = match_trigger(token)
            if f is None:
                if token.pos_ in ("VERB", "AUX") and _deontic(token) and _actor_subject(token):
                    # "X said Libya must hand over the suspects": the modal itself is the demand.
                    rule = TriggerRule("must", "VERB", frozenset(), frozenset(), False, False, "REQUEST", None, "100")
                    found.append(Found(token, rule, token))
                continue
            if f.token.pos_ != "VERB" and f.rule.pos == "NOUN" and not _noun_context(f):
                continue
            part_ids.update(p.i for p in f.parts)
            found.append(f)
        by_token = {f.token.i: f for f in found}
        for f in found:
            f.parent = self._parent(f, by_token)
            if f.parent is not None:
                f.parent.absorbed.append(f)
        return found

    def _parent(self, f: Found, by_token: dict[int, Found]) -> Found | None:
        """The trigger that absorbs ``f``: a governor or verbal event above it in its clause.

        Sets ``f.background`` instead when ``f`` only describes the content of a decision,
        plan or proposal ("protested the decision of sending troops"), or an earlier deed
        told in a past-perfect relative clause ("whom they had taken hostage").
        """
        tok = f.token
        child_dep = tok.dep_
        verb = f.verb
        if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
            f.background = True
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            f.background = True  # "rebels fighting to topple him" describes the rebels
            return None
        free = False  # a sibling event was passed: keep looking only for a plan above
        for _ in range(8):
            head = tok.head
            if head == tok:
                return None
            owner = by_token.get(head.i)
            if owner is None and child_dep != "conj":
                owner = next((g for g in by_token.values() if g.verb == head and g.token != f.token), None)
            if owner is not None and owner is not f and not free:
                # A relative clause on a named actor is a fact about the actor, not the content.
                if child_dep == "relcl" and tok.head.pos_ == "PROPN":
                    return None
                if self._absorbs(owner, f, head, child_dep):
                    return owner
                free = True
                f.sibling = owner
            if head.pos_ in ("VERB", "AUX") and child_dep in ("ccomp", "parataxis"):
                return None
            if head.pos_ == "NOUN" and head.lemma_.lower() in CONTENT_NOUNS and child_dep in ("acl", "relcl", "prep"):
                f.background = True
                return None
            tok, child_dep = head, head.dep_
        return None

    def _absorbs(self, owner: Found, f: Found, head: Token, child_dep: str) -> bool:
        if child_dep == "conj" and head == owner.token:
            return False  # "opened its borders … but was refusing admittance": two acts
        if f.token.pos_ == "NOUN" and f.token.dep_ in ("dobj", "nsubjpass") and f.token.head == owner.token:
            return True  # "prevented the demonstration": the patient, not a second event
        governs = lemma_of(owner.token) in self.governors or owner.rule.plover not in MATERIAL
        if governs and not (owner.rule.plover in MATERIAL and f.rule.plover in MATERIAL):
            return True
        # The aim of a protest or attack ("a strike to demand …") is part of it.
        return owner.rule.plover in MATERIAL and f.rule.plover not in MATERIAL and child_dep != "conj"

    # -- coding one sentence -----------------------------------------------------------------

    def code_sentence(self, sent: Span, reader: ActorReader, published: str | None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for f in self.find(sent):
            if f.parent is not None or f.background:
                continue
            if f.sibling is not None and (f.sibling.parent is not None or f.sibling.background):
                continue  # hangs from an event that is itself only content ("prevented the demonstration … to protest")
            if not self._settle_type(f):
                continue
            event = self._build(f, sent, reader, published)
            if event is None:
                continue
            key = (event["type"], tuple(event["source_codes"] or event["source"]))
            if key in seen:
                continue
            seen.add(key)
            out.append(event)
        return out

    def _settle_type(self, f: Found) -> bool:
        """Type, mode and CAMEO code after modality; False when the event is not coded."""
        kind, mode, code = f.rule.plover, f.rule.mode, f.rule.cameo
        child = f.absorbed[0] if f.absorbed else None
        if child is not None:
            if kind == "THREATEN":
                mode, code = threat_for(child.rule.plover, child.rule.mode)
            elif kind == "AGREE" and child.rule.plover in HOSTILE:
                # "vowed to retaliate", "pledged to crush the rebels": a promise of harm is a threat.
                kind = "THREATEN"
                mode, code = threat_for(child.rule.plover, child.rule.mode)
            elif kind in ("REJECT", "REQUEST") and child.rule.plover in REJECT_CAMEO:
                mode = REJECT_CAMEO[child.rule.plover][1]
            if (
                lemma_of(f.token) in DIRECTIVES
                and child.rule.plover in MATERIAL
                and child.rule.plover not in COOPERATIVE
            ):
                kind, mode, code = child.rule.plover, child.rule.mode, child.rule.cameo
        verb = f.verb
        if _hypothetical(verb):
            return False
        future = _future(verb)
        negation = _negated(verb)
        if _deontic(verb) and kind != "REQUEST":
            kind, mode, code = "REQUEST", None, "100"
        if negation is not None:
            if kind in REJECT_CAMEO and (future is not None or negation.lower_ == "never"):
                code, mode = REJECT_CAMEO[kind]
                kind = "REJECT"
            else:
                return False
        elif future is not None:
            if kind in AGREE_CAMEO:
                kind, mode, code = "AGREE", None, AGREE_CAMEO[kind]
            elif kind == "ASSAULT" and future.lemma_.lower() == "prepare":
                kind, mode, code = "MOBILIZE", "weapons", "150"
            elif kind in ("SANCTION", "COERCE", "ASSAULT", "PROTEST"):
                mode, code = threat_for(kind, mode)
                kind = "THREATEN"
        f.plover, f.mode, f.cameo = kind, mode, code
        return True

    def _build(self, f: Found, sent: Span, reader: ActorReader, published: str | None) -> dict[str, Any] | None:
        verb, token = f.verb, f.token
        between = None
        mediation = f.cameo.startswith("045")
        if token.pos_ in ("NOUN", "PROPN") and not mediation:
            between = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None:
            first = next((c for c in between.children if c.dep_ == "pobj"), None)
            source_heads = resolve_actor(first)
            target_heads: list[Token] = []
            if first is not None and len(source_heads) > 1:
                source_heads, target_heads = source_heads[:1], source_heads[1:]
        else:
            poss = next((c for c in token.children if c.dep_ == "poss"), None) if token != verb else None
            source_heads = resolve_actor(poss if poss is not None else subject_of(verb))
            if not source_heads and f.plover in OWNER_ACTS and is_passive(verb) and token == verb:
                # "a UN arms embargo was lifted": whoever owns the measure lifts it.
                owned = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                owners = [c for c in owned.subtree if c.dep_ in ("poss", "compound", "amod")] if owned else []
                source_heads = next((h for h in map(resolve_actor, owners) if h), [])
            candidates = target_candidates(verb)
            if token != verb:
                # "the naval blockade of Serbia", "the removal of President X": an act noun's
                # "of" names whom it is done to.
                # Not for meetings, deals and withdrawals: "a meeting of ministers", "withdrawal of troops".
                of: tuple[str, ...] = ("of",) if f.plover not in ("CONSULT", "AGREE", "RETREAT", "COOPERATE") else ()
                own = prep_object(token, (*of, *TARGET_PREPS))
                if f.plover == "RETREAT":
                    # "the withdrawal of forces from Panama": withdrawn from the place.
                    withdrawn = prep_object(token, ("of",))
                    own = (
                        prep_object(token, ("from",))
                        or (prep_object(withdrawn, ("from",)) if withdrawn is not None else None)
                        or own
                    )
                candidates = [c for c in [own, *candidates] if c is not None and c != token]
            if f.plover == "ACCUSE":
                # "complained to the United Nations over Israeli raids": "to" names the audience.
                candidates = sorted(candidates, key=lambda c: c.head.lower_ == "to" and c.dep_ == "pobj")
            for child in f.absorbed:
                if child.verb.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in child.verb.children):
                    continue  # "eased measures as authorities cracked down on X": a clause with actors of its own
                # "demanded that the US cancel …": the one asked is the complement's subject;
                # "threatened to break relations with Russia": the complement's recipient.
                if child.verb.dep_ == "ccomp" or any(c.dep_ == "nsubj" for c in child.verb.children):
                    candidates.append(subject_of(child.verb) or child.verb)
                candidates.extend(target_candidates(child.verb))
            if f.rule.comp or lemma_of(token) in self.governors:
                # "demanded that the US cancel its plans": the one asked is the clause's subject.
                for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
                    subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    candidates.extend([subject, *target_candidates(comp)] if subject is not None else [])
            target_heads = pick_target([c for c in candidates if c is not None])
            if not target_heads:
                target_heads = pick_target(purpose_candidates(verb))
            if not target_heads and f.plover == "PROTEST":
                # "rioted following a demonstration calling for the removal of President X":
                # protesters' demands name whom they protest against.
                demands = [t for t in verb.subtree if t.pos_ == "VERB" and t.lemma_.lower() in PROTEST_DEMANDS]
                target_heads = pick_target([c for d in demands for c in target_candidates(d)])
            if mediation:
                # "launched a mediation effort between the Emirates and Saudi Arabia": the mediator
                # acts; the parties between whom it mediates are the recipients.
                holders = [token, token.head, verb] if token.dep_ == "compound" else [token, verb]
                parties = next((p for h in holders if (p := prep_object(h, ("between", "among"))) is not None), None)
                target_heads = resolve_actor(parties) or target_heads
        if f.plover == "REQUEST" and _deontic(verb):
            # The speaker demands; the subject of the must-clause is the one asked.
            target_heads = [h for h in source_heads if h.lower_ not in ("it", "they")] or resolve_actor(
                prep_object(verb.head, ("to",))
            )
            speaker = verb.head
            while speaker.dep_ not in ("ROOT",) and speaker.pos_ != "VERB" and speaker.head != speaker:
                speaker = speaker.head
            source_heads = resolve_actor(subject_of(speaker))
        if f.plover in ("CONSULT", "AGREE") and f.rule.plover == "CONSULT" and token.pos_ == "VERB":
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is not None and not resolve_actor(obj):
                return None  # "met the demands", "hosting the tour": no meeting of parties
        source, source_codes, source_spans = reader.read(source_heads)
        taken = {t.i for h in source_heads for t in actor_phrase(h)}
        target, target_codes, target_spans = reader.read([h for h in target_heads if h.i not in taken])
        if not source and not source_codes and not target and not target_codes:
            return None
        anchors = [verb, token] + [a.verb for a in f.absorbed] + [a.token for a in f.absorbed]
        skip = {t.i for s, e in source_spans + target_spans for t in sent if s <= t.idx < e}
        # A place inside an actor's phrase ("fighters in Kabul") only when the clause has none.
        where = where_of([token, verb], skip) or where_of([token, verb], set())
        if where is not None:
            ent = reader.entity_for(where["span"][0], where["span"][1], sent.doc[0])
            where["entity"] = ent["id"] if ent else None
        if f.plover == "ASSAULT" and not source and not source_codes and where and where.get("country"):
            # "A roadside bombing near Samarra killed …": an attack nobody is named for is, in the
            # CAMEO convention, by an unidentified armed force (UAF) of the place it happened in.
            source_codes = [where["country"] + "UAF"]
        if not target and not target_codes and where and where.get("country") and f.plover in PLACE_RECIPIENTS:
            # "lifted a state of emergency in West Darfur", "bombs in Tel Aviv": a material act with
            # no one named as its recipient is done to the place the sentence names for it.
            target_codes = [where["country"]]
            target = [where["entity"]] if where.get("entity") else []
        _domestic_default(source_codes, target_codes, where)
        info = cameo(f.cameo)
        evidence = self._evidence(verb if verb != token or token.pos_ == "VERB" else token, token)
        trigger_end = max([token.idx + len(token)] + [p.idx + len(p) for p in f.parts])
        trigger_start = min([token.idx] + [p.idx for p in f.parts])
        return {
            "type": f.plover,
            "mode": f.mode,
            "cameo": info.code if len(info.code) >= len(f.cameo) else f.cameo,
            "goldstein": info.goldstein,
            "quad_class": info.quad_class,
            "source": source,
            "target": target,
            "source_codes": source_codes,
            "target_codes": target_codes,
            "evidence": evidence,
            "trigger": [trigger_start, trigger_end],
            "when": when_of(
                anchors
                + (
                    [token.head.head if token.head.dep_ == "prep" else token.head]
                    if token == verb and token.pos_ == "NOUN"
                    else []
                ),
                sent,
                published,
                after=token if token.pos_ == "NOUN" else None,
            ),
            "where": where,
        }

    @staticmethod
    def _evidence(head: Token, trigger: Token) -> list[int]:
        """The clause of the event (the head's subtree), kept within the trigger's line so a
        span never runs across a paragraph or hard line break."""
        tokens = [t for t in head.subtree if t.dep_ != "punct" or head.left_edge.i < t.i < head.right_edge.i]
        phrase = actor_phrase(head) if head.pos_ == "NOUN" else None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        if phrase is not None:
            start = min(start, phrase.start_char)
        # The clause lies inside the trigger's sentence: read the line breaks off the sentence's
        # own text (a slice of the Doc's, joined once per Doc: ``Span.text`` joins its tokens).
        sent = trigger.sent
        base = sent.start_char
        text = doc_text(trigger.doc)[base : sent.end_char]
        line_start = base + text.rfind("\n", 0, trigger.idx - base) + 1
        line_end = text.find("\n", trigger.idx - base)
        line_end = base + (len(text) if line_end < 0 else line_end)
        start, end = max(start, line_start, base), min(end, line_end, base + len(text))
        while end > start and text[end - 1 - base].isspace():
            end -= 1
        while start < end and text[start - base].isspace():
            start += 1
        return [start, end]
