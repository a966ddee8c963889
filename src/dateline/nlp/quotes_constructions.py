"""Reported-speech constructions beyond a cue verb's own clause: rule 2 of ``nlp/quotes.py``.

Owns the constructions that name a source and a content without a speech verb's
that-clause: a title line ("Lawmaker urges retaliation on Russia"), a cue verb the tagger read
as a noun ("Trump charges that …"), an "as" aside ("As experts have pointed out, …"), an impression ("X seems to …"), an attitude adjective ("has been
critical of"), a view ("sees X as Y", "described X as Y"), a light-verb phrase ("made the case
that …", "took a swipe at …", "made it clear that …"), a hearer verb's topic ("asked him
about …"), a report in a relative clause ("…, which he said was …") and an inverted cue the
parser did not read as one ("…, records show, …", "…, experts say."), a hearsay adverb
("X has reportedly …"), a judgment received ("The plan has drawn criticism from …"), a feeling
stirred ("The remark worried some analysts": the analysts' view of the remark), a talk
or doubt noun's topic ("the debate about …") and a speech noun before a colon ("made the
following comment: …"). Each was kept only where it raised F1 on PolNeAR dev and train (figures in the
commit messages). Reads tokens and the cue lexicon; writes nothing to the Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.nlp.actors import gazetteer
from dateline.nlp.quote_cues import (
    doc_text,
    has_that,
    load_cues,
    mention_span,
    prep_object,
    subtree_content,
    subtree_span,
    tokens_with,
    trim,
    without_stop,
)
from dateline.nlp.quotes_direct import Draft, cue_span, speaker_of

# Adjectives whose "to" phrase after "seem"/"appear" names the one who judges ("credible to me").
_JUDGED_TO = ("credible", "plausible", "clear", "obvious", "strange", "odd", "fair", "unfair", "reasonable", "absurd")


def appearance(doc: Doc, cue: Token) -> Draft | None:
    """ "The conflict may once have seemed far away", "Melania seems to have vanished", "It
    appears that …": an impression PolNeAR attributes with no source; its content is the
    whole clause, subject and cue included (or the that-clause after "it")."""
    if cue.dep_ not in ("ROOT", "conj"):
        return None  # "She added that the vote seems …", "when a protester seemed to stumble"
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if comp is not None and (subj is None or subj.lower_ == "it"):
        span = subtree_span(comp)
        return Draft([trim(doc, span.start_char, span.end_char)], cue, cue_span(cue), None)
    pred = next(
        (c for c in cue.rights if c.dep_ in ("xcomp", "oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "like")),
        None,
    ) or _loose_predicate(cue)
    if subj is None or pred is None or subj.lower_ in ("it", "that", "which", "who", "this", "there"):
        return None
    if (
        pred.dep_ == "xcomp"
        and pred.pos_ == "VERB"
        and (
            load_cues().verbs.get(pred.lemma_.lower(), "appearance") != "appearance"
            or any(c.dep_ == "ccomp" and c.i > pred.i for c in pred.children)
        )
    ):
        return None  # "She appeared to imply that …": a cue of its own, whose speaker is the subject
    last = pred.right_edge
    # "seems credible to me", "seemed unfair to most voters": the one it seems so to holds the
    # view — after adjectives of judgment only ("deferential to", "closer to", "impervious to"
    # name what the subject stands toward).
    to = next((c for c in (*pred.rights, *cue.rights) if c.dep_ == "prep" and c.lower_ == "to"), None)
    holder = prep_object(to) if to is not None and pred.lemma_.lower() in _JUDGED_TO else None
    if to is None or holder is None or holder.pos_ not in ("NOUN", "PROPN", "PRON") or to.right_edge.i < last.i:
        return Draft([trim(doc, subj.left_edge.idx, last.idx + len(last.text))], cue, cue_span(cue), None)
    return Draft([trim(doc, subj.left_edge.idx, to.idx)], cue, cue_span(cue), mention_span(holder, cue))


def _loose_predicate(cue: Token) -> Token | None:
    """What the subject seems, where the parser did not hang it as a complement: a comparative
    adverb ("appeared closer to offering …") or a participle read as a clause ("the team
    appeared paralyzed"). Not an object: "sounded a cautious note" is an act, not a look."""
    for c in cue.rights:
        if (c.dep_ == "advmod" and c.tag_ in ("JJR", "RBR")) or (
            c.dep_ == "advcl" and c.tag_ == "VBN" and c.i == cue.i + 1
        ):
            return c
    return None


# Classes a headline verb reports with ("Obama Seeks More Refugees", "New Poll Shows …");
# beliefs and impressions need a clause the headline style drops.
_HEADLINE_CLASSES = ("speech", "intent", "evidence", "stance")
# Verbs of headline diction only ("Black Lawmakers Rip …", "Federal court rules against …",
# "Gold Star Mom Corners Obama On …"); in body text they are mostly not reports.
_HEADLINE_VERBS = {"rip": "stance", "corner": "speech", "rule": "speech", "hammer": "stance"}


def headline(doc: Doc, verbs: dict[str, str]) -> Draft | None:
    """The title line ("Lawmaker urges retaliation on Russia", "New Poll Shows Minor Bump For
    Clinton"): a short first paragraph whose cue verb follows a short subject. The
    parser often takes a title-case verb for a noun, so the cue is found by its word form
    (-s/-es stripped); the words before it are the source, the rest of the line the content."""
    text = doc_text(doc)
    end = text.find("\n")
    line = text[:end].rstrip(" .") if end > 0 else ""
    subtitled = line.endswith(";")  # "Lawmaker urges retaliation on Russia; \nMembers say …"
    line = line.rstrip(" ;")
    if not line or not (subtitled or text[end:].lstrip(" \r").startswith("\n\n")) or len(line.split()) > 16:
        return None  # a title stands alone above the body (PolNeAR's end with a full stop)
    toks = doc.char_span(0, len(line), alignment_mode="contract")
    for tok in toks[1:] if toks is not None else ():
        cls = next(
            (verbs.get(f) or _HEADLINE_VERBS.get(f) for f in _verb_forms(tok) if f in verbs or f in _HEADLINE_VERBS),
            None,
        )
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
        if cls is None or prev.pos_ in ("DET", "ADJ", "NUM") or prev.tag_ == "POS" or prev.text == "-":
            continue  # "A Curious Plan", "Clinton's Attacks", "Clinton-Supporting": not a verb
        if (tok.ent_iob_ == "I" and tok.pos_ != "VERB") or nxt.text == ":" or nxt.lower_ == "up":
            continue  # "Washington Post", "Both Sides Want:", "showed up"
        subject = text[: tok.idx].rstrip(" ,")
        if cls not in _HEADLINE_CLASSES or ":" in subject or len(subject.split()) > 8:
            return None
        content = trim(doc, tok.idx + len(tok.text), len(line))
        if len(text[content[0] : content[1]].split()) < 2:
            return None
        return Draft([content], tok, (tok.idx, tok.idx + len(tok.text)), (0, len(subject)))
    return None


def _verb_forms(tok: Token) -> set[str]:
    """The lemmas a title-case word may stand for: "Seeks" -> seek, "Slammed" -> slam."""
    form = tok.lower_
    forms = {tok.lemma_.lower(), form}
    for suffix, repl in (("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            forms.add(form[: -len(suffix)] + repl)
    if len(form) > 5 and form[-3] == form[-4] and form.endswith("ed"):
        forms.add(form[:-3])  # "slammed"
    return forms


# Prepositions after an attitude adjective that name what it is about ("critical of",
# "upbeat about", "skeptical of", "divided on").
_ATTITUDE_PREPS = ("about", "of", "on", "over", "with", "toward", "towards", "regarding")
# Subjects that name no one ("It is clear that …" has no source; "there").
_NO_ONE = {"it", "there", "this", "that", "which", "what"}


def attitudes(doc: Doc, in_quote: list[bool], adjectives: dict[str, str]) -> list[Draft]:
    """An attitude its holder is said to have, on an adjective after a linking verb: "Many
    Democrats are afraid that …" (its clause), "Graham has been critical of Trump" (its
    prepositional object). The subject is the source; the cue runs from the verb to the
    preposition ("have been critical of"), as PolNeAR marks it."""
    quotes: list[Draft] = []
    acomp = doc.vocab.strings["acomp"]
    for i in (doc.to_array("DEP") == acomp).nonzero()[0]:
        adj = doc[int(i)]
        verb = adj.head
        if in_quote[adj.i] or adj.lemma_.lower() not in adjectives or verb.pos_ not in ("AUX", "VERB"):
            continue
        relative = verb.dep_ == "relcl"  # "centrists who were angry about the war"
        if verb.dep_ not in ("ROOT", "conj") and not _glued(verb) and not relative:
            continue  # "She said she's glad that …": the report holds it already
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if relative and (subj is None or subj.lower_ not in ("who", "that") or verb.head.pos_ not in ("NOUN", "PROPN")):
            continue
        if subj is None or (subj.lower_ in _NO_ONE and not relative) or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
            continue
        clause = next((c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i), None)
        cue_end = adj.idx + len(adj.text)
        if clause is None:
            topic = _prep_topic(next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in _ATTITUDE_PREPS), None))
            if topic is None:
                continue
            clause, cue_end = topic
        content = subtree_content(clause)
        if content is None:
            continue
        speaker = speaker_of(verb)
        if relative:  # the noun with its relative pronoun, as PARC marks "voters who …"
            speaker = (mention_span(verb.head, verb)[0], subj.idx + len(subj.text))
        quotes.append(Draft([content], adj, (cue_span(verb)[0], cue_end), speaker))
    return quotes


def _glued(verb: Token) -> bool:
    """A main clause the parser hung as the complement of a later verb that reports nothing
    ("Viguerie is upbeat about Cruz's chances …" under the next clause's "sees"); "…, he
    said" after it is a report that holds it."""
    return verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.lemma_.lower() not in load_cues().verbs


# Verbs of regarding: "Four in 10 voters see the campaign as most unfair".
_SEEING = {"see", "view", "regard", "perceive"}


def object_as(verb: Token) -> tuple[int, int] | None:
    """ "sees the program as an easier way", "described the dinner as …": from the object
    (or the passive subject) to the end of the "as" phrase."""
    as_ = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return None
    if as_ is None:
        as_ = _loose_as(verb, obj)
        if as_ is None:
            return None
        # "as an economic burden" (a phrase) or "as [most unfair]", "as [captured by …]" (the
        # word it introduces, and what that word governs)
        word = as_.head
        while as_.dep_ != "prep" and word.head.i != verb.i and word.head.i != word.i:
            word = word.head  # "as far more capable of …": up to the phrase the verb holds
        last = as_.right_edge if as_.dep_ == "prep" else word.right_edge
        return obj.left_edge.idx, last.idx + len(last.text)
    if obj.i > as_.i:
        return None
    return obj.left_edge.idx, as_.right_edge.idx + len(as_.right_edge.text)


def judged(verb: Token) -> tuple[int, int] | None:
    """ "consider the plan a mistake", "North Korea is considered a threat": a judgment whose
    view is a bare predicate; from the object (or the passive subject) to the end of it."""
    if verb.lemma_.lower() not in ("consider", "deem"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    pred = next((c for c in verb.rights if c.dep_ == "oprd"), None)
    if obj is None or pred is None or obj.i > pred.i or obj.lower_ in ("who", "that", "which", "what"):
        return None
    if obj.dep_ == "nsubjpass" and any(c.tag_ == "MD" for c in verb.children):
        return None  # "will be considered a battleground state": a classification to come, not a view held
    return obj.left_edge.idx, pred.right_edge.idx + len(pred.right_edge.text)


def known_for(verb: Token) -> tuple[tuple[int, int], int] | None:
    """ "He is best known for his work on …", "the island was known as ''the Poorhouse''": a
    reputation, held by no one named; from the passive subject to the end of the "as" or "for"
    phrase (PolNeAR's content is the whole clause), and where the cue ends (its preposition:
    "is best known for"). The reduced "a group known as Fancy Bear" and "what has become known
    as the Buffett rule" name a thing and are not one."""
    if verb.lemma_.lower() != "know" or verb.tag_ != "VBN":
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    what = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("as", "for")), None)
    if subject is None or subject.lower_ == "what" or what is None:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return (subject.left_edge.idx, what.right_edge.idx + len(what.right_edge.text)), what.idx + len(what.text)


