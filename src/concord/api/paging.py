"""Pages of answers over HTTP: items, total, and the link to the next page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import Query, Request

from concord.library.results import Page

T = TypeVar("T")

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: int = Query(20, ge=1, le=MAX_LIMIT, description="items per page"),
    offset: int = Query(0, ge=0, description="items to skip"),
) -> Paging:
    """The ``limit`` and ``offset`` of a request."""
    return Paging(limit, offset)


@dataclass(frozen=True)
class Paged(Generic[T]):
    """A page: ``items``, the ``total`` that match, and the ``next`` page's URL."""

    items: list[T]
    total: int | None
    limit: int
    offset: int
    next: str | None


def paged(page: Page[T], request: Request, at: Paging) -> Paged[T]:
    """``page`` with a link to the following one when there is more."""
    more = page.total is not None and at.offset + len(page.items) < page.total
    following = None
    if more:
        following = str(
            request.url.include_query_params(offset=at.offset + at.limit, limit=at.limit)
        )
    return Paged(page.items, page.total, at.limit, at.offset, following)
