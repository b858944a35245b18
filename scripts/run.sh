#!/usr/bin/env bash
# The main job: build the library from the bundled sample corpus in the embedded SQLite
# store and serve it over HTTP (the address is printed; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/concord demo "$@"