def _loose_as(verb: Token, obj: Token) -> Token | None:
    """The "as" of "see immigrants as a burden" where the parser hung it elsewhere: on the
    object, on the agent ("was seen by some as …"), or as the adverb or marker of what follows
    ("see the campaign as most unfair", "sees Netanyahu as captured by …"). It must come soon
    after the object and the verb, inside the verb's phrase."""
    doc = verb.doc
    start = max(obj.i, verb.i) + 1
    for tok in doc[start : min(start + 8, verb.right_edge.i + 1)]:
        if tok.lower_ == "as" and tok.dep_ in ("prep", "advmod", "mark") and verb in tok.ancestors:
            # "answers a question as Bush listens": a clause with its own subject is a time
            own_subject = any(c.dep_.startswith("nsubj") for c in tok.head.children)
            return tok if tok.dep_ == "prep" or (tok.head.i > tok.i and not own_subject) else None
        if tok.dep_ in ("punct", "cc") or tok.pos_ in ("VERB", "AUX"):
            return None
    return None


def seen_as(doc: Doc, in_quote: list[bool], used: set[int]) -> list[Draft]:
    """A view someone holds, "X sees/views/regards Y as Z": the content runs from Y to the end
    of the "as" phrase; in the passive ("Trump is seen as …") from the subject."""
    quotes: list[Draft] = []
    for tok in tokens_with(doc, "LEMMA", _SEEING):
        if tok.pos_ != "VERB" or in_quote[tok.i] or tok.i in used:
            continue
        view = object_as(tok)
        if view is None:
            continue
        content = trim(doc, *view)
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        # "is seen by some as …": the agent holds the view; with none, no one named does.
        agent = passive and any(c.dep_ == "agent" for c in tok.children)
        speaker = None if passive and not agent else speaker_of(tok)
        as_ = _loose_as(tok, tok) if agent and speaker is not None else None
        if speaker is not None and as_ is not None and speaker[0] < as_.idx < speaker[1]:
            speaker = trim(doc, speaker[0], as_.idx)  # "by some as …": the parse hung the view on "some"
        if not passive and speaker is None:
            continue
        used.add(tok.i)
        quotes.append(Draft([content], tok, cue_span(tok), speaker))
    return quotes


