"""The event lexicons: trigger rules (``event_triggers.tsv``), the CAMEO table (``cameo.tsv``)
and the evaluative predicates quotes judge actors with (``evaluations.tsv``).

Owns loading and looking up both files, once per process. Knows nothing about parses: the
coder in ``nlp/events.py`` asks "which rules does this lemma have" and checks the patterns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateline.lexicon import rows

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# PLOVER v2.0 manual quads (ONTOLOGY.md): which types are cooperative and which are material.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True)
class TriggerRule:
    """One row of ``event_triggers.tsv``."""

    lemma: str
    pos: str  # VERB | NOUN
    objects: frozenset[str]  # obj=... condition (empty: none)
    preps: frozenset[str]  # prep=... condition (empty: none)
    comp: bool  # the trigger governs a clause or infinitive complement
    noobj: bool  # only without a direct object ("demonstrated" yes, "demonstrated a lack" no)
    plover: str
    mode: str | None
    cameo: str

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (2 if self.preps else 0) + (1 if self.comp or self.noobj else 0)


@dataclass(frozen=True)
class CameoCode:
    """One row of ``cameo.tsv``."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def _parse_pattern(pattern: str) -> tuple[frozenset[str], frozenset[str], bool, bool]:
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    comp = noobj = False
    for cond in pattern.split():
        if cond == "-":
            continue
        if cond == "comp":
            comp = True
        elif cond == "noobj":
            noobj = True
        elif cond.startswith("obj="):
            objects = frozenset(cond[4:].split("|"))
        elif cond.startswith("prep="):
            preps = frozenset(cond[5:].split("|"))
        else:
            raise ValueError(f"event_triggers.tsv: unknown pattern condition {cond!r}")
    return objects, preps, comp, noobj


@lru_cache(maxsize=1)
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """(lemma, pos) -> its rules, most specific first."""
    table: dict[tuple[str, str], list[TriggerRule]] = {}
    for row in rows("event_triggers.tsv"):
        objects, preps, comp, noobj = _parse_pattern(row["pattern"])
        rule = TriggerRule(
            lemma=row["lemma"],
            pos=row["pos"],
            objects=objects,
            preps=preps,
            comp=comp,
            noobj=noobj,
            plover=row["plover"],
            mode=row["mode"] or None,
            cameo=row["cameo"],
        )
        table.setdefault((rule.lemma, rule.pos), []).append(rule)
    return {k: tuple(sorted(v, key=lambda r: -r.specificity)) for k, v in table.items()}


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every word of every trigger form ("attack", "step", "down" of "step down"): a token
    whose lemma is none of them triggers nothing, alone or with a particle or modifier."""
    return frozenset(word for lemma, _pos in trigger_rules() for word in lemma.split())


@dataclass(frozen=True)
class Evaluations:
    """``verbs``: lemma -> (PLOVER type, CAMEO code); ``nouns``: power-words standing for their owner."""

    verbs: dict[str, tuple[str, str]]
    nouns: frozenset[str]


@lru_cache(maxsize=1)
def evaluations() -> Evaluations:
    verbs: dict[str, tuple[str, str]] = {}
    nouns: set[str] = set()
    for row in rows("evaluations.tsv"):
        if row["plover"] == "noun":
            nouns.add(row["lemma"])
        else:
            verbs[row["lemma"]] = (row["plover"], row["cameo"])
    return Evaluations(verbs, frozenset(nouns))


@lru_cache(maxsize=1)
def governors() -> frozenset[str]:
    """Verb lemmas that take a complement whose event they absorb ("threatened to cut off")."""
    return frozenset(lemma for (lemma, _), rules in trigger_rules().items() if any(r.comp for r in rules))


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    return {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None,
        )
        for row in rows("cameo.tsv")
    }


def cameo(code: str) -> CameoCode:
    """The CAMEO row for ``code``, falling back to its parent (``0356`` -> ``035`` -> ``03``)."""
    table = cameo_table()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    raise KeyError(f"unknown CAMEO code {code!r}")
