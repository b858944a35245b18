"""Full-text search over paragraphs in every language."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Query, Request

from concord.api.deps import library, work_filters
from concord.api.paging import Paged, Paging, paged, paging
from concord.library.core import Library
from concord.library.filters import Filters
from concord.library.results import Hit

router = APIRouter(tags=["search"])


@router.get("/search", response_model=Paged[Hit])
def search(
    request: Request,
    q: str = Query(..., min_length=1, description='words, Chinese terms, "quoted phrases"'),
    kind: str | None = Query(None, description="preamble, operative or annex"),
    key: str | None = Query(None, description="opening-phrase key, e.g. requests"),
    filters: Filters = Depends(work_filters),
    at: Paging = Depends(paging),
    lib: Library = Depends(library),
) -> Paged[Hit]:
    """Paragraphs matching every term, best first; snippets mark matches with <mark>."""
    wanted = replace(filters, kind=kind, intro_key=key).checked()
    page = lib.search(q, wanted, limit=at.limit, offset=at.offset, mark=("<mark>", "</mark>"))
    return paged(page, request, at)
