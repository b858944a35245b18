"""``concord parse`` and ``concord summary``: read texts and show what was read."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from concord.errors import ConcordError
from concord.export.json import to_json
from concord.export.text import to_text
from concord.formats import SUPPORTED_SUFFIXES
from concord.model import Resolution
from concord.read import parse_bytes, parse_file

FORMATS = ("json", "akn", "text")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parse = subparsers.add_parser(
        "parse",
        help="read resolution texts and print them structured",
        description="Read resolutions (text, PDF, Word or HTML files, or - for text on "
        "standard input) and print each as JSON (the contract), Akoma Ntoso XML or plain "
        "text.",
    )
    parse.add_argument(
        "files", nargs="+", metavar="FILE", help="text, PDF, Word or HTML file, or - for stdin"
    )
    parse.add_argument("--format", choices=FORMATS, default="json")
    parse.add_argument("--language", help="ISO 639-1 code (default: detected)")
    parse.add_argument("--symbol", help="symbol, for a text without its heading")
    parse.add_argument("--date", dest="adopted_on", help="adoption date (YYYY-MM-DD)")
    parse.set_defaults(func=run_parse)

    summary = subparsers.add_parser(
        "summary",
        help="read texts and print a table, a row per resolution",
        description="Read every text given (files or folders; the bundled samples by "
        "default) and print a row per resolution.",
    )
    summary.add_argument("paths", nargs="*", metavar="PATH")
    summary.set_defaults(func=run_summary)


def run_parse(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            res = _read(name, args)
        except ConcordError as exc:
            print(f"concord: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(render(res, args.format))
        for warning in res.warnings:
            print(f"concord: warning: {name}: {warning.message}", file=sys.stderr)
    return 1 if failed else 0


def _read(name: str, args: argparse.Namespace) -> Resolution:
    options = {"language": args.language, "symbol": args.symbol, "adopted_on": args.adopted_on}
    if name == "-":
        return parse_bytes(sys.stdin.buffer.read(), source="-", **options)
    return parse_file(name, **options)


def render(res: Resolution, fmt: str) -> str:
    if fmt == "json":
        return to_json(res) + "\n"
    if fmt == "akn":
        from concord.export.akn import to_akn

        return to_akn(res).decode("utf-8") + "\n"
    return to_text(res)


def sample_dir() -> Path:
    """The bundled sample corpus."""
    return Path(str(resources.files("concord").joinpath("samples")))


def text_files(paths: list[str]) -> Iterator[Path]:
    """The files named, and in each folder named those the reader reads (text, PDF, Word,
    HTML)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path


HEADER = ("symbol", "lang", "adopted", "pp", "op", "fn", "refs", "mandates", "vote", "warnings")


def run_summary(args: argparse.Namespace) -> int:
    paths = args.paths or [str(sample_dir())]
    rows: list[tuple[str, ...]] = [HEADER]
    failed = 0
    for path in text_files(paths):
        try:
            res = parse_file(path)
        except ConcordError as exc:
            print(f"concord: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        rows.append(summary_row(res, path))
    print(format_table(rows))
    print(f"\n{len(rows) - 1} read, {failed} failed")
    return 1 if failed else 0


def summary_row(res: Resolution, path: Path) -> tuple[str, ...]:
    a = res.adoption
    vote = {"recorded_vote": "recorded", "without_vote": "no vote", "not_stated": "—"}[a.mode]
    if a.tally:
        vote = f"{a.tally.yes}-{a.tally.no}-{a.tally.abstain}"
    annex = sum(len(x.paragraphs) for x in res.annexes)
    return (
        res.symbol or path.name,
        res.language,
        res.adopted_on or "?",
        str(len(res.preamble)),
        str(len(res.operative)) + (f"+{annex}" if annex else ""),
        str(len(res.footnotes)),
        str(len(res.references)),
        str(len(res.mandates)),
        vote,
        str(len(res.warnings)),
    )


def format_table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: Chinese characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)
