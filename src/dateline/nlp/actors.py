"""CAMEO-style actor codes from text: countries, capitals, IGOs and the sector a title implies.

Owns the gazetteers in ``dateline/lexicon`` (``countries.tsv``, ``igos.tsv``, ``titles.tsv``,
and for actor codes only ``nonstate.tsv``, ``cities.tsv``, ``leaders.tsv``), loaded once per process, and the small public API other components use:

- ``country_code("the Islamic Republic of Iran") == "IRN"`` (names, long forms, demonyms, capitals)
- ``sector_of("Defense Minister") == "MIL"``
- ``actor_code("Iran's Defense Minister") == "IRNMIL"``, ``actor_code("German officials") ==
  "DEUGOV"``, ``actor_code("protesters") == "CVL"``, ``actor_code("NATO") == "NATO"``

Codes follow CAMEO conventions: ISO 3166 alpha-3 country + a three-letter sector; IGOs get their
own short code (``is_igo`` tells them apart). Pure string functions: no spaCy here, so events,
quotes and evaluation can call them on any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateline.lexicon import rows

__all__ = [
    "Gazetteer",
    "PlaceMatch",
    "Title",
    "Named",
    "actor_code",
    "country_code",
    "country_name",
    "find_named",
    "find_places",
    "find_titles",
    "gazetteer",
    "igo_code",
    "is_igo",
    "media_code",
    "place_country",
    "sector_of",
]

# Regions that contain a country alias ("America") but are not that country.
_NOT_COUNTRIES = ("Latin America", "South America", "North America", "Central America", "the Americas")


@dataclass(frozen=True)
class PlaceMatch:
    """A country or IGO name found in a text: ``what`` is name|alias|demonym|capital|igo."""

    start: int
    end: int
    code: str
    what: str

    @property
    def is_igo(self) -> bool:
        return self.what == "igo"


@dataclass(frozen=True)
class Named:
    """A non-state group, city or office holder found in a text: ``what`` is group|city|leader.

    ``code``: the group's full code (``LBNREB``), else the ISO3 of the city's or leader's country.
    ``start_year``/``end_year``: a leader's years in office (``None`` = open)."""

    start: int
    end: int
    code: str
    what: str
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True)
class Title:
    """A title/role phrase found in a text.

    ``use``: title|rank|honorific|noun|group; ``kind``: what it names alone (person|org|group).
    """

    start: int
    end: int
    phrase: str
    sector: str | None
    strong: bool
    use: str
    kind: str

    @property
    def before_names(self) -> bool:
        """Can stand before a personal name ("General Qalandari", "Martyr Soleimani")."""
        return self.use in ("title", "rank", "honorific")


# Words for phrase lookup: hyphens separate ("U.S.-led", "Guinea-Bissau"), dots and
# apostrophes belong to the word ("U.S.", "Côte d'Ivoire").
_WORD = re.compile(r"[\w’'.]+")
_TRAILING = ("’s", "'s", "’", "'", ".")


class PhraseIndex:
    """Longest-match phrase lookup over words, for a few thousand phrases.

    A dict of word tuples probed at each word start: linear in the text, where one regex
    alternation of every phrase backtracks at every character. Matches never start or end
    inside a word; a possessive or a sentence's full stop after the last word is allowed."""

    def __init__(self, phrases: list[str], *, lower: bool) -> None:
        self.lower = lower
        self.keys: set[tuple[str, ...]] = set()
        # Every proper prefix of a key: the scan at a word stops extending as soon as the
        # words so far start no phrase, so most words cost one set lookup, not ``longest``.
        self.prefixes: set[tuple[str, ...]] = set()
        self.longest = 1
        for phrase in phrases:
            key = tuple(w for w in _WORD.findall(phrase.lower() if lower else phrase))
            if key:
                self.keys.add(key)
                self.prefixes.update(key[:n] for n in range(1, len(key)))
                self.longest = max(self.longest, len(key))

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        matches = list(_WORD.finditer(text.lower() if self.lower else text))
        spans = [m.span() for m in matches]
        tokens = [m.group() for m in matches]
        keys, prefixes = self.keys, self.prefixes
        i = 0
        while i < len(tokens):
            # A phrase of n words here needs its first n - 1 words to be a key's prefix (the
            # last word may carry a possessive or full stop), so no longer n can match.
            reach = 0
            while i + reach < len(tokens) and tuple(tokens[i : i + reach + 1]) in prefixes:
                reach += 1
            found = None
            for n in range(min(self.longest, len(tokens) - i, reach + 1), 0, -1):
                key = tuple(tokens[i : i + n])
                if key in keys:
                    found = (n, spans[i + n - 1][1], key)
                    break
                last = key[-1]
                for tail in _TRAILING:
                    if last.endswith(tail) and len(last) > len(tail) and key[:-1] + (last[: -len(tail)],) in keys:
                        found = (n, spans[i + n - 1][1] - len(tail), key[:-1] + (last[: -len(tail)],))
                        break
                if found:
                    break
            if found is None:
                i += 1
                continue
            n, end, key = found
            yield spans[i][0], end, key
            i += n


