"""Ingesting over HTTP: one file per request, only with the API token."""

from __future__ import annotations

import hmac
from pathlib import PurePath

from fastapi import APIRouter, Depends, Header, Query, Request

from concord.api.deps import library
from concord.errors import ConcordError
from concord.library.core import Library
from concord.library.ingest import Summary

router = APIRouter(tags=["ingest"])
TOKEN_ENV = "CONCORD_API_TOKEN"


def _authorise(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise ConcordError(f"read-only service: set {TOKEN_ENV} to allow ingesting", status=403)
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ConcordError("a valid API token is needed (Authorization: Bearer TOKEN)", status=401)


@router.post("/ingest", response_model=Summary)
async def ingest(
    request: Request,
    filename: str = Query(..., description="file name; its suffix says the format (.txt, .pdf...)"),
    symbol: str | None = Query(None, description="symbol of a text without heading"),
    language: str | None = Query(None, description="ISO 639-1 code of the text"),
    adopted_on: str | None = Query(None, description="adoption date, YYYY-MM-DD"),
    authorization: str | None = Header(None),
    lib: Library = Depends(library),
) -> Summary:
    """Read the request body as one file and store it (needs the API token)."""
    _authorise(request, authorization)
    data = await request.body()
    name = PurePath(filename).name
    return lib.ingest_bytes(data, name, symbol=symbol, language=language, adopted_on=adopted_on)
