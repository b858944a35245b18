"""The sample library: the bundled samples, plus the HRC English texts where the shared
data folder sits beside the checkout (so HRC 37/23 has its Chinese and English texts)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from concord.library.core import Library
from concord.library.ingest import Summary

SHARED_ENV = "CONCORD_SHARED"
HRC_PATTERN = "A_HRC_RES_*.txt"


def samples_dir() -> Path:
    """The samples bundled with Concord."""
    return Path(str(resources.files("concord") / "samples"))


def shared_hrc_texts() -> list[Path]:
    """The HRC English texts in ``../shared`` (or ``$CONCORD_SHARED``), if present.

    They are under non-commercial terms, so they are read from there, never bundled.
    """
    checkout = Path(__file__).resolve().parents[3]
    shared = Path(os.environ.get(SHARED_ENV) or checkout.parent / "shared")
    folder = shared / "data" / "resolutions" / "en"
    return sorted(folder.glob(HRC_PATTERN)) if folder.is_dir() else []


def build_demo(lib: Library) -> Summary:
    """Ingest the samples (and the shared HRC texts) into ``lib``; one summary for both."""
    paths = [samples_dir(), *shared_hrc_texts()]
    return lib.ingest([p for p in paths if p.exists()], progress=None)
