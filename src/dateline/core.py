"""The one orchestration of the flow: read → extract → store.

``cli``, ``web``, ``scale`` and ``evaluate`` call these functions; none of them wires stages
itself. Settings arrive as arguments; nothing here reads global state.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.ingest.dedup import NearDuplicates
from dateline.nlp import model_name, to_records
from dateline.records import Article, Extraction, PipelineInfo
from dateline.store.base import SaveResult, Store
from dateline.version import __version__

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32


def pipeline_info(nlp: Language) -> PipelineInfo:
    return PipelineInfo(version=__version__, model=model_name(nlp))


def extract(article: Article, nlp: Language) -> Extraction:
    """Every record Dateline finds in one article."""
    return to_records(nlp(make_doc(article, nlp)), article, pipeline_info(nlp))


def make_doc(article: Article, nlp: Language) -> Doc:
    """The tokenised article with what components need to know about it (publication date)."""
    doc = nlp.make_doc(article.text)
    doc._.dl_published = article.published
    return doc


def extract_many(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Extraction]:
    """Extractions in input order, parsed in batches with ``nlp.pipe``."""
    info = pipeline_info(nlp)
    pairs = ((make_doc(a, nlp), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_records(doc, article, info)


ENGLISH = "en"


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0  # syndicated copies recorded on their original (seen_at), not stored again
    rejected: list[Rejection] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count (not English, WARC non-HTML, …)
    ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.rejected)


def ingest(
    paths: Iterable[str],
    store: Store,
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: Callable[[IngestReport], None] | None = None,
    fetch: bool = False,
) -> IngestReport:
    """Read every input, extract what is new, and store it; bad inputs are counted, not fatal.

    Articles whose text is already stored are skipped before parsing, so a rerun of an
    interrupted ingest costs only the reading. A near-identical copy of an article seen in
    this run is recorded on its original (``store.add_copy``) instead of being parsed again;
    an article not in English is stored with its language, unparsed, and counted.
    """
    report = IngestReport()
    near = NearDuplicates()
    saved: set[str] = set()
    hashes: dict[str, str] = {}  # id → content hash of the articles sent to the parser
    waiting: dict[str, list[Article]] = {}  # copies whose original is still in an nlp.pipe batch

    def on_skip(name: str, reason: str) -> None:
        report.skipped[reason] += 1

    def fresh_articles() -> Iterator[Article]:
        for item in read_inputs(paths, fetch=fetch, on_skip=on_skip):
            if isinstance(item, Rejection):
                log.warning("%s", item)
                report.rejected.append(item)
            elif (existing := store.known(item)) is not None:
                store.save(Extraction(article=item))  # records the alias and the copy only
                report.duplicates += 1
                report.ids.append(existing)
            elif (original := near.original_of(item.id, item.text)) is not None:
                if item.content_hash == hashes.get(original):
                    report.duplicates += 1  # the same text twice before the first is stored
                else:
                    report.near_duplicates += 1
                report.ids.append(original)
                if original in saved:
                    store.add_copy(original, item)
                else:
                    waiting.setdefault(original, []).append(item)
            elif item.language not in (None, ENGLISH):
                # The English pipeline would invent records from a text it cannot read.
                if store.save(Extraction(article=item)) is SaveResult.STORED:
                    saved.add(item.id)
                report.skipped[f"not English ({item.language})"] += 1
                report.ids.append(item.id)
            else:
                hashes[item.id] = item.content_hash
                yield item
            if on_progress:
                on_progress(report)

    for extraction in extract_many(fresh_articles(), nlp, batch_size=batch_size):
        if store.save(extraction) is SaveResult.STORED:
            report.stored += 1
            report.ids.append(extraction.id)
        else:  # the same text twice within one batch
            report.duplicates += 1
            report.ids.append(store.known(extraction.article) or extraction.id)
        saved.add(extraction.id)
        for copy in waiting.pop(extraction.id, []):
            store.add_copy(extraction.id, copy)
        if on_progress:
            on_progress(report)
    return report
