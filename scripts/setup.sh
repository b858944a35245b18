#!/usr/bin/env bash
# Creates .venv (once) and installs Concord with its development tools into it. The reader
# is compiled with mypyc (see setup.py): it is built again when the project's settings or
# one of the compiled modules changed since the last install, so that no build is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.concord-installed
stale() {
    [ ! -f "$stamp" ] && return 0
    for f in pyproject.toml setup.py $(grep -o '"src/concord/[a-z_/]*\.py"' setup.py | tr -d '"'); do
        [ "$f" -nt "$stamp" ] && return 0
    done
    return 1
}
if stale; then
    echo "setup: installing Concord (compiling the reader takes a minute or two)" >&2
    # Stamped as of the start: a module edited during the build is built again next time.
    touch "$stamp.next"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    mv "$stamp.next" "$stamp"
    # pip keeps the build's own messages to itself: say which reader was installed.
    .venv/bin/python -c 'import concord.read.parse as p, sys; sys.exit(p.__file__.endswith(".py"))' \
        || echo "setup: the reader is installed as pure Python (no C compiler, or mypyc failed: pip install -v -e . says why)" >&2
fi
