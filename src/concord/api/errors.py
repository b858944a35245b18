"""One error shape for every failure: ``{"error": {"status", "message", "source"}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from concord.errors import ConcordError


def error_response(status: int, message: str, source: str | None = None) -> JSONResponse:
    """The JSON answer for an error."""
    body = {"error": {"status": status, "message": message, "source": source}}
    return JSONResponse(body, status_code=status)


async def _concord(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConcordError)
    return error_response(exc.status, exc.message, exc.source)


async def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.detail))


async def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(x) for x in first.get("loc", ()))
    return error_response(422, f"{where}: {first.get('msg', 'invalid request')}")


def install(app: FastAPI) -> None:
    """Render every error of ``app`` as JSON with its status."""
    app.add_exception_handler(ConcordError, _concord)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
