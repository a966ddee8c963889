"""Ray runner scaling: the 1-actor and the 2-actor run on the same articles, and where the time goes.

    .venv/bin/python bench/ray_scaling.py --n 2000            # the issue #8 target: ratio >= 1.8
    .venv/bin/python bench/ray_scaling.py --n 300 --repeat 2  # while developing
    .venv/bin/python bench/ray_scaling.py --startup 5         # Ray's start and stop alone, 5 times each
    .venv/bin/python bench/ray_scaling.py --n 2000 --ceiling  # also the same work without Ray (below)
    .venv/bin/python bench/ray_scaling.py --n 2000 --cluster  # runs join a Ray started once (below)

With ``--cluster``, Ray is started once before the runs (``ray start --head --num-cpus 2``, as
on a real cluster, README "On a cluster") and every run joins it (``run_ray(address=...)``,
``dateline ingest --engine ray --address ...``): Ray's start and stop are then the cluster's,
not the run's. One small untimed run first warms the cluster (Ray Data's stats actor, idle
workers), as any run but the first on a cluster finds it. The cluster gets its own temporary
folder and free ports, and the CPU sampler counts its processes (found by that folder in their
command lines) and their children, from the CPU seconds each had when the run started; only
they are stopped at the end, never another Ray on the machine.

Each run is a fresh process that starts its own local Ray (``ray.init(num_cpus=N)``, as
``dateline ingest --engine ray -w N`` does) and calls the same ``run_ray``; runs alternate
1, 2, 1, 2, ... so a change in machine load hits both alike. The actors are the runner's own
``_Extractor``, subclassed here only to log when each batch of a slice starts and ends and the
CPU time it took; a sampler reads the CPU time of every process of the Ray session from ``/proc``.

Printed per run: wall time (process start to Parquet written), its parts (imports,
``ray.init``, actors ready = Ray Data planning and the actors' processes starting + the
slowest actor's imports and model load, first batch done = start-up; steady state; tail = how
long one actor sat idle at the end), CPU milliseconds per article inside the actors after their
first batch (the first one is slower, a warm-up each actor pays once: it is counted as
start-up), and the cores everything else (driver, raylet, GCS, Ray Data's helper actors) took
during the steady state; then the CPU seconds of every process of the session by name (idle
workers summed) at the end of the start-up and at the end, the cores each took in the steady
state, and the driver's CPU by thread (Ray's C++ threads are named, Python's are "python").
With ``--ceiling``, each pair of Ray runs is followed by a pair of runs of the same extraction
with no engine at all: one process extracting every article, then two independent processes
each extracting its half (``core.extract_chunk`` in batches, as an actor does), each timed from
process start (imports, model load) to its last article. Their ratio is what this machine gives
two processes doing this work with nothing to coordinate — the ceiling any engine's ratio is
measured against (memory bandwidth and shared caches make it less than 2).

Then the wall-time ratio and, because on a shared machine wall clocks depend on the other
users, the ratio expected on an idle machine from the CPU figures:

    T(w) = start-up CPU(w) / 2 + n * cpu_per_article(w) / (w - other_cores(w)) + tail(w) + write(w)

with the other processes taking their share of the actors' cores only when every core has
an actor (w = number of cores), and start-up (many processes booting at once) spread over
both cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

PROCESS_START = time.time()
TICK = os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL(.gz); default the bench corpus")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="pairs of runs (1 then 2 actors)")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--startup", type=int, default=0, metavar="K", help="only time Ray's start and stop, K times")
    parser.add_argument("--ceiling", action="store_true", help="also time the work without Ray, 1 and 2 processes")
    parser.add_argument("--cluster", action="store_true", help="start Ray once; every run joins it with --address")
    parser.add_argument("--one-slice", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--one", nargs=3, metavar=("WORKERS", "INPUT", "OUTPUT"), help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    parser.add_argument("--one-startup", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_run(int(args.one[0]), args.one[1], args.one[2], args.batch_size, args.address)
        return
    if args.one_slice:
        one_slice(args.one_slice, args.batch_size)
        return
    if args.one_startup:
        one_startup(args.one_startup)
        return
    if args.startup:
        startup_runs(args.startup)
        return

    from dateline.cli.bench import DEFAULT_CORPUS
    from dateline.settings import shared_data_dir

    corpus = args.corpus or shared_data_dir() / DEFAULT_CORPUS
    runs: list[dict[str, Any]] = []
    ceiling: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="ray-scaling-") as folder:
        source = Path(folder) / "articles.jsonl"
        lines = _first_lines(corpus, args.n)
        source.write_text("".join(lines), encoding="utf-8")
        address, cluster_dir = _start_cluster(folder, lines) if args.cluster else (None, None)
        try:
            for repeat in range(args.repeat):
                for workers in (1, 2):
                    output = Path(folder) / f"out-{repeat}-{workers}.parquet"
                    run = _timed_run(workers, source, output, args.batch_size, address)
                    runs.append(run)
                    _print_run(run)
        finally:
            if cluster_dir:
                _stop_cluster(cluster_dir)
            if args.ceiling:
                for workers in (1, 2):
                    ceiling[workers].append(_ceiling_run(lines, workers, Path(folder), args.batch_size))
                    print(f"no engine, {workers} process(es): {ceiling[workers][-1]:.1f} s", flush=True)
    _print_summary(runs, args.n)
    if args.ceiling:
        alone, pair = statistics.median(ceiling[1]), statistics.median(ceiling[2])
        ray_ratio = statistics.median(r["process_wall"] for r in runs if r["workers"] == 1) / statistics.median(
            r["process_wall"] for r in runs if r["workers"] == 2
        )
        print(
            f"  no engine         1 process {alone:.1f} s, 2 processes {pair:.1f} s  -> ratio {alone / pair:.2f}"
            f" (the machine's ceiling); Ray reaches {ray_ratio / (alone / pair):.0%} of it"
        )


def _timed_run(workers: int, source: Path, output: Path, batch_size: int | None, address: str | None) -> dict[str, Any]:
    """One run in a fresh process (``one_run``), timed from outside: process start to exit."""
    command = [sys.executable, __file__, "--one", str(workers), str(source), str(output)]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    if address:
        command += ["--address", address]
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ | _CLUSTER_ENV)
    if done.returncode != 0:
        sys.exit(f"run with {workers} worker(s) failed:\n{done.stderr[-3000:]}")
    run: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    run["process_wall"] = time.time() - started
    return run


def _ray_command(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("ray")), *args]


# The cluster's temporary folder, named in the command line of its GCS, raylet and monitors: the
# timed runs' CPU sampler counts those processes and their children (the actors), and only they
# are stopped at the end (``ray stop`` would stop every Ray on the machine, other people's too).
_CLUSTER_ENV: dict[str, str] = {}


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


def _start_cluster(folder: str, lines: list[str]) -> tuple[str, str]:
    """``ray start --head`` with 2 CPUs, no dashboard, its own temporary folder and free ports (other
    people's Ray may run on the machine); one untimed warm-up run; its address and folder."""
    import re

    started = time.time()
    cluster_dir = tempfile.mkdtemp(prefix="rs-", dir="/tmp")  # short: Ray's socket paths live under it
    ports = [f"--{name}={_free_port()}" for name in ("port", "dashboard-port")]
    options = ["--num-cpus", "2", "--include-dashboard", "false", "--disable-usage-stats", "--temp-dir", cluster_dir]
    # Ray 2.60 turns token authentication on for a cluster from `ray start`, and a process joining
    # by address then needs the token; the session-8 bench got it through `ray.init("auto")`, which
    # on a shared machine may find someone else's cluster. This one is private to the bench: no token.
    env = os.environ | {"RAY_AUTH_MODE": "disabled"}
    command = _ray_command("start", "--head", *options, *ports)
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    found = re.search(r"--address='([^']+)'", done.stdout)
    if found is None:
        _stop_cluster(cluster_dir)
        sys.exit(f"ray start printed no address:\n{done.stdout[-2000:]}")
    address = found.group(1)
    _CLUSTER_ENV.update(RAY_SCALING_CLUSTER_DIR=cluster_dir, RAY_AUTH_MODE="disabled")
    print(f"Ray started once ({time.time() - started:.1f} s) at {address}", flush=True)
    warmup = Path(folder) / "warmup.jsonl"
    warmup.write_text("".join(lines[:20]), encoding="utf-8")
    try:
        run = _timed_run(2, warmup, Path(folder) / "out-warmup.parquet", None, address)
    except SystemExit:
        _stop_cluster(cluster_dir)
        raise
    print(f"warm-up run (20 articles, 2 actors, not counted): {run['process_wall']:.1f} s", flush=True)
    return address, cluster_dir


def _stop_cluster(cluster_dir: str) -> None:
    """Stop the processes of the cluster started in ``cluster_dir`` (and their children) only."""
    import shutil
    import signal

    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 2.0)):
        pids = _cluster_tree(cluster_dir)
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.time() + wait
        while pids and time.time() < deadline and _cluster_tree(cluster_dir):
            time.sleep(0.2)
    shutil.rmtree(cluster_dir, ignore_errors=True)