_LIGHT_PREPS = ("about", "of", "on", "for", "against", "with", "at", "over")


def _light_prep(verb: Token, noun: Token, prep: Token) -> bool:
    """The preposition that leads to what a light-verb phrase is about: "statements on", "support
    to/behind", "feelings toward", "interest in"; not "questions for" (the one asked) after "have"."""
    word, lemma = prep.lower_, noun.lemma_.lower()
    if verb.lemma_.lower() == "have" and word == "for":
        return False
    return (
        word in _LIGHT_PREPS
        or word in ("toward", "towards")
        or (word in ("to", "behind") and lemma == "support")
        or (word == "in" and lemma == "interest")
    )


def light_verbs(doc: Doc, in_quote: list[bool], used: set[int], phrases: dict[str, str]) -> list[Draft]:
    """A speech act named by a verb and its object, a lexicon phrase ("make case", "take
    issue"): "made the case that …", "took a swipe at Jeb Bush", "made no mention of …". The
    content is the object's clause or the object of its preposition; the cue runs from the
    verb to that preposition."""
    quotes: list[Draft] = []
    dobj = doc.vocab.strings["dobj"]
    for i in (doc.to_array("DEP") == dobj).nonzero()[0]:
        noun = doc[int(i)]
        verb = noun.head
        if in_quote[noun.i] or verb.i in used or f"{verb.lemma_.lower()} {noun.lemma_.lower()}" not in phrases:
            continue
        clause = next(
            (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and has_that(c)),
            None,
        )
        clause = clause or next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > noun.i), None)
        cue_end = noun.idx + len(noun.text)
        if clause is None:
            # The preposition on the noun ("statements on the matter"); on the verb only for
            # "take" ("took a shot at") and support ("threw its support behind X", which the
            # parser hangs on the verb) — "made the pledge at a conference" is a place.
            preps = [c for c in noun.rights if c.dep_ == "prep"]
            if verb.lemma_.lower() == "take" or noun.lemma_.lower() == "support":
                preps += [c for c in verb.rights if c.dep_ == "prep" and c.i > noun.i]
            preps = [c for c in preps if _light_prep(verb, noun, c)]
            topic = _prep_topic(preps[0] if preps else None)
            if topic is None:
                continue
            clause, cue_end = topic
        content = subtree_content(clause)
        if content is None:
            continue
        used.add(verb.i)
        quotes.append(Draft([content], verb, (cue_span(verb)[0], cue_end), speaker_of(verb)))
    # "made it clear he had misgivings", "made clear Monday that they have no plans"
    for i in (doc.to_array("LOWER") == doc.vocab.strings["clear"]).nonzero()[0]:
        clear = doc[int(i)]
        verb = clear.head if clear.head.lemma_ == "make" else clear.head.head
        if verb.lemma_ != "make" or verb.i in used or in_quote[clear.i] or not 0 < clear.i - verb.i <= 2:
            continue
        clause = next((c for c in clear.rights if c.dep_ in ("ccomp", "advcl")), None)
        clause = clause or next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > clear.i), None)
        speaker = speaker_of(verb)
        if clause is None or speaker is None or clause.left_edge.i <= clear.i:
            continue
        span = subtree_span(clause)
        used.add(verb.i)
        quotes.append(
            Draft(
                [trim(doc, span.start_char, span.end_char)],
                verb,
                (cue_span(verb)[0], clear.idx + len(clear.text)),
                speaker,
            )
        )
    return quotes


