"""Library benchmark: ingest throughput and search latency, SQLite and PostgreSQL.

A deterministic corpus recombines the real paragraphs of the bundled samples (Chinese and
English; 20% Chinese): each generated resolution takes 10 paragraphs drawn from them, so
that 100,000 resolutions (``--large``) are the million paragraphs the targets speak of.
Both stores search through the same Tantivy index (``concord.library.textindex``); every
figure is printed beside the raw engine's own time on the same index (the ratio says
what Concord's layer costs on top):

- ingest: documents/s through the library's writer (one transaction per document,
  paragraphs and rows; the Tantivy search index committed as ``concord ingest``
  commits it), against a bare bulk load of the same index text into Tantivy. As in
  ``concord ingest``, where the reader processes prepare each document (its JSON copy)
  and the parent only writes, the documents are prepared before the
  clock starts: the figure times the writing alone. The preparing is timed apart, per
  core;
- search: top-20 p50/p99 of ``Library.search`` (the index kept in step with the
  database, joins, snippets), against Tantivy's bare top-20 on the same index;
- recall of Chinese terms against a plain substring scan, and the scan's own time;
- index size against the size of the text;
- end to end: real sample texts (copies made distinct) through ``Library.ingest`` on two
  reader processes, read, stored and indexed, as ``concord ingest`` runs.

    python bench/bench_library.py              # 10,000 resolutions
    python bench/bench_library.py --large      # 100,000
    python bench/bench_library.py --size 2000 --engines sqlite
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlalchemy as sa
import tantivy

from concord.library import open_library, textindex
from concord.library import schema as t
from concord.library.core import Library
from concord.library.demo import samples_dir
from concord.library.ingest import indexing
from concord.library.search import every_match, search, substring_scan
from concord.library.store import Prepared, Provenance, prepare, store
from concord.library.tokens import CJK_CLASS, parse_query
from concord.model.resolution import Paragraph, Resolution
from concord.read import parse_file

PG = os.environ.get("CONCORD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PER_DOC = 10
"""Paragraphs per generated resolution: the issue's 100,000 resolutions are 1,000,000
paragraphs. (Real ones are longer: the bundled samples hold 25 on average, which the
end-to-end run measures.)"""
CHINESE_SHARE = 0.2


def pool() -> dict[str, list[str]]:
    """The samples' paragraph texts by language."""
    texts: dict[str, list[str]] = {"zh": [], "en": []}
    for path in sorted(samples_dir().glob("*.txt")):
        res = parse_file(path)
        texts.setdefault(res.language, []).extend(p.text for p in res.paragraphs())
    return texts


def corpus(size: int, texts: dict[str, list[str]], seed: int = 20180323) -> Iterator[Resolution]:
    """``size`` generated resolutions, the same for the same seed."""
    rng = random.Random(seed)
    for i in range(size):
        lang = "zh" if rng.random() < CHINESE_SHARE else "en"
        chosen = [rng.choice(texts[lang]) for _ in range(PER_DOC)]
        paras = tuple(
            Paragraph(f"op_{n}", "operative", str(n), None, None, t, (0, len(t)))
            for n, t in enumerate(chosen, 1)
        )
        year = 1990 + i % 35
        yield Resolution(
            language=lang,
            symbol=f"A/RES/{100 + i // 1000}/{i % 1000 + 1}",
            body="GA",
            session=100 + i // 1000,
            adopted_on=f"{year}-12-01",
            operative=paras,
        )


def queries(texts: dict[str, list[str]], count: int = 200, seed: int = 7) -> list[str]:
    """Chinese terms of 1-4 characters and English words, drawn from the samples."""
    rng = random.Random(seed)
    runs = [r for t in texts["zh"] for r in re.findall(f"[{CJK_CLASS}]{{4,}}", t)]
    words = [w for t in texts["en"] for w in re.findall(r"[a-z]{5,}", t)]
    out = []
    for i in range(count):
        if i % 2:
            out.append(rng.choice(words))
        else:
            run, n = rng.choice(runs), rng.choice((1, 2, 2, 3, 4))
            start = rng.randrange(len(run) - n + 1)
            out.append(run[start : start + n])
    return out


def timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def prepared(docs: list[Resolution]) -> tuple[list[Prepared], float]:
    """Each document prepared for storing (what ingest's reader processes do), and the
    seconds it took on this one core."""
    began = time.perf_counter()
    done = [prepare(res) for res in docs]
    return done, time.perf_counter() - began


