"""Hostile requests against every API route: SQL injection in every query parameter, path
parameters, CORS. Routes and parameters are read from the app's own OpenAPI document, so a
route added later is attacked too without editing this file.

Every answer must be 200 (with the usual JSON, empty or not), 400/404/422 — never a 500, a
stack trace or a database exception (a 400 explaining full-text query syntax is fine); and an injected parameter must never return more rows
than the same request without it would. (The web engineer's tests/test_web_api_security.py
covers the token, the body caps and the headers.)
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app

PAYLOADS = [
    "' OR '1'='1",
    "1' OR 1=1 --",
    "x'; DROP TABLE articles; --",
    '" OR ""="',
    "1 UNION SELECT name, sql FROM sqlite_master --",
    "%' OR 1=1 OR '%'='",
    "*",
    'NEAR("a" "b")',
    "\x00",
    "a" * 400,
    "../../etc/passwd",
    "<script>alert(1)</script>",
]
PAGING = ("limit", "offset", "top", "by")


def _rows(answer: object) -> int:
    if isinstance(answer, list):
        return len(answer)
    if isinstance(answer, dict):
        return sum(len(v) for v in answer.values() if isinstance(v, list))
    return 0


LEAKS = ("Traceback", "sqlite3.", "OperationalError", "IntegrityError", "psycopg", 'File "')


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(str(web_db)), raise_server_exceptions=False) as c:
        yield c


def _get_routes(client) -> list[tuple[str, list[str]]]:
    spec = client.get("/api/openapi.json").json()
    routes = []
    for path, ops in spec["paths"].items():
        if "get" in ops and path.startswith("/api/"):
            params = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            routes.append((path, params))
    return routes


def _check(response, what: str) -> None:
    assert response.status_code in (200, 400, 404, 422), (what, response.status_code, response.text[:300])
    assert not any(leak in response.text for leak in LEAKS), (what, response.text[:300])


def test_every_query_parameter_of_every_route_survives_sql_injection(client):
    routes = _get_routes(client)
    assert len(routes) >= 5, routes
    tried = 0
    for path, params in routes:
        if "{" in path:
            for payload in PAYLOADS:
                url = path.split("{")[0] + quote(payload, safe="")
                _check(client.get(url), url)
                tried += 1
            continue
        baseline = client.get(path)
        for name in params:
            for payload in PAYLOADS:
                r = client.get(path, params={name: payload})
                _check(r, f"{path}?{name}={payload!r}")
                tried += 1
                # Injection must not widen the answer: never more rows than without the filter.
                if r.status_code == 200 and baseline.status_code == 200 and name not in PAGING:
                    assert _rows(r.json()) <= _rows(baseline.json()), (path, name, payload)
    assert tried > 100


def test_no_cors_headers_for_another_origin(client):
    for path, _ in _get_routes(client):
        if "{" in path:
            continue
        r = client.get(path, headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in {k.lower() for k in r.headers}, path
    pre = client.options(
        "/api/articles", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in {k.lower() for k in pre.headers}
