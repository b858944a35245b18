"""Concord's own columnar vote cache: a few Parquet files and a JSON manifest.

The folder is ``$CONCORD_DATA/votes`` when ``CONCORD_DATA`` is set, else
``$XDG_DATA_HOME/concord/votes`` (``~/.local/share/concord/votes``). It holds:

================================= =========================================================
``manifest.json``                 format, loader version, when, and per source: files with
                                  SHA-256 and size, licence, rows, names not resolved
``roll_calls.parquet``            one row per roll call (with ``key`` and ``canonical``)
``votes.parquet``                 ``rc`` (row in roll_calls) int32, ``state`` (row in
                                  states) int16, ``code`` int8 — the matrix's non-zero cells
``states.parquet``                ISO3 code and regional group per matrix column
``tallies.parquet`` …             the consistency tables (:mod:`concord.votes.consistency`)
================================= =========================================================

Reading it back is a few column reads and one scatter into the dense matrix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from concord.errors import ConcordError
from concord.votes.data import CHECKS, VoteData
from concord.votes.files import FileRecord
from concord.votes.matrix import VoteMatrix

FORMAT = 2
MANIFEST = "manifest.json"


def default_dir() -> Path:
    """Where the vote cache lives unless told otherwise (see the module docstring)."""
    root = os.environ.get("CONCORD_DATA")
    if root:
        return Path(root).expanduser() / "votes"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg).expanduser() / "concord" / "votes"


def file_info(path: Path) -> dict[str, Any]:
    """Path, size and SHA-256 of a source file."""
    return FileRecord.of(path).as_dict()


def write(data: VoteData, folder: Path) -> Path:
    """Write ``data`` into ``folder`` (created if needed); returns the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    roll_calls = data.roll_calls.reset_index(drop=True)
    pq.write_table(
        pa.Table.from_pandas(roll_calls, preserve_index=False), folder / "roll_calls.parquet"
    )
    r, c = np.nonzero(data.matrix.codes)
    cells = pa.table(
        {
            "rc": pa.array(r.astype(np.int32)),
            "state": pa.array(c.astype(np.int16)),
            "code": pa.array(data.matrix.codes[r, c]),
        }
    )
    pq.write_table(cells, folder / "votes.parquet", compression="zstd")
    states = pd.DataFrame(
        {"state": list(data.states), "region_group": [data.groups.get(s) for s in data.states]}
    )
    pq.write_table(pa.Table.from_pandas(states, preserve_index=False), folder / "states.parquet")
    for name in CHECKS:
        table = pa.Table.from_pandas(data.check(name), preserve_index=False)
        pq.write_table(table, folder / f"{name}.parquet")
    manifest = folder / MANIFEST
    manifest.write_text(json.dumps(dict(data.manifest), indent=2, ensure_ascii=False) + "\n")
    return manifest


def read(folder: Path | None = None) -> VoteData:
    """The cached votes; :class:`ConcordError` when there is no cache yet."""
    folder = folder or default_dir()
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise ConcordError(
            "no vote data imported yet: run `concord votes import`", source=str(folder)
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ConcordError(
            "vote cache from another version: run `concord votes import` again", source=str(folder)
        )
    roll_calls = pq.read_table(folder / "roll_calls.parquet").to_pandas()
    roll_calls["date"] = roll_calls["date"].astype("datetime64[s]")  # Parquet keeps ms
    states = pq.read_table(folder / "states.parquet").to_pandas()
    cells = pq.read_table(folder / "votes.parquet")
    matrix = VoteMatrix.from_cells(
        cells.column("rc").to_numpy(),
        cells.column("state").to_numpy(),
        cells.column("code").to_numpy(),
        len(roll_calls),
        states["state"].tolist(),
    )
    groups = {
        s: g
        for s, g in zip(states["state"], states["region_group"], strict=True)
        if isinstance(g, str)
    }
    checks = {name: _lazy(folder / f"{name}.parquet") for name in CHECKS}
    return VoteData(roll_calls, matrix, groups, {**manifest, "cache": str(folder)}, checks)


def _lazy(path: Path) -> Any:
    def load() -> pd.DataFrame:
        return pq.read_table(path).to_pandas()

    return load
