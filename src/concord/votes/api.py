"""HTTP endpoints under ``/votes``: the same questions as the CLI, as JSON, CSV or pictures.

The data comes through the dependency :func:`vote_data` (the cache in the default folder,
read once); tests and other apps override it with ``app.dependency_overrides``. Errors are
raised as :class:`~concord.errors.ConcordError` and answered as
``{"error": {"status", "message", "source"}}`` by :class:`ErrorRoute`, the same shape as
the rest of Concord's API.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Coroutine
from functools import lru_cache
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from matplotlib.figure import Figure

from concord.errors import ConcordError
from concord.votes import cache, plots, views
from concord.votes.agreement import Variant
from concord.votes.data import CHECKS, VoteData
from concord.votes.selection import Selection


class ErrorRoute(APIRoute):
    """A route answering a :class:`ConcordError` as Concord's JSON error."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except ConcordError as exc:
                body = {
                    "error": {"status": exc.status, "message": exc.message, "source": exc.source}
                }
                return JSONResponse(body, status_code=exc.status)

        return guarded


router = APIRouter(prefix="/votes", tags=["votes"], route_class=ErrorRoute)


@lru_cache(maxsize=1)
def _cached() -> VoteData:
    return cache.read()


def vote_data() -> VoteData:
    """The votes the endpoints answer from (override in tests)."""
    try:
        return _cached()
    except ConcordError as exc:
        raise ConcordError(exc.message, exc.source, status=503) from None


Data = Annotated[VoteData, Depends(vote_data)]


def selection(
    body: str = Query("GA", description="GA, HRC, CHR, SC or all"),
    start: str | None = Query(None, alias="from", description="first year or date"),
    end: str | None = Query(None, alias="to", description="last year or date"),
    issue: str | None = Query(None, description="issue code: hr, me, nu, di, co, ec"),
    source: str | None = Query(None, description="one source only"),
) -> Selection:
    """The roll calls a request asks about."""
    return Selection(None if body.lower() == "all" else body.upper(), start, end, issue, source)


Chosen = Annotated[Selection, Depends(selection)]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (NaN → null, dates → ISO)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    rows = out.astype(object).to_dict(orient="records")
    return [{str(k): _clean(v) for k, v in row.items()} for row in rows]


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def table_response(frame: pd.DataFrame, fmt: str) -> Response:
    if fmt == "csv":
        return Response(frame.to_csv(index=False), media_type="text/csv")
    return JSONResponse({"rows": records(frame), "count": len(frame)})


def picture(fig: Figure, fmt: str) -> Response:
    return Response(plots.render(fig, fmt), media_type=plots.FORMATS.get(fmt, "image/png"))


def states_of(text: str) -> list[str]:
    return [s.strip() for s in text.split(",") if s.strip()]


Format = Annotated[str, Query(pattern="^(json|csv)$", description="json or csv")]


@router.get("/record/{state}", summary="How a State voted on each roll call")
def get_record(state: str, data: Data, chosen: Chosen, format: Format = "json") -> Response:
    frame, counts = views.record_view(data, state, chosen)
    if format == "csv":
        return table_response(frame, format)
    return JSONResponse({"state": state.upper(), "counts": counts, "rows": records(frame)})


@router.get("/agreement", summary="Pairwise agreement of States")
def get_agreement(
    data: Data,
    chosen: Chosen,
    states: str = Query(..., description="ISO3 codes, comma-separated: USA,ISR,CUB"),
    format: Format = "json",
) -> Response:
    result = views.agreement_view(data, states_of(states), chosen)
    if format == "csv":
        return table_response(result.pairs(), format)
    return JSONResponse(
        {
            "states": list(result.states),
            "selection": chosen.describe(),
            "n": result.n.tolist(),
            "identical": [[_clean(v) for v in row] for row in result.identical.tolist()],
            "half": [[_clean(v) for v in row] for row in result.half.tolist()],
            "pairs": records(result.pairs()),
        }
    )


@router.get("/agreement/over-time", summary="Agreement of States per year")
def get_over_time(
    data: Data, chosen: Chosen, states: str = Query(...), format: Format = "json"
) -> Response:
    return table_response(views.over_time_view(data, states_of(states), chosen), format)


@router.get("/similar/{state}", summary="Who votes most like a State (human rights by default)")
def get_similar(
    state: str,
    data: Data,
    chosen: Chosen,
    top: int = Query(10, ge=1, le=250),
    min_votes: int = Query(20, ge=1),
    variant: Variant = "identical",
    format: Format = "json",
) -> Response:
    sel = (
        chosen
        if chosen.issue
        else Selection(chosen.body, chosen.start, chosen.end, "hr", chosen.source)
    )
    return table_response(views.similar_view(data, state, sel, variant, min_votes, top), format)


@router.get("/cohesion", summary="Cohesion (Agreement Index) of groups per year")
def get_cohesion(
    data: Data, chosen: Chosen, groups: str = Query(""), format: Format = "json"
) -> Response:
    return table_response(views.cohesion_view(data, states_of(groups), chosen), format)


@router.get("/ideal-points", summary="One-dimensional ideal points per State and year")
def get_ideal_points(
    data: Data,
    chosen: Chosen,
    states: str = Query("", description="only these States (default: all)"),
    min_votes: int = Query(10, ge=1),
    format: Format = "json",
) -> Response:
    frame = views.ideal_points_view(data, chosen, min_votes)
    wanted = [s.upper() for s in states_of(states)]
    return table_response(frame[frame["state"].isin(wanted)] if wanted else frame, format)


@router.get("/yes-share/{state}", summary="A State's share of yes votes per year by issue")
def get_yes_share(state: str, data: Data, chosen: Chosen, format: Format = "json") -> Response:
    return table_response(views.yes_share_view(data, state, chosen), format)


@router.get("/check", summary="Printed tallies vs lists vs datasets")
def get_check(data: Data, table: str = Query("disagreements"), format: Format = "json") -> Response:
    if table not in CHECKS:
        raise ConcordError(f"unknown check table {table!r}")
    return table_response(data.check(table), format)


@router.get("/plots/heatmap.{fmt}", summary="Agreement heatmap (PNG or SVG)")
def plot_heatmap(
    fmt: str, data: Data, chosen: Chosen, states: str = Query(""), variant: Variant = "identical"
) -> Response:
    result = views.agreement_view(data, states_of(states), chosen)
    return picture(plots.heatmap(result, variant), fmt)


@router.get("/plots/ideal-points.{fmt}", summary="Ideal points over time (PNG or SVG)")
def plot_ideal_points(
    fmt: str,
    data: Data,
    chosen: Chosen,
    states: str = Query("USA,CHN,RUS,IND,BRA"),
    min_votes: int = Query(10, ge=1),
) -> Response:
    frame = views.ideal_points_view(data, chosen, min_votes)
    return picture(plots.ideal_points_chart(frame, states_of(states)), fmt)


@router.get("/plots/yes-share/{state}.{fmt}", summary="Yes-share by issue over time (PNG or SVG)")
def plot_yes_share(state: str, fmt: str, data: Data, chosen: Chosen) -> Response:
    frame = views.yes_share_view(data, state, chosen)
    return picture(plots.yes_share_chart(frame, state), fmt)