def _cluster_tree(cluster_dir: str) -> set[int]:
    stats = _all_stats()
    return _descendants(_cluster_roots(cluster_dir, stats), stats)


def _cluster_roots(cluster_dir: str, stats: dict[int, tuple[int, str, float]]) -> list[int]:
    """The processes started for the cluster in ``cluster_dir`` (its folder is in their command lines)."""
    return [p for p in stats if p != os.getpid() and cluster_dir in _command(p)]


def _ceiling_run(lines: list[str], workers: int, folder: Path, batch_size: int | None) -> float:
    """Wall seconds for ``workers`` independent processes, each extracting its share of ``lines``."""
    shares = []
    for k in range(workers):
        share = folder / f"share-{workers}-{k}.jsonl"
        share.write_text("".join(lines[k::workers]), encoding="utf-8")
        shares.append(share)
    extra = ["--batch-size", str(batch_size)] if batch_size else []
    started = time.time()
    processes = [subprocess.Popen([sys.executable, __file__, "--one-slice", str(s), *extra]) for s in shares]
    if any(p.wait() != 0 for p in processes):
        sys.exit(f"a no-engine run with {workers} process(es) failed")
    return time.time() - started


def one_slice(path: Path, batch_size: int | None) -> None:
    """The actors' work in this process alone: read, load the pipeline, extract in batches."""
    from dateline import core
    from dateline.ingest import read_inputs
    from dateline.nlp import load_pipeline
    from dateline.records import Article
    from dateline.settings import DEFAULT_BATCH_SIZE

    articles = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    nlp = load_pipeline(None)
    size = batch_size or DEFAULT_BATCH_SIZE
    for start in range(0, len(articles), size):
        for _ in core.extract_chunk(nlp, articles[start : start + size]):
            pass


