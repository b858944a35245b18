"""Concord reads UN resolutions into one linked, searchable record."""

from __future__ import annotations

__version__ = "0.1.0"
