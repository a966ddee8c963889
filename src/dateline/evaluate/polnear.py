"""Reader for PolNeAR (brat standoff attribution relations) as plain gold records.

Follows ``../shared/data/README.md``: the first annotator listed in ``metadata.tsv`` for each
article, ``Discuss``/``Discard``/notes and any unrecognised line skipped, discontinuous spans
(``start end;start end``) kept as several spans. Texts are read from the data folder at run
time; nothing from PolNeAR is ever copied into the package.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import DatelineError

Spans = tuple[tuple[int, int], ...]
# Quotation marks PolNeAR keeps inside Content spans (straight, curly, single and double).
QUOTE_MARKS = "\"“”'‘’«»"


@dataclass(frozen=True)
class GoldAttribution:
    source: Spans  # empty when the attribution has no source
    cue: Spans
    content: Spans

    def content_hull(self) -> tuple[int, int]:
        return (min(s for s, _ in self.content), max(e for _, e in self.content))


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


class PolnearMissing(DatelineError):
    """The PolNeAR folder (or the requested split) is not where we looked."""


def read_split(root: Path, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """The articles of ``split`` (``dev`` or ``train``), sorted by file name, first ``limit``."""
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise PolnearMissing(f"PolNeAR split {split!r} not found under {root} (expected {text_dir})")
    first = _first_annotators(root / "metadata.tsv")
    articles: list[GoldArticle] = []
    for path in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(articles) >= limit:
            break
        name = path.stem
        ann = _annotation_file(ann_dir, name, first.get(name))
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        articles.append(GoldArticle(name, text, tuple(parse_ann(ann.read_text(encoding="utf-8")))))
    return articles


def _first_annotators(metadata: Path) -> dict[str, str]:
    if not metadata.exists():
        return {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {r["filename"]: r["annotators"].split("|")[0] for r in rows if r.get("annotators")}


def _annotation_file(ann_dir: Path, name: str, annotator: str | None) -> Path | None:
    if annotator:
        path = ann_dir / f"{name}_{annotator}.ann"
        if path.exists():
            return path
    candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
    return candidates[0] if candidates else None


def parse_ann(data: str) -> Iterator[GoldAttribution]:
    """Attribution relations of one brat file; lines we do not recognise are skipped."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in data.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident, body = parts[0], parts[1]
        if ident.startswith("T"):
            kind, _, offsets = body.partition(" ")
            try:
                spans[ident] = tuple((int(a), int(b)) for a, b in (chunk.split() for chunk in offsets.split(";")))
            except ValueError:
                continue
            if kind not in ("Source", "Cue", "Content", "Content2", "Attribution", "Attribution-no-source"):
                spans.pop(ident)
        elif ident.startswith("E"):
            roles = dict(arg.split(":", 1) for arg in body.split() if ":" in arg)
            events.append(roles)
    for roles in events:
        content = tuple(s for key in ("Content", "Content2") for s in spans.get(roles.get(key, ""), ()))
        if not content:
            continue
        yield GoldAttribution(
            source=spans.get(roles.get("Source", ""), ()),
            cue=spans.get(roles.get("Cue", ""), ()),
            content=tuple(sorted(content)),
        )
