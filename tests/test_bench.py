"""The reading benchmark runs and prints its figures (on a small corpus: nothing here
checks a speed, only that every reader is measured and the ratios are printed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(
    r"^(?P<name>\S.*?)\s+(?P<docs>\d+)\s+(?P<mb>[\d.]+)\s+(?P<rate>\d+)\s+(?P<median>\d+)"
    r"\s+(?P<mbs>[\d.]+)\s+(?P<peak>[\d.]+)\s+(?P<ratio>[\d.]+)$"
)


def test_bench_parse_prints_every_reader_and_the_ratios() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_parse.py"), "--mb", "0.02", "--rounds", "2"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    rows = {m["name"]: m for m in map(ROW.match, done.stdout.splitlines()) if m}
    for name in (
        "concord (full structure)",
        "concord, English only",
        "regex floor (one pass)",
        "regex floor (decode + one pass)",
    ):
        assert name in rows, done.stdout
        assert int(rows[name]["docs"]) > 0 and int(rows[name]["rate"]) > 0
        assert int(rows[name]["median"]) <= int(rows[name]["rate"])
    assert float(rows["concord (full structure)"]["ratio"]) == 1.0
    # The corpus holds both Chinese seeds beside the English texts.
    assert int(rows["concord (full structure)"]["docs"]) > int(
        rows["concord, English only"]["docs"]
    )
    summary = re.search(
        r"concord is ([\d.]+)x slower than the regex floor over bytes \(([\d.]+)x by the medians\)"
        r" and ([\d.]+)x slower than the regex floor over decoded text",
        done.stdout,
    )
    assert summary, done.stdout
    floor = int(rows["regex floor (one pass)"]["rate"])
    concord = int(rows["concord (full structure)"]["rate"])
    assert abs(float(summary.group(1)) - floor / concord) < 0.1 * floor / concord