def as_host(cue: Token) -> Token | None:
    """The verb an "as" aside reports: "As Mr. Bown observed, … what products would you
    pick?" (the cue an adverbial clause marked by "as", its head the reported clause)."""
    if cue.dep_ != "advcl" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    # The aside has no object of its own: the reported clause fills it. "As Clinton talked
    # about bringing communities together, …" is a time, not a report. ("As the memo put it,
    # …": "put it" is the idiom for saying, its "it" the clause.)
    if any(
        (c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "advcl") and not _put_it(cue, c))
        or (c.dep_ == "prep" and c.lower_ not in ("in", "with"))
        for c in cue.children
    ):
        return None
    return cue.head


def put_it(cue: Token) -> Token | None:
    """ "as Ms. Simonyan put it, …": the "it" of "put it", the idiom for saying (else None)."""
    return next((c for c in cue.children if _put_it(cue, c)), None)


def _put_it(cue: Token, child: Token) -> bool:
    return cue.lemma_.lower() == "put" and child.dep_ == "dobj" and child.lower_ == "it"


def about_topic(cue: Token) -> tuple[int, int, int] | None:
    """ "asked him about his tax returns": the object of the cue's "about", and where the cue
    ends (PolNeAR's cue runs to the preposition: "asks him about")."""
    preps = ("about", "of", "against") if cue.lemma_ == "warn" else ("about",)  # "warned of a recession"
    topic = _prep_topic(next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ in preps), None))
    if topic is None:
        return None
    obj, cue_end = topic
    last = obj.right_edge
    return obj.left_edge.idx, last.idx + len(last.text), cue_end


def _prep_topic(prep: Token | None) -> tuple[Token, int] | None:
    """What a cue's preposition is about ("critical [of Trump]", "took a swipe [at Bush]") and
    where the cue ends: PolNeAR's cue runs to the preposition."""
    obj = prep_object(prep)
    if prep is None or obj is None:
        return None
    return obj, prep.idx + len(prep.text)


