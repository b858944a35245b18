"""Text that remembers where it came from.

A :class:`Mapped` string is a cleaned-up piece of the decoded input together with an offset
map back into that input, so that everything found in clean text can point at the raw
text it was read from. The map is piecewise linear: a sorted list of anchors
``(clean offset, raw offset)``; between two anchors clean and raw advance together.
Edits (:meth:`Mapped.sub`), slices and joins keep the map, so spans survive every
normalisation step.

Most texts keep a single anchor all the way through (an edit that changes no length adds
none: anchors in line with the one before are never stored), and every operation has a
short path for that case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

Replacement = str | Callable[[re.Match[str]], str]


class Mapped:
    """A piece of clean text and its map into the raw text.

    Never changed once built: every operation returns a new one. (A plain class, not a
    dataclass: one is built for every line and paragraph, and compiled (see setup.py) a
    class's own ``__init__`` is native code, where a dataclass's stays Python.)
    """

    __slots__ = ("clean", "raw", "raw_end", "text")

    def __init__(self, text: str, clean: tuple[int, ...], raw: tuple[int, ...], raw_end: int):
        self.text = text
        self.clean = clean
        self.raw = raw
        self.raw_end = raw_end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapped):
            return NotImplemented
        return (self.text, self.clean, self.raw, self.raw_end) == (
            other.text,
            other.clean,
            other.raw,
            other.raw_end,
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, and not frozen

    def __repr__(self) -> str:
        return f"Mapped({self.text!r}, {self.clean!r}, {self.raw!r}, {self.raw_end!r})"

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
        clean = self.clean
        if len(clean) == 1:
            return self.raw[0] + (pos - clean[0])
        i = bisect_right(clean, pos) - 1
        return self.raw[i] + (pos - clean[i])

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean range ``[start, end)``."""
        n = len(self.text)
        if end is None:
            end = n
        if len(self.clean) == 1 and 0 <= start < end <= n:
            # One anchor, a range inside the text (most spans): both ends by one addition.
            shift = self.raw[0] - self.clean[0]
            return shift + start, shift + end
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def slice(self, start: int, end: int | None = None) -> Mapped:
        text = self.text
        n = len(text)
        # start into [0, n], end into [start, n]
        if end is None or end > n:
            end = n
        if start < 0:
            start = 0
        elif start > n:
            start = n
        if end < start:
            end = start
        clean, raw = self.clean, self.raw
        if len(clean) == 1:
            first = raw[0] + (start - clean[0])
            return Mapped(text[start:end], (0,), (first,), first + (end - start))
        i = bisect_right(clean, start) - 1
        first = raw[i] + (start - clean[i])
        if end == start:
            return Mapped("", (0,), (first,), first)
        j = bisect_right(clean, end - 1, i + 1)
        raw_end = raw[j - 1] + (end - clean[j - 1])
        if j == i + 1:
            return Mapped(text[start:end], (0,), (first,), raw_end)
        return Mapped(
            text[start:end],
            (0, *[c - start for c in clean[i + 1 : j]]),
            (first, *raw[i + 1 : j]),
            raw_end,
        )

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
        return self.sub_matches(pattern.finditer(self.text), repl)

    def sub_matches(self, matches: Iterable[re.Match[str]], repl: Replacement) -> Mapped:
        """:meth:`sub` over matches found otherwise: in this text, in order, none
        overlapping. Each is replaced before the next is asked for."""
        out: _Builder | None = None
        last = 0
        expand = _expander(repl)
        for m in matches:
            new = expand(m)
            if new == m.group(0):
                continue
            if out is None:
                out = _Builder()
            out.add_slice(self, last, m.start())
            self._replacement(out, m, new)
            last = m.end()
        if out is None:
            return self
        out.add_slice(self, last, len(self.text))
        return out.build()

    def replace_chars(self, chars: str, new: str) -> Mapped:
        """Each of ``chars`` replaced by the one character ``new``: the same as :meth:`sub`
        with the class of ``chars``, far faster (a substring test for each character, and
        the map stays as it is: a character for a character moves nothing)."""
        if len(new) != 1:
            raise ValueError("replace_chars replaces a character by one character")
        text = self.text
        for char in chars:
            if char in text:
                text = text.replace(char, new)
        if text is self.text:
            return self
        # Where the text ends in raw, as :meth:`sub` puts it after an edit.
        clean, raw = self.clean, self.raw
        return Mapped(text, clean, raw, raw[-1] + (len(text) - clean[-1]))

    def _replacement(self, out: _Builder, m: re.Match[str], new: str) -> None:
        """What replaces a match: a kept group keeps its own map, other text maps to the
        start of what it replaced."""
        for g in range(1, (m.lastindex or 0) + 1):
            if new and m.group(g) == new:
                out.add_slice(self, m.start(g), m.end(g))
                return
        raw = self.to_raw(m.start())
        end = self.to_raw(m.end() - 1) + 1 if m.end() > m.start() else raw
        out.add_text(new, raw, end)

    def lines(self) -> list[Mapped]:
        """Split on ``\\n`` (the newline itself is dropped)."""
        out = []
        start = 0
        for line in self.text.split("\n"):
            end = start + len(line)
            out.append(self.slice(start, end))
            start = end + 1
        return out


