"""What every route needs: the library, and the filters a request gives."""

from __future__ import annotations

from fastapi import Query, Request

from concord.library.core import Library
from concord.library.filters import Filters


def library(request: Request) -> Library:
    """The library this service answers from."""
    lib: Library = request.app.state.library
    return lib


def work_filters(
    body: str | None = Query(None, description="adopting body: HRC, GA, ..."),
    session_from: int | None = Query(None, description="lowest session"),
    session_to: int | None = Query(None, description="highest session"),
    year_from: int | None = Query(None, description="earliest year of adoption"),
    year_to: int | None = Query(None, description="latest year of adoption"),
    language: str | None = Query(None, description="ISO 639-1 code of a text, e.g. zh"),
    cites: str | None = Query(None, description="cites this resolution or instrument (70/1, UDHR)"),
    voted_state: str | None = Query(None, description="ISO 3166-1 alpha-3 code of a State"),
    voted_position: str | None = Query(None, description="how it voted: yes, no, abstain"),
) -> Filters:
    """Filters on resolutions."""
    voted = (voted_state, voted_position or "yes") if voted_state else None
    return Filters(
        body=body,
        session_from=session_from,
        session_to=session_to,
        year_from=year_from,
        year_to=year_to,
        language=language,
        cites=cites,
        voted=voted,
    ).checked()