def ingest(lib: Library, docs: list[Resolution], ready: list[Prepared]) -> float:
    """Seconds to write ``docs`` (already prepared), one transaction each."""
    began = time.perf_counter()
    with indexing(lib.engine) as indexed:
        for i, (res, prep) in enumerate(zip(docs, ready, strict=True)):
            with lib.engine.connect().execution_options(immediate=True) as conn, conn.begin():
                store(conn, res, Provenance("bench", f"{i:064x}", "bench"), prep)
            indexed()
    return time.perf_counter() - began


def raw_ingest(docs: list[Resolution]) -> float:
    """Seconds for the engine to bulk-load the same index text into a bare index."""
    texts = [p.text for r in docs for p in r.operative]
    with tempfile.TemporaryDirectory() as tmp:
        return timed(lambda: _tantivy_load(tmp, texts))


def _tantivy_load(folder: str, texts: list[str]) -> None:
    """The same documents as the library's index, in one commit (tokens made here)."""
    index = tantivy.Index(textindex.SCHEMA, path=folder)
    writer = index.writer(heap_size=textindex.HEAP, num_threads=1)
    for i, text in enumerate(texts, 1):
        writer.add_document(textindex.document(i, i, text))
    writer.commit()
    writer.wait_merging_threads()


def raw_query(conn: sa.Connection, query: str) -> list[int]:
    """The engine's own top-20 on the index, nothing else."""
    return textindex.of(conn.engine).top(parse_query(query), 20)


def latencies(lib: Library, qs: list[str]) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    raw: list[float] = []
    with lib.engine.connect() as conn:
        for q in qs[:10]:  # warm the caches
            search(conn, q, count=False)
        for q in qs:
            raw.append(timed(lambda: raw_query(conn, q)))  # noqa: B023 (called at once)
            ours.append(timed(lambda: search(conn, q, limit=20, count=False)))  # noqa: B023
    return ours, raw


def recall(lib: Library, qs: list[str]) -> tuple[float, float, float]:
    """Share of substring-scan hits that search finds, for Chinese terms; scan and search ms.

    The search side is every match in one pass (:func:`every_match`, what paging through
    all the pages of a search returns), not page after page.
    """
    chinese = [q for q in qs if re.fullmatch(f"[{CJK_CLASS}]+", q)][:20]
    found = expected = 0
    scan_t, search_t = [], []
    with lib.engine.connect() as conn:
        for q in chinese:
            began = time.perf_counter()
            truth = substring_scan(conn, q)
            scan_t.append(time.perf_counter() - began)
            began = time.perf_counter()
            got = _keys(conn, [i for i, _score in every_match(conn, q)])
            search_t.append(time.perf_counter() - began)
            found += len(truth & got)
            expected += len(truth)
    return found / max(1, expected), pct(scan_t, 0.5), pct(search_t, 0.5)


def _keys(conn: sa.Connection, ids: list[int]) -> set[tuple[str, str, str]]:
    """``(symbol, language, eid)`` of the paragraphs ``ids``."""
    p, e, w = t.paragraphs.c, t.expressions.c, t.works.c
    out: set[tuple[str, str, str]] = set()
    for start in range(0, len(ids), 10_000):
        stmt = (
            sa.select(w.symbol, e.language, p.eid)
            .join_from(t.paragraphs, t.expressions, e.id == p.expression_id)
            .join(t.works, w.id == e.work_id)
            .where(p.id.in_(ids[start : start + 10_000]))
        )
        out.update((r.symbol, r.language, r.eid) for r in conn.execute(stmt))
    return out


def sizes(lib: Library) -> tuple[int, int]:
    """Bytes of paragraph text (UTF-8) and of the search index."""
    length = (
        "octet_length(text)"
        if lib.engine.dialect.name == "postgresql"
        else ("length(CAST(text AS BLOB))")
    )
    with lib.engine.connect() as conn:
        text = conn.exec_driver_sql(f"SELECT sum({length}) FROM paragraphs").scalar()
    return int(text or 0), textindex.of(lib.engine).size()