def startup_runs(k: int) -> None:
    """Ray's fixed costs alone: start (``ray_runner.start_ray``, the runner's options), a first
    task, stop, and the whole process, in fresh processes, alternating 1 and 2 CPUs."""
    runs: list[dict[str, Any]] = []
    for _ in range(k):
        for workers in (1, 2):
            started = time.time()
            command = [sys.executable, __file__, "--one-startup", str(workers)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            run = json.loads(done.stdout.strip().splitlines()[-1])
            run["process"] = time.time() - started
            runs.append(run)
            print(
                "  ".join(
                    f"{key} {value:.2f}" if isinstance(value, float) else f"{key} {value}" for key, value in run.items()
                ),
                flush=True,
            )
    for workers in (1, 2):
        mine = [r for r in runs if r["workers"] == workers]
        print(
            f"{workers} CPU(s), median of {len(mine)}: "
            + ", ".join(
                f"{key} {statistics.median(r[key] for r in mine):.2f} s"
                for key in ("imports", "start", "first_task", "stop", "process")
            )
        )


def one_startup(workers: int) -> None:
    import ray

    from dateline.scale import ray_runner

    imported = time.time()
    start = ray_runner.start_ray(None, workers)
    started = time.time()
    ray.get(ray.remote(num_cpus=0.05)(_pid).remote())
    first_task = time.time()
    ray.shutdown()
    stopped = time.time()
    run = {"workers": workers, "imports": imported - PROCESS_START, "start": start, "first_task": first_task - started}
    print(json.dumps(run | {"stop": stopped - first_task, "loadavg_1m": os.getloadavg()[0]}))


def _pid() -> int:
    return os.getpid()


def _first_lines(corpus: Path, n: int) -> list[str]:
    import gzip

    opener = gzip.open if corpus.name.endswith(".gz") else open
    lines: list[str] = []
    with opener(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line if line.endswith("\n") else line + "\n")
            if len(lines) >= n:
                break
    return lines


def one_run(workers: int, source: str, output: str, batch_size: int | None, address: str | None = None) -> None:
    """One timed run in this process; prints one JSON line."""
    from dateline.scale import ray_runner
    from dateline.settings import DEFAULT_BATCH_SIZE

    log_dir = tempfile.TemporaryDirectory(prefix="ray-scaling-log-")
    log = Path(log_dir.name) / "batches.jsonl"

    class TimedExtractor(ray_runner._Extractor):
        """The runner's actor, logging each batch (pickled by value: defined in __main__)."""

        def __init__(self, *args: Any) -> None:
            start = time.time()
            super().__init__(*args)
            self._log({"event": "load", "start": start, "end": time.time()})

        def _log(self, row: dict[str, Any]) -> None:
            row["pid"] = os.getpid()
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(row) + "\n")

        def extract_batch(self, items: list[Any]) -> list[dict[str, Any]]:
            start, cpu = time.time(), time.process_time()
            out = super().extract_batch(items)
            end_cpu = time.process_time()
            row = {"event": "batch", "start": start, "end": time.time(), "n": len(items)}
            self._log(row | {"cpu": end_cpu - cpu, "cpu0": cpu, "cpu1": end_cpu})
            return out

    # Deliberate patch of the runner's actor class (misc: assigning to a class; assignment:
    # TimedExtractor takes *args where _Extractor names its parameters).
    ray_runner._Extractor = TimedExtractor  # type: ignore[misc, assignment]
    sampler = _CpuSampler()
    sampler.start()
    ready = time.time()
    summary = ray_runner.run_ray(
        [source], output, address=address, workers=workers, batch_size=batch_size or DEFAULT_BATCH_SIZE
    )
    done = time.time()
    sampler.stop()
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    log_dir.cleanup()
    batches = [r for r in rows if r["event"] == "batch"]
    actors = sorted({r["pid"] for r in batches})
    n = sum(r["n"] for r in batches)
    init_done = ready + summary.startup
    first_done = min(r["end"] for r in batches)
    ends = [max(r["end"] for r in batches if r["pid"] == p) for p in actors]
    # Each actor's first batch is slower (lazy loading on first use in spaCy and our components):
    # that warm-up is paid once per actor, so it is start-up, not a cost per article. The
    # steady CPU per article comes from the later batches and the gaps between them.
    later_cpu, later_n, warmup_cpu = 0.0, 0, 0.0
    firsts = []
    for pid in actors:
        mine = sorted((r for r in batches if r["pid"] == pid), key=lambda r: r["start"])
        firsts.append(mine[0])
        later_cpu += sum(r["cpu"] for r in mine[1:])
        later_cpu += sum(b["cpu0"] - a["cpu1"] for a, b in zip(mine, mine[1:], strict=False))
        later_n += sum(r["n"] for r in mine[1:])
    per_article = later_cpu / later_n if later_n else sum(r["cpu"] for r in batches) / max(1, n)
    warmup_cpu = sum(max(0.0, r["cpu"] - r["n"] * per_article) for r in firsts)
    # Steady state: from the moment every actor has finished a batch to the start of the last one.
    w0 = max(min(r["end"] for r in batches if r["pid"] == p) for p in actors)
    w1 = min(max(r["start"] for r in batches if r["pid"] == p) for p in actors)
    steady_articles = sum(r["n"] for r in batches if r["start"] >= w0 and r["end"] <= w1)
    other_cores, actor_cores = sampler.cores_between(w0, w1, set(actors))
    # CPU spent before the first batch started: Ray's processes booting, imports, model loads.
    first_start = min(r["start"] for r in batches)
    startup_cpu = sampler.total_at(first_start)
    result = {
        "workers": workers,
        "articles": n,
        "records": summary.records,
        "wall": done - PROCESS_START,
        "imports": ready - PROCESS_START,
        "ray_init": summary.startup,
        "actors_ready": max(r["end"] for r in rows if r["event"] == "load") - init_done,
        # Of actors_ready: Ray Data's planning and the actors' processes starting (until the first
        # actor constructor runs), then the slowest actor's imports and model load.
        "actors_started": min(r["start"] for r in rows if r["event"] == "load") - init_done,
        "model_load": max(r["end"] - r["start"] for r in rows if r["event"] == "load"),
        "first_batch": first_done - init_done,
        "startup": first_done - PROCESS_START,
        "startup_cpu": startup_cpu + warmup_cpu,
        "warmup_cpu": warmup_cpu,
        "runner_seconds": summary.seconds,
        "steady_seconds": max(0.0, w1 - w0),
        "steady_rate": steady_articles / (w1 - w0) if w1 > w0 else None,
        "tail": max(ends) - min(ends),
        # Seconds each actor waited between one batch's end and the next one's start (the reading
        # of the next slice and, when its queue ran dry, the round trip through the driver).
        "gaps": statistics.mean(_gaps([r for r in batches if r["pid"] == pid]) for pid in actors),
        # The same tail in the last actor's CPU seconds, which a loaded machine stretches less.
        "tail_cpu": _tail_cpu(batches, actors[ends.index(max(ends))], min(ends)) if len(actors) > 1 else 0.0,
        "end": done - max(ends),  # the last part file's write (in the actor) and the driver seeing the counts
        "cpu_ms_per_article": 1000 * per_article,
        "other_cores": other_cores,
        "actor_cores": actor_cores,
        "cpu_all_processes": sampler.total(),
        # Everything but the actors: Ray's processes, its helper actors and the driver.
        "cpu_not_actors": sampler.total() - sum(cpu for pid, (_, cpu) in sampler.last.items() if pid in actors),
        "cpu_by_process": sampler.top(8),
        # Every process of the session, grouped by name (ray::IDLE workers summed), at the end of
        # the start-up (first batch started) and at the end; the driver's threads by name.
        "cpu_by_name_startup": sampler.by_name(first_start),
        "cpu_by_name": sampler.by_name(),
        "cores_by_name_steady": sampler.cores_by_name_between(w0, w1, set(actors)),
        "driver_threads": _driver_threads(),
        "loadavg_1m": os.getloadavg()[0],
    }
    print(json.dumps(result))


