"""Concord's HTTP API: the library as a documented, read-only JSON service."""

from __future__ import annotations

from concord.api.app import create_app

__all__ = ["create_app"]
