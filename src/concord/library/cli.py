"""Sub-commands of the library: ingest, search, show, cites, cited-by, db, serve, demo."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from concord.errors import ConcordError
from concord.library import printing
from concord.library.core import Library, open_library
from concord.library.filters import Filters
from concord.library.location import ENV_VAR, default_path
from concord.library.results import as_dict

DB_HELP = f"library file or database URL (default: ${ENV_VAR}, else {default_path()})"


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=DB_HELP)


def _open(args: argparse.Namespace) -> Library:
    return open_library(args.db)


def span(value: str) -> tuple[int | None, int | None]:
    """``37`` -> (37, 37); ``30-40`` -> (30, 40); ``30-`` and ``-40`` are open ranges."""
    lo, sep, hi = value.partition("-")
    try:
        low = int(lo) if lo.strip() else None
        high = (int(hi) if hi.strip() else None) if sep else low
    except ValueError as exc:
        raise ConcordError(f"not a number or range: {value!r} (e.g. 37 or 30-40)") from exc
    return low, high


def voted(value: str) -> tuple[str, str]:
    """``CHN:yes`` -> ("CHN", "yes")."""
    state, _, position = value.partition(":")
    if len(state) != 3 or not position:
        raise ConcordError(f"--voted takes ISO3:position, e.g. CHN:yes, not {value!r}")
    return state.upper(), position.lower()


def filters_from(args: argparse.Namespace) -> Filters:
    """The filters given on a command line."""
    session = span(args.session) if args.session else (None, None)
    year = span(args.year) if args.year else (None, None)
    return Filters(
        body=args.body,
        session_from=session[0],
        session_to=session[1],
        year_from=year[0],
        year_to=year[1],
        language=args.language,
        kind=getattr(args, "kind", None),
        intro_key=getattr(args, "key", None),
        cites=args.cites,
        voted=voted(args.voted) if args.voted else None,
    ).checked()


def _filter_options(parser: argparse.ArgumentParser, paragraphs: bool) -> None:
    parser.add_argument("--body", help="adopting body: HRC, GA, ...")
    parser.add_argument("--session", help="session or range, e.g. 37 or 30-40")
    parser.add_argument("--year", help="year or range of adoption, e.g. 2017-2018")
    parser.add_argument("--language", help="ISO 639-1 code of the text, e.g. zh")
    parser.add_argument(
        "--cites", metavar="TARGET", help="only resolutions citing TARGET (70/1, UDHR)"
    )
    parser.add_argument(
        "--voted", metavar="ISO3:POS", help="only where a State voted so, e.g. USA:no"
    )
    if paragraphs:
        parser.add_argument("--kind", choices=("preamble", "operative", "annex"))
        parser.add_argument("--key", help="opening-phrase key, e.g. requests")


def cmd_ingest(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        summary = lib.ingest(
            args.paths,
            symbol=args.symbol,
            language=args.language,
            adopted_on=args.adopted_on,
            workers=args.jobs,
            progress=False if args.no_progress else None,
        )
    print("\n".join(summary.lines()))
    return 1 if summary.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    mark = ("\033[1m", "\033[0m") if sys.stdout.isatty() and not args.json else ("[", "]")
    with _open(args) as lib:
        page = lib.search(
            args.query, filters_from(args), limit=args.limit, offset=args.offset, mark=mark
        )
    if args.json:
        _dump({"total": page.total, "items": page.records()})
    else:
        print("\n".join(printing.hits(page)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        detail = lib.resolution(args.symbol)
        langs = tuple(args.language.split(",")) if args.language else ()
        alignment = lib.paragraphs(args.symbol, langs)
        record = lib.votes(args.symbol)
    if args.json:
        _dump(
            {
                "resolution": as_dict(detail),
                "paragraphs": as_dict(alignment),
                "votes": as_dict(record),
            }
        )
    else:
        print("\n".join(printing.show(detail, alignment, record)))
    return 0


def cmd_cites(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        page = lib.cites(args.symbol) if args.command == "cites" else lib.cited_by(args.target)
    print("\n".join(printing.citations(page, args.command)))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from concord.library import engine, textindex

    with open_library(args.db, migrate=args.action != "info") as lib:
        print(f"library: {lib.engine.url.render_as_string(hide_password=True)}")
        revision = engine.revision(lib.engine)
        print(f"schema: {revision or '(empty)'} (newest: {engine.head()})")
        if revision != engine.head():
            return 0
        index = textindex.of(lib.engine)
        if args.action == "reindex":
            if not index.sync(lib.engine, rebuild=True):
                raise ConcordError("another process is writing the search index: try again")
            print(f"search index: rebuilt, {index.documents()} paragraphs")
        print(f"search index: {index.path or 'in memory'}")
    return 0


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    print()


def register(subparsers: Any) -> None:
    """Add the library's sub-commands to ``concord``."""
    p = subparsers.add_parser("ingest", help="read files and folders into the library")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help=".txt, .pdf, .docx, .html files or folders"
    )
    _db(p)
    p.add_argument("--symbol", help="symbol of a text without heading (else MANIFEST.csv)")
    p.add_argument("--language", help="language of the texts (ISO 639-1)")
    p.add_argument("--adopted-on", help="adoption date (YYYY-MM-DD) of a text without heading")
    p.add_argument("--jobs", type=int, help="reader processes (default: all cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("search", help="find paragraphs in every language")
    p.add_argument("query", help='words, Chinese terms or "quoted phrases" (all required)')
    _db(p)
    _filter_options(p, paragraphs=True)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("show", help="a resolution: expressions, aligned paragraphs, votes")
    p.add_argument("symbol")
    _db(p)
    p.add_argument("--language", help="only these languages, comma-separated")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser("cites", help="what a resolution refers to")
    p.add_argument("symbol")
    _db(p)
    p.set_defaults(func=cmd_cites)

    p = subparsers.add_parser("cited-by", help="every resolution citing a resolution or instrument")
    p.add_argument("target", help="A/RES/70/1, 70/1, UDHR ...")
    _db(p)
    p.set_defaults(func=cmd_cites)

    p = subparsers.add_parser(
        "db", help="the library's schema and search index: info, upgrade, reindex"
    )
    p.add_argument("action", choices=("info", "upgrade", "reindex"))
    _db(p)
    p.set_defaults(func=cmd_db)

    from concord.library.serving import register_serving

    register_serving(subparsers, _db)
