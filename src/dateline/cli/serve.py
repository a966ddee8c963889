"""``dateline serve``: the REST API and web UI over a store, with uvicorn.

Binds to 127.0.0.1 unless told otherwise. Writing (``POST /api/articles``) stays off unless
``--allow-ingest`` is given and ``DATELINE_TOKEN`` holds the bearer token clients must send.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from dateline.cli.app import DEFAULT_DB, DbOption, app, console_err
from dateline.errors import ConfigError

MIN_TOKEN_LENGTH = 16
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Enable POST /api/articles (needs DATELINE_TOKEN).")
    ] = False,
    max_body: Annotated[int, typer.Option(min=1024, help="Largest request body accepted, in bytes.")] = 5_000_000,
) -> None:
    """Serve the web UI and REST API (http://127.0.0.1:8000 by default; API reference at /docs)."""
    import uvicorn

    from dateline.store import open_store
    from dateline.web import create_app

    token = os.environ.get("DATELINE_TOKEN") or None
    if allow_ingest and (token is None or len(token) < MIN_TOKEN_LENGTH):
        raise ConfigError(
            f"--allow-ingest needs DATELINE_TOKEN set to a secret of at least {MIN_TOKEN_LENGTH} characters"
        )
    open_store(db).close()  # fail now, with a clear message, if the database cannot be opened
    # On a loopback address only loopback names are accepted in the Host header (no DNS rebinding).
    loopback = host in LOOPBACK
    web = create_app(
        db,
        allow_ingest=allow_ingest,
        token=token if allow_ingest else None,
        max_body=max_body,
        allowed_hosts=[*LOOPBACK, "localhost"] if loopback else None,
    )
    mode = "ingest enabled (bearer token required)" if allow_ingest else "read-only"
    console_err.print(f"Dateline on http://{host}:{port} · {db} · {mode} · Ctrl-C stops", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)