def run(engine: str, url: str, docs: list[Resolution], qs: list[str]) -> None:
    n = len(docs)
    print(f"\n{engine}: {n:,} resolutions, {n * PER_DOC:,} paragraphs", flush=True)
    lib = open_library(url)
    ready, prep_seconds = prepared(docs)
    seconds = ingest(lib, docs, ready)
    raw_seconds = raw_ingest(docs)
    print(
        f"  ingest        {n / seconds:8.0f} docs/s   raw index load {n / raw_seconds:8.0f} docs/s"
        f"   ratio {seconds / raw_seconds:5.1f}   (timed: the writing, one transaction each)"
    )
    print(f"  prepare       {n / prep_seconds:8.0f} docs/s per reader process (JSON)")
    ours, raw = latencies(lib, qs)
    for label, q in (("p50", 0.5), ("p99", 0.99)):
        a, b = pct(ours, q), pct(raw, q)
        ratio = a / max(b, 1e-6)
        print(
            f"  top-20 {label}    {a:8.2f} ms       raw engine {b:8.2f} ms"
            f"       ratio {ratio:5.1f}",
            flush=True,
        )
    share, scan_ms, search_ms = recall(lib, qs)
    print(
        f"  Chinese recall {share:7.1%} vs substring scan (scan p50 {scan_ms:.1f} ms,"
        f" all-matches search p50 {search_ms:.1f} ms)"
    )
    text, index = sizes(lib)
    lib.close()
    share_of_text = index / max(text, 1)
    print(f"  index {index / 1e6:8.1f} MB for {text / 1e6:.1f} MB of text ({share_of_text:.2f}x)")


def pg_url() -> tuple[str, str] | None:
    """A fresh schema on the PostgreSQL server, or None when none answers."""
    import psycopg

    schema = f"concord_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(PG, connect_timeout=3, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.Error as exc:
        print(f"PostgreSQL: skipped ({exc.__class__.__name__} at {PG})", file=sys.stderr)
        return None
    return f"{PG}?options=-csearch_path%3D{schema}", schema


def drop(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def end_to_end(engine: str, url: str, files: int) -> None:
    """``files`` real sample texts through ``Library.ingest`` on 2 reader processes:
    read, stored and indexed, the clock running from the first file to the summary.

    Copies of the bundled samples, each made distinct by a job-number line at its end
    (page furniture the reader drops) and given its own symbol by a ``MANIFEST.csv``.
    """
    samples = sorted(samples_dir().glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = ["file,symbol,lang"]
        for i in range(files):
            path = samples[i % len(samples)]
            lang = path.name.split(".")[-2]
            job = f"GE.18-{i:05d}(C)" if lang == "zh" else f"25-{i:05d} (E)"
            name = f"{i:06d}_{path.name}"
            (folder / name).write_bytes(path.read_bytes() + f"\n{job}\n".encode())
            rows.append(f"{name},A/RES/{1000 + i // 1000}/{i % 1000 + 1},{lang}")
        (folder / "MANIFEST.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        nbytes = sum(f.stat().st_size for f in folder.glob("*.txt"))
        lib = open_library(url)
        began = time.perf_counter()
        summary = lib.ingest([folder], workers=2, progress=False)
        seconds = time.perf_counter() - began
        lib.close()
    print(
        f"\n{engine}, end to end: {summary.new:,} of {files:,} sample texts "
        f"({nbytes / 1e6:.1f} MB) read on 2 processes, stored and indexed: "
        f"{summary.new / seconds:.0f} docs/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="resolutions (default 10,000)")
    parser.add_argument("--large", action="store_true", help="100,000 resolutions")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument(
        "--files", type=int, default=2_000, help="texts for the end-to-end ingest (default 2,000)"
    )
    args = parser.parse_args()
    size = 100_000 if args.large else args.size
    texts = pool()
    docs = list(corpus(size, texts))
    qs = queries(texts)
    print(
        f"corpus: {size:,} resolutions from {len(texts['zh'])} zh + {len(texts['en'])} en "
        f"sample paragraphs; {len(qs)} queries"
    )
    engines = args.engines.split(",")
    if "sqlite" in engines:
        with tempfile.TemporaryDirectory() as tmp:
            run("SQLite", str(Path(tmp) / "bench.sqlite"), docs, qs)
        with tempfile.TemporaryDirectory() as tmp:
            end_to_end("SQLite", str(Path(tmp) / "texts.sqlite"), args.files)
    if "postgresql" in engines:
        for measure in (
            lambda url: run("PostgreSQL", url, docs, qs),
            lambda url: end_to_end("PostgreSQL", url, args.files),
        ):
            found = pg_url()
            if found:
                url, schema = found
                try:
                    measure(url)
                finally:
                    drop(schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
