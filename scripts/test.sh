#!/usr/bin/env bash
# The whole test suite: lint (ruff), types (mypy), tests (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check setup.py src tests bench tools
.venv/bin/ruff format --check setup.py src tests bench tools
.venv/bin/mypy
.venv/bin/pytest -n 2 "$@"
