"""Which files an ingest reads, and what a manifest beside them says about each.

A text without its heading (the English HRC samples start at their first paragraph)
takes its symbol, language and date from ``MANIFEST.csv`` in its folder (columns
``file``, ``symbol``, ``lang`` or ``language``, ``date`` or ``adopted_on``) or from the
command's options — never from guessing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from concord.errors import ConcordError
from concord.formats import SUPPORTED_SUFFIXES

MANIFEST = "MANIFEST.csv"


@dataclass(frozen=True, slots=True)
class Hints:
    """What is known of a document before reading it."""

    symbol: str | None = None
    language: str | None = None
    adopted_on: str | None = None

    def over(self, other: Hints) -> Hints:
        """These hints, falling back on ``other`` where unset."""
        return Hints(
            self.symbol or other.symbol,
            self.language or other.language,
            self.adopted_on or other.adopted_on,
        )


@dataclass(frozen=True, slots=True)
class Job:
    """One file to read, with its hints (and its bytes, when they came over the wire)."""

    path: Path
    hints: Hints = Hints()
    data: bytes | None = None


def load_manifest(folder: Path) -> dict[str, Hints]:
    """Hints per file name from ``folder/MANIFEST.csv`` (empty when there is none)."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConcordError(f"cannot read manifest: {exc}", str(path)) from exc
    hints: dict[str, Hints] = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            hints[name] = Hints(
                (row.get("symbol") or "").strip() or None,
                (row.get("lang") or row.get("language") or "").strip() or None,
                (row.get("date") or row.get("adopted_on") or "").strip() or None,
            )
    return hints


def _in_folder(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def collect(paths: list[Path], options: Hints = Hints()) -> list[Job]:
    """The files under ``paths`` (files and folders), each with its hints.

    Options given on the command line win over the manifest.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(_in_folder(path))
        elif path.is_file():
            files.append(path)
        else:
            raise ConcordError("no such file or folder", str(path), status=404)
    manifests: dict[Path, dict[str, Hints]] = {}
    jobs = []
    for file in dict.fromkeys(files):
        folder = file.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder)
        jobs.append(Job(file, options.over(manifests[folder].get(file.name, Hints()))))
    return jobs