@dataclass(frozen=True)
class Gazetteer:
    """The loaded lexicons; build once with ``gazetteer()``."""

    forms: dict[str, tuple[str, str]]  # surface form -> (code, what)
    form_keys: dict[tuple[str, ...], str]  # words of a form -> the form
    names: dict[str, str]  # code -> canonical name (countries and IGOs)
    igo_codes: frozenset[str]
    places: PhraseIndex
    titles: dict[str, tuple[str | None, bool, str, str, str]]  # lower phrase -> (sector, strong, use, kind, singular)
    title_index: PhraseIndex
    media: dict[str, str]  # outlet name or alias -> ISO3 of its home country
    media_index: PhraseIndex
    media_keys: dict[tuple[str, ...], str]


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def demonym_plurals(demonym: str) -> list[str]:
    """'Iranian' -> ['Iranians']; '-ese', '-ish', '-ch' and '-s' forms have no plural."""
    if demonym.endswith(("ese", "ish", "ch", "s", "x")):
        return []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


def _plurals(phrase: str) -> list[str]:
    if phrase.endswith(("man", "woman")):
        return [phrase[:-3] + "men"]
    if phrase.endswith("person"):
        return [phrase[:-6] + "people", phrase + "s"]
    if re.search(r"[^aeiou]y$", phrase):
        return [phrase[:-1] + "ies"]
    if phrase.endswith(("s", "sh", "ch", "x")):
        return [phrase + "es"]
    if phrase.endswith("."):
        return []
    return [phrase + "s"]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    forms: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for row in rows("countries.tsv"):
        code = row["iso3"]
        names[code] = row["name"]
        entries = [(row["name"], "name")] + [(a, "alias") for a in _split(row["aliases"])]
        for dem in _split(row["demonyms"]):
            entries += [(dem, "demonym")] + [(p, "demonym") for p in demonym_plurals(dem)]
        entries += [(c, "capital") for c in _split(row["capitals"])]
        for form, what in entries:
            forms.setdefault(form, (code, what))
    igo_codes = set()
    for row in rows("igos.tsv"):
        code = row["code"]
        igo_codes.add(code)
        names[code] = row["name"]
        for form in [row["name"], code, *_split(row["aliases"])]:
            forms.setdefault(form, (code, "igo"))
    for region in _NOT_COUNTRIES:
        forms[region] = ("", "region")
    places = PhraseIndex(list(forms), lower=False)
    form_keys = {tuple(_WORD.findall(f)): f for f in forms}

    titles: dict[str, tuple[str | None, bool, str, str, str]] = {}
    for row in rows("titles.tsv"):
        phrase = row["phrase"].lower()
        sector = None if row["sector"] == "-" else row["sector"]
        value = (sector, row["strength"] == "strong", row["use"], row["kind"], phrase)
        titles[phrase] = value
        for plural in _plurals(phrase):
            titles.setdefault(plural, value)
    title_index = PhraseIndex(list(titles), lower=True)
    media: dict[str, str] = {}
    for row in rows("media.tsv"):
        for form in [row["name"], *_split(row["aliases"])]:
            media.setdefault(form, row["iso3"])
    media_keys = {tuple(_WORD.findall(f)): f for f in media}
    return Gazetteer(
        forms,
        form_keys,
        names,
        frozenset(igo_codes),
        places,
        titles,
        title_index,
        media,
        PhraseIndex(list(media), lower=False),
        media_keys,
    )


@lru_cache(maxsize=8192)
def find_places(text: str) -> tuple[PlaceMatch, ...]:
    """Every country/IGO name, alias, demonym and capital in ``text``, left to right.

    Cached: the same names and titles recur across an article and a corpus."""
    g = gazetteer()
    out = []
    for start, end, key in g.places.finditer(text):
        code, what = g.forms[g.form_keys[key]]
        if what != "region":
            out.append(PlaceMatch(start, end, code, what))
    return tuple(out)


@lru_cache(maxsize=8192)
def find_titles(text: str) -> tuple[Title, ...]:
    """Every title, rank, role or actor noun in ``text``, left to right (longest match)."""
    g = gazetteer()
    out = []
    for start, end, key in g.title_index.finditer(text):
        sector, strong, use, kind, singular = g.titles[" ".join(key)]
        out.append(Title(start, end, singular, sector, strong, use, kind))
    return tuple(out)


