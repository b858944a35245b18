"""Text that remembers where it came from.

A :class:`Mapped` string is a cleaned-up piece of the decoded input together with an offset
map back into that input, so that everything found in clean text can point at the raw
text it was read from. The map is piecewise linear: a sorted list of anchors
``(clean offset, raw offset)``; between two anchors clean and raw advance together.
Edits (:meth:`Mapped.sub`), slices and joins keep the map, so spans survive every
normalisation step.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True, slots=True)
class Mapped:
    text: str
    clean: tuple[int, ...]
    raw: tuple[int, ...]
    raw_end: int

    @classmethod
    def of(cls, text: str, start: int = 0) -> Mapped:
        """Raw text, mapping onto itself (shifted by ``start``)."""
        return cls(text, (0,), (start,), start + len(text))

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def to_raw(self, pos: int) -> int:
        """The raw offset of clean offset ``pos``."""
        if pos >= len(self.text):
            return self.raw_end
        i = bisect_right(self.clean, pos) - 1
        return self.raw[i] + (pos - self.clean[i])

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean range ``[start, end)``."""
        end = len(self.text) if end is None else end
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def slice(self, start: int, end: int | None = None) -> Mapped:
        end = len(self.text) if end is None else end
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        i = bisect_right(self.clean, start) - 1
        j = bisect_right(self.clean, end - 1) if end > start else i + 1
        clean = [0] + [c - start for c in self.clean[i + 1 : j]]
        raw = [self.raw[i] + (start - self.clean[i]), *self.raw[i + 1 : j]]
        raw_end = self.to_raw(end - 1) + 1 if end > start else raw[0]
        return Mapped(self.text[start:end], tuple(clean), tuple(raw), raw_end)

    def strip(self) -> Mapped:
        text = self.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if start == 0 and end == len(text):
            return self
        return self.slice(start, max(start, end))

    def sub(self, pattern: re.Pattern[str], repl: Replacement) -> Mapped:
        """Like ``pattern.sub(repl, text)``, keeping the map.

        Replaced text maps to the start of what it replaced.
        """
        pieces: list[Mapped] = []
        last = 0
        changed = False
        for m in pattern.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new == m.group(0):
                continue
            changed = True
            pieces.append(self.slice(last, m.start()))
            pieces.append(self._replacement(m, new))
            last = m.end()
        if not changed:
            return self
        pieces.append(self.slice(last))
        return join(pieces)

    def _replacement(self, m: re.Match[str], new: str) -> Mapped:
        """What replaces a match: a kept group keeps its own map, other text maps to the
        start of what it replaced."""
        for g in range(1, (m.lastindex or 0) + 1):
            if new and m.group(g) == new:
                return self.slice(m.start(g), m.end(g))
        raw = self.to_raw(m.start())
        end = self.to_raw(m.end() - 1) + 1 if m.end() > m.start() else raw
        return Mapped(new, (0,), (raw,), end)

    def lines(self) -> list[Mapped]:
        """Split on ``\\n`` (the newline itself is dropped)."""
        out = []
        start = 0
        text = self.text
        while True:
            nl = text.find("\n", start)
            if nl < 0:
                out.append(self.slice(start))
                return out
            out.append(self.slice(start, nl))
            start = nl + 1


def join(pieces: Iterable[Mapped], sep: str = "") -> Mapped:
    """Concatenate, with ``sep`` between pieces (a separator maps to the next piece)."""
    text: list[str] = []
    clean: list[int] = []
    raw: list[int] = []
    pos = 0
    raw_end = 0
    first = True
    for piece in pieces:
        if not first and sep:
            clean.append(pos)
            raw.append(piece.raw[0] if piece.text else piece.raw_end)
            text.append(sep)
            pos += len(sep)
        first = False
        if not piece.text:
            raw_end = max(raw_end, piece.raw_end)
            continue
        for c, r in zip(piece.clean, piece.raw, strict=True):
            clean.append(pos + c)
            raw.append(r)
        text.append(piece.text)
        pos += len(piece.text)
        raw_end = piece.raw_end
    if not clean:
        return Mapped("", (0,), (raw_end,), raw_end)
    return Mapped("".join(text), tuple(clean), tuple(raw), raw_end)
