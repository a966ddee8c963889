"""``dateline bench``: what Dateline costs next to parsing alone, measured side by side.

On the same articles, at each worker count: (a) bare spaCy ``nlp.pipe`` with the same model,
(b) the full Dateline pipeline without storage, (c) the full ingest into a fresh SQLite file.
Every configuration runs on worker processes of the same kind (one process even for one
worker), warmed up before the clock starts, and the three take turns on each step of the
articles, so the ratios (b)/(a) and (c)/(a) compare like with like even on a busy machine;
absolute speeds depend on what else the machine is doing, the ratios much less.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.app import ModelOption, app, console, console_err
from dateline.errors import ConfigError
from dateline.parallel import PipelinePool, usable_cpus
from dateline.records import Article
from dateline.settings import DEFAULT_BATCH_SIZE, shared_data_dir
from dateline.store import open_store

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_CORPUS = "bench/tehran-times-20k.jsonl.gz"  # under the shared data folder


@dataclass(frozen=True)
class Measure:
    config: str  # a | b | c
    what: str
    workers: int
    articles: int
    seconds: float
    tokens: int
    peak_rss_mb: float  # the largest worker's peak resident set

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    @property
    def articles_per_day(self) -> float:
        return self.articles_per_s * 86_400


def count_tokens(nlp: Language, texts: list[str]) -> int:
    """Configuration (a): the bare parse, the work every extraction starts from."""
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))


def _chunks(items: list[Article], size: int) -> list[list[Article]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_bench(
    articles: list[Article], worker_counts: list[int], *, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[Measure]:
    """(a), (b), (c) at every worker count, on warmed-up worker processes, interleaved."""
    results: list[Measure] = []
    for workers in worker_counts:
        results += _interleaved(articles, workers, model, batch_size)
    return results


def _interleaved(articles: list[Article], workers: int, model: str | None, batch_size: int) -> list[Measure]:
    """The articles in steps of one batch per worker; each step runs (a), (b) and (c) in turn,
    the order rotating, so a shared machine's changing load falls on all three alike."""
    from dateline import core
    from dateline.nlp.pipeline import load_model

    seconds = {"a": 0.0, "b": 0.0, "c": 0.0}
    tokens = 0
    step = workers * batch_size
    warm = [[a] for a in articles[: 2 * workers]]
    with (
        PipelinePool(count_tokens, workers=workers, loader=load_model, loader_args=(model,), inline=False) as bare,
        core.extraction_pool(workers, model=model, inline=False) as full,
        tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder,
        open_store(f"{folder}/bench.db") as store,
    ):
        bare.warm_up([[a.text for a in chunk] for chunk in warm])
        full.warm_up(warm)
        for i, start in enumerate(range(0, len(articles), step)):
            part = articles[start : start + step]
            chunks = _chunks(part, batch_size)
            for config in "abc"[i % 3 :] + "abc"[: i % 3]:
                started = time.perf_counter()
                if config == "a":
                    tokens += sum(bare.map(iter([[a.text for a in chunk] for chunk in chunks])))
                elif config == "b":
                    for _ in full.map(iter(chunks)):
                        pass
                else:
                    report = core.ingest_items(part, store, batch_size=batch_size, pool=full)
                    # A syndicated copy of an article stored in an earlier step is recorded on
                    # its original (seen_at), not stored again: handled all the same.
                    handled = report.stored + report.near_duplicates
                    if handled != len(part):
                        raise ConfigError(f"bench ingest handled {handled} of {len(part)} articles")
                seconds[config] += time.perf_counter() - started
        rss = {"a": bare.stats.max_peak_rss, "b": full.stats.max_peak_rss, "c": full.stats.max_peak_rss}
    what = {"a": "spaCy", "b": "Dateline", "c": "+ SQLite"}
    return [
        Measure(config, what[config], workers, len(articles), seconds[config], tokens, rss[config] / 2**20)
        for config in "abc"
    ]


def load_articles(corpus: Path, n: int) -> list[Article]:
    """The first ``n`` readable articles of the corpus (distinct texts, so (c) stores all)."""
    from dateline.ingest import read_inputs

    seen: set[str] = set()
    articles: list[Article] = []
    for item in read_inputs([str(corpus)]):
        if isinstance(item, Article) and item.content_hash not in seen:
            seen.add(item.content_hash)
            articles.append(item)
        if len(articles) >= n:
            break
    return articles


def ratios(results: list[Measure]) -> dict[int, dict[str, float]]:
    """(b)/(a) and (c)/(a) in articles per second, per worker count."""
    by = {(m.config, m.workers): m for m in results}
    out: dict[int, dict[str, float]] = {}
    for workers in sorted({m.workers for m in results}):
        base = by[("a", workers)].articles_per_s
        out[workers] = {f"{c}/a": by[(c, workers)].articles_per_s / base for c in ("b", "c") if base}
    return out


@app.command()
def bench(
    corpus: Annotated[
        Path | None, typer.Option(help="Articles to measure on (default: the shared Tehran Times 20k corpus).")
    ] = None,
    n: Annotated[int, typer.Option("--n", help="How many articles.", min=1)] = 1000,
    workers: Annotated[
        list[int] | None, typer.Option("--workers", "-w", help="Worker counts to measure (repeatable).", min=1)
    ] = None,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = DEFAULT_BATCH_SIZE,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Measure throughput: bare spaCy (a) vs Dateline (b) vs Dateline + SQLite (c), 1 worker and all cores."""
    if format not in ("table", "json"):
        raise typer.BadParameter("use table or json", param_hint="--format")
    path = corpus or shared_data_dir() / DEFAULT_CORPUS
    if not path.exists():
        raise ConfigError(f"{path}: no bench corpus; give one with --corpus (JSONL, folder or files)")
    articles = load_articles(path, n)
    if not articles:
        raise ConfigError(f"{path}: no readable articles to measure")
    counts = sorted(set(workers or [1, usable_cpus()]))
    console_err.print(
        f"bench: {len(articles)} articles from {path} · workers {', '.join(map(str, counts))} · model {model or 'default'}",
        highlight=False,
    )
    results = run_bench(articles, counts, model=model, batch_size=batch_size)
    if format == "json":
        payload = {
            "corpus": str(path),
            "articles": len(articles),
            "results": [
                {
                    **asdict(m),
                    "articles_per_s": m.articles_per_s,
                    "tokens_per_s": m.tokens_per_s,
                    "articles_per_day": m.articles_per_day,
                }
                for m in results
            ],
            "ratios": {str(k): v for k, v in ratios(results).items()},
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    _table(results)


def _table(results: list[Measure]) -> None:
    rel = ratios(results)
    table = Table(title=f"Throughput on {results[0].articles} articles ({results[0].tokens:,} tokens)")
    for column in (
        "config",
        "workers",
        "seconds",
        "articles/s",
        "tokens/s",
        "vs (a)",
        "peak RSS/worker",
        "articles/day",
    ):
        table.add_column(column, justify="left" if column == "config" else "right")
    for m in results:
        ratio = "1.00" if m.config == "a" else f"{rel[m.workers].get(f'{m.config}/a', 0):.2f}"
        table.add_row(
            f"({m.config}) {m.what}",
            str(m.workers),
            f"{m.seconds:.1f}",
            f"{m.articles_per_s:.2f}",
            f"{m.tokens_per_s:,.0f}",
            ratio,
            f"{m.peak_rss_mb:.0f} MB",  # peak
            f"{m.articles_per_day:,.0f}",
        )
    # A table this wide wraps badly at 80 columns (pipes, CI logs): give it room.
    Console(width=max(console.width, 110)).print(table)
