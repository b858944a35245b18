"""Votes benchmark: the full GA agreement matrix, beside the usual pandas self-merge.

    .venv/bin/python bench/bench_votes.py [--shared ../shared] [--cache DIR]
                                          [--oracle-sample N] [--repeat 5]

On the Voeten GA data (``ga_unvotes``: 6,202 roll calls, about 200 States), in one run:

- load: the cache (Parquet) read into the dense matrix — time and peak memory, measured in a
  fresh process (tracemalloc peak of Python/numpy allocations, and the rise of the peak
  resident set size over the process after its imports);
- matrix: every pairwise agreement (identical and half) of all States over all roll calls,
  best of ``--repeat`` runs, with its tracemalloc peak;
- pandas: the same figures by a self-merge of the long table on roll call and a group-by on
  the pair (about 130 million merged rows on the full data), in its own process, with its
  peak resident memory; its result is compared with the matrix (largest difference).

The pandas run takes the full data when the machine has the memory for it (about 16 GiB
plus margin), else a random sample of roll calls (``--oracle-sample`` chooses one), and the
ratio is then taken against the matrix on the same sample. Not a test: nothing fails here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

ORACLE_BYTES_FULL = 18 * 2**30  # what the full self-merge needs, with some margin
GIB, MIB = 2**30, 2**20


def peak_rss() -> int:
    """Peak resident set size of this process, bytes.

    ``VmHWM`` from /proc (per address space: a child does not inherit its parent's peak, as
    ``ru_maxrss`` does across fork and exec); ``ru_maxrss`` where /proc is missing.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def available_memory() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# --- children: each measures one thing in a fresh process and prints JSON ------------------------


def child_load(folder: Path) -> dict[str, Any]:
    start = time.perf_counter()
    from concord.votes import cache

    imported = time.perf_counter() - start
    rss_before = peak_rss()
    start = time.perf_counter()
    data = cache.read(folder)
    seconds = time.perf_counter() - start
    rss_rise = peak_rss() - rss_before
    del data
    tracemalloc.start()  # a second read, traced (tracing slows it down: not timed)
    data = cache.read(folder)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "import_s": imported,
        "load_s": seconds,
        "traced_peak": traced,
        "rss_rise": rss_rise,
        "rss_peak": peak_rss(),
        "shape": list(data.matrix.codes.shape),
    }


def child_matrix(folder: Path, repeat: int, sample: int | None) -> dict[str, Any]:
    from concord.votes import cache
    from concord.votes.agreement import from_block

    data = cache.read(folder)
    rows = ga_rows(data, sample)
    block = data.matrix.take(rows)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = from_block(data.matrix.take(rows), list(data.states))
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    from_block(block, list(data.states))
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    np.save(folder / "bench-matrix.npy", np.stack([result.identical, result.half]))
    return {
        "best_s": min(times),
        "median_s": float(np.median(times)),
        "traced_peak": traced,
        "roll_calls": len(rows),
        "states": len(data.states),
        "voting_states": int((data.matrix.take(rows) > 0).any(axis=0).sum()),
    }


def child_oracle(folder: Path, sample: int | None) -> dict[str, Any]:
    from concord.votes import cache
    from concord.votes.oracle import agreement_pandas

    data = cache.read(folder)
    rows = ga_rows(data, sample)
    long = data.long(rows)
    order = {s: i for i, s in enumerate(data.states)}
    del data
    rss_before = peak_rss()
    start = time.perf_counter()
    oracle = agreement_pandas(long)
    seconds = time.perf_counter() - start
    rss_rise = peak_rss() - rss_before
    fast = np.load(folder / "bench-matrix.npy")
    states = sorted(set(oracle["state_a"]))
    i = oracle["state_a"].map(order).to_numpy()
    j = oracle["state_b"].map(order).to_numpy()
    diff = max(
        float(np.nanmax(np.abs(fast[0][i, j] - oracle["identical"].to_numpy()))),
        float(np.nanmax(np.abs(fast[1][i, j] - oracle["half"].to_numpy()))),
    )
    return {
        "seconds": seconds,
        "rss_rise": rss_rise,
        "rss_peak": peak_rss(),
        "merged_rows": int(oracle["n"].sum()),
        "states": len(states),
        "max_diff": diff,
    }


def ga_rows(data: Any, sample: int | None) -> np.ndarray:
    from concord.votes.selection import Selection

    rows: np.ndarray = data.rows(Selection(body="GA", source="ga_unvotes"))
    if sample and sample < len(rows):
        rows = np.sort(np.random.default_rng(0).choice(rows, size=sample, replace=False))
    return rows


