"""Helpers the loaders share: reading a table safely, turning names and codes into ISO3."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from concord.errors import ConcordError
from concord.votes.states import StateDirectory
from concord.votes.table import map_values


def need_file(path: Path) -> Path:
    """``path`` when it is a file; a :class:`ConcordError` naming it otherwise."""
    if not path.is_file():
        raise ConcordError("file not found", source=str(path))
    return path


def read_csv(path: Path, required: Iterable[str]) -> pd.DataFrame:
    """A CSV as strings (nothing read as missing but empty cells), checking its columns."""
    try:
        frame = pd.read_csv(need_file(path), dtype="str", keep_default_na=False)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ConcordError(f"cannot read as CSV: {exc}", source=str(path)) from exc
    check_columns(frame, required, path)
    return frame


def check_columns(frame: pd.DataFrame, required: Iterable[str], path: Path) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ConcordError(
            f"unexpected column layout: missing {', '.join(missing)} "
            f"(found {', '.join(map(str, frame.columns[:12]))})",
            source=str(path),
        )


def resolve_states(
    codes: pd.Series,
    names: pd.Series,
    lookup: Callable[[str, str], str | None],
) -> tuple[pd.Series, Counter[str]]:
    """ISO3 per row from (code, name) pairs, resolved once per distinct pair.

    Returns the codes (missing where nothing resolved) and the unresolved names with their
    row counts.
    """
    combined = codes.fillna("").astype("str") + "\x1f" + names.fillna("").astype("str")
    index, uniques = pd.factorize(combined)
    found = {u: lookup(*str(u).split("\x1f", 1)) for u in uniques}
    iso3 = map_values(combined, found)
    misses = np.bincount(index, minlength=len(uniques))
    unresolved: Counter[str] = Counter()
    for u, count in zip(uniques, misses, strict=True):
        if found[u] is None:
            code, name = str(u).split("\x1f", 1)
            unresolved[name or code] += int(count)
    return iso3, unresolved


def iso3_or_name(directory: StateDirectory) -> Callable[[str, str], str | None]:
    """Lookup taking an alpha-3 code when the directory knows it, else the name."""

    def lookup(code: str, name: str) -> str | None:
        code = code.strip().upper()
        if code and directory.is_code(code):
            return code
        return directory.resolve(name) if name.strip() else None

    return lookup
