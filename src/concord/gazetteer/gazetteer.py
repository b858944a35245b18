"""Resolve names of States to ISO 3166-1 alpha-3 codes, and answer questions about them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from concord.gazetteer.normalise import normalise_name
from concord.gazetteer.state import STATUSES, State, Status

__all__ = ["DATA_FILE", "Gazetteer", "default_gazetteer"]

#: The bundled data file, written by ``tools/build_gazetteer.py``.
DATA_FILE = "gazetteer.json"

Form = Literal["short", "formal"]
#: One name to index: (code, language, name).
NameEntry = tuple[str, str, str]
K = TypeVar("K", str, int)


class Gazetteer:
    """Member, observer and former States of the UN with their names in six languages.

    ``resolve`` is a dictionary lookup of ``normalise_name(name)``; the index is built once,
    on first use. A name that two States share is left out of the index, so it resolves to
    ``None`` rather than to a guess.
    """

    def __init__(self, states: Iterable[State], aliases: Iterable[NameEntry] = ()) -> None:
        self._states: dict[str, State] = {s.code: s for s in sorted(states, key=lambda s: s.code)}
        self._aliases = tuple(aliases)
        self._alpha2 = _unique_codes((s.alpha2, s.code) for s in self._states.values())
        self._m49 = _unique_codes((s.m49, s.code) for s in self._states.values())

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read a data file as written by ``tools/build_gazetteer.py`` (default: bundled)."""
        source = Path(path) if path is not None else Path(__file__).with_name("data") / DATA_FILE
        return cls.from_dict(json.loads(source.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Gazetteer:
        """Build from the parsed data file: ``{"states": [{...}, ...]}``."""
        states = [_state_from_record(record) for record in data["states"]]
        aliases = [
            (record["code"], lang, alias)
            for record in data["states"]
            for lang, names in sorted(record.get("aliases", {}).items())
            for alias in names
        ]
        return cls(states, aliases)

    @cached_property
    def _index(self) -> dict[str, str]:
        """Normalised name -> code, without the keys that point to more than one State."""
        index: dict[str, str] = {}
        shared: set[str] = set()
        for code, lang, name in self._entries():
            key = normalise_name(name, lang)
            if index.setdefault(key, code) != code:
                shared.add(key)
        for key in shared:
            del index[key]
        return index

    def _entries(self) -> Iterable[NameEntry]:
        for state in self._states.values():
            for lang, (short, formal) in state.names.items():
                yield state.code, lang, short
                yield state.code, lang, formal
        yield from self._aliases

    def resolve(self, name: str, lang: str | None = None) -> str | None:
        """The alpha-3 code of the State called ``name``, or ``None`` if unknown or ambiguous.

        ``lang`` (ISO 639-1) is a hint for normalising, e.g. ``"zh"`` drops all spaces.

        >>> default_gazetteer().resolve("大韩民国")
        'KOR'
        >>> default_gazetteer().resolve("Timor- Leste")
        'TLS'
        >>> default_gazetteer().resolve("Korea") is None
        True
        """
        return self._index.get(normalise_name(name, lang))

    def resolve_many(self, names: Iterable[str], lang: str | None = None) -> list[str | None]:
        """``resolve`` each name, in order."""
        index = self._index
        return [index.get(normalise_name(name, lang)) for name in names]

    def state(self, code: str) -> State:
        """The State with alpha-3 ``code`` (any case); ``KeyError`` if there is none."""
        try:
            return self._states[code.upper()]
        except KeyError:
            raise KeyError(f"no State with code {code!r}") from None

    def name(self, code: str, lang: str = "en", form: Form = "short") -> str:
        """The UNTERM ``short`` or ``formal`` name of a State in ``lang``.

        ``KeyError`` for an unknown code or a language without a name; ``ValueError`` for a
        form other than ``short`` or ``formal``.
        """
        if form not in ("short", "formal"):
            raise ValueError(f"form must be 'short' or 'formal', not {form!r}")
        short, formal = self.state(code).names[lang]
        return short if form == "short" else formal

    def states(self, members_only: bool = False) -> tuple[State, ...]:
        """All States sorted by code, or only the current Members."""
        return tuple(s for s in self._states.values() if not members_only or s.status == "member")

    def from_alpha2(self, alpha2: str) -> str | None:
        """The alpha-3 code for an ISO 3166-1 alpha-2 code (``"US"`` -> ``"USA"``), or ``None``."""
        return self._alpha2.get(alpha2.strip().upper())

    def from_m49(self, m49: int | str) -> str | None:
        """The alpha-3 code for a UNSD M49 numeric code (``840`` or ``"840"``), or ``None``."""
        try:
            return self._m49.get(int(m49))
        except ValueError:
            return None

    def is_member(self, code: str, on: str | date) -> bool:
        """Whether the State ``code`` was a UN Member on ``on`` (ISO date or ``date``)."""
        return self.state(code).is_member(on)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled data file, loaded once per process."""
    return Gazetteer.load()


def _unique_codes(pairs: Iterable[tuple[K | None, str]]) -> dict[K, str]:
    """Map each key to its code, skipping missing keys; two States may not share a key."""
    mapping: dict[K, str] = {}
    for key, code in pairs:
        if key is None:
            continue
        if mapping.setdefault(key, code) != code:
            raise ValueError(f"{key!r} is the code of both {mapping[key]} and {code}")
    return mapping


def _state_from_record(record: Mapping[str, Any]) -> State:
    status: Status = record["status"]
    if status not in STATUSES:
        raise ValueError(f"{record['code']}: unknown status {status!r}")
    names = {lang: (pair[0], pair[1]) for lang, pair in sorted(record["names"].items())}
    return State(
        code=record["code"],
        alpha2=record.get("alpha2"),
        m49=record.get("m49"),
        status=status,
        names=MappingProxyType(names),
        admitted=record.get("admitted"),
        left=record.get("left"),
        successor=record.get("successor"),
        predecessors=tuple(record.get("predecessors", ())),
        region_group=record.get("region_group"),
        gaps=tuple((start, until) for start, until in record.get("gaps", ())),
        note=record.get("note", ""),
    )
