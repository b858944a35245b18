"""Resolutions, their expressions, paragraphs, references, votes and mandates."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from concord.api.deps import library, work_filters
from concord.api.paging import Paged, Paging, paged, paging
from concord.library.codec import to_json
from concord.library.core import Library
from concord.library.filters import Filters
from concord.library.results import (
    Alignment,
    Citation,
    MandateRow,
    Page,
    VoteRecord,
    WorkDetail,
    WorkInfo,
)

router = APIRouter(tags=["resolutions"])
SYMBOL = "/resolutions/{symbol:path}"


@router.get("/resolutions", response_model=Paged[WorkInfo])
def list_resolutions(
    request: Request,
    filters: Filters = Depends(work_filters),
    at: Paging = Depends(paging),
    lib: Library = Depends(library),
) -> Paged[WorkInfo]:
    """Resolutions, filtered by body, session, year, language, citation or vote."""
    return paged(lib.resolutions(filters, limit=at.limit, offset=at.offset), request, at)


@router.get(SYMBOL + "/paragraphs", response_model=Alignment)
def paragraphs(
    symbol: str,
    language: list[str] = Query([], description="only these languages"),
    lib: Library = Depends(library),
) -> Alignment:
    """The paragraphs of every expression side by side, aligned by eid."""
    return lib.paragraphs(symbol, tuple(language))


@router.get(SYMBOL + "/expressions/{language}")
def expression(symbol: str, language: str, lib: Library = Depends(library)) -> Any:
    """The current text in one language, whole, as the reader made it (JSON contract)."""
    res = lib.expression(symbol, language)
    try:
        from concord.export.json import to_dict
    except ImportError:
        import json

        return json.loads(to_json(res))
    return to_dict(res)


@router.get(SYMBOL + "/cites", response_model=Paged[Citation])
def cites(request: Request, symbol: str, lib: Library = Depends(library)) -> Paged[Citation]:
    """What the resolution refers to: resolutions, documents, instruments."""
    page = lib.cites(symbol)
    return paged(page, request, Paging(max(1, len(page)), 0))


@router.get(SYMBOL + "/cited-by", response_model=Paged[Citation])
def resolution_cited_by(
    request: Request, symbol: str, lib: Library = Depends(library)
) -> Paged[Citation]:
    """Every resolution paragraph that cites this resolution."""
    return cited_by(request, symbol, lib)


@router.get("/cited-by", response_model=Paged[Citation], tags=["references"])
def cited_by(
    request: Request,
    target: str = Query(..., description="A/RES/70/1, 70/1, A/71/53, UDHR ..."),
    lib: Library = Depends(library),
) -> Paged[Citation]:
    """Every resolution paragraph citing a resolution, document or instrument."""
    page: Page[Citation] = lib.cited_by(target)
    return paged(page, request, Paging(max(1, len(page)), 0))


@router.get(SYMBOL + "/votes", response_model=VoteRecord)
def votes(symbol: str, lib: Library = Depends(library)) -> VoteRecord:
    """How the resolution was adopted, and each State's vote (ISO 3166-1 alpha-3)."""
    return lib.votes(symbol)


@router.get(SYMBOL + "/mandates", response_model=Paged[MandateRow])
def resolution_mandates(
    request: Request, symbol: str, at: Paging = Depends(paging), lib: Library = Depends(library)
) -> Paged[MandateRow]:
    """Who the resolution asks to act, and by when."""
    return paged(lib.mandates(symbol, limit=at.limit, offset=at.offset), request, at)


@router.get("/mandates", response_model=Paged[MandateRow], tags=["mandates"])
def mandates(
    request: Request,
    addressee: str | None = Query(None, description="addressee key or part of its name"),
    due_session: int | None = Query(None, description="session the follow-up is due at"),
    at: Paging = Depends(paging),
    lib: Library = Depends(library),
) -> Paged[MandateRow]:
    """Mandates of every resolution, by addressee or due session."""
    page = lib.mandates(
        addressee=addressee, due_session=due_session, limit=at.limit, offset=at.offset
    )
    return paged(page, request, at)


@router.get(SYMBOL, response_model=WorkDetail)
def resolution(symbol: str, lib: Library = Depends(library)) -> WorkDetail:
    """One resolution with all its expressions (languages) and their history."""
    return lib.resolution(symbol)