def _gaps(mine: list[dict[str, Any]]) -> float:
    ordered = sorted(mine, key=lambda r: r["start"])
    return sum(max(0.0, b["start"] - a["end"]) for a, b in zip(ordered, ordered[1:], strict=False))


def _tail_cpu(batches: list[dict[str, Any]], pid: int, since: float) -> float:
    """CPU seconds actor ``pid`` spent on batches after ``since`` (a batch running across it, pro rata)."""
    busy = 0.0
    for r in batches:
        if r["pid"] == pid and r["end"] > since:
            busy += r["cpu"] * min(1.0, (r["end"] - since) / max(1e-9, r["end"] - r["start"]))
    return busy


class _CpuSampler:
    """CPU seconds of this process and the Ray processes it started, sampled every 0.25 s."""

    def __init__(self) -> None:
        self.series: list[tuple[float, dict[int, tuple[str, float]]]] = []
        self.last: dict[int, tuple[str, float]] = {}
        # CPU seconds each process other than this one had at the first sample: a cluster's
        # processes ran before this run (its start, the warm-up, earlier runs); only this run counts.
        self.baseline: dict[int, float] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            snap = _ray_processes()
            name, cpu = snap[os.getpid()]
            snap[os.getpid()] = (name, cpu - time.thread_time())  # the driver without this sampler
            if self.baseline is None:
                self.baseline = {pid: c for pid, (_, c) in snap.items() if pid != os.getpid()}
            snap = {pid: (n, c - self.baseline.get(pid, 0.0)) for pid, (n, c) in snap.items()}
            self.last.update(snap)
            self.series.append((time.time(), snap))
            self._stop.wait(0.25)

    def cores_between(self, t0: float, t1: float, actors: set[int]) -> tuple[float | None, float | None]:
        if t1 <= t0 or not self.series:
            return None, None
        (a_t, a), (b_t, b) = (min(self.series, key=lambda s: abs(s[0] - t)) for t in (t0, t1))
        if b_t <= a_t:
            return None, None
        delta = {pid: cpu - a.get(pid, ("", 0.0))[1] for pid, (_, cpu) in b.items()}
        other = sum(d for pid, d in delta.items() if pid not in actors)
        mine = sum(d for pid, d in delta.items() if pid in actors)
        return other / (b_t - a_t), mine / (b_t - a_t)

    def total_at(self, t: float) -> float:
        before = [snap for when, snap in self.series if when <= t]
        return sum(cpu for _, cpu in before[-1].values()) if before else 0.0

    def total(self) -> float:
        return sum(cpu for _, cpu in self.last.values())

    def cores_by_name_between(self, t0: float, t1: float, actors: set[int]) -> dict[str, float]:
        """Cores each process name other than the actors took between t0 and t1."""
        if t1 <= t0 or not self.series:
            return {}
        (a_t, a), (b_t, b) = (min(self.series, key=lambda s: abs(s[0] - t)) for t in (t0, t1))
        if b_t <= a_t:
            return {}
        grouped: dict[str, float] = {}
        for pid, (name, cpu) in b.items():
            if pid not in actors:
                grouped[name] = grouped.get(name, 0.0) + (cpu - a.get(pid, ("", 0.0))[1]) / (b_t - a_t)
        return {name: round(c, 4) for name, c in sorted(grouped.items(), key=lambda kv: -kv[1]) if c > 0}

    def by_name(self, t: float | None = None) -> dict[str, float]:
        snaps = [snap for when, snap in self.series if t is None or when <= t]
        grouped: dict[str, float] = {}
        for name, cpu in (snaps[-1] if t is not None and snaps else self.last).values():
            grouped[name] = grouped.get(name, 0.0) + cpu
        return {name: round(cpu, 2) for name, cpu in sorted(grouped.items(), key=lambda kv: -kv[1])}

    def top(self, k: int) -> list[tuple[str, float]]:
        ranked = sorted(self.last.values(), key=lambda v: -v[1])[:k]
        return [(name, round(cpu, 2)) for name, cpu in ranked]


