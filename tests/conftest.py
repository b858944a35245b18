"""Shared fixtures: where the real data lives.

The shared data folder sits beside the checkout (``../shared``); ``CONCORD_SHARED`` points
elsewhere. Tests that need data under non-commercial terms skip, with the reason, where it
is absent: that data is never copied into the repository.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The library's store fixtures (sqlite_url, postgres_url, store_url, library) for every test.
pytest_plugins = ["fixtures.library.stores"]

# A PostgreSQL library keeps its search index in the user's cache: the tests' go to a
# folder of their own (subprocesses inherit it), removed at the end.
os.environ["CONCORD_SEARCH_CACHE"] = tempfile.mkdtemp(prefix="concord-search-")
atexit.register(shutil.rmtree, os.environ["CONCORD_SEARCH_CACHE"], ignore_errors=True)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "concord" / "samples"


def shared_dir() -> Path:
    return Path(os.environ.get("CONCORD_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path} (set CONCORD_SHARED)")
    return path


@pytest.fixture(scope="session")
def shared_data(shared: Path) -> Path:
    return shared / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
