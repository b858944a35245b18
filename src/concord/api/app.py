"""The FastAPI application: routes, error handling, and the votes router when present."""

from __future__ import annotations

import importlib
from typing import Any

from fastapi import FastAPI, Request

from concord import __version__
from concord.api import errors, ingest, resolutions, search
from concord.library.core import Library

DESCRIPTION = """Concord's library of UN human-rights resolutions: every expression (language)
of every resolution, paragraphs aligned across languages, references both ways, votes per
State, mandates, and full-text search in every language (Chinese included).

Read-only unless the service was started with `CONCORD_API_TOKEN` set; then `POST /ingest`
takes files from holders of that token. Errors are JSON: `{"error": {"status", "message",
"source"}}`. Lists are pages: `items`, `total`, `limit`, `offset`, `next`."""


def create_app(library: Library, *, token: str | None = None) -> FastAPI:
    """The HTTP API answering from ``library``; ``token`` enables ``POST /ingest``."""
    app = FastAPI(title="Concord library API", version=__version__, description=DESCRIPTION)
    app.state.library = library
    app.state.token = token
    errors.install(app)
    app.include_router(search.router)
    app.include_router(resolutions.router)
    app.include_router(ingest.router)
    _include_votes(app)
    app.add_api_route("/", _index, methods=["GET"], tags=["service"], summary="About this service")
    return app


def _include_votes(app: FastAPI) -> None:
    """The votes analytics router, where that part of Concord is installed."""
    try:
        module = importlib.import_module("concord.votes.api")
    except ImportError:
        return
    router = getattr(module, "router", None)
    if router is not None:
        app.include_router(router)


def _index(request: Request) -> dict[str, Any]:
    """What this service is, and where its documentation lives."""
    lib: Library = request.app.state.library
    return {
        "service": "concord",
        "version": __version__,
        "library": lib.describe(),
        "read_only": not request.app.state.token,
        "docs": str(request.url_for("swagger_ui_html")),
        "openapi": str(request.url_for("openapi")),
    }