# Nouns that name a source's aim or resolve, whose to-clause PolNeAR attributes to the
# source: "his determination to act alone", "the court's decision to hear …".
_AIM_NOUNS = {"determination", "eagerness", "reluctance", "agreement", "proposal", "intention", "threat"}
# (plan, pledge, decision, effort, offer, willingness: under 0.5 precise on dev; left out.)


def aims(doc: Doc, in_quote: list[bool]) -> list[Draft]:
    """An aim noun with its to-clause ("France's reluctance to hand over security powers"):
    the clause is the content, the possessor (or "by"/"from" object) the source."""
    found: list[Draft] = []
    for noun in tokens_with(doc, "LEMMA", _AIM_NOUNS):  # nouns' lemmas are lower case
        if noun.pos_ != "NOUN" or in_quote[noun.i]:
            continue
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ == "acl"
                and c.i <= noun.i + 3
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        span = subtree_span(clause)
        content = trim(doc, span.start_char, span.end_char)
        speaker: tuple[int, int] | None = None
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "PRON", "NOUN"):
                speaker = mention_span(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i < clause.i:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    speaker = mention_span(obj)
        if speaker is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            # "the two countries signed an agreement to …": the aim is the verb's subject's
            speaker = speaker_of(noun.head)
        if content[1] - content[0] >= 3:
            found.append(Draft([content], noun, cue_span(noun), speaker))
    return found


# Adverbs that attribute a clause to reports or allegations no one is named for
# ("Google has reportedly looked at Twitter", "after he allegedly brandished a pistol").
_HEARSAY = {"reportedly", "allegedly", "purportedly", "reputedly"}


def hearsay(doc: Doc, in_quote: list[bool], found_so_far: list[Draft]) -> list[Draft]:
    """A clause a hearsay adverb marks as reported ("The group is reportedly spending $1.5
    million on ads"): PolNeAR attributes it with no source; the content is the clause from
    its subject to its end (not "after", "when" before it), the adverb the cue. Only a
    clause with a subject of its own: "…, reportedly winning over delegates" and "who
    allegedly assaulted a reporter" leave what is reported to the sentence around them.
    (dev 2 new of 2, train-400 5 of 8: a few headlines and tweets PolNeAR leaves unmarked)"""
    found: list[Draft] = []
    reporting = {q.cue.i for q in found_so_far if q.cue is not None}
    for adv in tokens_with(doc, "LOWER", _HEARSAY):
        verb = adv.head
        if in_quote[adv.i] or adv.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.i in reporting:
            continue  # "Trump reportedly said …", "reportedly wants …": the verb's own report
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adv.i), None)
        if subj is None or subj.lower_ in _RELATIVES | {"that"} or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
            continue
        last = verb.right_edge
        content = without_stop(doc_text(doc), trim(doc, subj.left_edge.idx, last.idx + len(last.text)))
        if content[1] - content[0] >= 3:
            found.append(Draft([content], adv, (adv.idx, adv.idx + len(adv.text)), None))
    return found


# "The proposal has drawn criticism from …", "came under heavy criticism for …", "won the
# endorsement of …": a judgment someone received. The verbs of receiving, and the nouns of
# judgment PolNeAR marks so (dev 4 of 4, train-400 13 of 16; "support", "scrutiny", "fire",
# "backlash" and "questions" were 0-0.5 precise and are left out).
_RECEIVING = {"draw", "face", "receive", "come", "win", "earn", "attract", "garner", "get"}
_JUDGMENTS = {"criticism", "ridicule", "praise", "endorsement", "condemnation", "rebuke", "derision", "mockery"}


def received_judgments(doc: Doc, in_quote: list[bool]) -> list[Draft]:
    """A judgment its object received: the content is what it was for ("faced criticism for
    failing to act") or else the subject judged ("The clip has faced ridicule online"); the
    source is the one it came from ("from Berlin"), when named; the cue runs from the verb to
    the noun ("has drawn harsh criticism", "came under heavy criticism")."""
    found: list[Draft] = []
    for noun in tokens_with(doc, "LEMMA", _JUDGMENTS):
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "under":
            verb = verb.head  # "came under criticism"
        elif noun.dep_ != "dobj":
            continue
        if in_quote[noun.i] or verb.pos_ != "VERB" or verb.lemma_.lower() not in _RECEIVING:
            continue
        if (verb.lemma_.lower() == "come") != (noun.head.i != verb.i):
            continue  # "come" receives only "under" a judgment; the others take it as object
        preps = [c for c in (*noun.rights, *verb.rights) if c.dep_ == "prep" and c.i > noun.i]
        reason = next((prep_object(p) for p in preps if p.lower_ in ("for", "over")), None)
        giver = next((prep_object(p) for p in preps if p.lower_ == "from"), None)
        if reason is not None:
            content = subtree_content(reason)
        else:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in _RELATIVES | {"that"}:
                continue
            content = subtree_content(subj)
        if content is None:
            continue
        speaker = mention_span(giver) if giver is not None and giver.pos_ in ("PROPN", "NOUN", "PRON") else None
        found.append(Draft([content], noun, (cue_span(verb)[0], noun.idx + len(noun.text)), speaker))
    return found


