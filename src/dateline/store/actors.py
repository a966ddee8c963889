"""Actor keys: how a per-article entity is linked to one actor across articles.

The key is the entity's kind plus its normalised name: accents and case folded, punctuation
dropped, and for people the titles, ranks and honorifics in ``lexicon/name_titles.tsv``
stripped from the front ("Second Brigadier General Hamzeh Qalandari" → "hamzeh qalandari").
Nothing is ever shortened to a surname, so "Qalandari" alone and "Hamzeh Qalandari" stay two
actors: merging on a surname would join different people, and a missed link is cheaper than
a wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

PERSON_KINDS = ("person",)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@cache
def name_titles() -> dict[str, str]:
    """Title words by class, from ``lexicon/name_titles.tsv`` (loaded once)."""
    text = files("dateline").joinpath("lexicon/name_titles.tsv").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for line in text.splitlines()[2:]:  # a comment line, then the header row
        if line.strip():
            word, kind = line.split("\t")
            rows[word.strip()] = kind.strip()
    return rows


def normalise_name(name: str, kind: str | None) -> str:
    """Folded, punctuation-free words of a name; titles stripped for people."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = [w.replace("’", "'") for w in _WORD.findall(folded.replace(".", ""))]
    if words and words[0] == "the":
        words = words[1:]
    if kind in PERSON_KINDS or kind is None:
        titles = name_titles()
        # Strip while a word remains: a name that is only titles ("the President") keeps its last.
        # A connector goes only after a title ("Secretary of State"), so "Bank of England" stays.
        stripped = 0
        while len(words) > 1 and titles.get(words[0], "suffix") != "suffix":
            if titles[words[0]] == "connector" and not stripped:
                break
            words.pop(0)
            stripped += 1
        while len(words) > 1 and titles.get(words[-1]) == "suffix":
            words.pop()
    return " ".join(words)


def actor_key(name: str, kind: str | None) -> str:
    """The key actors are linked on: ``kind:normalised name`` (kind ``person`` when unknown)."""
    return f"{kind or 'person'}:{normalise_name(name, kind)}"
