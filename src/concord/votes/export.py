"""Votes and analysis results to CSV or Parquet (chosen by the file's suffix)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from concord.errors import ConcordError

FORMATS = (".csv", ".parquet")


def table_format(path: Path) -> str:
    """``csv`` or ``parquet`` from the suffix (``.csv.gz`` is gzipped CSV)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".parquet"]:
        return "parquet"
    if suffixes[-1:] == [".csv"] or suffixes[-2:] == [".csv", ".gz"]:
        return "csv"
    raise ConcordError("unknown table format: use .csv, .csv.gz or .parquet", source=str(path))


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` (its index too when it is named, as for square tables)."""
    fmt = table_format(path)
    keep_index = frame.index.name is not None or not isinstance(frame.index, pd.RangeIndex)
    out = frame.reset_index() if keep_index else frame
    out.columns = [str(c) for c in out.columns]
    try:
        if fmt == "parquet":
            out.to_parquet(path, index=False)
        else:
            out.to_csv(path, index=False)
    except OSError as exc:
        raise ConcordError(f"cannot write: {exc.strerror or exc}", source=str(path)) from exc
    return path


def read_table(path: Path) -> pd.DataFrame:
    """A table written by :func:`write_table`."""
    if not path.is_file():
        raise ConcordError("file not found", source=str(path))
    if table_format(path) == "parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, keep_default_na=False, na_values=[""])
