"""The one orchestration of the flow: read → extract → store.

``cli``, ``web``, ``scale`` and ``evaluate`` call these functions; none of them wires stages
itself. Settings arrive as arguments; nothing here reads global state.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import Rejection, StoreError
from dateline.ingest import read_inputs
from dateline.ingest.records import is_record_file, read_record_file
from dateline.nlp import load_pipeline, model_name, to_records
from dateline.nlp.registrations import COMPONENTS
from dateline.parallel import PipelinePool
from dateline.records import Article, Extraction, PipelineInfo
from dateline.settings import DEFAULT_BATCH_SIZE
from dateline.store.base import SaveResult, Store
from dateline.version import __version__

log = logging.getLogger(__name__)


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
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    any_language: bool = True,
) -> Iterator[Extraction]:
    """Extractions in input order, parsed in batches with ``nlp.pipe``.

    With ``any_language=False`` an article in another language than English is not parsed:
    it comes back with no records and ``skipped`` saying why (``skip_reason``).
    """
    info = pipeline_info(nlp)
    # Input order is kept: a skipped article waits in ``order`` until the parsed ones before it
    # come out of nlp.pipe (None marks a place taken by a parsed article).
    order: deque[Extraction | None] = deque()

    def to_parse() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            reason = None if any_language else skip_reason(article)
            if reason is None:
                order.append(None)
                yield make_doc(article, nlp), article
            else:
                order.append(Extraction(article=article, pipeline=info, skipped=reason))

    for doc, article in nlp.pipe(to_parse(), as_tuples=True, batch_size=batch_size):
        parsed = to_records(doc, article, info)
        while (waiting := order.popleft()) is not None:
            yield waiting
        yield parsed
    while order:
        waiting = order.popleft()
        if waiting is not None:
            yield waiting


ENGLISH = "en"


def skip_reason(article: Article) -> str | None:
    """Why the English pipeline should not parse ``article`` (it would invent records from a
    text it cannot read), or None. An unidentified language is parsed."""
    if article.language not in (None, ENGLISH):
        return f"not English ({article.language})"
    return None


KEPT_REJECTIONS = 1000  # rejections a report lists; beyond them it counts (each one is logged as a warning)


@dataclass
class IngestReport:
    """What an ingest did, in counts: its memory does not grow with the number of articles.

    ``ids`` (the stored id of every input article, in input order) is filled only when the
    report is made with ``keep_ids=True``, for callers that show what they stored (the web
    API, ``dateline demo``); ``rejected`` lists the first ``KEPT_REJECTIONS`` rejections and
    ``n_rejected`` counts them all.
    """

    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0  # syndicated copies recorded on their original (seen_at), not stored again
    rejected: list[Rejection] = field(default_factory=list)
    n_rejected: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count (not English, WARC non-HTML, …)
    keep_ids: bool = False
    ids: list[str] = field(default_factory=list)
    parsed: int = 0  # articles run through the pipeline in this run
    known: int = 0  # skipped before parsing: their text was already stored (a rerun resumes here)
    loaded: int = 0  # ready records (a Parquet record file) stored without parsing
    workers: int = 1
    peak_rss: int = 0  # bytes, the largest peak resident set of any process that parsed

    @property
    def failed(self) -> bool:
        return self.n_rejected > 0

    @property
    def seen(self) -> int:
        """Articles dealt with so far (for progress): stored, duplicate, copy, skipped or rejected."""
        return self.stored + self.duplicates + self.near_duplicates + sum(self.skipped.values()) + self.n_rejected

    def reject(self, rejection: Rejection) -> None:
        log.warning("%s", rejection)
        self.n_rejected += 1
        if len(self.rejected) < KEPT_REJECTIONS:
            self.rejected.append(rejection)

    def add_id(self, article_id: str) -> None:
        if self.keep_ids:
            self.ids.append(article_id)


def ingest(
    paths: Iterable[str],
    store: Store,
    nlp: Language | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    model: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    fetch: bool = False,
    any_language: bool = False,
    keep_ids: bool = False,
) -> IngestReport:
    """Read every input, extract what is new, and store it; bad inputs are counted, not fatal.

    Articles whose text is already stored are skipped before parsing, so a rerun of an
    interrupted ingest costs only the reading. A near-identical copy of an article seen in
    this run is recorded on its original (``store.add_copy``) instead of being parsed again;
    an article not in English is stored with its language, unparsed, with status ``skipped``
    and its reason, and counted (unless ``any_language``). Copies of articles stored by an
    earlier run are found too: the store keeps every stored article's MinHash band keys.
    Extractions read back from JSON-contract lines (an export, say) and Parquet record files
    (``--engine ray`` output) are stored as they are, without parsing. With ``keep_ids`` the
    report lists the stored id of every input article (see ``IngestReport``).
    """
    report = IngestReport(keep_ids=keep_ids)

    def on_skip(name: str, reason: str) -> None:
        report.skipped[reason] += 1

    def read_all() -> Iterator[Article | Extraction | Rejection]:
        for path in paths:
            if is_record_file(path):
                yield from read_record_file(path)
            else:
                yield from read_inputs([path], fetch=fetch, on_skip=on_skip)

    return ingest_items(
        read_all(),
        store,
        nlp,
        batch_size=batch_size,
        workers=workers,
        model=model,
        on_progress=on_progress,
        report=report,
        any_language=any_language,
    )


def ingest_items(
    items: Iterable[Article | Extraction | Rejection],
    store: Store,
    nlp: Language | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    model: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    pool: PipelinePool[Article, list[Extraction | Rejection]] | None = None,
    report: IngestReport | None = None,
    any_language: bool = False,
    keep_ids: bool = False,
) -> IngestReport:
    """Store what ``items`` hold: Articles are parsed on ``workers`` processes, Extractions
    are stored as they are, Rejections are counted.

    One writer (this process) stores each chunk of ``batch_size`` articles in one transaction,
    in input order. A chunk is checked against the store in one query before any of it is
    parsed, so a rerun after a crash parses only what was not yet committed. With more than one
    worker, each worker loads the pipeline once (the same model as ``nlp`` when given).
    A running ``pool`` (of ``extract_chunk``) may be passed in to reuse its workers; ``keep_ids``
    as for ``ingest``.
    """
    report = report if report is not None else IngestReport(keep_ids=keep_ids)
    # Copies of articles committed in earlier runs are found through the store's band table;
    # articles stored before it existed (migration 0006) are indexed first, once.
    indexed = store.index_unfingerprinted()
    if indexed:
        log.info("fingerprinted %d stored articles for near-duplicate lookup", indexed)
    # Imported here, not at the top: datasketch brings in scipy (about 0.5 CPU s), which the
    # callers that only extract (each Ray actor, before its first batch) never need.
    from dateline.ingest.dedup import NearDuplicates

    near = NearDuplicates(store.near_duplicate_candidates)
    pending: deque[tuple[list[_Planned], Future[list[Extraction | Rejection]]]] = deque()
    in_flight: set[str] = set()  # content hashes submitted and not yet written

    def write(plan: list[_Planned], parsed: Future[list[Extraction | Rejection]]) -> None:
        results = iter(parsed.result())
        for p in plan:
            if not p.fresh:
                continue
            result = next(results)
            if isinstance(result, Rejection):
                p.failed = result  # a component raised on this article: reported, not stored
            else:
                p.ready = result
        stored = [p for p in plan if p.copy_of is None and p.failed is None]  # a copy goes on its original
        extractions = [p.ready or Extraction(article=p.article) for p in stored]
        outcomes = dict(zip(map(id, stored), _save_batch(store, extractions, stored), strict=True))
        duplicate_ids = store.known_many(
            [p.article for p in stored if outcomes[id(p)] is not STORED and p.failed is None]
        )
        near.forget(p.article.id for p in plan)  # committed now: the store answers for them
        for p in plan:
            in_flight.discard(p.hash)
            if p.failed is not None:
                report.reject(p.failed)
            elif p.copy_of is not None:  # its original was saved in this or an earlier batch
                store.add_copy(p.copy_of, p.article)
                report.add_id(p.copy_of)
            elif p.skipped:  # stored unparsed (not English), counted under report.skipped
                report.add_id(duplicate_ids.get(p.hash, p.article.id))
            elif outcomes[id(p)] is STORED:
                report.stored += 1
                report.add_id(p.article.id)
            else:
                report.duplicates += 1
                report.add_id(duplicate_ids.get(p.hash, p.article.id))
        report.peak_rss = active.stats.max_peak_rss
        if on_progress:
            on_progress(report)

    own_pool = pool is None
    active = pool if pool is not None else extraction_pool(workers, nlp=nlp, model=model)
    report.workers = active.workers
    try:
        for chunk in _chunks(items, batch_size, report):
            known = store.known_many([x for x in chunk if isinstance(x, Article)])
            near.look_up(x.text for x in chunk if isinstance(x, Article) and x.content_hash not in known)
            plan: list[_Planned] = []
            for item in chunk:
                if isinstance(item, Extraction):  # records made elsewhere (Ray, `dateline extract`)
                    digest, skipped = item.article.content_hash, item.skipped is not None
                    plan.append(_Planned(item.article, digest, fresh=False, ready=item, skipped=skipped))
                    report.loaded += 1
                    if item.skipped is not None:  # stored unparsed, as if read here
                        report.skipped[item.skipped] += 1
                    continue
                digest = item.content_hash
                if digest in known or digest in in_flight:  # stored, or on its way: alias + copy only
                    plan.append(_Planned(item, digest, fresh=False))
                    report.known += 1
                elif (original := near.original_of(item.id, item.text)) is not None:
                    plan.append(_Planned(item, digest, fresh=False, copy_of=original))
                    report.near_duplicates += 1
                elif not any_language and (reason := skip_reason(item)) is not None:
                    ready = Extraction(article=item, skipped=reason)
                    plan.append(_Planned(item, digest, fresh=False, ready=ready, skipped=True))
                    report.skipped[reason] += 1
                    in_flight.add(digest)
                else:
                    plan.append(_Planned(item, digest, fresh=True))
                    in_flight.add(digest)
                    report.parsed += 1
            to_parse = [p.article for p in plan if p.fresh]
            pending.append((plan, active.submit(to_parse) if to_parse else _done([])))
            while len(pending) > 2 * report.workers:
                write(*pending.popleft())
        while pending:
            write(*pending.popleft())
    finally:
        if own_pool:
            active.close(cancel=bool(pending))
    return report


def extraction_pool(
    workers: int, *, nlp: Language | None = None, model: str | None = None, inline: bool | None = None
) -> PipelinePool[Article, list[Extraction | Rejection]]:
    """Workers running ``extract_chunk``; each loads the pipeline once (the same model and
    Dateline components as ``nlp`` when given, else ``load_pipeline(model)``)."""
    source = str(nlp.path) if nlp is not None and nlp.path else model
    loader_args = (source, _dateline_components(nlp))
    return PipelinePool(extract_chunk, workers=workers, loader=_load, loader_args=loader_args, nlp=nlp, inline=inline)


STORED = SaveResult.STORED


@dataclass
class _Planned:
    """One article of a chunk, in input order: to parse (fresh), known, a copy, or ready."""

    article: Article
    hash: str
    fresh: bool
    ready: Extraction | None = None
    copy_of: str | None = None  # a near-duplicate: recorded on this original, not stored
    skipped: bool = False  # stored unparsed
    failed: Rejection | None = None  # extraction or storage failed: reported, nothing stored


def _rejection(article: Article, stage: str, err: Exception) -> Rejection:
    """One line naming the input an article came from (``file:line`` for JSONL)."""
    return Rejection(article.fetched_from or article.id, f"{stage} failed ({type(err).__name__}: {err})"[:300])


def _save_batch(store: Store, extractions: list[Extraction], plan: list[_Planned]) -> list[SaveResult]:
    """``save_many`` in one transaction; if the batch breaks a store rule (an id already stored
    with another text, say), it was rolled back whole, so save one by one and reject only the
    articles that fail: one bad input never costs the rest of its batch."""
    try:
        return store.save_many(extractions)
    except StoreError:
        outcomes: list[SaveResult] = []
        for extraction, planned in zip(extractions, plan, strict=True):
            try:
                outcomes.append(store.save(extraction))
            except StoreError as err:
                planned.failed = Rejection(planned.article.fetched_from or extraction.id, str(err))
                outcomes.append(SaveResult.DUPLICATE)  # not counted: failed takes precedence
        return outcomes


def _chunks(
    items: Iterable[Article | Extraction | Rejection], size: int, report: IngestReport
) -> Iterator[list[Article | Extraction]]:
    chunk: list[Article | Extraction] = []
    for item in items:
        if isinstance(item, Rejection):
            report.reject(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _done(value: list[Extraction | Rejection]) -> Future[list[Extraction | Rejection]]:
    future: Future[list[Extraction | Rejection]] = Future()
    future.set_result(value)
    return future


def extract_chunk(nlp: Language, articles: list[Article], *, any_language: bool = True) -> list[Extraction | Rejection]:
    """The work one worker does on one chunk (a module-level function, so it pickles).

    Inside a spaCy memory zone: strings and lexemes the chunk added to the vocab are freed
    when it ends (records are plain data by then), so a worker's memory stays flat however many
    articles it parses instead of growing with every new word. If a component raises, the
    chunk is redone one article at a time and the article that raises becomes a Rejection, so
    one poison article neither stops the batch nor blocks every rerun. ``any_language=False``
    skips articles not in English as ``extract_many`` does (local ingest decides that before
    the chunk is made; the Ray runner has no such step).
    """
    if not articles:
        return []
    with nlp.memory_zone():
        try:
            return list(extract_many(articles, nlp, any_language=any_language))
        except Exception:  # noqa: BLE001 (any component bug; isolated below)
            log.debug("a chunk failed; extracting its %d articles one by one", len(articles))
    results: list[Extraction | Rejection] = []
    for article in articles:
        with nlp.memory_zone():
            try:
                results.extend(extract_many([article], nlp, any_language=any_language))
            except Exception as err:  # noqa: BLE001
                results.append(_rejection(article, "extraction", err))
    return results


def _load(model: str | None, components: tuple[str, ...] | None) -> Language:
    return load_pipeline(model, components=components)


def _dateline_components(nlp: Language | None) -> tuple[str, ...] | None:
    """The Dateline components ``nlp`` runs, so workers build the same pipeline."""
    return None if nlp is None else tuple(name for name in nlp.pipe_names if name in COMPONENTS)