def run_child(*argv: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *argv], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark child {argv[0]} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the parent: prepare, run the children, print side by side -----------------------------------


def prepare(args: argparse.Namespace) -> Path:
    if args.cache and (args.cache / "manifest.json").is_file():
        return Path(args.cache)
    from concord.votes.importer import import_votes

    folder = Path(args.cache or tempfile.mkdtemp(prefix="concord-votes-bench-"))
    start = time.perf_counter()
    # A throw-away store beside the cache: the bench never writes the user's library.
    import_votes(args.shared, folder, db=folder / "library.sqlite")
    print(f"import (CSV → store → cache, once): {time.perf_counter() - start:.1f} s → {folder}")
    return folder


def oracle_sample(args: argparse.Namespace) -> int | None:
    if args.oracle_sample:
        return int(args.oracle_sample)
    free = available_memory()
    if free >= ORACLE_BYTES_FULL:
        return None
    sample = max(200, int(6202 * free / ORACLE_BYTES_FULL * 0.8))
    print(f"note: {free / GIB:.1f} GiB available, the full self-merge needs about 18 GiB:")
    print(f"      pandas runs on a sample of {sample} roll calls (--oracle-sample to choose)")
    return sample


def report(load: dict[str, Any], fast: dict[str, Any], full: dict[str, Any],
           slow: dict[str, Any], sample: int | None) -> None:  # fmt: skip
    shape = load["shape"]
    print()
    print(f"data: {shape[0]} roll calls × {shape[1]} States in the cache; GA (ga_unvotes): "
          f"{full['roll_calls']} roll calls, {full['voting_states']} States voting")  # fmt: skip
    print(f"load (cache → matrix): {load['load_s'] * 1000:.0f} ms   "
          f"(module import {load['import_s'] * 1000:.0f} ms, not counted)")  # fmt: skip
    print(f"load peak memory: {load['traced_peak'] / MIB:.0f} MiB traced, "
          f"peak RSS rise {load['rss_rise'] / MIB:.0f} MiB, process peak RSS "
          f"{load['rss_peak'] / MIB:.0f} MiB (targets: ≤ 200 ms, < 400 MiB)")  # fmt: skip
    print(f"full matrix, all States × all GA roll calls: best {full['best_s'] * 1000:.1f} ms, "
          f"median {full['median_s'] * 1000:.1f} ms, traced peak "
          f"{full['traced_peak'] / MIB:.0f} MiB (target ≤ 100 ms)")  # fmt: skip
    scope = "full data" if sample is None else f"sample of {fast['roll_calls']} roll calls"
    print()
    print(f"side by side ({scope}):")
    print(f"{'':<28}{'matrix (numpy)':>18}{'pandas self-merge':>20}{'ratio':>10}")
    ratio = slow["seconds"] / fast["best_s"]
    print(f"{'time':<28}{fast['best_s'] * 1000:>15.1f} ms{slow['seconds']:>18.2f} s"
          f"{ratio:>9.0f}×")  # fmt: skip
    mem_ratio = slow["rss_rise"] / max(fast["traced_peak"], 1)
    print(f"{'peak memory (compute)':<28}{fast['traced_peak'] / MIB:>14.1f} MiB"
          f"{slow['rss_rise'] / GIB:>16.2f} GiB{mem_ratio:>9.0f}×")  # fmt: skip
    print(f"{'merged rows':<28}{'—':>18}{slow['merged_rows']:>20,}")
    print(f"largest difference, matrix vs pandas: {slow['max_diff']:.2e} (must be < 1e-6)")


def main() -> None:
    default_shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--cache", type=Path, help="an existing vote cache (else a temporary one)")
    parser.add_argument("--oracle-sample", type=int, help="roll calls for the pandas run")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, *rest = args.child
        if kind == "load":
            out = child_load(Path(folder))
        elif kind == "matrix":
            out = child_matrix(Path(folder), int(rest[0]), int(rest[1]) or None)
        else:
            out = child_oracle(Path(folder), int(rest[0]) or None)
        print(json.dumps(out))
        return
    folder = prepare(args)
    sample = oracle_sample(args)
    load = run_child("load", str(folder))
    full = run_child("matrix", str(folder), str(args.repeat), "0")
    fast = (
        full if sample is None else run_child("matrix", str(folder), str(args.repeat), str(sample))
    )
    slow = run_child("oracle", str(folder), str(sample or 0))
    report(load, fast, full, slow, sample)
    (folder / "bench-matrix.npy").unlink(missing_ok=True)
    if not args.cache:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