# Verbs of feeling whose object feels it ("The remark worried some analysts", "Such rhetoric
# is alarming many Germans"): PolNeAR marks the one moved as the source, what moved them as
# the content.
_MOVING = {
    "alarm", "anger", "enrage", "infuriate", "outrage", "frustrate", "irritate", "annoy", "irk",
    "rankle", "upset", "trouble", "unsettle", "disturb", "horrify", "appall", "dismay", "offend",
    "worry", "embarrass", "disappoint", "delight", "please", "thrill",
}  # fmt: skip
_FELT_BY = {"PERSON", "NORP", "ORG", "GPE"}


def moved_by(doc: Doc, in_quote: list[bool], found_so_far: list[Draft]) -> list[Draft]:
    """A feeling a verb says its subject stirs in its object: the object (someone) is the
    source, the subject what they feel about, the verb the cue. Only a verb that says it
    happened ("can annoy", "to offend", "did not rankle" do not), whose object names people."""
    found: list[Draft] = []
    on_cue = {q.cue.i for q in found_so_far if q.cue is not None}
    for verb in tokens_with(doc, "LEMMA", _MOVING):
        if verb.pos_ != "VERB" or verb.tag_ == "VB" or in_quote[verb.i] or verb.i in on_cue:
            continue
        if any(c.dep_ in ("neg", "aux") and c.lower_ in _UNREAL for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None or not _people(obj):
            continue
        if subj.lower_ in _STANDINS or subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
            # "he angered …", "Cooper upset his fans": a person's doing, not a thing felt
            # about; "that/what has alarmed …": what it stands for lies elsewhere
            continue
        span = subtree_span(subj)
        content = trim(doc, span.start_char, span.end_char)
        if content[1] - content[0] < 2 or any(c.dep_ in ("acl", "ccomp") and has_that(c) for c in subj.children):
            continue  # "The ministry's position that … angered Manila": the subject's own report
        found.append(Draft([content], verb, cue_span(verb), mention_span(obj)))
    return found


_UNREAL = {"not", "n't", "never", "can", "could", "may", "might", "would", "will", "should", "must"}


_STANDINS = {"that", "which", "what", "who", "whatever", "it", "this", "these", "those"}
# Plural nouns for people that the actor gazetteer's titles ("voters", "officials") leave out.
_GROUPS = {"supporter", "ally", "member", "figure", "critic", "fan", "donor", "conservative", "liberal", "jew"}


def _people(tok: Token) -> bool:
    """A word for people: a name of a person or group, a role or a group noun ("voters",
    "her supporters"); not "me"/"you" (the writer's or reader's own feelings)."""
    if tok.lower_ in ("him", "her", "them", "us"):
        return True
    lemma = tok.lemma_.lower()
    return (
        tok.ent_type_ in _FELT_BY
        or tok.pos_ == "PROPN"
        or lemma in _GROUPS
        or lemma in gazetteer().titles
        or tok.lower_ in gazetteer().titles
    )


# Nouns of public talk or doubt whose "about" phrase is what is said or doubted ("the national
# debate about how the police treat minorities", "public skepticism about the Union's value"):
# dev 3 of 3, train-400 8 of 11 ("question", "doubt", "worry", "discussion" and the "over"
# phrases, "fight over", "controversy over", were 0-0.4 precise and are left out).
_TOPIC_NOUNS = {"debate", "talk", "speculation", "anxiety", "skepticism", "scepticism"}

# Verbs whose subject takes part in the talk their object names ("had a debate about …"); not
# "sparked a debate about …", where others talk.
_HOLDING = ("have", "hold")


def noun_topics(doc: Doc, in_quote: list[bool]) -> list[Draft]:
    """A talk or doubt noun with what it is about: the content is the "about" phrase's object,
    the source the noun's possessor when there is one ("voters' anxiety about …"); the cue runs
    from the noun to "about", as PolNeAR marks it."""
    found: list[Draft] = []
    for noun in tokens_with(doc, "LEMMA", _TOPIC_NOUNS):
        if noun.pos_ != "NOUN" or in_quote[noun.i]:
            continue
        about = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
        obj = prep_object(about)
        content = subtree_content(obj) if obj is not None else None
        if about is None or content is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        speaker = mention_span(owner) if owner is not None else None
        if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ in _HOLDING:
            speaker = speaker_of(noun.head, in_quote)  # "While having a heated debate about …, a friend …"
        found.append(Draft([content], noun, (noun.idx, about.idx + len(about.text)), speaker))
    return found


# Nouns for words said that, as a verb's object before a colon, introduce them ("made the
# following comment: …", "had a simple message: …"); "note" is left out (editors' notes).
_SAID_NOUNS = {"statement", "comment", "remark", "message", "question", "answer", "reply", "response", "line", "quip"}


def colon_objects(doc: Doc, in_quote: list[bool], found_so_far: list[Draft]) -> list[Draft]:
    """What a verb's speech-noun object announces after a colon: the rest of the paragraph (or
    the next one, when the colon ends its line), the verb's subject the source, the verb to
    the noun the cue. Not when those words are already a quote (rule 1 reads quoted ones;
    dev 1 new of 1, train-400 4 of 4 once those are left out)."""
    text = doc_text(doc)
    held = [c for q in found_so_far for c in q.content]
    found: list[Draft] = []
    for noun in tokens_with(doc, "LEMMA", _SAID_NOUNS):
        if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or in_quote[noun.i] or noun.i + 1 >= len(doc):
            continue
        colon = doc[noun.i + 1]
        if colon.text != ":":
            continue
        start = colon.idx + 1
        end = text.find("\n", start)
        if end >= 0 and not text[start:end].strip():  # "…the following comment:\n\n“For …”"
            start = end
            while start < len(text) and text[start].isspace():
                start += 1
            end = text.find("\n", start)
        content = without_stop(text, trim(doc, start, len(text) if end < 0 else end))
        if content[1] - content[0] < 3 or _overlaps(content, held):
            continue
        verb = noun.head
        found.append(Draft([content], noun, (cue_span(verb)[0], noun.idx + len(noun.text)), speaker_of(verb)))
    return found


# What a verb misread as a plural noun reports: its clause ("Trump charges that …", "Doctor
# maintains secrecy is …", "Campaign plans to …"); its object for a stance or evidence verb.
_MISREAD_CLAUSES = ("ccomp", "acl", "xcomp", "relcl")


def misread_verbs(doc: Doc, in_quote: list[bool], used: set[int], verbs: dict[str, str]) -> list[Draft]:
    """A cue verb the tagger read as a noun heading the sentence ("But Trump charges that
    countries … donated millions", "The campaign plans to employ Mr. Obama …"): its subject,
    or the names the parser made its compounds, is the source, its clause the content."""
    quotes: list[Draft] = []
    for sent in doc.sents:
        tok = sent.root
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or lemma not in verbs or in_quote[tok.i] or tok.i in used:
            continue
        if any(c.dep_ == "det" for c in tok.children):
            continue  # "The claims that …" is a noun
        clause = next((c for c in tok.rights if c.dep_ in _MISREAD_CLAUSES and c.pos_ in ("VERB", "AUX")), None)
        if clause is None or (clause.dep_ == "xcomp" and not any(a.lower_ == "to" for a in clause.children)):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            speaker: tuple[int, int] | None = mention_span(subj)
        else:
            names = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ in ("PROPN", "NOUN")]
            if not names:
                continue
            speaker = (names[0].left_edge.idx, names[-1].idx + len(names[-1].text))
        content = subtree_content(clause)
        if content is None:
            continue
        used.add(tok.i)
        quotes.append(Draft([content], tok, (tok.idx, tok.idx + len(tok.text)), speaker))
    return quotes


