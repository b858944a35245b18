"""The ``concord`` command line.

Each area registers its own sub-commands (``register(subparsers)`` in its ``cli``
module); this module only wires them and turns every :class:`ConcordError` into one line
on standard error and a non-zero exit — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from concord import __version__
from concord.errors import ConcordError

# Modules that add sub-commands, in the order they appear in ``--help``, with the
# commands each adds: a command imports only its own module, so ``concord parse`` does not
# pay for the database layer or pandas.
COMMAND_MODULES = (
    "concord.read.cli",
    "concord.library.cli",
    "concord.votes.cli",
)
COMMANDS = {
    "parse": "concord.read.cli",
    "summary": "concord.read.cli",
    "ingest": "concord.library.cli",
    "search": "concord.library.cli",
    "show": "concord.library.cli",
    "cites": "concord.library.cli",
    "cited-by": "concord.library.cli",
    "db": "concord.library.cli",
    "serve": "concord.library.cli",
    "demo": "concord.library.cli",
    "votes": "concord.votes.cli",
}


def _modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The one module the command needs, or all of them (for ``--help`` and mistakes)."""
    command = next((a for a in argv if not a.startswith("-")), None)
    if command in COMMANDS:
        return (COMMANDS[command],)
    return COMMAND_MODULES


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (only the modules its command needs), or for every command."""
    parser = argparse.ArgumentParser(
        prog="concord",
        description="Read UN resolutions into one linked, searchable record.",
    )
    parser.add_argument("--version", action="version", version=f"concord {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if argv is None else _modules_for(argv):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise  # a real missing dependency inside the module, not the module itself
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ConcordError as exc:
        print(f"concord: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("concord: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
