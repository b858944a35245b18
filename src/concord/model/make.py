"""The reader's constructors for the model objects it builds by the dozen.

A frozen dataclass's ``__init__`` is Python that sets each field through
``object.__setattr__``: about 2.8 us for a :class:`Paragraph`, and a document holds some
25 paragraphs, 20 references and 7 footnotes. This module is compiled (see setup.py) and
sets each field through its slot's own descriptor, which the frozen class's
``__setattr__`` does not stand in front of: the same object in about 1 us. Each maker
takes every field, in the class's order, and makes the object the class's constructor
would make (the classes made here have no ``__post_init__``); a test makes each class
both ways and compares them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Final, TypeVar

from concord.model.resolution import (
    Footnote,
    Paragraph,
    ParagraphKind,
    Reference,
    ReferenceKind,
    Span,
)

_Setter = Callable[[object, object], None]
T = TypeVar("T")


def _setters(cls: type) -> tuple[_Setter, ...]:
    """The slot setters of ``cls``'s fields, in the order of its fields."""
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


_NEW: Final = object.__new__
_PARAGRAPH: Final = _setters(Paragraph)
_REFERENCE: Final = _setters(Reference)
_FOOTNOTE: Final = _setters(Footnote)


def _fill(cls: type[T], setters: tuple[_Setter, ...], values: tuple[object, ...]) -> T:
    """A new ``cls`` with each field set, through its setter, to its value."""
    obj: T = _NEW(cls)
    # Not zip(strict=True): mypyc compiles a plain zip to a loop over both tuples, and the
    # strict one, a Python call, costs 5% of a whole read. The lengths are fixed, and
    # tests/test_model_make.py checks every field is set.
    for setter, value in zip(setters, values):  # noqa: B905
        setter(obj, value)
    return obj


def paragraph(
    id: str,
    kind: ParagraphKind,
    num: str | None,
    intro: str | None,
    intro_key: str | None,
    text: str,
    span: Span,
    subparagraphs: tuple[Paragraph, ...],
    footnotes: tuple[str, ...],
    heading: str | None,
) -> Paragraph:
    """``Paragraph(...)``, every field given."""
    values = (id, kind, num, intro, intro_key, text, span, subparagraphs, footnotes, heading)
    return _fill(Paragraph, _PARAGRAPH, values)


def reference(kind: ReferenceKind, target: str, text: str, in_: str, span: Span) -> Reference:
    """``Reference(...)``, every field given."""
    return _fill(Reference, _REFERENCE, (kind, target, text, in_, span))


def footnote(marker: str, text: str, span: Span, cited_in: tuple[str, ...]) -> Footnote:
    """``Footnote(...)``, every field given."""
    return _fill(Footnote, _FOOTNOTE, (marker, text, span, cited_in))