# Words that open a relative clause a cue verb can report about: "…, which he said was …",
# "…, who he dubbed “…”". ("what it calls “…”" was mostly not marked apart: train-150 1 of 6.)
_RELATIVES = {"which", "who", "whom"}


def relative_reports(doc: Doc, in_quote: list[bool], verbs: dict[str, str]) -> list[Draft]:
    """A cue verb inside a relative clause whose subject is its own ("a fair sentence, which I
    said was not a prison sentence", "Rubio, who he dubbed “the little senator”"): a report of
    its own, the relative word and the words after the verb its content, the clause's subject
    its source (PolNeAR marks it so, beside the report the clause hangs in)."""
    found: list[Draft] = []
    for verb in tokens_with(doc, "DEP", ("relcl", "ccomp")):
        if verb.pos_ != "VERB" or in_quote[verb.i]:
            continue
        if verbs.get(verb.lemma_.lower()) not in ("speech", "belief"):
            continue
        relative = verb.left_edge
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and relative.i < c.i < verb.i), None)
        if relative.lower_ not in _RELATIVES or subj is None or subj.lower_ in _RELATIVES:
            continue
        if verb.i + 1 >= len(doc) or verb.right_edge.i <= verb.i:
            continue
        rest = trim(doc, doc[verb.i + 1].idx, subtree_span(verb).end_char)
        if len(doc_text(doc)[rest[0] : rest[1]].split()) < 2:
            continue  # "…, which the media claimed now …": the parse lost the clause
        spans = [(relative.idx, relative.idx + len(relative.text)), rest]
        found.append(Draft(spans, verb, cue_span(verb), mention_span(subj, verb)))
    return found


# Verb tags a subject phrase never holds: a finite verb means the words before the cue are a
# clause of their own, not who reports ("…, which the report shows.").
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
# A source phrase opens with a determiner or a name ("the agency", "F.A.A. records", "experts"),
# not with a preposition, a conjunction or an adverb ("…, as the rules required.").
_SOURCE_START = {"DET", "PROPN", "NOUN", "PRON", "NUM"}
_PLURAL_PRONOUNS = {"they", "we", "i", "you"}


