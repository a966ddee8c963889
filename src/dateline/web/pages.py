"""The HTML pages: server-rendered Jinja2 templates over the same store calls the API makes.

Owns page routes, the template environment (autoescaping always on) and the small view
helpers templates need (safe external links, dates). Highlighting of article text is in
``highlight``; nothing here builds SQL or touches article text without escaping.
"""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dateline.records import Extraction
from dateline.store import Store
from dateline.store.query import ArticleFilter, EventFilter, QuoteFilter
from dateline.version import __version__
from dateline.web import charts
from dateline.web.app import store_of
from dateline.web.highlight import render_article, snippet_markup, speaker_classes, speaker_key

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_of)]
Param = Annotated[str | None, Query(max_length=500)]
Page = Annotated[int, Query(ge=1, le=10_000)]
PAGE_SIZE = 50
ACTOR_LIST = 50

_env = Environment(
    loader=FileSystemLoader(str(files("dateline.web").joinpath("templates"))),
    autoescape=True,  # every {{ }} is escaped; only highlight.py builds Markup, from escaped pieces
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: ``javascript:`` and friends in stored data are never links."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


_env.globals.update(version=__version__, safe_url=safe_url, snippet=snippet_markup, query=_query)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    html = _env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html)


def render_error(request: Request, status: int, message: str) -> str:
    return _env.get_template("error.html").render(
        request=request, path=request.url.path, status=status, message=message
    )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    articles = store.list_articles(ArticleFilter(limit=12))
    speakers = [a for a in store.actors(top=12) if a["n_quotes"]]
    counts = store.counts()
    return render(request, "home.html", articles=articles, speakers=speakers, counts=counts)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    store: StoreDep,
    q: Param = None,
    outlet: Param = None,
    since: Param = None,
    until: Param = None,
    page: Page = 1,
) -> HTMLResponse:
    params = {"q": _clean(q), "outlet": _clean(outlet), "since": _clean(since), "until": _clean(until)}
    rows = store.list_articles(
        ArticleFilter(
            text=params["q"],
            outlet=params["outlet"],
            since=params["since"],
            until=params["until"],
            limit=PAGE_SIZE + 1,
            offset=(page - 1) * PAGE_SIZE,
        )
    )
    return render(
        request,
        "articles.html",
        rows=rows[:PAGE_SIZE],
        params=params,
        page=page,
        more=len(rows) > PAGE_SIZE,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    x = store.get(article_id)
    if x is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return render(request, "article.html", x=x, a=x.article, body=render_article(x), **_panel(x))


def _panel(x: Extraction) -> dict[str, Any]:
    """Side-panel rows: quotes grouped by speaker (with their colour), events with their sides named."""
    text = x.article.text
    names = {e.id: e.name for e in x.entities}
    colours = speaker_classes(x)
    groups: dict[str, dict[str, Any]] = {}
    for q in x.quotes:
        key = speaker_key(q.speaker, q.speaker_name)
        name = (
            q.speaker_name or names.get(q.speaker or "") or (q.speaker_mention.of(text) if q.speaker_mention else None)
        )
        group = groups.setdefault(key, {"name": name or "unknown speaker", "colour": colours[key], "quotes": []})
        group["quotes"].append(
            {
                "id": q.id,
                "kind": q.kind,
                "cue": q.cue.of(text) if q.cue else None,
                "words": " … ".join(c.of(text) for c in q.content),
            }
        )
    events = [
        {
            "id": v.id,
            "type": v.type,
            "cameo": v.cameo,
            "quad_class": v.quad_class,
            "source": [names.get(s, s) for s in v.source] or list(v.source_codes),
            "target": [names.get(t, t) for t in v.target] or list(v.target_codes),
            "when": v.when.value if v.when else None,
            "where": v.where.name if v.where else None,
            "evidence": v.evidence.of(text),
        }
        for v in x.events
    ]
    kinds = Counter(e.kind for e in x.entities)
    return {"speakers": sorted(groups.values(), key=lambda g: -len(g["quotes"])), "events": events, "kinds": kinds}


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    store: StoreDep,
    speaker: Param = None,
    about: Param = None,
    outlet: Param = None,
    since: Param = None,
    until: Param = None,
    page: Page = 1,
) -> HTMLResponse:
    params = {
        "speaker": _clean(speaker),
        "about": _clean(about),
        "outlet": _clean(outlet),
        "since": _clean(since),
        "until": _clean(until),
    }
    rows = store.quotes(
        QuoteFilter(
            speaker=params["speaker"],
            about=params["about"],
            outlet=params["outlet"],
            since=params["since"],
            until=params["until"],
            limit=PAGE_SIZE + 1,
            offset=(page - 1) * PAGE_SIZE,
        )
    )
    return render(request, "quotes.html", rows=rows[:PAGE_SIZE], params=params, page=page, more=len(rows) > PAGE_SIZE)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    store: StoreDep,
    kind: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    rows = store.actors(top=100, kind=_clean(kind))
    return render(request, "actors.html", rows=rows, kind=_clean(kind))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: int, store: StoreDep) -> HTMLResponse:
    found = store.actor(actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    said = store.actor_quotes(actor_id, 200)
    events = store.actor_events(actor_id, 200)
    as_source = [v for v in events if actor_id in v["source_actor_ids"]]
    as_target = [v for v in events if actor_id in v["target_actor_ids"] and v not in as_source]
    # The chart counts the latest 200 quotes; the lists show the latest 50 of each kind (a
    # much-quoted actor would otherwise make a page of hundreds of kilobytes).
    per_month = Counter((q["published"] or "")[:7] or "undated" for q in said)
    chart = charts.month_bars(sorted(per_month.items()), label="quotes")
    return render(
        request,
        "actor.html",
        actor=found,
        quotes=said[:ACTOR_LIST],
        n_charted=len(said),
        as_source=as_source[:ACTOR_LIST],
        as_target=as_target[:ACTOR_LIST],
        chart=chart,
    )


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    actor: Param = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    since: Param = None,
    until: Param = None,
    top: Annotated[int, Query(ge=5, le=300)] = 80,
) -> HTMLResponse:
    params = {"actor": _clean(actor), "type": _clean(type), "since": _clean(since), "until": _clean(until)}
    # The graph itself is fetched by static/network.js from /api/network with the same query.
    return render(request, "network.html", params=params, top=top, data_url="/api/network?" + _query(params, top=top))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    store: StoreDep,
    actor: Param = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    target: Param = None,
    since: Param = None,
    until: Param = None,
    by: Annotated[str, Query(pattern="^(month|week)$")] = "month",
) -> HTMLResponse:
    params = {
        "actor": _clean(actor),
        "type": _clean(type),
        "target": _clean(target),
        "since": _clean(since),
        "until": _clean(until),
    }
    rows = store.event_counts(
        EventFilter(
            actor=params["actor"],
            type=params["type"],
            target=params["target"],
            since=params["since"],
            until=params["until"],
        ),
        by=by,
    )
    return render(request, "timeline.html", params=params, by=by, chart=charts.stacked_bars(rows), rows=rows)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Param = None) -> HTMLResponse:
    text = _clean(q)
    hits = store.search(text, limit=50) if text else []
    return render(request, "search.html", q=text, hits=hits)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the app's own OpenAPI document (no CDN, no inline script)."""
    schema = request.app.openapi()
    routes = []
    for route_path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description") or "",
                    "type": _type_name(p.get("schema", {})),
                }
                for p in op.get("parameters", [])
            ]
            routes.append(
                {
                    "method": method.upper(),
                    "path": route_path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return render(request, "docs.html", routes=routes, title=schema["info"]["title"])


def _type_name(schema: dict[str, Any]) -> str:
    if "type" in schema:
        return str(schema["type"])
    kinds = [s.get("type", "?") for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return " | ".join(kinds) or "any"
