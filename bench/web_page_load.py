"""Page load times of ``dateline serve`` on a store: server time to the last byte, per page.

Starts a real server on a free localhost port, warms each URL once, then fetches it
``--repeat`` times in a row and reports the median and the worst time in milliseconds (the
browser's own rendering is not included). The URLs are picked from the store itself: the
article with most quotes, the most quoted actor, a word from that actor's quotes.

    .venv/bin/python bench/web_page_load.py --db /tmp/bench-20k.db
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from typing import Any
from urllib.parse import quote

import httpx2

from dateline.store import open_store
from dateline.store.query import ArticleFilter


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pick_urls(db: str) -> list[str]:
    with open_store(db) as store:
        counts = store.counts()
        articles = store.list_articles(ArticleFilter(limit=200))
        busiest = max(articles, key=lambda a: a["n_quotes"] + a["n_events"])["id"] if articles else "none"
        top = store.actors(top=1)
        # Typed as the store's rows are: the fallback literal alone makes mypy see "name" as str | int | None.
        actor: dict[str, Any] = top[0] if top else {"id": 0, "name": "nobody", "actor_code": None}
    word = actor["name"].split()[-1]
    print(json.dumps({"store": db, "counts": counts, "article": busiest, "actor": actor["name"]}), file=sys.stderr)
    return [
        "/",
        "/articles",
        "/articles?page=50",
        f"/articles/{busiest}",
        "/quotes",
        f"/quotes?speaker={quote(word)}",
        "/quotes?about=sanctions",
        "/quotes?since=2020-01-01&until=2020-12-31",
        "/actors",
        f"/actors/{actor['id']}",
        "/network",
        "/api/network",
        "/api/network?actor=IRN",
        "/timeline",
        "/timeline?by=week&actor=IRN",
        "/search?q=nuclear",
        f"/api/articles/{busiest}",
        "/api/quotes?about=sanctions",
        "/api/events?actor=IRN",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    urls = pick_urls(args.db)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", args.db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx2.get(base + "/static/dateline.css", timeout=1)
                break
            except httpx2.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start") from None
                time.sleep(0.2)
        results = []
        with httpx2.Client(base_url=base, timeout=60, headers={"accept": "text/html"}) as client:
            for url in urls:
                status = client.get(url).status_code  # warm: first open of a connection, page cache
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    r = client.get(url)
                    r.read()
                    times.append((time.perf_counter() - started) * 1000)
                results.append(
                    {
                        "url": url,
                        "status": status,
                        "median_ms": round(statistics.median(times), 1),
                        "max_ms": round(max(times), 1),
                        "kb": round(len(r.content) / 1024, 1),
                    }
                )
                print(f"{results[-1]['median_ms']:8.1f} {results[-1]['max_ms']:8.1f}  {status}  {url}")
        print(json.dumps(results))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