def inverted_asides(doc: Doc, in_quote: list[bool], found: list[Draft], verbs: dict[str, str]) -> list[Draft]:
    """An inverted cue the parser did not read as one: "…, experts say.", "…, records show,
    the Cessna …", "…, the candidate's former doctor maintains." (the cue tagged a noun, its
    subject a compound or the clause's subject). A speech or evidence word in a present or
    past form right before a full stop or a comma, after a comma and a subject phrase that has
    no verb of its own and agrees with it ("phone calls.", "secretary of state." are nouns):
    the clause before the comma (and after it, for an aside) is the content, the phrase the
    source. Words another quote already holds are that quote's."""
    held = [(q.content[0][0], q.content[-1][1]) for q in found]
    taken = [q.cue_span for q in found if q.cue_span is not None]
    text = doc_text(doc)
    quotes: list[Draft] = []
    for tok in tokens_with(doc, "LEMMA", verbs):
        if verbs[tok.lemma_.lower()] not in ("speech", "evidence") or tok.lemma_.lower() in ("continue", "point"):
            continue
        if in_quote[tok.i] or tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in (".", ","):
            continue
        if any(s <= tok.idx < e for s, e in taken + held):
            continue
        sent = tok.sent
        comma = next((t for t in reversed(doc[sent.start : tok.i]) if t.text == ","), None)
        if comma is None or not 1 <= tok.i - comma.i - 1 <= 12:
            continue
        source = doc[comma.i + 1 : tok.i]
        if (
            (source[0].pos_ not in _SOURCE_START and not (tok.pos_ == "VERB" and source[0].pos_ in ("ADJ", "VERB")))
            or any(
                t.tag_ in _FINITE or t.is_punct or t.lower_ in ("that", "which", "who") or "\n" in t.text
                for t in source
            )
            or not _agrees(source, tok)
        ):
            continue
        before = trim(doc, sent.start_char, comma.idx)
        spans = [before]
        after = doc[tok.i + 1]
        if after.text == "," and after.i + 1 < sent.end and doc[after.i + 1].pos_ != "CCONJ":
            # "…, records show, the Cessna has flown …": the clause goes on after the aside
            # ("…, records show, and experts say …" starts another one).
            rest = without_stop(text, trim(doc, after.idx + 1, sent.end_char))
            if rest[1] - rest[0] >= 3:
                spans.append(rest)
        if len(text[before[0] : before[1]].split()) < 4 or any(_overlaps(sp, held) for sp in spans):
            continue
        last = source[-1]
        quotes.append(Draft(spans, tok, (tok.idx, tok.idx + len(tok.text)), (source[0].idx, last.idx + len(last.text))))
    return quotes


def _agrees(source: Doc | Span, verb: Token) -> bool:
    """The subject phrase's head noun (its last noun before a preposition) agrees in number
    with the cue's form: "experts say", "the doctor maintains", "records show"; a past form
    with any ("the campaign said"). Read from the words, as the tagger may have read the cue
    as a noun."""
    word = verb.lower_
    head = None
    for t in source:
        if t.pos_ == "ADP":
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            head = t
    if head is None:
        return False
    if verb.tag_ == "VBD" or word.endswith("ed") or word in ("said", "wrote", "told", "found", "thought"):
        return True
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in _PLURAL_PRONOUNS or any(t.pos_ == "CCONJ" for t in source)
    third = word.endswith("s") and not word.endswith("ss")
    return plural != third


def _overlaps(span: tuple[int, int], held: list[tuple[int, int]]) -> bool:
    return any(min(span[1], e) > max(span[0], s) for s, e in held)


# Nouns that name someone's point of view in a prepositional aside: "in Bolton's view",
# "by her own admission", "in his eyes".
_VIEW_NOUNS = {"view", "mind", "eye", "opinion", "estimation", "admission"}


def in_view(doc: Doc, in_quote: list[bool], found: list[Draft]) -> list[Draft]:
    """A clause with a point-of-view aside: "In Professor Knittel's view, the only other
    action …", "… is “safe” in his eyes.", "By Trump's own admission, his returns are …". The
    possessor holds the clause; the aside, set off by commas or ending the sentence, is the
    cue. Kept only when no other quote holds the clause."""
    held = [(q.content[0][0], q.content[-1][1]) for q in found]
    text = doc_text(doc)
    quotes: list[Draft] = []
    for noun in tokens_with(doc, "LEMMA", _VIEW_NOUNS):
        prep = noun.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or noun.dep_ != "pobj" or prep.lower_ not in ("in", "by") or in_quote[noun.i]:
            continue
        if (prep.lower_ == "by") != (noun.lemma_.lower() == "admission"):
            continue  # "in his view", "by his own admission"; "by his view of …" is no aside
        sent = noun.sent
        first, last = prep.i, noun.right_edge.i
        opens = first == sent.start or doc[first - 1].text == ","
        closes = last + 1 < sent.end and doc[last + 1].text in (",", ".")
        if not (opens and closes):
            continue
        spans = [
            trim(doc, sent.start_char, doc[first].idx),
            trim(doc, doc[last].idx + len(doc[last].text), sent.end_char),
        ]
        spans = [without_stop(text, sp) for sp in spans if sp[1] - sp[0] >= 3]
        if not spans or any(_overlaps(sp, held) for sp in spans):
            continue
        quotes.append(Draft(spans, prep, (prep.idx, noun.idx + len(noun.text)), mention_span(owner)))
    return quotes