_COMMANDS: dict[int, str] = {}


def _proc_stat(path: str) -> tuple[int, str, float] | None:
    """(parent pid, name, CPU seconds) from a /proc stat file; None when it is gone."""
    try:
        with open(path, encoding="utf-8") as handle:
            stat = handle.read()
    except OSError:
        return None
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[1]), name, (int(fields[11]) + int(fields[12])) / TICK


def _driver_threads() -> dict[str, float]:
    """CPU seconds of this process's threads, grouped by thread name (Ray's C++ threads are named)."""
    grouped: dict[str, float] = {}
    for tid in os.listdir("/proc/self/task"):
        found = _proc_stat(f"/proc/self/task/{tid}/stat")
        if found is not None:
            _, name, cpu = found
            grouped[name] = grouped.get(name, 0.0) + cpu
    return {name: round(cpu, 2) for name, cpu in sorted(grouped.items(), key=lambda kv: -kv[1]) if cpu >= 0.01}


def _all_stats() -> dict[int, tuple[int, str, float]]:
    stats: dict[int, tuple[int, str, float]] = {}
    for entry in os.listdir("/proc"):
        found = _proc_stat(f"/proc/{entry}/stat") if entry.isdigit() else None
        if found is not None:
            stats[int(entry)] = found
    return stats


