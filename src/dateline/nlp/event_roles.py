"""Who did it to whom, when and where: reading an event's roles off the dependency parse.

Owns the syntactic helpers the event coder uses once it has a trigger: the clause subject
(through control verbs, conjunctions, relative clauses and passives), the recipient, the
actor noun phrases and their CAMEO codes (via ``nlp.actors``), the date phrase attached to
the event and the place it happened. Pure functions over spaCy tokens; writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.nlp import actors
from dateline.nlp.dates import normalise

SUBJECTS = ("nsubj", "csubj")
STATE_PASSIVES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate", "poise", "engage", "involve"})
# Relative pronouns stand for the noun the clause hangs from.
RELATIVES = frozenset({"who", "which", "that", "whom"})
# Prepositions that introduce the party an act is aimed at, most telling first.
TARGET_PREPS = ("against", "on", "to", "with", "toward", "towards", "from", "into", "at", "over", "for", "among")
# "in defiance of Chinese authorities", "in retaliation against Israel": an "in" phrase whose noun
# names a stance toward someone.
STANCE_NOUNS = frozenset({"defiance", "protest", "retaliation", "response", "opposition", "solidarity", "support"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# "Iranian officials stated that the nation will never yield": read like a pronoun.
GENERIC_STATES = frozenset({"nation", "country", "government", "regime", "state", "republic", "administration"})
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we", "i"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``: its subject, the passive agent, or the controller of an infinitive."""
    if depth > 4:
        return None
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if verb.lemma_.lower() in STATE_PASSIVES:
            # "Vietnam is committed to …": a state, not a passive act; its subject is the actor.
            return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return None
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in RELATIVES and verb.dep_ == "relcl":
                return verb.head
            return c
    head = verb.head
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "xcomp":
        # Object control ("prompted nations to purchase", "urged Iran to stop") else subject control.
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None and obj.i < verb.i else subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "acomp", "pcomp") and head != verb:
        if head.pos_ == "ADP":  # "resorted to throwing stones"
            return subject_of(head.head, depth + 1)
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD"):
        return head  # "forces using artillery", "groups donated …": the noun does it
    if verb.dep_ == "pobj" and head.dep_ == "prep":
        return subject_of(head.head, depth + 1)
    return None


def antecedent(pronoun: Token) -> Token | None:
    """The non-pronoun subject of a clause above ``pronoun``: "Hungary said it will …" -> Hungary.

    News reports the speaker's own acts this way so often that this one rule resolves most
    pronoun actors inside a sentence; anything further is the entity clusters' job.
    """
    tok = pronoun.head
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") and tok != pronoun.head or tok.dep_ in ("ROOT",):
            subj = next((c for c in tok.children if c.dep_ in SUBJECTS and c.i != pronoun.i), None)
            if subj is not None and subj.lower_ not in PRONOUNS and subj.i < pronoun.i:
                return subj
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def object_of(verb: Token) -> Token | None:
    """The acted-upon party: passive subject, direct object, dative, or a telling preposition."""
    if is_passive(verb) and verb.lemma_.lower() not in STATE_PASSIVES:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return verb.head if c.lower_ in RELATIVES and verb.dep_ == "relcl" else c
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
    for c in verb.children:
        if c.dep_ == "dative":
            return next((p for p in c.children if p.dep_ == "pobj"), c)
    return prep_object(verb)


def prep_object(token: Token, preps: Iterable[str] = TARGET_PREPS) -> Token | None:
    """The object of the first of ``preps`` under ``token`` that names no date or time ("a
    strike on Monday", "restrictions for two years" are no one's)."""
    children = [c for c in token.children if c.dep_ in ("prep", "dative")]
    for p in preps:
        for prep in (c for c in children if c.lower_ == p):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                # "asked for using Iran's experience": the gerund's object.
                pcomp = next((c for c in prep.children if c.dep_ == "pcomp"), None)
                pobj = next((c for c in pcomp.children if c.dep_ == "dobj"), None) if pcomp is not None else None
            if pobj is not None and pobj.ent_type_ not in TIME_LABELS:
                return pobj
    return None


