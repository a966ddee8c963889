"""Article extraction scored on NAEB (newspaper4k's benchmark pages): body, date, title, authors.

Owns the NAEB scorer as ``../shared/data/README.md`` describes it, so our figures sit beside
the published ones: body text as multisets of word 4-grams (tokens ``\\w+``, case kept),
precision and recall averaged per page, F1 the harmonic mean of the two averages; an empty
prediction counts as recall 0 and is left out of precision. Dates score on the exact day.

Plain trafilatura runs on the same pages in the same run, so the comparison is like for like.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from dateline.errors import DatelineError
from dateline.ingest.html import extract_page, page_article

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldPage:
    id: str
    html: bytes
    url: str | None
    body: str
    title: str
    authors: tuple[str, ...]
    date: str | None  # YYYY-MM-DD, None when the gold has none ("NaT")


@dataclass(frozen=True)
class Prediction:
    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


@dataclass
class ExtractorScore:
    name: str
    pages: int = 0
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    empty: int = 0
    dates_right: int = 0
    dates_gold: int = 0
    titles_right: int = 0
    titles_gold: int = 0
    authors_right: int = 0
    authors_gold: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_gold if self.dates_gold else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "extractor": self.name,
            "pages": self.pages,
            "body_precision": round(self.precision, 4),
            "body_recall": round(self.recall, 4),
            "body_f1": round(self.f1, 4),
            "empty": self.empty,
            "date_exact_day": [self.dates_right, self.dates_gold],
            "date_accuracy": round(self.date_accuracy, 4),
            "title_exact": [self.titles_right, self.titles_gold],
            "author_exact": [self.authors_right, self.authors_gold],
            "seconds": round(self.seconds, 2),
        }


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def body_precision_recall(predicted: str, gold: str) -> tuple[float | None, float] | None:
    """(precision or None for an empty prediction, recall); None when the gold has no 4-gram."""
    truth = shingles(gold)
    if not truth:
        return None
    found = shingles(predicted)
    if not found:
        return None, 0.0
    common = sum((found & truth).values())
    return common / sum(found.values()), common / sum(truth.values())


def load_naeb(folder: Path, limit: int | None = None) -> list[GoldPage]:
    """The pages of a NAEB-format folder (``articles.json`` + ``html/<id>.html.gz``)."""
    index = folder / "articles.json"
    if not index.is_file():
        raise DatelineError(
            f"{folder}: no articles.json; point --data at a NAEB folder (e.g. ../shared/data/extraction/naeb-dev)"
        )
    gold = json.loads(index.read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        record = gold[key]
        path = folder / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        date = record.get("date")
        pages.append(
            GoldPage(
                id=key,
                html=gzip.decompress(path.read_bytes()),
                url=record.get("url") or None,
                body=record.get("articleBody") or "",
                title=record.get("title") or "",
                authors=split_authors(record.get("authors") or ""),
                date=date if date and date != "NaT" else None,
            )
        )
        if limit and len(pages) >= limit:
            break
    return pages


def split_authors(value: str | Iterable[str]) -> tuple[str, ...]:
    parts = re.split(r",|;|\band\b", value) if isinstance(value, str) else list(value)
    return tuple(p.strip() for p in parts if p.strip())


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def dateline_extractor(page: GoldPage) -> Prediction:
    """What ``dateline ingest`` stores for the page: the body with its dateline put back.

    The stored text drops the leading dateline ("RAFAH, Gaza Strip (AP) —") into its own
    field; the gold body keeps it, so it is restored for scoring, exactly as recorded.
    """
    try:
        found = extract_page(page.html, page.id, url=page.url)
    except DatelineError:
        return Prediction(body="")
    article = page_article(found, page.id)
    return Prediction(
        body=found.dateline_text + article.text,
        title=article.title,
        authors=article.authors,
        date=(article.published or "")[:10] or None,
    )


def trafilatura_extractor(page: GoldPage) -> Prediction:
    """Plain trafilatura with its defaults and metadata, as the published reference ran it."""
    html = page.html.decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, url=page.url, with_metadata=True)
    if doc is None:
        return Prediction(body="")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    authors = split_authors(meta.get("author") or "")
    return Prediction(body=meta.get("text") or "", title=meta.get("title"), authors=authors, date=meta.get("date"))


EXTRACTORS: dict[str, Callable[[GoldPage], Prediction]] = {
    "dateline": dateline_extractor,
    "trafilatura": trafilatura_extractor,
}


def score(pages: list[GoldPage], name: str, extractor: Callable[[GoldPage], Prediction]) -> ExtractorScore:
    result = ExtractorScore(name)
    started = time.perf_counter()
    for page in pages:
        predicted = extractor(page)
        result.pages += 1
        body = body_precision_recall(predicted.body, page.body)
        if body is not None:
            precision, recall = body
            result.recalls.append(recall)
            if precision is None:
                result.empty += 1
            else:
                result.precisions.append(precision)
        if page.date:
            result.dates_gold += 1
            result.dates_right += (predicted.date or "")[:10] == page.date
        if page.title:
            result.titles_gold += 1
            result.titles_right += _norm(predicted.title or "") == _norm(page.title)
        if page.authors:
            result.authors_gold += 1
            result.authors_right += {_norm(a) for a in predicted.authors} == {_norm(a) for a in page.authors}
    result.seconds = time.perf_counter() - started
    return result


def evaluate_extraction(folder: Path, limit: int | None = None) -> list[ExtractorScore]:
    """Ours and plain trafilatura on the same pages, in one run."""
    pages = load_naeb(folder, limit)
    return [score(pages, name, extractor) for name, extractor in EXTRACTORS.items()]
