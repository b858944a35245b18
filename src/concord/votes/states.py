"""Names and codes of States, through the gazetteer.

Loaders see names and codes in many forms ("United States", "US", "BYELORUSSIAN SSR",
"GER"). They turn them into ISO 3166-1 alpha-3 through a :class:`StateDirectory`: the
project's gazetteer (:mod:`concord.gazetteer`) when it is installed, else a small fallback
read from the shared country-code table, which knows current States, the historical States
that voted in the UN, and no membership dates (the observed span of a State's votes stands
in for them; see :mod:`concord.votes.membership`).
"""

from __future__ import annotations

import csv
import importlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

Period = tuple[date | None, date | None]
"""A membership period: first day a Member, first day no longer one (``None``: open)."""

REGION_GROUPS = ("AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG")

# Codes and names of States that no longer exist, and old names of existing ones.
HISTORICAL_ALPHA2 = {"SU": "SUN", "CS": "CSK", "DD": "DDR", "YD": "YMD", "YU": "YUG"}
HISTORICAL_NAMES = {
    "union of soviet socialist republics": "SUN",
    "ussr": "SUN",
    "yugoslavia": "YUG",
    "serbia and montenegro": "SCG",
    "czechoslovakia": "CSK",
    "german democratic republic": "DDR",
    "federal republic of germany": "DEU",
    "germany federal republic of": "DEU",
    "yemen arab republic": "YAR",
    "north yemen": "YAR",
    "zanzibar": "ZAN",
    "democratic yemen": "YMD",
    "yemen people s republic": "YMD",
    "byelorussian ssr": "BLR",
    "byelorussian soviet socialist republic": "BLR",
    "ukrainian ssr": "UKR",
    "ukrainian soviet socialist republic": "UKR",
    "zaire": "COD",
    "burma": "MMR",
    "swaziland": "SWZ",
    "turkey": "TUR",
    "czech republic": "CZE",
    "russia": "RUS",
    "united states": "USA",
    "united kingdom": "GBR",
}
HISTORICAL_CODES = frozenset({"SUN", "CSK", "DDR", "YAR", "YMD", "YUG", "SCG", "ZAN", "TWN"})


class StateDirectory(Protocol):
    """What the vote loaders and analyses need to know about States."""

    def resolve(self, name: str) -> str | None:
        """ISO 3166-1 alpha-3 code of a State's name, or ``None``."""

    def from_alpha2(self, code: str) -> str | None:
        """ISO alpha-3 code for an alpha-2 code (historical ones too), or ``None``."""

    def is_code(self, code: str) -> bool:
        """True when ``code`` is the alpha-3 code of a known State."""

    def periods(self, code: str) -> tuple[Period, ...] | None:
        """UN membership periods of a State (``()``: never a Member; ``None``: unknown)."""

    def region_group(self, code: str) -> str | None:
        """UN regional group (one of :data:`REGION_GROUPS`), or ``None``."""


def name_key(name: str) -> str:
    """A name as compared: no accents, lower case, no articles or punctuation."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ").replace("(the)", " ")
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"^the ", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def group_key(name: str | None) -> str | None:
    """A regional group's name as one of :data:`REGION_GROUPS` (``None`` if none fits)."""
    if not name:
        return None
    text = name_key(name).upper().replace(" ", "_")
    for prefix, group in (
        ("AFRICA", "AFRICAN"),
        ("ASIA", "ASIA_PACIFIC"),
        ("EASTERN", "EEG"),
        ("EEG", "EEG"),
        ("LATIN", "GRULAC"),
        ("GRULAC", "GRULAC"),
        ("WESTERN", "WEOG"),
        ("WEOG", "WEOG"),
    ):
        if text.startswith(prefix):
            return group
    return None


@dataclass
class FallbackDirectory:
    """A directory from a name table; used only when the gazetteer is not installed."""

    names: dict[str, str] = field(default_factory=dict)
    alpha2: dict[str, str] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.names = {**{name_key(k): v for k, v in self.names.items()}, **HISTORICAL_NAMES}
        self.alpha2 = {**self.alpha2, **HISTORICAL_ALPHA2}
        self.codes = set(self.codes) | HISTORICAL_CODES | set(self.names.values())

    def resolve(self, name: str) -> str | None:
        key = name_key(name)
        if key.upper() in self.codes:
            return key.upper()
        return self.names.get(key)

    def from_alpha2(self, code: str) -> str | None:
        return self.alpha2.get(code.strip().upper())

    def is_code(self, code: str) -> bool:
        return code in self.codes

    def periods(self, code: str) -> tuple[Period, ...] | None:
        return None

    def region_group(self, code: str) -> str | None:
        return None


NAME_COLUMNS = (
    "official_name_en",
    "UNTERM English Short",
    "UNTERM English Formal",
    "CLDR display name",
    "ISO4217-currency_country_name",
)


def fallback_from_country_codes(path: Path) -> FallbackDirectory:
    """A fallback directory from the datasets/country-codes CSV (shared data)."""
    names: dict[str, str] = {}
    alpha2: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = (row.get("ISO3166-1-Alpha-3") or "").strip()
            if not code:
                continue
            alpha2[(row.get("ISO3166-1-Alpha-2") or "").strip()] = code
            for column in NAME_COLUMNS:
                value = (row.get(column) or "").replace(" *", "").strip()
                if value:
                    names[value] = code
    return FallbackDirectory(names=names, alpha2=alpha2, codes=set(alpha2.values()))


class GazetteerDirectory:
    """The project's gazetteer seen through :class:`StateDirectory`."""

    def __init__(self, gazetteer: Any) -> None:
        self._g = gazetteer

    def resolve(self, name: str) -> str | None:
        code = self._g.resolve(name)
        return str(code) if code else HISTORICAL_NAMES.get(name_key(name))

    def from_alpha2(self, code: str) -> str | None:
        found = _quiet(lambda: self._g.from_alpha2(code))
        return str(found) if found else HISTORICAL_ALPHA2.get(code.strip().upper())

    def _state(self, code: str) -> Any:
        return _quiet(lambda: self._g.state(code))

    def is_code(self, code: str) -> bool:
        return self._state(code) is not None

    def periods(self, code: str) -> tuple[Period, ...] | None:
        state = self._state(code)
        if state is None:
            return None
        if getattr(state, "admitted", None) is None:
            return ()
        start, end = _as_date(state.admitted), _as_date(getattr(state, "left", None))
        out: list[Period] = []
        for gap_start, gap_end in sorted(getattr(state, "gaps", ())):
            out.append((start, _as_date(gap_start)))
            start = _as_date(gap_end)
        out.append((start, end))
        return tuple(out)

    def region_group(self, code: str) -> str | None:
        return group_key(getattr(self._state(code), "region_group", None))


def _quiet(call: Any) -> Any:
    try:
        return call()
    except (KeyError, LookupError, ValueError):
        return None


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def default_directory(shared: Path | None = None) -> StateDirectory:
    """The gazetteer when installed, else the fallback read from ``shared`` (if given)."""
    try:
        factory = getattr(importlib.import_module("concord.gazetteer"), "default_gazetteer", None)
    except ImportError:
        factory = None
    if factory is not None:
        try:
            return GazetteerDirectory(factory())
        except (OSError, ValueError, KeyError):  # gazetteer installed without its data
            pass
    table = shared / "data" / "country_names" / "datasets_country-codes.csv" if shared else None
    if table is not None and table.is_file():
        return fallback_from_country_codes(table)
    return FallbackDirectory()