def actor_phrase(head: Token) -> Span:
    """The noun phrase naming an actor: modifiers, "of …" and appositions, not relative clauses."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for c in head.rights:
        if c.dep_ in ("prep", "appos", "compound", "punct") and (c.dep_ != "prep" or c.lower_ in ("of", "in")):
            if c.dep_ == "punct" and c.i == c.right_edge.i:
                continue
            end = max(end, c.right_edge.i + 1)
        else:
            break
    while start < end - 1 and doc[start].dep_ in ("det", "punct", "cc", "preconj"):
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _codes(phrase: Span) -> list[str]:
    """CAMEO codes for a phrase; "U.S. and Russian negotiators" gives one code per country."""
    text = phrase.text
    generic = _generic_state(phrase.root)
    if generic:
        return [generic]
    code = actors.actor_code(text)
    if code is None:
        return []
    head = phrase.root
    if head.ent_type_ in ACTOR_LABELS:
        # "NATO-member Norway" is Norway: the head's own name outranks its modifiers.
        ent = entity_at(head)
        own = actors.find_places(ent.text) if ent is not None else []
        first = actors.find_places(text)
        if own and first and own[0].code != first[0].code:
            if own[0].is_igo:
                code = own[0].code
            else:
                sector = "" if actors.is_igo(code) else code[3:]
                code = own[0].code + sector
    for tok in phrase:
        if tok.dep_ == "poss" and tok.lower_ in PRONOUNS and len(code) == 3 and not actors.find_places(text):
            # "their forces" after "Bosnian Serbs said": the owner's country, the phrase's sector.
            owner = antecedent(tok)
            owner_code = actors.actor_code(actor_phrase(owner).text) if owner is not None else None
            if owner_code and len(owner_code) >= 3 and not actors.is_igo(owner_code):
                code = owner_code[:3] + code
    places = [m for m in actors.find_places(text) if m.code]
    distinct = list(dict.fromkeys(m.code for m in places))
    if len(distinct) > 1 and any(t.dep_ == "cc" for t in phrase):
        sector = "" if actors.is_igo(code) else code[3:]
        return [c if actors.is_igo(c) else c + sector for c in distinct]
    return [code]


def _generic_state(head: Token) -> str | None:
    """The country a bare "the nation"/"the government" stands for: its antecedent's."""
    if head.lemma_.lower() not in GENERIC_STATES or any(c.dep_ in ("poss", "compound", "amod") for c in head.children):
        return None
    owner = antecedent(head)
    place = actors.find_places(actor_phrase(owner).text) if owner is not None else []
    if not place or place[0].is_igo:
        return None
    return place[0].code + ("GOV" if head.lemma_.lower() in ("government", "regime", "administration") else "")


def _named_after(head: Token) -> bool:
    """ "Members of the Association …", "the government of Sindh": the head is an actor named
    by what follows it."""
    phrase = actor_phrase(head)
    return any(m.start >= head.idx + len(head) - phrase.start_char for m in actors.find_places(phrase.text))


def _names_group(head: Token) -> bool:
    """ "bin Laden's al-Qaeda terror network": a known armed group or party names the phrase."""
    return any(n.what == "group" for n in actors.find_named(actor_phrase(head).text))


def _is_actorish(token: Token) -> bool:
    if token.ent_type_ in ACTOR_LABELS or token.pos_ == "PROPN":
        return True
    return token.lower_ in PRONOUNS


def target_candidates(verb: Token) -> list[Token]:
    """Possible recipients of ``verb`` in order: object, dative, "against/to/with …" objects,
    and the same prepositions under the object ("further action against Russia")."""
    found: list[Token] = []
    first = object_of(verb)
    if first is not None:
        found.append(first)
    if first is None:
        # "allowed candidate Ouattara to participate", "urged Iran to stop": the one acted on is
        # the subject the parser gives the infinitive.
        for comp in (c for c in verb.children if c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children)):
            subject = next((c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i), None)
            if subject is not None:
                found.append(subject)
    # "launched artillery, mortar and rocket fire against X": the preposition hangs off a conjunct.
    holders = [verb, first, *(first.conjuncts if first is not None else ())]
    for holder in holders:
        if holder is None:
            continue
        for c in holder.children:
            if c.dep_ == "dative":
                found.append(next((p for p in c.children if p.dep_ == "pobj"), c))
        # Under the object, "by"/"from" name whose call or offer it was ("rejected calls by Annan").
        for p in TARGET_PREPS + (("by",) if holder is not verb else ()):
            pobj = prep_object(holder, (p,))
            if pobj is not None and pobj not in found:
                found.append(pobj)
        # "denounced as an ugly crime Serbia's suppression of …": the apposition says what it was.
        named_as = prep_object(holder, ("as",))
        if holder is verb and named_as is not None:
            found.extend(c for c in named_as.children if c.dep_ == "appos")
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"):
            stance = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if stance is not None and stance.lemma_.lower() in STANCE_NOUNS:
                whom = prep_object(stance, ("of", "to", "against", "with", "for"))
                if whom is not None and whom not in found:
                    found.insert(0, whom)  # a stated stance names its target outright
    return found


