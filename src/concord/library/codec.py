"""Resolutions to JSON and back, losslessly: the ``document`` kept with each expression.

A generic walk over the model's frozen dataclasses (field names as they are), so the
model objects a user gets back from the library are exactly those that were stored.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from concord.model.resolution import Resolution

T = TypeVar("T")


def to_json(resolution: Resolution) -> str:
    """``resolution`` as compact JSON text."""
    return json.dumps(_encode(resolution), ensure_ascii=False, separators=(",", ":"))


def from_json(data: str) -> Resolution:
    """The :class:`Resolution` that :func:`to_json` wrote."""
    return _decode(Resolution, json.loads(data))  # type: ignore[no-any-return]


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _decode(inner[0], value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        return tp(**{k: _decode(hints[k], v) for k, v in value.items() if k in hints})
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    return value
