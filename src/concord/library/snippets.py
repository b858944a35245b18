"""Highlights and snippets on the original paragraph text (never the index's bigrams)."""

from __future__ import annotations

import re
from functools import lru_cache

from concord.library.tokens import CJK_CLASS, Term
from concord.model.resolution import Span

_PIECE = re.compile(f"[{CJK_CLASS}]+|[^\\W_]+")


@lru_cache(maxsize=256)
def _pattern(term: Term) -> re.Pattern[str]:
    pieces = _PIECE.findall(term.needle)
    parts = [re.escape(p) for p in pieces]
    if term.prefix and parts and not re.fullmatch(f"[{CJK_CLASS}]+", pieces[-1]):
        parts[-1] += r"[^\W_]*"
    glue = r"[\W_]*"
    return re.compile(glue.join(parts), re.IGNORECASE)


def highlights(text: str, terms: list[Term]) -> tuple[Span, ...]:
    """Where the query's terms stand in ``text``: sorted, merged ``(start, end)`` spans."""
    spans = sorted(
        (m.start(), m.end())
        for term in terms
        for m in _pattern(term).finditer(text)
        if m.end() > m.start()
    )
    merged: list[Span] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def snippet(
    text: str, spans: tuple[Span, ...], *, width: int = 160, mark: tuple[str, str] = ("[", "]")
) -> str:
    """A window of about ``width`` characters around the first match, matches marked."""
    if len(text) <= width or not spans:
        lo, hi = 0, min(len(text), width)
    else:
        lo = max(0, spans[0][0] - width // 3)
        hi = min(len(text), lo + width)
        lo = max(0, hi - width)
    out = ["…" if lo > 0 else ""]
    pos = lo
    for start, end in spans:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        out += [text[pos:start], mark[0], text[start:end], mark[1]]
        pos = end
    out.append(text[pos:hi])
    out.append("…" if hi < len(text) else "")
    return "".join(out)
