"""Paragraphs of a work's expressions side by side, aligned by eid (``pp_3`` ↔ ``pp_3``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from concord.library import schema as t
from concord.library.results import AlignedParagraph, Alignment
from concord.library.works import work_row


def align(conn: sa.Connection, symbol: str, languages: tuple[str, ...] = ()) -> Alignment:
    """The current paragraphs of ``symbol`` in every (or the given) language, by eid.

    ``mismatches`` says where the languages differ: paragraph counts per kind, and eids
    that only some languages have.
    """
    row = work_row(conn, symbol)
    p, e = t.paragraphs.c, t.expressions.c
    query = (
        sa.select(e.language, p.eid, p.kind, p.num, p.text, p.heading)
        .select_from(t.paragraphs.join(t.expressions, e.id == p.expression_id))
        .where(e.work_id == row.id, e.is_current)
        .order_by(e.language, p.position)
    )
    if languages:
        query = query.where(e.language.in_(languages))
    rows = conn.execute(query).all()
    langs = tuple(sorted({r.language for r in rows}))
    order: dict[str, AlignedParagraph] = {}
    for r in rows:
        para = order.setdefault(r.eid, AlignedParagraph(r.eid, r.kind, r.num, {}))
        para.texts[r.language] = r.text
        if r.heading:
            para.headings[r.language] = r.heading
    return Alignment(symbol, langs, tuple(order.values()), _mismatches(rows, langs, order))


def _mismatches(
    rows: Sequence[Any],
    langs: tuple[str, ...],
    order: dict[str, AlignedParagraph],
) -> tuple[str, ...]:
    notes = []
    counts = {lang: Counter(r.kind for r in rows if r.language == lang) for lang in langs}
    for kind in sorted({k for c in counts.values() for k in c}):
        per = {lang: counts[lang][kind] for lang in langs}
        if len(set(per.values())) > 1:
            notes.append(
                f"{kind} paragraphs differ: " + ", ".join(f"{k} {v}" for k, v in per.items())
            )
    for para in order.values():
        missing = [lang for lang in langs if lang not in para.texts]
        if missing:
            notes.append(f"{para.eid} missing in {', '.join(missing)}")
    return tuple(notes)
