#!/usr/bin/env bash
# The main job on the bundled sample corpus: read every sample and print a table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/concord summary "$@"
