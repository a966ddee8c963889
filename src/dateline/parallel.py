"""Worker processes that each load a spaCy pipeline once and map chunks of work through it.

Owns the local execution side of batch work: how many workers (the CPUs this process may
use, ``os.sched_getaffinity``, not ``os.cpu_count``, which ignores cgroup/taskset limits), how
much work is in flight (bounded, so memory stays flat however long the input), and per-worker
memory figures for the report and the bench. It knows nothing about storage or records: a
task is any module-level function ``task(nlp, chunk) -> result``.

Why a process pool and not ``nlp.pipe(n_process=N)``: spaCy's pipe ships every parsed ``Doc``
back to the parent (DocBin serialisation of the whole parse), then our ``to_records`` would
run in the parent, on one core. Here each worker runs the whole extraction and returns only
small frozen records; the parent just reads input and writes the store.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # spaCy is loaded by the workers' loader, not by importing this module
    from spacy.language import Language

T = TypeVar("T")
R = TypeVar("R")
PARENT_CHECK_SECONDS = 1.0  # how soon an orphaned worker notices its parent is gone

Loader = Callable[..., "Language"]
Task = Callable[["Language", list[T]], R]


def usable_cpus() -> int:
    """CPUs this process may run on (respects taskset/cgroup affinity)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def current_rss_bytes() -> int:
    """This process's resident set size now, for memory-over-time checks."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return peak_rss_bytes()


@dataclass
class WorkerStats:
    """Memory per worker process (keyed by pid), updated with every finished chunk."""

    peak_rss: dict[int, int] = field(default_factory=dict)
    current_rss: dict[int, int] = field(default_factory=dict)

    def update(self, pid: int, peak: int, current: int) -> None:
        self.peak_rss[pid] = max(peak, self.peak_rss.get(pid, 0))
        self.current_rss[pid] = current

    @property
    def max_peak_rss(self) -> int:
        return max(self.peak_rss.values(), default=0)


# One pipeline per worker process, loaded by the pool initializer.
_WORKER_NLP: Language | None = None


def _init_worker(loader: Loader, args: tuple[Any, ...]) -> None:
    global _WORKER_NLP
    _leave_with_parent(os.getppid())
    _WORKER_NLP = loader(*args)


def _leave_with_parent(parent: int) -> None:
    """Exit when the parent dies (SIGKILL, OOM killer): a forked worker would otherwise wait
    forever on its task queue — its siblings hold the queue's write end, so no EOF ever comes —
    and keep its few hundred MB of model. Written by hand: the stdlib has no parent-death hook
    (Linux's PR_SET_PDEATHSIG fires when the forking *thread* ends, which is not the parent)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


def _run_in_worker(task: Task[T, R], chunk: list[T]) -> tuple[R, int, int, int]:
    assert _WORKER_NLP is not None, "worker started without its pipeline"
    result = task(_WORKER_NLP, chunk)
    return result, os.getpid(), peak_rss_bytes(), current_rss_bytes()


def _context() -> multiprocessing.context.BaseContext:
    """fork on Linux: workers start in a fraction of a second (spaCy already imported) and it
    works from any ``__main__`` (a script without a main guard, ``python -``), where spawn must
    re-import it. Workers touch nothing of the parent but the task (no SQLite handle, no Rich
    console) and leave with ``os._exit``. Elsewhere spawn, the platform default."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class PipelinePool(Generic[T, R]):
    """``map`` chunks through ``task`` on ``workers`` processes, results in input order.

    With one worker everything runs in this process on ``nlp`` (or ``loader(*args)``), so the
    single-core path pays no pickling (``inline=False`` forces a worker process anyway). Use as a context manager: leaving it stops the workers.
    """

    def __init__(
        self,
        task: Task[T, R],
        *,
        workers: int,
        loader: Loader,
        loader_args: tuple[Any, ...] = (),
        nlp: Language | None = None,
        inline: bool | None = None,
    ) -> None:
        self.task = task
        self.workers = max(1, workers)
        self.stats = WorkerStats()
        self._inline_nlp: Language | None = nlp
        self._inline_loader = (loader, loader_args)
        self._executor: ProcessPoolExecutor | None = None
        # The bench forces a worker process even for one worker, so every figure is measured alike.
        # Inline, the pipeline loads on the first chunk: a run that parses nothing (stored
        # records, a rerun of a finished ingest) never pays for the model.
        if not (inline if inline is not None else self.workers == 1):
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_context(),
                initializer=_init_worker,
                initargs=(loader, loader_args),
            )

    def __enter__(self) -> PipelinePool[T, R]:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close(cancel=exc_type is not None)

    def close(self, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=not cancel, cancel_futures=cancel)
            self._executor = None

    def submit(self, chunk: list[T]) -> Future[R]:
        done: Future[R] = Future()
        if self._executor is None:
            if self._inline_nlp is None:
                loader, loader_args = self._inline_loader
                self._inline_nlp = loader(*loader_args)
            try:
                done.set_result(self.task(self._inline_nlp, chunk))
            except BaseException as err:  # re-raised by .result(), as a pool would
                done.set_exception(err)
            self.stats.update(os.getpid(), peak_rss_bytes(), current_rss_bytes())
            return done
        inner = self._executor.submit(_run_in_worker, self.task, chunk)

        def unwrap(f: Future[tuple[R, int, int, int]]) -> None:
            try:
                result, pid, peak, current = f.result()
            except BaseException as err:
                done.set_exception(err)
                return
            self.stats.update(pid, peak, current)
            done.set_result(result)

        inner.add_done_callback(unwrap)
        return done

    def warm_up(self, chunks: list[list[T]], *, timeout: float = 300) -> None:
        """Run ``chunks`` until every worker has answered at least once, so all have loaded their
        pipeline before timing starts (a fast worker may take every chunk while another still loads)."""
        deadline = time.monotonic() + timeout
        while True:
            for future in [self.submit(chunk) for chunk in chunks]:
                future.result()
            if self._executor is None or len(self.stats.peak_rss) >= self.workers or time.monotonic() > deadline:
                return

    def map(self, chunks: Iterator[list[T]], *, in_flight: int | None = None) -> Iterator[R]:
        """Results in order, keeping at most ``in_flight`` chunks queued (default 2 per worker)."""
        limit = in_flight or 2 * self.workers
        pending: list[Future[R]] = []
        for chunk in chunks:
            pending.append(self.submit(chunk))
            while len(pending) >= limit:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
