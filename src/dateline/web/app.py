"""The FastAPI application: ``create_app(store_location, ...)`` wires the API, the pages and the guards.

Owns what every request goes through: one store connection per worker thread, error mapping
(Dateline errors → HTTP statuses with a JSON message, never a traceback), the request body
cap, the bearer-token check for the one writing route, and the security headers. It holds
no query logic: routes call the store's query API (``dateline.store.query``) and ``core``.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from importlib.resources import files
from typing import Any, cast

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.errors import ConfigError, DatelineError
from dateline.store import Store, open_store
from dateline.store.query import QueryError
from dateline.version import __version__

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 5_000_000

# Inline script and style are refused: all JS lives in /static, colours are classes, and SVG
# uses presentation attributes. Nothing is loaded from another origin.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]


class Stores:
    """One open store per worker thread: SQLite connections must not cross threads."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.location)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 (closing at shutdown; another thread may own it)
                    log.debug("closing a store failed", exc_info=True)
            self._all.clear()


class Guard:
    """Pure ASGI wrapper around the whole app: body cap, security headers, last-resort 500.

    Pure ASGI (not a route dependency) so it sees the body before any route reads it — a
    chunked upload with no Content-Length is counted as it arrives — and so even a crash
    response carries the headers and says nothing about the internals.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                if static and message.get("status") == 200:
                    # Static URLs carry ?v=<version> in the templates, so a day's caching is safe.
                    extra.append((b"cache-control", b"public, max-age=86400"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await _too_large(self.max_body)(scope, receive, send_with_headers)
                    return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await _too_large(self.max_body)(scope, receive, send_with_headers)
        except Exception:
            # The traceback goes to the server log only; the client learns nothing of the internals.
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if not started:
                body = JSONResponse({"error": "internal error; the server log has the details"}, status_code=500)
                await body(scope, receive, send_with_headers)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> Response:
    return JSONResponse({"error": f"request body is over the {limit:,}-byte limit"}, status_code=413)


def create_app(
    store_location: str,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The Dateline web app over one store. Read-only unless ``allow_ingest`` and a ``token`` are given.

    ``allowed_hosts`` limits the Host header (``dateline serve`` on 127.0.0.1 passes the
    loopback names), so a web page cannot reach the local server through DNS rebinding.
    """
    if allow_ingest and not token:
        raise ConfigError("--allow-ingest needs a token: set DATELINE_TOKEN to a long random string")
    from dateline.web import api, pages

    app = FastAPI(
        title="Dateline",
        version=__version__,
        description="Who said what, who did what to whom, when and where — every record pinned to its words.",
        # Swagger UI loads scripts from a CDN and runs inline script; our own /docs page renders
        # the same OpenAPI document offline under the strict CSP.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    stores = Stores(store_location)
    app.state.stores = stores
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.nlp = None
    app.state.nlp_lock = threading.Lock()
    app.include_router(api.router)
    app.include_router(pages.router)
    static = files("dateline.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    _install_error_handlers(app)
    app.router.add_event_handler("shutdown", stores.close)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(Guard, max_body=max_body)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON ``{"error": message}`` for API clients, a small HTML page for browsers."""
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    from dateline.web.pages import render_error

    return HTMLResponse(render_error(request, status, message), status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, err: QueryError) -> Response:
        return error_response(request, 400, str(err))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, err: DatelineError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, err)
        return error_response(request, 503, str(err))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, err: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in err.errors()
        )
        return error_response(request, 400, f"bad request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        response = error_response(request, err.status_code, str(err.detail))
        if err.headers:
            response.headers.update(err.headers)
        return response


class _ThreadStore:
    """The store of whichever thread uses it.

    FastAPI may resolve a dependency in one worker thread and run the route in another, and an
    SQLite connection must stay in the thread that opened it; so the dependency hands out this
    proxy and each call picks the calling thread's own connection.
    """

    def __init__(self, stores: Stores) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stores.get(), name)


def store_of(request: Request) -> Store:
    return cast(Store, _ThreadStore(request.app.state.stores))


def check_token(request: Request) -> None:
    """The one gate for writing: ingest enabled and ``Authorization: Bearer <token>`` matching."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this server is read-only; start it with --allow-ingest and DATELINE_TOKEN")
    expected: str = request.app.state.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode())
    if not ok:
        raise HTTPException(401, "missing or wrong bearer token", headers={"www-authenticate": "Bearer"})
