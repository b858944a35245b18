"""``concord votes …``: import the voting datasets and ask them questions.

``concord votes import`` writes every source into the library store (``--db``) and builds
the cache from it. Every analysis reads the cache (see :mod:`concord.votes.cache`), or the
store itself with ``--db``, prints a table, and can write it (``--out`` .csv/.parquet) or
draw it (``--plot`` .png/.svg).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from concord.errors import ConcordError
from concord.votes import cache, views
from concord.votes.agreement import VARIANTS
from concord.votes.codes import HUMAN_RIGHTS
from concord.votes.data import CHECKS, VoteData
from concord.votes.export import write_table
from concord.votes.importer import import_votes
from concord.votes.selection import Selection

DB_HELP = "read this library store (file or URL) instead of the cache"
IMPORT_DB_HELP = "library store to write, file or URL (default: $CONCORD_DB, else the default)"
Handler = Callable[[argparse.Namespace], int]
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def default_shared() -> Path:
    """``$CONCORD_SHARED``, else the ``shared`` folder beside the checkout."""
    env = os.environ.get("CONCORD_SHARED")
    if env:
        return Path(env)
    beside_checkout = Path(__file__).resolve().parents[3].parent / "shared"
    return beside_checkout if beside_checkout.is_dir() else Path.cwd().parent / "shared"


def register(subparsers: SubParsers) -> None:
    """Add ``concord votes`` and its sub-commands."""
    votes = subparsers.add_parser(
        "votes",
        help="UN voting data: import, agreement, cohesion, ideal points, pictures",
        description="Import the UN voting datasets into a local cache and analyse them.",
    )
    commands = votes.add_subparsers(dest="votes_command", metavar="COMMAND")
    votes.set_defaults(func=lambda _args: _usage(votes))
    for build in (_import, _info, _record, _agreement, _over_time, _similar, _cohesion):
        build(commands)
    for build in (_ideal_points, _yes_share, _check, _export):
        build(commands)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _command(
    commands: SubParsers, name: str, help_text: str, func: Handler, db_help: str = DB_HELP
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text
    )
    parser.add_argument("--cache", type=Path, help="cache folder (default: $CONCORD_DATA/votes)")
    parser.add_argument("--db", help=db_help)
    parser.set_defaults(func=func)
    return parser


def _selection_options(parser: argparse.ArgumentParser, issue: str | None = None) -> None:
    parser.add_argument("--body", default="GA", help="GA (default), HRC, CHR, SC or all")
    parser.add_argument("--from", dest="start", help="first year or date (inclusive)")
    parser.add_argument("--to", dest="end", help="last year or date (inclusive)")
    parser.add_argument("--issue", default=issue, help="issue code: hr, me, nu, di, co, ec")
    parser.add_argument("--source", help="one source only (default: the best per roll call)")
    parser.add_argument(
        "--resolutions-only", action="store_true", help="leave out votes on amendments/paragraphs"
    )


def _output_options(parser: argparse.ArgumentParser, plot: bool = False) -> None:
    parser.add_argument("--out", type=Path, help="write the table (.csv, .csv.gz, .parquet)")
    if plot:
        parser.add_argument("--plot", type=Path, help="draw a picture (.png or .svg)")


def selection_of(args: argparse.Namespace) -> Selection:
    body = None if str(args.body).lower() == "all" else str(args.body).upper()
    kinds = ("resolution",) if getattr(args, "resolutions_only", False) else None
    return Selection(body, args.start, args.end, args.issue, args.source, kinds)


def _load(args: argparse.Namespace) -> VoteData:
    if args.db:
        from concord.votes.store import from_library

        return from_library(args.db)
    return cache.read(args.cache)


def _emit(frame: pd.DataFrame, args: argparse.Namespace, limit: int | None = None) -> None:
    shown = frame if limit is None or limit <= 0 else frame.head(limit)
    with pd.option_context("display.width", 200, "display.max_columns", 30):
        print(shown.to_string(float_format=lambda v: f"{v:.3f}"))
    if limit and len(frame) > limit:
        print(f"… {len(frame) - limit} more rows (--limit 0 for all, --out to save)")
    if getattr(args, "out", None):
        write_table(frame, args.out)
        print(f"wrote {args.out}", file=sys.stderr)


def _picture(args: argparse.Namespace, chart: str, *values: Any) -> None:
    """Draw ``plots.<chart>(*values)`` into ``--plot`` (matplotlib loads only then)."""
    if getattr(args, "plot", None):
        from concord.votes import plots

        plots.save(getattr(plots, chart)(*values), args.plot)
        print(f"wrote {args.plot}", file=sys.stderr)


# --- import and info ---------------------------------------------------------------------


def _import(commands: SubParsers) -> None:
    p = _command(
        commands,
        "import",
        "load the voting datasets into the library store, and the cache from it",
        run_import,
        IMPORT_DB_HELP,
    )
    p.add_argument("--shared", type=Path, help="shared data folder (default: ../shared)")
    p.add_argument("--no-shared", action="store_true", help="do not read the shared folder")
    p.add_argument("--dhl", type=Path, action="append", default=[], help="a UN Library voting CSV")
    p.add_argument("--texts", type=Path, action="append", default=[], help="resolution JSON/text")


def run_import(args: argparse.Namespace) -> int:
    shared = None if args.no_shared else (args.shared or default_shared())
    if shared is not None and not shared.is_dir() and args.shared:
        raise ConcordError("shared data folder not found", source=str(shared))
    result = import_votes(shared, args.cache, args.dhl, args.texts, db=args.db)
    for entry in result.data.manifest["sources"]:
        missing = sum(entry["unresolved"].values())
        note = f", {missing} rows with names not resolved" if missing else ""
        counts = f"{entry['roll_calls']:>6} roll calls {entry['rows']:>9} votes"
        change = result.changes.get(entry["source"], "kept")
        print(f"{entry['source']:<11} {counts}  {change:<9}{note}".rstrip())
    for name, change in result.changes.items():
        if change == "removed":
            print(f"{name:<11} removed (no text in the library prints a recorded vote)")
    for note in result.notes:
        print(f"skipped: {note}")
    print(views.check_summary(result.data))
    print(f"store: {result.store}")
    print(f"cache: {result.folder}")
    return 0


def _info(commands: SubParsers) -> None:
    _command(commands, "info", "what the cache holds and where it came from", run_info)


def run_info(args: argparse.Namespace) -> int:
    data = _load(args)
    if data.manifest.get("cache"):
        print(f"cache: {data.manifest.get('cache')} (built {data.manifest.get('created')})")
    if data.manifest.get("store"):
        print(f"store: {data.manifest['store']}")
    for entry in data.manifest.get("sources", []):
        print(
            f"{entry['source']}: {entry['roll_calls']} roll calls, {entry['rows']} votes"
            f" (imported {entry.get('loaded_at')})"
        )
        print(f"  licence: {entry['licence']}")
        for f in entry["files"]:
            size = f"  {f['bytes']} bytes" if f.get("bytes") is not None else ""
            print(f"  {f['path']}  sha256 {f['sha256'][:16]}…{size}")
    return 0


# --- analyses ----------------------------------------------------------------------------


def _record(commands: SubParsers) -> None:
    p = _command(commands, "record", "how a State voted on each roll call", run_record)
    p.add_argument("state", help="ISO 3166-1 alpha-3 code, e.g. USA")
    _selection_options(p)
    _output_options(p)
    p.add_argument("--limit", type=int, default=20, help="rows to print (0: all)")


def run_record(args: argparse.Namespace) -> int:
    frame, counts = views.record_view(_load(args), args.state, selection_of(args))
    print("  ".join(f"{k} {v}" for k, v in counts.items()))
    _emit(frame, args, args.limit)
    return 0


def _agreement(commands: SubParsers) -> None:
    p = _command(commands, "agreement", "pairwise agreement of States", run_agreement)
    p.add_argument("states", nargs="*", metavar="STATE", help="ISO3 codes (default: all)")
    p.add_argument("--variant", choices=VARIANTS, default="identical")
    p.add_argument("--pairs", action="store_true", help="one row per pair, with counts")
    _selection_options(p)
    _output_options(p, plot=True)


def run_agreement(args: argparse.Namespace) -> int:
    result = views.agreement_view(_load(args), args.states, selection_of(args))
    table = result.pairs() if args.pairs else result.table(args.variant).rename_axis("state")
    print(f"agreement ({args.variant}), {selection_of(args).describe()}")
    _emit(table, args)
    _picture(args, "heatmap", result, args.variant)
    return 0


def _over_time(commands: SubParsers) -> None:
    p = _command(commands, "over-time", "agreement of States per year", run_over_time)
    p.add_argument("states", nargs="+", metavar="STATE")
    p.add_argument("--by", choices=("year", "session"), default="year")
    p.add_argument("--variant", choices=VARIANTS, default="identical")
    _selection_options(p)
    _output_options(p, plot=True)


def run_over_time(args: argparse.Namespace) -> int:
    frame = views.over_time_view(_load(args), args.states, selection_of(args), args.by)
    _emit(frame, args)
    _picture(args, "over_time_chart", frame, args.variant)
    return 0


def _similar(commands: SubParsers) -> None:
    p = _command(commands, "similar", "who votes most like a State (human rights)", run_similar)
    p.add_argument("state")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--min-votes", type=int, default=20)
    p.add_argument("--variant", choices=VARIANTS, default="identical")
    _selection_options(p, issue=HUMAN_RIGHTS)
    _output_options(p)


def run_similar(args: argparse.Namespace) -> int:
    frame = views.similar_view(
        _load(args), args.state, selection_of(args), args.variant, args.min_votes, args.top
    )
    print(f"most like {args.state.upper()} ({args.variant}), {selection_of(args).describe()}")
    _emit(frame, args)
    return 0


def _cohesion(commands: SubParsers) -> None:
    p = _command(commands, "cohesion", "cohesion of UN regional groups per year", run_cohesion)
    p.add_argument(
        "groups", nargs="*", metavar="GROUP", help="AFRICAN ASIA_PACIFIC EEG GRULAC WEOG ALL"
    )
    _selection_options(p)
    _output_options(p)


def run_cohesion(args: argparse.Namespace) -> int:
    frame = views.cohesion_view(_load(args), args.groups, selection_of(args))
    _emit(frame.pivot(index="year", columns="group", values="cohesion"), args)
    return 0


def _ideal_points(commands: SubParsers) -> None:
    p = _command(commands, "ideal-points", "one-dimensional ideal points per year", run_ideal)
    p.add_argument("states", nargs="*", metavar="STATE", help="States to show (default: all)")
    p.add_argument("--min-votes", type=int, default=10)
    _selection_options(p)
    _output_options(p, plot=True)


def run_ideal(args: argparse.Namespace) -> int:
    frame = views.ideal_points_view(_load(args), selection_of(args), args.min_votes)
    shown = frame[frame["state"].isin([s.upper() for s in args.states])] if args.states else frame
    if args.states:
        _emit(shown.pivot(index="year", columns="state", values="ideal_point"), args)
    else:
        _emit(frame, args, limit=40)
    default = ["USA", "CHN", "RUS", "IND", "BRA"]
    _picture(args, "ideal_points_chart", frame, args.states or default)
    return 0


def _yes_share(commands: SubParsers) -> None:
    p = _command(commands, "yes-share", "a State's share of yes votes per year by issue", run_yes)
    p.add_argument("state")
    _selection_options(p)
    _output_options(p, plot=True)


def run_yes(args: argparse.Namespace) -> int:
    frame = views.yes_share_view(_load(args), args.state, selection_of(args))
    _emit(frame.pivot(index="year", columns="issue", values="yes_share"), args)
    _picture(args, "yes_share_chart", frame, args.state)
    return 0


# --- checks and export -------------------------------------------------------------------


def _check(commands: SubParsers) -> None:
    p = _command(commands, "check", "printed tallies vs lists vs datasets", run_check)
    p.add_argument(
        "--table",
        choices=CHECKS,
        default="comparison",
        help="table to show/save (default: comparison, one row per roll call and pair of sources)",
    )
    p.add_argument("--limit", type=int, default=20, help="rows to print (0: all)")
    _output_options(p)


def run_check(args: argparse.Namespace) -> int:
    data = _load(args)
    print(views.check_summary(data))
    table = data.check(args.table)
    if args.table == "tallies":
        table = table[~table["agrees"].astype(bool)]
    print(f"\n{args.table}:")
    _emit(table, args, args.limit)
    return 0


EXPORTS = ("votes", "roll-calls", *(c.replace("_", "-") for c in CHECKS))


def _export(commands: SubParsers) -> None:
    p = _command(commands, "export", "write votes or checks to CSV/Parquet", run_export)
    p.add_argument("what", choices=EXPORTS)
    p.add_argument("--out", type=Path, required=True, help=".csv, .csv.gz or .parquet")
    _selection_options(p)


def run_export(args: argparse.Namespace) -> int:
    frame = views.export_view(_load(args), args.what, selection_of(args))
    write_table(frame, args.out)
    print(f"wrote {len(frame)} rows to {args.out}")
    return 0