def purpose_candidates(verb: Token, depth: int = 0) -> list[Token]:
    """Recipients named in the trigger's purpose clauses ("sent material to help defend Saudi
    Arabia", "began a hunger strike to protest against Sweden's decision"): a fallback for
    triggers whose own clause names no one."""
    found: list[Token] = []
    if depth > 2:
        return found
    for c in verb.children:
        if (
            c.dep_ in ("xcomp", "advcl")
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            found.extend(target_candidates(c))
            found.extend(purpose_candidates(c, depth + 1))
        elif c.dep_ == "xcomp" and c.pos_ == "VERB":
            found.extend(target_candidates(c))
            found.extend(purpose_candidates(c, depth + 1))
    return found


def has_country(heads: list[Token]) -> bool:
    """Some head names a country or IGO, or a group, city or leader the lexicons place."""
    return any(actors.find_places(p) or actors.find_named(p) for p in (actor_phrase(h).text for h in heads))


def pick_target(candidates: list[Token]) -> list[Token]:
    """The first candidate that names a country or IGO, else the first that names any actor."""
    resolved = [resolve_actor(c) for c in candidates]
    for heads in resolved:
        if heads and has_country(heads):
            return heads
    return next((heads for heads in resolved if heads), [])


def resolve_actor(head: Token | None) -> list[Token]:
    """Heads of the actors a role token names: itself (and its conjuncts), or the country or
    organisation modifying a thing ("Turkey's efforts", "Iranian weapons")."""
    if head is None:
        return []
    if head.lower_ in PRONOUNS:
        head = antecedent(head) or head
    heads = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    # A head counts when it names an actor itself (a name, a pronoun, "the nation") or a kind
    # of actor ("police", "rebels"); a thing ("embargo", "weapons") hands over to its owner.
    found = [
        h
        for h in heads
        if _is_actorish(h) or _generic_state(h) or actors.sector_of(h.text) or _named_after(h) or _names_group(h)
    ]
    if found:
        return found
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and (
            c.ent_type_ in ACTOR_LABELS
            or c.pos_ == "PROPN"
            # "military projects" are no military's: an adjective owner must name a country.
            or (
                _rooted(actors.actor_code(actor_phrase(c).text))
                if c.dep_ == "amod"
                else actors.actor_code(actor_phrase(c).text)
            )
        ):
            return [c]
    # "the demonstration staged by students": the agent of the act the noun names.
    for c in head.children:
        if c.dep_ == "acl":
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            doer = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
            if doer is not None and (_is_actorish(doer) or actors.sector_of(doer.text)):
                return [doer]
    # "the removal of President X", "action against Russia"
    inner = prep_object(head, ("of", "against", "on", "to", "with"))
    if inner is not None and inner != head and (_is_actorish(inner) or actors.actor_code(actor_phrase(inner).text)):
        return [inner]
    return []


def _rooted(code: str | None) -> bool:
    """The code names a country, an IGO or a transnational group, not only a sector."""
    if not code:
        return False
    return actors.is_igo(code) or code[:3] == "IMG" or actors.country_name(code[:3]) is not None


class ActorReader:
    """Codes and entity ids for actor heads, with the article's entity clusters at hand."""

    def __init__(self, doc: Doc) -> None:
        self.entities: list[dict[str, Any]] = list(doc._.dl_entities or ())
        self._mentions = sorted(
            ((m[0], m[1], e) for e in self.entities for m in e["mentions"]), key=lambda row: (row[0], row[1])
        )

    def entity_for(self, start: int, end: int, head: Token) -> dict[str, Any] | None:
        best: tuple[int, dict[str, Any]] | None = None
        for s, e, ent in self._mentions:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            # Prefer the mention containing the head word ("Iran's Defense Minister X" is X).
            bonus = 1000 if s <= head.idx < e else 0
            if overlap > 0 and (best is None or overlap + bonus > best[0]):
                best = (overlap + bonus, ent)
        return best[1] if best else None

    def read(self, heads: list[Token]) -> tuple[list[str], list[str], list[tuple[int, int]]]:
        """(entity ids, codes, phrase spans) for the actor heads."""
        ids: list[str] = []
        codes: list[str] = []
        spans: list[tuple[int, int]] = []
        for head in heads:
            phrase = actor_phrase(head)
            spans.append((phrase.start_char, phrase.end_char))
            entity = self.entity_for(phrase.start_char, phrase.end_char, head)
            if entity is not None and entity["id"] not in ids:
                ids.append(entity["id"])
            found = _codes(phrase)
            entity_code = entity.get("actor_code") if entity else None
            if entity_code and _rooted(found[0] if found else None) and not _rooted(entity_code):
                pass  # "President Bouteflika" -> DZAGOV from the leaders list beats the cluster's bare GOV
            elif entity_code and (not found or head.lower_ in PRONOUNS or not actors.find_places(phrase.text)):
                found = [entity_code]
            elif found and entity_code and len(found) == 1 and found[0] == entity_code[: len(found[0])]:
                found = [entity_code]  # the cluster knows the role: "Ashtiani" -> IRNMIL
            for code in found:
                if code not in codes:
                    codes.append(code)
        return ids, codes, spans


def entity_at(token: Token) -> Span | None:
    """The named entity holding ``token``, read off the IOB tags around it. Not ``doc.ents``
    (nor ``sent.ents``, which reads it): spaCy rebuilds every entity of the document from all
    its tokens on each access, and the event rules asked for them per event and per role."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type)


def entities_in(sent: Span) -> list[Span]:
    """``sent.ents``: the entities wholly inside ``sent``, from its own tokens."""
    found = (entity_at(tok) for tok in sent if tok.ent_iob_ == "B")
    return [ent for ent in found if ent is not None and ent.end <= sent.end]


def when_of(
    anchors: list[Token], sent: Span, published: str | None, after: Token | None = None
) -> dict[str, Any] | None:
    """The DATE phrase attached to the event (not to a reporting verb), normalised.

    ``after``: an event noun whose governing verb is among the anchors; a date on that verb
    counts only when it follows the noun ("pointed to the talks … late last month"), so
    "said on Monday that the talks …" is not taken for the talks' date.
    """
    anchor_ids = {t.i for t in anchors}
    for ent in entities_in(sent):
        if ent.label_ != "DATE":
            continue
        if (
            after is not None
            and ent.start < after.i
            and not any(a.i <= ent.start or a == after for a in anchors if a != after.head)
        ):
            continue
        tok = ent.root
        steps = 0
        while tok.head != tok and steps < 8:
            tok = tok.head
            steps += 1
            if tok.i in anchor_ids:
                found = normalise(ent.text, published)
                if found:
                    return {**found, "span": [ent.start_char, ent.end_char]}
                break
            if tok.pos_ in ("VERB", "AUX"):
                break
    return None


def where_of(anchors: list[Token], skip: set[int]) -> dict[str, Any] | None:
    """The place the event happened: a GPE/LOC/FAC under an "in/at/near" phrase of the event."""
    seen: set[int] = set()
    queue = list(anchors)
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        for c in tok.children:
            if c.dep_ in ("relcl", "ccomp", "nsubj", "nsubjpass"):
                continue
            # "killed 23 people when they blew themselves up in Tel Aviv": a when-clause is the
            # same act's circumstances; other adverbial clauses are acts of their own.
            if c.dep_ == "advcl" and not any(m.dep_ == "advmod" and m.lower_ in ("when", "while") for m in c.children):
                continue
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and c.i not in skip:
                place = _place_in(c)
                if place is not None:
                    return place
            if c.dep_ in ("prep", "agent", "pobj", "dobj", "npadvmod", "acl", "conj", "advcl") and len(seen) < 40:
                queue.append(c)
    return None


def _place_in(prep: Token) -> dict[str, Any] | None:
    for tok in prep.subtree:
        if tok.ent_type_ in PLACE_LABELS and tok.ent_iob_ == "B" and (ent := entity_at(tok)) is not None:
            return {
                "name": ent.text,
                "entity": None,
                "country": actors.place_country(ent.text),
                "span": [ent.start_char, ent.end_char],
            }
        if tok.dep_ in ("relcl", "acl"):
            break
    return None
