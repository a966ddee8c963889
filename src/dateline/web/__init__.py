"""Web: the REST API under ``/api/`` and the HTML pages, one FastAPI app over one store.

``create_app(store_location)`` builds it; ``dateline serve`` runs it with uvicorn. Routes are
thin: they parse, call the store's query API (or ``core`` for the one writing route) and
format. Article text is untrusted everywhere: it is escaped before it reaches a page.
"""

from dateline.web.app import create_app

__all__ = ["create_app"]
