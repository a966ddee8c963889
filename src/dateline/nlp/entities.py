"""Entities with clustered mentions: one entry per real-world actor in the article.

Owns the ``dateline_entities_v1`` component. ``nlp.mentions`` finds the mentions on the parse;
this module decides which belong together, in four passes over them in text order:

1. names: countries and IGOs by gazetteer code ("Iran", "the Islamic Republic of Iran";
   "SCO", "the Shanghai Cooperation Organization (SCO)"), persons by name tokens
   ("Qalandari" joins "Hamzeh Qalandari"; "Jo Johnson" never joins "Boris Johnson"),
   orgs by name, acronym and short form;
2. descriptions and appositions: to the nearest earlier compatible actor, else (cataphora)
   to the first compatible name in the same or next sentence;
3. plural actors ("Iranian officials", "protesters") as group entities;
4. pronouns: he/she/his/her/him to the most salient compatible person (subject of its
   sentence, recent, same quote), they/them/their to groups, its to the clause's subject.

No coreference model is used (none can be installed here); these rules are ours. Writes plain
data to ``doc._.dl_entities`` (see ``nlp.extensions``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.nlp.actors import (
    actor_code,
    country_code,
    country_name,
    find_places,
    find_titles,
    gazetteer,
    media_code,
    sector_of,
)
from dateline.nlp.doccache import doc_text
from dateline.nlp.mentions import (
    ORG_WORDS,
    Mention,
    dateline_mention,
    description_mentions,
    missed_surnames,
    name_mentions,
    sentence_index,
)
from dateline.nlp.pronouns import pronoun_mentions, resolve_pronouns


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = resources.files("dateline.lexicon").joinpath("first_names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {name.lower(): gender for name, gender in rows[1:]}


def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None from ``lexicon/first_names.tsv``."""
    return _first_names().get(name.lower())


_FEMALE_TITLES = {
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "queen",
    "princess",
    "lady",
    "dame",
    "spokeswoman",
    "congresswoman",
}
_MALE_TITLES = {"mr", "mr.", "king", "prince", "sir", "lord", "spokesman", "congressman", "sheikh", "chairman"}
_SURNAME_PARTICLES = ("al-", "el-", "bin ", "ibn ")


