"""The reader's constructors (``concord.model.make``) make what the classes' own do."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from dataclasses import FrozenInstanceError, fields

import pytest

from concord.model import Footnote, Paragraph, Reference, make

_SUB = Paragraph("op_1__a", "operative", "(a)", None, None, "sub", (40, 43))
# A distinct value for each field, in the class's order: a maker that sets a field from the
# wrong argument, or leaves one unset, makes an object that differs.
MAKERS: list[tuple[type, Callable[..., object], tuple[object, ...]]] = [
    (
        Paragraph,
        make.paragraph,
        (
            "op_1",
            "operative",
            "1.",
            "Requests",
            "requests",
            "text",
            (3, 9),
            (_SUB,),
            ("1",),
            "Follow-up",
        ),
    ),
    (
        Reference,
        make.reference,
        ("resolution", "A/RES/70/1", "resolution 70/1", "pp_2", (10, 14)),
    ),
    (Footnote, make.footnote, ("1", "note text", (100, 120), ("pp_1", "op_2"))),
]
_IDS = [cls.__name__ for cls, _, _ in MAKERS]


@pytest.mark.parametrize(("cls", "maker", "values"), MAKERS, ids=_IDS)
def test_maker_makes_what_the_class_makes(
    cls: type, maker: Callable[..., object], values: tuple[object, ...]
) -> None:
    assert len(set(map(repr, values))) == len(values) == len(fields(cls))
    quick = maker(*values)
    by_class = cls(*values)
    assert type(quick) is cls
    assert quick == by_class
    assert repr(quick) == repr(by_class)
    assert hash(quick) == hash(by_class)
    assert all(getattr(quick, f.name) == v for f, v in zip(fields(cls), values, strict=True))
    assert pickle.loads(pickle.dumps(quick)) == by_class
    assert copy.deepcopy(quick) == by_class


@pytest.mark.parametrize(("cls", "maker", "values"), MAKERS, ids=_IDS)
def test_quick_objects_stay_frozen(
    cls: type, maker: Callable[..., object], values: tuple[object, ...]
) -> None:
    quick = maker(*values)
    with pytest.raises(FrozenInstanceError):
        quick.span = (0, 1)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("cls", "maker", "values"), MAKERS, ids=_IDS)
def test_maker_takes_every_field(
    cls: type, maker: Callable[..., object], values: tuple[object, ...]
) -> None:
    with pytest.raises(TypeError):
        maker(*values[:-1])