@lru_cache(maxsize=1)
def _named_index() -> tuple[PhraseIndex, dict[tuple[str, ...], tuple[str, str, int | None, int | None]]]:
    """Groups, cities and leaders: kept out of ``find_places`` (entities read that as places)."""
    table: dict[tuple[str, ...], tuple[str, str, int | None, int | None]] = {}

    def add(forms: list[str], value: tuple[str, str, int | None, int | None]) -> None:
        for form in forms:
            table.setdefault(tuple(_WORD.findall(form)), value)

    for row in rows("nonstate.tsv"):
        add([row["name"], *_split(row["aliases"])], (row["code"], "group", None, None))
    for row in rows("cities.tsv"):
        add([row["city"], *_split(row["aliases"])], (row["iso3"], "city", None, None))
    for row in rows("leaders.tsv"):
        end = None if row["end"] == "-" else int(row["end"])
        add([row["name"], *_split(row["aliases"])], (row["iso3"], "leader", int(row["start"]), end))
    return PhraseIndex([" ".join(k) for k in table], lower=False), table


@lru_cache(maxsize=8192)
def find_named(text: str) -> tuple[Named, ...]:
    """Every non-state group, major city and well-known leader named in ``text``, left to right."""
    index, table = _named_index()
    return tuple(Named(s, e, *table[key]) for s, e, key in index.finditer(text))


def leader_code(name: str, year: int | None = None) -> str | None:
    """ "Vladimir Putin" -> "RUSGOV"; with ``year``, only a leader in office that year."""
    for m in find_named(name):
        if m.what == "leader" and (
            year is None or ((m.start_year or 0) <= year and (m.end_year is None or year <= m.end_year))
        ):
            return m.code + "GOV"
    return None


def media_code(name: str) -> str | None:
    """ "IRNA" -> "IRNMED": a known news outlet named by ``name`` (the whole name)."""
    g = gazetteer()
    key = tuple(_WORD.findall(name.removeprefix("the ").strip()))
    form = g.media_keys.get(key)
    return g.media[form] + "MED" if form else None


def country_code(text: str) -> str | None:
    """ISO3 of the first country named in ``text`` (name, long form, demonym or capital)."""
    for m in find_places(text):
        if not m.is_igo:
            return m.code
    return None


def place_country(text: str) -> str | None:
    """ISO3 of the country a place name is in: a country or capital, else a listed city ("Basra")."""
    return country_code(text) or next((n.code for n in find_named(text) if n.what == "city"), None)


def igo_code(text: str) -> str | None:
    """Code of the first intergovernmental organisation named in ``text``."""
    for m in find_places(text):
        if m.is_igo:
            return m.code
    return None


def is_igo(code: str | None) -> bool:
    return code is not None and code in gazetteer().igo_codes


def country_name(code: str) -> str | None:
    """Canonical name for an ISO3 or IGO code ("IRN" -> "Iran")."""
    return gazetteer().names.get(code[:3] if len(code) > 3 and code[:3] in gazetteer().names else code)


def sector_of(role_text: str | None) -> str | None:
    """CAMEO sector a title or role implies: the first strong match, else the first weak one."""
    if not role_text:
        return None
    found = [t for t in find_titles(role_text) if t.sector]
    for t in found:
        if t.strong:
            return t.sector
    return found[0].sector if found else None


def actor_code(text: str, role: str | None = None) -> str | None:
    """CAMEO-style actor code for an actor description, optionally with its title/role.

    The first country or IGO named decides the code's root; the sector comes from the role
    (else from the text). A capital alone is the government ("Tehran" -> "IRNGOV").
    """
    media = media_code(text)
    if media:
        return media
    # "an anti-Syria journalist" is no Syrian: a place under "anti-" names what the actor opposes.
    places = tuple(m for m in find_places(text) if not text[max(0, m.start - 5) : m.start].lower() == "anti-")
    places = places or (find_places(role) if role else ())
    named = find_named(text)
    group = next((n for n in named if n.what == "group"), None)
    if group is not None and (not places or group.start <= places[0].start):
        # "Hezbollah guerrillas", "Palestinian Islamic Jihad": the group's own code.
        return group.code
    if places and places[0].is_igo:
        return places[0].code
    # The sector from the words around the place names, so "Defense" in "Defense Minister" is
    # not read as a place and "Iranian" does not hide "officials".
    sector = sector_of(role) or sector_of(_ANTI.sub(lambda m: " " * len(m.group()), _without(text, places)))
    if not places:
        # No country named: a well-known leader is their government ("Putin" -> RUSGOV), a city
        # is its country with the sector the words give ("Demonstrators in Basra" -> IRQCVL).
        for n in named:
            if n.what == "leader":
                return n.code + (sector or "GOV")
            if n.what == "city":
                return n.code + (sector or "")
        return sector
    first = places[0]
    if sector is None and first.what == "capital":
        sector = "GOV"
    return first.code + (sector or "")


# "anti-government protesters" are no government: words under "anti-" name what is opposed.
_ANTI = re.compile(r"\banti-[\w-]+", re.IGNORECASE)


def _without(text: str, places: tuple[PlaceMatch, ...]) -> str:
    for m in reversed(places):
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    return text
