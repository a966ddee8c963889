"""The REST API under ``/api/``: thin routes over the store's query API and ``core``.

Each route parses its parameters, calls one library function and returns its JSON-ready
rows. Bad parameters are 400 (FastAPI's validation errors are mapped in ``app``), unknown ids
404, and the query layer's ``QueryError`` (broken search syntax, bad dates) 400. The one
writing route, ``POST /api/articles``, is refused unless the server was started with
``--allow-ingest`` and the caller sends the bearer token.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from dateline.errors import Rejection
from dateline.store import Store
from dateline.store.query import ArticleFilter, EventFilter, QuoteFilter
from dateline.web.app import check_token, store_of

router = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(store_of)]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Since = Annotated[str | None, Query(max_length=32, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
Until = Annotated[str | None, Query(max_length=32, description="ISO date, inclusive.")]
Text = Annotated[str | None, Query(max_length=500)]


@router.get("/articles", summary="Articles, newest first; filter by outlet, date range and full text")
def list_articles(
    store: StoreDep,
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=500, description="Full-text query over title and text.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    return store.list_articles(
        ArticleFilter(outlet=outlet, since=since, until=until, text=q, limit=limit, offset=offset)
    )


@router.get("/articles/{article_id}", summary="One article with all its records (the JSON contract)")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found.to_json()


@router.get("/quotes", summary="Who said what: quotes filtered as `dateline quotes`")
def list_quotes(
    store: StoreDep,
    speaker: Text = None,
    about: Annotated[str | None, Query(max_length=500, description="Full-text query over quote words.")] = None,
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    return store.quotes(
        QuoteFilter(
            speaker=speaker,
            about=about,
            outlet=outlet,
            since=since,
            until=until,
            article_id=article,
            limit=limit,
            offset=offset,
        )
    )


@router.get("/events", summary="Who did what to whom: events filtered as `dateline events`")
def list_events(
    store: StoreDep,
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor code (IRN finds IRNMIL) or name, either side.")
    ] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type (ASSAULT, CONSULT, ...).")] = None,
    target: Annotated[str | None, Query(max_length=200, description="Code or name on the target side.")] = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    return store.events(
        EventFilter(
            actor=actor,
            type=type,
            target=target,
            since=since,
            until=until,
            article_id=article,
            limit=limit,
            offset=offset,
        )
    )


@router.get("/actors", summary="The most quoted and most active actors")
def list_actors(
    store: StoreDep,
    top: Annotated[int, Query(ge=1, le=500)] = 20,
    kind: Annotated[str | None, Query(max_length=20, description="person, org, place or group.")] = None,
) -> list[dict[str, Any]]:
    return store.actors(top=top, kind=kind)


@router.get("/actors/{actor_id}", summary="One actor with their quotes and events")
def get_actor(
    actor_id: int,
    store: StoreDep,
    limit: Limit = 50,
) -> dict[str, Any]:
    found = store.actor(actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    return {**found, "quotes": store.actor_quotes(actor_id, limit), "events": store.actor_events(actor_id, limit)}


@router.get("/network", summary="Actors linked by events: nodes and weighted links (for the network page)")
def network(
    store: StoreDep,
    actor: Annotated[str | None, Query(max_length=200, description="Code or name on either side.")] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type.")] = None,
    since: Since = None,
    until: Until = None,
    top: Annotated[int, Query(ge=1, le=500, description="Keep the strongest links.")] = 80,
) -> dict[str, Any]:
    links = store.event_links(EventFilter(actor=actor, type=type, since=since, until=until), top=top)
    nodes: dict[int, dict[str, Any]] = {}
    for link in links:
        for side in ("source", "target"):
            node = nodes.setdefault(
                link[f"{side}_id"],
                {"id": link[f"{side}_id"], "name": link[f"{side}_name"], "kind": link[f"{side}_kind"], "n": 0},
            )
            node["n"] += link["n"]
    return {
        "nodes": list(nodes.values()),
        "links": [
            {
                "source": x["source_id"],
                "target": x["target_id"],
                "n": x["n"],
                "cooperation": x["cooperation"],
                "conflict": x["conflict"],
                "tone": _tone(x["cooperation"], x["conflict"]),
            }
            for x in links
        ],
    }


def _tone(cooperation: int, conflict: int) -> str:
    """The colour of a link: which quad classes dominate the events behind it."""
    if cooperation > conflict:
        return "cooperation"
    return "conflict" if conflict > cooperation else "neutral"


@router.get("/timeline", summary="Events per month or week by PLOVER type (for the timeline page)")
def timeline(
    store: StoreDep,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
    by: Annotated[str, Query(pattern="^(month|week)$")] = "month",
) -> list[dict[str, Any]]:
    return store.event_counts(EventFilter(actor=actor, type=type, target=target, since=since, until=until), by=by)


@router.get("/search", summary="Articles and quotes matching a full-text query, best first")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "phrases", AND/OR/NOT, word*.')],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    return store.search(q, limit=limit)


@router.get("/stats", summary="Counts per table, outlet and month")
def stats(store: StoreDep) -> dict[str, Any]:
    return store.stats()


@router.post(
    "/articles",
    status_code=201,
    summary="Extract and store an article (only with --allow-ingest and the bearer token)",
    description=(
        "Body: plain text, HTML, or a JSON object with `text` or `html` plus metadata (title, source, "
        "published, url, licence, ...). Returns what was stored; a known text is a duplicate (200)."
    ),
)
async def post_article(request: Request) -> JSONResponse:
    check_token(request)  # before reading a byte of the body
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "empty body; send the article as text, HTML or a JSON object with 'text' or 'html'")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    report = await run_in_threadpool(_ingest, request, body, kind)
    if report.stored == 0 and report.duplicates == 0:
        raise HTTPException(400, "; ".join(str(r) for r in report.rejected) or "no article found in the body")
    payload = {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "rejected": [str(r) for r in report.rejected],
        "ids": report.ids,
    }
    return JSONResponse(payload, status_code=201 if report.stored else 200)


def _ingest(request: Request, body: bytes, kind: str) -> Any:
    """The body through ``core.ingest``, the same path files take (sniffing, readers, duplicates).

    The body goes to a private temporary file because ``core.ingest`` reads paths; a JSON
    object becomes a one-line JSONL file. Rejections name the request, not the file.
    """
    from dateline import core

    name = "POST /api/articles"
    suffix = ".txt"
    if kind == "application/json":
        try:
            record = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise HTTPException(400, f"body is not valid JSON ({err})") from None
        if not isinstance(record, dict):
            raise HTTPException(400, "a JSON body must be one object with 'text' or 'html'")
        body, suffix = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n", ".jsonl"
    elif kind in ("text/html", "application/xhtml+xml"):
        suffix = ".html"
    with tempfile.TemporaryDirectory(prefix="dateline-post-") as folder:
        path = Path(folder) / f"body{suffix}"
        path.write_bytes(body)
        report = core.ingest([str(path)], store_of(request), _pipeline(request), keep_ids=True)
    report.rejected = [Rejection(name, r.reason, r.line) for r in report.rejected]
    return report


def _pipeline(request: Request) -> Any:
    """The spaCy pipeline, loaded on the first ingest request only (a read-only server never pays for it)."""
    state = request.app.state
    with state.nlp_lock:
        if state.nlp is None:
            from dateline.nlp import load_pipeline

            state.nlp = load_pipeline(None)
        return state.nlp