def _expander(repl: Replacement) -> Callable[[re.Match[str]], str]:
    if callable(repl):
        return repl
    if "\\" in repl:
        # ``Match.expand`` parses the template at every match: where matches are many, the
        # caller passes a function instead.
        return lambda m: m.expand(repl)
    # A template without a backslash is its own expansion.
    return lambda m: repl


class _Builder:
    """Pieces of mapped text put end to end (what :func:`join` and :meth:`Mapped.sub`
    build), without a :class:`Mapped` for each piece."""

    __slots__ = ("clean", "pos", "raw", "raw_end", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.clean: list[int] = []
        self.raw: list[int] = []
        self.pos = 0
        self.raw_end = 0

    def _anchor(self, clean: int, raw: int) -> None:
        # An anchor in line with the one before says nothing new.
        if self.clean and raw - self.raw[-1] == clean - self.clean[-1]:
            return
        self.clean.append(clean)
        self.raw.append(raw)

    def add_slice(self, src: Mapped, start: int, end: int) -> None:
        """Add ``src.slice(start, end)`` (``0 <= start <= end <= len(src)``)."""
        clean, raw = src.clean, src.raw
        i = 0 if len(clean) == 1 else bisect_right(clean, start) - 1
        first = raw[i] + (start - clean[i])
        if end == start:
            self.raw_end = max(self.raw_end, first)
            return
        pos = self.pos
        self._anchor(pos, first)
        j = i + 1 if len(clean) == 1 else bisect_right(clean, end - 1, i + 1)
        for k in range(i + 1, j):
            self._anchor(pos + clean[k] - start, raw[k])
        self.texts.append(src.text[start:end])
        self.pos = pos + (end - start)
        self.raw_end = raw[j - 1] + (end - clean[j - 1])

    def add(self, piece: Mapped) -> None:
        if not piece.text:
            self.raw_end = max(self.raw_end, piece.raw_end)
            return
        pos = self.pos
        for c, r in zip(piece.clean, piece.raw, strict=True):
            self._anchor(pos + c, r)
        self.texts.append(piece.text)
        self.pos = pos + len(piece.text)
        self.raw_end = piece.raw_end

    def add_text(self, text: str, raw: int, raw_end: int) -> None:
        """New text, all of it mapped linearly from ``raw``."""
        if not text:
            self.raw_end = max(self.raw_end, raw_end)
            return
        self._anchor(self.pos, raw)
        self.texts.append(text)
        self.pos += len(text)
        self.raw_end = raw_end

    def add_separator(self, sep: str, before: Mapped) -> None:
        """``sep`` ahead of the piece ``before``, mapped to where that piece starts."""
        self._anchor(self.pos, before.raw[0] if before.text else before.raw_end)
        self.texts.append(sep)
        self.pos += len(sep)

    def build(self) -> Mapped:
        if not self.clean:
            return Mapped("", (0,), (self.raw_end,), self.raw_end)
        return Mapped("".join(self.texts), tuple(self.clean), tuple(self.raw), self.raw_end)


def join(pieces: Iterable[Mapped], sep: str = "") -> Mapped:
    """Concatenate, with ``sep`` between pieces (a separator maps to the next piece)."""
    out = _Builder()
    first = True
    for piece in pieces:
        if not first and sep:
            out.add_separator(sep, piece)
        first = False
        out.add(piece)
    return out.build()


def join_with(pieces: Iterable[tuple[str, Mapped]]) -> Mapped:
    """Concatenate ``(separator, piece)`` pairs, each separator mapped to its piece."""
    out = _Builder()
    for sep, piece in pieces:
        if sep:
            out.add_separator(sep, piece)
        out.add(piece)
    return out.build()