def _known_first_name(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and first_name_gender(words[0]) is not None


@dataclass
class Cluster:
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    key: tuple[str, ...] | None = None
    label: str = ""
    acronyms: set[str] = field(default_factory=set)
    gender: str | None = None

    names: list[Mention] = field(default_factory=list)  # the name and group mentions among them
    # fullest() is asked for every cluster at every new name; ``names`` only grows, so its
    # length says whether the remembered answer still holds.
    _fullest: tuple[int, Mention] | None = field(default=None, repr=False, compare=False)

    _names_seen: tuple[int, set[str], set[tuple[str, ...]]] | None = field(default=None, repr=False, compare=False)

    def name_index(self) -> tuple[set[str], set[tuple[str, ...]]]:
        """The names and their comparable words, for matching a new name against this actor
        in one lookup (rebuilt only when a name was added)."""
        if self._names_seen is None or self._names_seen[0] != len(self.names):
            names = {n.name for n in self.names}
            self._names_seen = (len(self.names), names, {tuple(_name_tokens(n)) for n in names})
        return self._names_seen[1], self._names_seen[2]

    def named_in_full(self) -> bool:
        """A first-and-last name tagged PERSON among its names: a person, even where the NER's
        many ORG tags ("Scott" three times, "the Trump campaign") voted the cluster an org."""
        return any(n.kind == "person" and len(n.name.split()) > 1 for n in self.names)

    def fullest(self) -> Mention:
        if self._fullest is None or self._fullest[0] != len(self.names):
            self._fullest = (len(self.names), max(self.names, key=lambda n: (len(n.name.split()), len(n.name))))
        return self._fullest[1]

    @property
    def last(self) -> int:
        return max(m.start for m in self.mentions)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if m.what in ("name", "group"):
            self.names.append(m)
        if m.acronym:
            self.acronyms.add(m.acronym)
        if not self.label and m.label:
            self.label = m.label
        if m.what == "name" and not self.key:
            self.kind = self._vote()
        if self.gender is None:
            words = {w.lower() for w in m.prefix.split()} | {(m.role or "").lower()}
            if words & _FEMALE_TITLES:
                self.gender = "f"
            elif words & _MALE_TITLES:
                self.gender = "m"
            elif m.what == "name" and m.kind == "person" and len(m.name.split()) > 1:
                self.gender = first_name_gender(m.name.split()[0])

    def _vote(self) -> str:
        """The NER labels one actor differently from mention to mention ("Mahan Air" FAC,
        "Mahan" PERSON and GPE): an organisation word in a name settles it, else the majority."""
        names = self.names
        if any(n.name.split()[-1].lower() in ORG_WORDS for n in names if n.kind == "org"):
            return "org"
        # A personal title before a name ("Iranian President Hassan Rouhani") or a known first
        # name settles it too: the small model tags many later bare surnames ORG ("Rouhani"
        # five times in one article), which would outvote the one full name.
        if any(n.kind == "person" and (n.prefix or _known_first_name(n.name)) for n in names):
            return "person"
        fullest = self.fullest()
        counts: dict[str, int] = {}
        for n in names:
            # The fullest name's label counts double ("Kurt Volker" PERSON outweighs one "Volker"
            # tagged ORG); a first-and-last name tagged PERSON counts three times.
            weight = 3 if n.kind == "person" and len(n.name.split()) > 1 else 2 if n is fullest else 1
            counts[n.kind] = counts.get(n.kind, 0) + weight
        return max(counts, key=lambda k: (counts[k], k == fullest.kind))

    def sector(self) -> str | None:
        for m in self.mentions:
            s = sector_of(m.role) or sector_of(m.prefix) or m.sector
            if s:
                return s
        return None

    def role_text(self) -> str:
        return " ".join(f"{m.prefix} {m.role or ''} {m.head}" for m in self.mentions).lower()


class EntityClusterer:
    """The ``dateline_entities_v1`` component: find mentions, cluster them, write dicts."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        doc._.dl_entities = cluster_entities(doc)
        return doc


def cluster_entities(doc: Doc) -> list[dict[str, Any]]:
    text = doc_text(doc)  # built from the tokens on every access: read once per Doc
    sents = sentence_index(doc)
    names = name_mentions(doc, sents, text)
    descriptions = description_mentions(doc, sents, names)
    groups = [m for m in descriptions if m.what == "group"]
    # A demonym inside a group or description ("Iranian officials") is part of that actor.
    outer = [(m.start, m.end) for m in descriptions]
    names = [m for m in names if not (m.label == "NORP" and any(s <= m.start and m.end <= e for s, e in outer))]
    home = dateline_mention(text)

    clusters: list[Cluster] = []
    by_token: dict[int, Cluster] = {}
    for m in ([home] if home else []) + names:
        c = _cluster_for_name(m, clusters)
        c.add(m)
        by_token[m.token] = c
    people = _people_by_surname(clusters)
    missed = missed_surnames(doc, sents, people, [(n.start, n.end) for n in names + descriptions])
    for m in missed:
        people[m.name].add(m)
        by_token[m.token] = people[m.name]
    names = sorted([*names, *missed], key=lambda n: n.start)
    for m in groups:
        key = ("group", m.head, country_code(m.name) or "")
        group = next((c for c in clusters if c.key == key), None)
        if group is None:
            group = Cluster(kind="group", key=key)
            clusters.append(group)
        group.add(m)
    for m in descriptions:
        if m.what == "anonymous":
            anonymous = Cluster(kind="person", key=("anonymous", str(m.start)))
            anonymous.add(m)
            anonymous.names.append(m)
            clusters.append(anonymous)
    for m in sorted((d for d in descriptions if d.what in ("description", "appos")), key=lambda d: d.start):
        found = (
            by_token.get(int(m.extra["of"]))
            if "of" in m.extra
            else _resolve_description(text, m, clusters, names, by_token)
        )
        if found is None and (country := _national_body(text, m)):
            # "the German government said": an actor the article never names otherwise, but
            # a country's government (ministry, army, police) is an actor all the same, and
            # its later "the German government" / "the government" mentions resolve to it.
            found = Cluster(kind="org", key=("body", country, m.head))
            clusters.append(found)
        if found is not None:
            found.add(m)
    resolve_pronouns(doc, text, pronoun_mentions(doc, sents, text), clusters)
    clusters = [c for c in clusters if any(m.what != "dateline" for m in c.mentions) or c.key]
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    home_country = home.code if home else None
    return [_to_dict(text, f"e{n}", c, home_country) for n, c in enumerate(clusters, start=1)]


def _people_by_surname(clusters: list[Cluster]) -> dict[str, Cluster]:
    """Surname -> the person named in full with it in this article; a surname two people
    share ("Ivanka Trump", "Donald Trump") is left out: a bare one could be either."""
    people: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.kind == "person" and not c.key:
            words = c.fullest().name.split()
            if len(words) > 1 and words[-1][:1].isupper():
                people.setdefault(words[-1], []).append(c)
    return {surname: found[0] for surname, found in people.items() if len(found) == 1}


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> list[str]:
    # "Erdoğan" is "Erdogan": compare names without accents.
    low = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    low = "".join(ch for ch in low if not unicodedata.combining(ch))
    for particle in _SURNAME_PARTICLES:
        low = low.replace(particle, "")
    # Middle initials do not tell people apart: "John R. Bolton" is "John Bolton".
    return [w for w in low.split() if not re.fullmatch(r"\w\.?", w)]


def _cluster_for_name(m: Mention, clusters: list[Cluster]) -> Cluster:
    if m.code:
        # Countries, capitals, IGOs and national groups are one actor per gazetteer code.
        role = "capital" if m.gaz == "capital" else m.kind
        key = ("gaz", m.code, role)
        for c in clusters:
            if c.key == key:
                return c
        c = Cluster(kind=m.kind, key=key)
        clusters.append(c)
        return c
    tokens = _name_tokens(m.name)
    named = [c for c in clusters if not (c.key and c.key[0] == "gaz") and c.names]
    best: Cluster | None = None
    candidates = [c for c in named if _same_actor(m, tokens, c) and not _gender_clash(m, c)]
    for c in candidates:
        if best is None or c.last > best.last:
            best = c
    # A person's cluster can be voted "org" by the NER's ORG "Trump" of "the Trump campaign";
    # a first-and-last name tagged PERSON still makes it a person here.
    people = [c for c in candidates if c.kind == "person" or c.named_in_full()]
    if len(tokens) == 1 and len(people) > 1:
        best = max(people, key=_namesake_rank)
    if best is None and len(tokens) == 1:
        # "I asked John for his resignation": a first name alone, if one person has it.
        firsts = [c for c in named if c.kind == "person" and _name_tokens(c.fullest().name)[:1] == tokens]
        if len(firsts) == 1 and len(_name_tokens(firsts[0].fullest().name)) > 1:
            best = firsts[0]
    if best is not None:
        return best
    c = Cluster(kind=m.kind)
    clusters.append(c)
    return c


def _namesake_rank(c: Cluster) -> tuple[int, int]:
    """A bare surname two people of the article share ("Trump" after "Donald Trump" and
    "Ivanka Trump", "Cruz" after "Ted Cruz" and "Heidi Cruz") is the one named most so far
    (the article's subject, who is called by the bare surname again and again), else the one
    named last (a live blog's new section) — not simply the latest namesake, which handed
    every later "Trump" to a relative named once."""
    return len(c.names), c.last


def _gender_clash(m: Mention, c: Cluster) -> bool:
    """ "Mrs. Clinton" after "Hillary Clinton" and "President Bill Clinton": an honorific's
    gender rules out the namesake of the other gender, whoever was named last."""
    words = {w.lower() for w in m.prefix.split()}
    gender = "f" if words & _FEMALE_TITLES else "m" if words & _MALE_TITLES else None
    return gender is not None and c.gender is not None and gender != c.gender


def _same_actor(m: Mention, tokens: list[str], c: Cluster) -> bool:
    names, words = c.name_index()
    if m.name in c.acronyms or (m.acronym and m.acronym in names):
        return True
    if not tokens:
        return False
    if tuple(tokens) in words:
        return True  # the same name, whatever label the NER gave each time
    fullest = c.fullest()
    theirs = _name_tokens(fullest.name)
    if not theirs:  # a cluster known only by a name with no name words (all titles or symbols)
        return False
    short, long = sorted((tokens, theirs), key=len)
    if len(short) == len(long):
        return False
    # A person, or a two-word ORG name with no organisation word ("Morgan Tsvangirai" as ORG).
    personal = c.kind == "person" or (
        fullest.label in ("PERSON", "ORG") and len(theirs) > 1 and theirs[-1] not in ORG_WORDS and m.kind == "person"
    )
    if c.kind == "place" and len(theirs) == 1 and m.kind == "person" and len(tokens) > 1:
        personal = True  # "Khashoggi" tagged GPE before "Jamal Khashoggi"
    if personal and (m.kind == "person" or len(tokens) == 1):
        # Surname, or the full name with a middle name more or less ("Robert Mugabe", "Robert
        # Gabriel Mugabe"). Two full names must agree on the first name, so "Jo Johnson" and
        # "Boris Johnson" stay apart.
        if len(short) == 1:
            return long[-1] == short[0]
        return short[0] == long[0] and short[-1] == long[-1] and _subsequence(short, long)
    if "org" in (c.kind, m.kind) and c.kind != "place":
        # "Mahan" for "Mahan Air", "Conservative" for "Conservative Party": the longer name is
        # the shorter plus one organisation word.
        return len(long) == len(short) + 1 and long[: len(short)] == short and long[-1] in ORG_WORDS
    return False


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


# Heads general enough to name any actor of the right sector ("the defense official" for a
# general); other heads must be the actor's own title ("the president", "the minister").
_GENERIC_HEADS = {
    "official",
    "leader",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
}


def _conflicts(text: str, m: Mention, c: Cluster) -> bool:
    """A description that cannot be this actor: other kind, gender, country or IGO ("the
    Greek foreign minister" is not Turkey's president; "the UN secretary general" is not
    Iran's foreign minister)."""
    if c.kind != m.kind:
        return True
    words = {w.lower() for w in text[m.start : m.end].split()}
    gender = "f" if words & _FEMALE_TITLES else "m" if words & _MALE_TITLES else None
    if gender and c.gender and gender != c.gender:
        return True
    mine, theirs = _codes_in(text[m.start : m.end]), _codes_of(text, c)
    return bool(mine and theirs and not mine & theirs)


def _compatible(text: str, m: Mention, c: Cluster) -> int:
    """How well a description fits an actor: 2 its head word is the actor's title, 1 same
    sector for a generic head or the same country/IGO named, 0 not at all."""
    if _conflicts(text, m, c):
        return 0
    noun = m.extra.get("noun", "")
    roles = c.role_text()
    if m.head and re.search(rf"\b(?:{re.escape(m.head)}|{re.escape(noun or m.head)})\b", roles):
        return 2
    if m.kind == "org" and noun and any(noun in n.name.lower() for n in c.names):
        return 2
    sector = c.sector()
    if m.sector and sector == m.sector and (noun in _GENERIC_HEADS or m.kind == "org"):
        return 1
    shared = m.kind == "person" and _codes_in(text[m.start : m.end]) & _codes_of(text, c)
    if shared and (sector == m.sector or None in (sector, m.sector)):
        return 1  # "the UN secretary general" after "UN chief Antonio Guterres"
    return 0


def _codes_in(words: str) -> set[str]:
    return {p.code for p in find_places(words)}


def _codes_of(text: str, c: Cluster) -> set[str]:
    """Countries and IGOs named in an actor's titles and descriptions (not in its name)."""
    codes: set[str] = set()
    for m in c.mentions:
        if m.what in ("name", "description", "appos"):
            words = text[m.start : m.end]
            if m.what == "name" and m.kind == "person":
                words = words.replace(m.name, " ")
            codes |= _codes_in(words)
    return codes


def _resolve_description(
    text: str, m: Mention, clusters: list[Cluster], names: list[Mention], by_token: dict[int, Cluster]
) -> Cluster | None:
    best: tuple[int, int, Cluster] | None = None
    for c in clusters:
        before = [x.start for x in c.mentions if x.start < m.start and x.what != "dateline"]
        if not before:
            continue
        fit = _compatible(text, m, c)
        if m.kind == c.kind == "place" and c.key and c.key[2] == "place":
            # "the nation", "the country": the country last named as such, not as a modifier.
            # Failing that, the country of an actor in the same sentence ("Iranian officials
            # have stated that the nation will never yield").
            earlier = [x for x in c.mentions if x.start < m.start and x.what == "name"]
            heads = [x.start for x in earlier if "modifier" not in x.extra and m.sent - x.sent <= 2]
            same = [x.start for x in earlier if x.sent == m.sent] + [
                g.start
                for other in clusters
                if other.key and other.key[0] == "group" and other.key[2] == c.key[1]
                for g in other.mentions
                if g.sent == m.sent and g.start < m.start
            ]
            if heads or same:
                fit, before = (2, heads) if heads else (1, same)
        if m.kind == c.kind == "org" and fit == 0 and not m.sector and m.sent - _sent_of(c, m.start) <= 1:
            fit = 1  # "the alliance", "the group" right after an organisation
        distance = m.sent - _sent_of(c, m.start)
        if fit == 1 and m.kind == "person" and not (distance <= 1 or (m.subject and distance <= 5)):
            # A generic head ("the official") names someone only as a subject close to them:
            # "the House impeaches the official" is about any official.
            fit = 0
        if fit and (best is None or (fit, max(before)) > best[:2]):
            best = (fit, max(before), c)
    if best is not None:
        return best[2]
    # Cataphora, the news lead: "The head of the ... division ... has asserted ...", then the
    # name in the next sentence. Only a sentence subject near the top of the article.
    if m.kind != "person" or not m.root_subject or m.sent > 2 or len((m.role or "").split()) < 2:
        return None  # a bare "the King" is too little to bind to a later name
    for n in names:
        if n.start <= m.end or n.kind != m.kind:
            continue
        if n.sent - m.sent > 2:
            break
        named = by_token.get(n.token)
        if named is None or _conflicts(text, m, named):
            continue  # "The head of the Atomic Energy Organization of Iran hopes that U.S. President ..."
        sector = named.sector()
        if sector is None or m.sector is None or sector == m.sector:
            return named
        break
    return None


def _national_body(text: str, m: Mention) -> str | None:
    """The country of a state body a description names by its nationality ("the German
    government", "the Iranian foreign ministry", "the U.S. military"), else None."""
    if m.what != "description" or m.kind != "org" or (m.sector or sector_of(m.role)) not in _HOME_SECTORS:
        return None
    words = text[m.start : m.end]
    countries = {p.code for p in find_places(words) if not p.is_igo}
    if len(countries) != 1 or " and " in words:
        return None  # "the U.S. and Israeli regime": two actors, not one body
    return countries.pop()


def _sent_of(c: Cluster, before: int) -> int:
    return max((m.sent for m in c.mentions if m.start < before), default=-99)


# Sectors of the state, which a story datelined in a capital usually means for its own country.
_HOME_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _to_dict(text: str, ident: str, c: Cluster, home: str | None) -> dict[str, Any]:
    names = c.names
    spans = sorted({(m.start, m.end) for m in c.mentions})
    kind = c.kind
    if kind == "person" and any(media_code(n.name) for n in c.names):
        kind = "org"  # "Tasnim" tagged PERSON is a news agency
    return {
        "id": ident,
        "name": _best_name(c),
        "kind": kind,
        "label": c.label or ("NORP" if c.kind == "group" and names and names[0].label else None),
        "role": _best_role(c),
        "actor_code": _actor_code(text, c, home),
        "mentions": [list(s) for s in spans],
    }


def _best_name(c: Cluster) -> str:
    if c.key and c.key[0] == "gaz" and c.key[2] == "place":
        return country_name(c.key[1]) or c.mentions[0].name
    if c.key and c.key[0] == "gaz" and c.key[2] == "org":
        # The article's own longest name for the organisation, if the gazetteer knows it as such.
        known = [m.name for m in c.names if gazetteer().forms.get(m.name, ("", ""))[0] == c.key[1]]
        return max(known, key=len) if known else country_name(c.key[1]) or c.mentions[0].name
    if c.kind == "group" and c.names:
        return c.names[0].name  # as the article first names the group
    names = [m.name for m in c.names if m.name] or [m.name for m in c.mentions if m.name]
    if not names:
        return c.mentions[0].role or ""
    return max(names, key=lambda n: (len(n.split()), len(n)))


def _best_role(c: Cluster) -> str | None:
    """An office named before the name beats a description, which beats a bare rank."""
    if c.key and c.key[0] == "gaz" and c.key[2] != "org":
        return None  # "the nation" is no role of Iran (IGOs keep "a U.S.-led military alliance")
    office = description = rank = None
    for m in c.mentions:
        if not m.role:
            continue
        if m.what == "name":
            titles = find_titles(m.role)
            if titles and all(t.use == "rank" for t in titles):
                rank = rank or m.role
            else:
                office = office or m.role
        elif m.what in ("description", "appos", "anonymous"):
            description = description or m.role
    return office or description or rank


def _actor_code(text: str, c: Cluster, home: str | None) -> str | None:
    if c.key and c.key[0] == "gaz":
        code = c.key[1]
        if c.key[2] == "capital" and any(m.subject for m in c.mentions if m.what == "name"):
            return code + "GOV"  # "Tehran said": the capital stands for the government
        return code
    if c.kind == "place":
        return None  # a place the gazetteer does not know ("Istanbul"; "Persian Gulf" is not Iran)
    media = next((code for code in (media_code(n.name) for n in c.names) if code), None)
    if media:
        return media
    texts = [text[m.start : m.end] for m in c.mentions if m.what != "pronoun"]
    role = _best_role(c)
    if (c.kind == "group" or (c.key and c.key[0] == "anonymous")) and c.names:
        group_code = actor_code(c.names[0].name)
        if group_code in _HOME_SECTORS and home:
            return home + group_code
        return group_code
    if c.kind == "person":
        # A person's name says nothing of their country ("Jordan Peterson"); their titles do.
        texts = [t.replace(n.name, " ") for t in texts for n in c.names[:1]] if c.names else texts
        texts += [role] if role else []
    country = next((code for code in map(country_code, texts) if code), None)
    sector = sector_of(role) or c.sector()
    if sector is None and c.kind != "person":
        sector = sector_of(" ".join(texts))
    titled = c.kind != "person" or any(t.before_names for m in c.names for t in find_titles(m.prefix))
    if country is None and sector in _HOME_SECTORS and home and titled:
        # A state sector with no country ("General Qassem Soleimani", "The armed forces" in a
        # Tehran-datelined story): the dateline's country is the guess a CAMEO coder makes too.
        # Not for analysts, journalists or protesters, who are as often foreign.
        country = home
    return (country or "") + (sector or "") or None
