"""The reader's constructors for the model objects it builds by the dozen.

A frozen dataclass's ``__init__`` is Python that sets each field through
``object.__setattr__``: about 2.5 us for a :class:`Paragraph`, and a document holds some
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
from typing import Final

from concord.model.resolution import (
    Footnote,
    Paragraph,
    ParagraphKind,
    Reference,
    ReferenceKind,
    Span,
)

_Setter = Callable[[object, object], None]


def _setters(cls: type) -> tuple[_Setter, ...]:
    """The slot setters of ``cls``'s fields, in the order of its fields."""
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


_NEW: Final = object.__new__
_PARAGRAPH: Final = _setters(Paragraph)
_REFERENCE: Final = _setters(Reference)
_FOOTNOTE: Final = _setters(Footnote)


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
) -> Paragraph:
    """``Paragraph(...)``, every field given."""
    obj: Paragraph = _NEW(Paragraph)
    s = _PARAGRAPH
    s[0](obj, id)
    s[1](obj, kind)
    s[2](obj, num)
    s[3](obj, intro)
    s[4](obj, intro_key)
    s[5](obj, text)
    s[6](obj, span)
    s[7](obj, subparagraphs)
    s[8](obj, footnotes)
    return obj


def reference(kind: ReferenceKind, target: str, text: str, in_: str, span: Span) -> Reference:
    """``Reference(...)``, every field given."""
    obj: Reference = _NEW(Reference)
    s = _REFERENCE
    s[0](obj, kind)
    s[1](obj, target)
    s[2](obj, text)
    s[3](obj, in_)
    s[4](obj, span)
    return obj


def footnote(marker: str, text: str, span: Span, cited_in: tuple[str, ...]) -> Footnote:
    """``Footnote(...)``, every field given."""
    obj: Footnote = _NEW(Footnote)
    s = _FOOTNOTE
    s[0](obj, marker)
    s[1](obj, text)
    s[2](obj, span)
    s[3](obj, cited_in)
    return obj