def _command(pid: int) -> str:
    if pid not in _COMMANDS:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                _COMMANDS[pid] = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            _COMMANDS[pid] = ""
    return _COMMANDS[pid]


def _descendants(roots: list[int], stats: dict[int, tuple[int, str, float]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    todo = list(roots)
    while todo:
        pid = todo.pop()
        if pid in stats and pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def _ray_processes() -> dict[int, tuple[str, float]]:
    """This process and its descendants (the Ray it started: GCS, raylet, workers) with their
    CPU seconds; with ``--cluster``, the cluster's processes and their descendants (the actors)
    too. Only those: on a shared machine other people's Ray sessions run too."""
    stats = _all_stats()
    roots = [os.getpid()]
    cluster_dir = os.environ.get("RAY_SCALING_CLUSTER_DIR")
    if cluster_dir:
        roots += _cluster_roots(cluster_dir, stats)
    found: dict[int, tuple[str, float]] = {}
    for pid in _descendants(roots, stats):
        _, name, cpu = stats[pid]
        command = _command(pid)
        label = name if name.startswith("ray::") else _label(command) if command else name
        found[pid] = ("driver" if pid == os.getpid() else label, cpu)
    return found


def _label(command: str) -> str:
    """A process's name: its program, or for Python its script (agent.py, monitor.py, log_monitor.py)."""
    words = command.split()
    program = Path(words[0]).name
    if program.startswith("python"):
        script = next((w for w in words[1:] if w.endswith(".py")), None)
        return Path(script).name if script else program
    return program


def _print_run(run: dict[str, Any]) -> None:
    print(
        f"{run['workers']} actor(s): wall {run['process_wall']:.1f} s = start-up {run['startup']:.1f}"
        f" (imports {run['imports']:.1f}, ray.init {run['ray_init']:.1f}, actors ready +{run['actors_ready']:.1f}"
        f" = actors started +{run.get('actors_started', 0.0):.1f} + model load {run.get('model_load', 0.0):.1f},"
        f" first batch done +{run['first_batch']:.1f}) + the rest; runner {run['runner_seconds']:.1f} s;"
        f" steady {_fmt(run['steady_rate'])} articles/s over {run['steady_seconds']:.0f} s; tail {run['tail']:.1f} s ({run.get('tail_cpu', 0.0):.1f} CPU s);"
        f" gaps between batches {run.get('gaps', 0.0):.2f} s per actor;"
        f" write after the last batch {run['end']:.1f} s; exit (Ray's stop, interpreter) {run['process_wall'] - run['wall']:.1f} s;"
        f" actors {run['cpu_ms_per_article']:.0f} CPU ms/article (+{run['warmup_cpu']:.1f} CPU s warm-up); others {_fmt(run['other_cores'], 3)} cores;"
        f" load {run['loadavg_1m']:.1f}",
        flush=True,
    )
    print(f"    CPU s outside the actors (Ray and the driver): {run['cpu_not_actors']:.2f}", flush=True)
    print("    CPU s by process: " + ", ".join(f"{name} {cpu}" for name, cpu in run["cpu_by_process"]), flush=True)
    for key, title in (
        ("cpu_by_name_startup", "at start-up end"),
        ("cpu_by_name", "at the end"),
        ("cores_by_name_steady", "cores in steady state"),
        ("driver_threads", "driver threads"),
    ):
        if key in run:
            print(f"    CPU s {title}: " + ", ".join(f"{name} {cpu}" for name, cpu in run[key].items()), flush=True)


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _print_summary(runs: list[dict[str, Any]], n: int) -> None:
    by = {w: [r for r in runs if r["workers"] == w] for w in (1, 2)}

    def med(w: int, key: str) -> float:
        return statistics.median(r[key] for r in by[w] if r[key] is not None)

    print(f"\n{n} articles, median of {len(by[1])} run(s) each:")
    print(
        f"  wall time         1 actor {med(1, 'process_wall'):.1f} s, 2 actors {med(2, 'process_wall'):.1f} s"
        f"  -> ratio {med(1, 'process_wall') / med(2, 'process_wall'):.2f}"
    )
    print(
        f"  runner seconds    1 actor {med(1, 'runner_seconds'):.1f} s, 2 actors {med(2, 'runner_seconds'):.1f} s"
        f"  -> ratio {med(1, 'runner_seconds') / med(2, 'runner_seconds'):.2f} (Ray already started)"
    )
    if all(r["steady_rate"] for r in runs):
        print(
            f"  steady state      1 actor {med(1, 'steady_rate'):.1f}/s, 2 actors {med(2, 'steady_rate'):.1f}/s"
            f"  -> ratio {med(2, 'steady_rate') / med(1, 'steady_rate'):.2f}"
        )
    cores = 2
    for articles in sorted({n, 2000}):  # the target is set at 2,000 articles
        projected = {}
        for w in (1, 2):
            others = med(w, "other_cores") if w == cores and any(r["other_cores"] for r in by[w]) else 0.0
            parse = articles * med(w, "cpu_ms_per_article") / 1000 / (w - others)
            # Start-up is many processes booting at once (Ray's, the actors' imports and model
            # loads): on an idle machine it takes about its CPU time spread over both cores.
            startup = med(w, "startup_cpu") / cores
            projected[w] = startup + parse + (med(w, "tail") if w > 1 else 0.0) + med(w, "end")
            print(
                f"  idle-machine estimate for {articles} articles, {w} actor(s): start-up {startup:.1f} s"
                f" ({med(w, 'startup_cpu'):.1f} CPU s on {cores} cores) + parsing {parse:.1f} s"
                f" ({med(w, 'cpu_ms_per_article'):.0f} CPU ms/article on {w - others:.2f} cores)"
                + (f" + tail {med(w, 'tail'):.1f} s" if w > 1 else "")
                + f" + write {med(w, 'end'):.1f} s"
                + f" = {projected[w]:.1f} s"
            )
        print(f"  -> expected idle-machine ratio for {articles} articles: {projected[1] / projected[2]:.2f}")


if __name__ == "__main__":
    main()
