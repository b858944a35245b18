"""Footnote markers in running text: found, checked against the footnotes, and taken out.

Markers come as superscripts (``¹``), Markdown (``[^3]``) or bare digits glued to the
word or punctuation before them (``Rights,1``, ``Rights2``, ``of 20172`` for the year 2017
and note 2, ``resolution 77/2285`` for 77/228 and note 5). A bare digit is only a marker
when it is the next note number expected and that note exists: numbers in the text are
far more common than notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from concord.text.mapped import Mapped

_SUPERSCRIPT_TO_DIGIT: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Words a number after a space counts: "paragraph 5 of" is no footnote.
_COUNTED_WORDS: Final = tuple(
    f"{w} "
    for w in (
        "para", "paragraph", "paragraphs", "article", "articles", "resolution", "No", "chapter",
        "section", "vol", "page", "annex", "item", "session", "rule", "principle", "goal",
        "target", "decision", "and", "of", "to", "by", "than", "over", "some", "about",
    )
)  # fmt: skip
# Candidates only; what they are is decided from the characters around them, which is far
# faster than lookbehinds tried at every position. Every candidate opens with a
# superscript, ``[`` or a digit: with that class first, the regex engine skips straight to
# them, and the lookbehind after it says which kind the candidate is. A bare number is a
# candidate only where :func:`_bare` could read a note in it: one to three digits after a
# word, punctuation or a space; three to six after a ``/``; five or six (a year and a
# note). Numbers in running text mostly are none of these.
_SUPERSCRIPTS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKER: Final = re.compile(
    rf"[{_SUPERSCRIPTS}\[\d]"
    rf"(?:(?<=[{_SUPERSCRIPTS}])[{_SUPERSCRIPTS}]*"  # superscript digits
    r"|(?<=\[)\^(?P<md>\d{1,3})\]"  # [^3]
    r"|(?<=\d)(?<!\d\d)"  # a bare number, whole:
    r"(?:(?<=[A-Za-z,.;:)\]”’»》 ]\d)\d{0,2}|(?<=/\d)\d{2,5}|\d{4,5})"
    r"(?=[\s,.;:)\]，。；：、》”]|$))"
)
_GLUED_AFTER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,.;:)]”’»》")
_SPACED_AFTER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,;:)”’")
# What can stand before a short number that is a note (glued, spaced, or ``77/2285``).
_MAY_PRECEDE: Final = _GLUED_AFTER | {" ", "/"}
# ``\b[A-Z]{1,6}(?:-[A-Z0-9]+)*/[A-Za-z0-9./()\-]+|\b[A-Z]\.\d+\b`` (the series may
# carry a session, as the OPCW's decisions do: ``C-24/DEC.4``, ``C-SS-4/DEC.3``), with the
# capital first so that the engine skips to capitals (the lookbehind is the word boundary
# before it).
_SYMBOL: Final = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:[A-Z]{0,5}(?:-[A-Z0-9]+)*/[A-Za-z0-9./()\-]+|\.\d+\b)"
)
# What stands before a number inside a symbol (``A/80/L.6``; a number never opens after a
# digit): a number after anything else (a space, a comma) is in no symbol, and the text
# need not be scanned for symbols.
_SYMBOL_INNER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./()-")


@dataclass(slots=True)
class MarkerState:
    """Notes known to the document and the next one expected, in reading order."""

    known: frozenset[str]
    expected: int = 1
    seen: set[str] = field(default_factory=set)
    _window: tuple[int, frozenset[str], frozenset[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _numbers: tuple[frozenset[str], dict[int, frozenset[str]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def accept(self, marker: str, explicit: bool, slack: int = 1) -> bool:
        """Explicit markers always count; a bare number only when it is a known note and
        the next expected (or, with ``slack``, one after a marker that was missed)."""
        if explicit:
            self._advance(marker)
            return True
        if marker in self.known and self.expected <= int(marker) <= self.expected + slack:
            self._advance(marker)
            return True
        return False

    def window(self) -> frozenset[str]:
        """The known notes a bare number could be now: the next expected, or the one after
        (kept until ``expected`` moves)."""
        if self._window is not None:
            expected, known, notes = self._window
            if expected == self.expected and known is self.known:
                return notes
        numbers = self._by_number()
        notes = numbers.get(self.expected, _NO_NOTES) | numbers.get(self.expected + 1, _NO_NOTES)
        self._window = (self.expected, self.known, notes)
        return notes

    def _by_number(self) -> dict[int, frozenset[str]]:
        """The known notes by their number (built once for the known notes)."""
        if self._numbers is None or self._numbers[0] is not self.known:
            by_number: dict[int, set[str]] = {}
            for note in self.known:
                if note.isdecimal():
                    by_number.setdefault(int(note), set()).add(note)
            frozen = {number: frozenset(notes) for number, notes in by_number.items()}
            self._numbers = (self.known, frozen)
        return self._numbers[1]

    def _advance(self, marker: str) -> None:
        self.seen.add(marker)
        if marker.isdigit() and int(marker) >= self.expected:
            self.expected = int(marker) + 1


_NO_NOTES: Final[frozenset[str]] = frozenset()


def take_markers(text: Mapped, state: MarkerState) -> tuple[Mapped, list[str]]:
    """``text`` without its footnote markers, and the markers in the order cited."""
    if not _may_hold_markers(text.text, state):
        return text, []
    cited: list[str] = []
    masked: list[tuple[int, int]] | None = None
    set_off = False  # whether a marker taken out stood between spaces

    def replace(m: re.Match[str]) -> str:
        nonlocal masked, set_off
        found = m.group(0)
        if found[0] == "[":
            marker = m.group("md")
        elif found[0] in _SUPERSCRIPTS:
            marker = found.translate(_SUPERSCRIPT_TO_DIGIT)
        else:
            at = m.start()
            if not _may_be_note(m.string, at, found, state):
                return found
            if at > 0 and m.string[at - 1] in _SYMBOL_INNER:
                if masked is None:
                    masked = _masked_ranges(m.string)
                if any(a <= at < b for a, b in masked):
                    return found
            kept, marker = _bare(m.string, at, found, state)
            if marker:
                cited.append(marker)
                set_off = set_off or (not kept and _between_spaces(m.string, at, m.end()))
            return kept
        state.accept(marker, explicit=True)
        cited.append(marker)
        set_off = set_off or _between_spaces(m.string, m.start(), m.end())
        return ""

    s = text.text
    if "[" in s or _holds_superscript(s):
        out = text.sub(_MARKER, replace)
    else:
        out = text.sub_matches(_bare_candidates(s, state), replace)
    return (_tidy(out) if set_off else out), cited


def _between_spaces(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a space before it and a space or the end after."""
    return start > 0 and text[start - 1] == " " and (end == len(text) or text[end] == " ")


def _tidy(text: Mapped) -> Mapped:
    """A marker set off by spaces (``States 4 that``, ``Action [^5] and``) leaves two
    behind, or one at the end: one goes."""
    if _SPACE_RUN.search(text.text):
        text = text.sub(_SPACE_RUN, " ")
    return text.strip()


_SPACE_RUN: Final = re.compile("  +")


def _holds_superscript(text: str) -> bool:
    # Superscripts are not ASCII: an ASCII text (most paragraphs) holds none.
    # ``map`` over ``__contains__``: the same tests as a generator, without its frames.
    return not text.isascii() and any(map(text.__contains__, _SUPERSCRIPTS))


def _bare_candidates(text: str, state: MarkerState) -> Iterator[re.Match[str]]:
    """The matches of ``_MARKER`` in a text without explicit markers that could hold a
    note: the numbers holding one of the notes a bare number could be now, found with
    substring searches rather than by trying the pattern at every digit (numbers are
    common; notes in a paragraph are few). The same matches, in the same order, as
    ``_MARKER.finditer`` gives, less numbers that :func:`_may_be_note` rules out: every
    note read from a bare number ends it, so the number holds it. The window is asked for
    again after each match, which may have moved it."""
    pos = 0
    n = len(text)
    while True:
        at = -1
        for note in state.window():
            i = text.find(note, pos)
            if i >= 0 and (at < 0 or i < at):
                at = i
        if at < 0:
            return
        # The whole number around it: matches start where a number does.
        start = at
        while start > pos and text[start - 1].isdecimal():
            start -= 1
        end = at + 1
        while end < n and text[end].isdecimal():
            end += 1
        m = _MARKER.match(text, start)
        if m is not None:
            yield m
        pos = end


def _may_hold_markers(text: str, state: MarkerState) -> bool:
    """False for a text in which no marker can be read: it holds no ``[`` and no
    superscript (so no explicit marker), and none of the notes a bare number could be now
    (every note read from a bare number is one of them, and a piece of the text). Most
    paragraphs are ruled out here by a few substring tests, far faster than a regex scan."""
    if "[" in text or _holds_superscript(text):
        return True
    return any(map(text.__contains__, state.window()))


def _may_be_note(text: str, at: int, digits: str, state: MarkerState) -> bool:
    """Whether :func:`_bare` could read a note in ``digits`` at ``at`` (most numbers are
    ruled out here, cheaply). Every note it reads is the whole number or its last one or
    two digits, a known note and the next expected (or the one after); a short number
    follows a word, punctuation, a space or a ``/``."""
    window = state.window()
    if not (digits in window or digits[-1:] in window or digits[-2:] in window):
        return False
    if len(digits) > 3:
        return True
    return at > 0 and text[at - 1] in _MAY_PRECEDE


def _bare(text: str, at: int, digits: str, state: MarkerState) -> tuple[str, str | None]:
    """A number in the text: ``(what stays, the note marker)`` — most numbers stay whole."""
    prev = text[at - 1] if at else ""
    if len(digits) in (5, 6) and digits[:2] in ("18", "19", "20") and prev != "/":
        # "of 20172": the year 2017 and note 2.
        if state.accept(digits[4:], explicit=False):
            return digits[:4], digits[4:]
        return digits, None
    if prev == "/":
        # "resolution 77/2285": resolutions run to a few hundred a session, so 228 and
        # note 5. Decisions are numbered from 401, though ("decisions 73/512 and 75/514"):
        # three digits are read as a number and its note only where the note is the one
        # expected next, not the one after.
        slack = 0 if len(digits) == 3 else 1
        for k in (1, 2):
            if (
                len(digits) > k + 1
                and int(digits) > 400
                and state.accept(digits[-k:], False, slack=slack)
            ):
                return digits[:-k], digits[-k:]
        return digits, None
    if len(digits) > 3:
        return digits, None
    decimal = prev == "." and at > 1 and text[at - 2].isdigit()
    if prev in _GLUED_AFTER and not decimal and state.accept(digits, explicit=False):
        return "", digits
    end = at + len(digits)
    if prev == " " and at > 1 and _spaced_marker(text, at - 2, end):
        counted = text[max(0, at - 12) : at].endswith(_COUNTED_WORDS)
        if not counted and state.accept(digits, explicit=False, slack=0):
            return "", digits
    return digits, None


def _spaced_marker(text: str, before: int, end: int) -> bool:
    """Whether a number set off by a space after ``text[before]`` stands where a spaced
    marker does: after a word or a comma, before the end of the text, a lower-case word or
    punctuation (``of Rights 3 and``); or after a comma or the full stop of a sentence,
    before a capital (``Rarotonga, 3 Bangkok``, ``the Paris Principles. 13 We``), where a
    count would be written in words or open no sentence; or after a comma, before a year
    (``for 2021, 1 2022,2``)."""
    char = text[before]
    after_stop = char == "." and _ends_sentence(text, before)
    if not (char in _SPACED_AFTER or after_stop):
        return False
    if _spaced_end(text, end) and (char != "." or end == len(text)):
        return True
    if char not in ",." or text[end : end + 1] != " ":
        return False
    return text[end + 1 : end + 2].isupper() or (char == "," and _year_at(text, end + 1))


def _year_at(text: str, at: int) -> bool:
    """Whether a year (four digits, 1900 to 2099, not part of a longer number) starts at
    ``at``."""
    year = text[at : at + 4]
    return (
        len(year) == 4
        and year.isdigit()
        and year[:2] in ("19", "20")
        and not text[at + 4 : at + 5].isdigit()
    )


# Abbreviations a number follows (``para. 7``): their stop ends no sentence.
_ABBREVIATIONS: Final = frozenset(
    {"para", "paras", "chap", "sect", "Corr", "Rev", "Add", "Suppl", "Amend", "vols"}
)


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a sentence: it follows a word of four letters
    or more that is no abbreviation (``Future.``, not ``No.``, ``para.`` or ``2015.``)."""
    start = stop
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:stop]
    return len(word) >= 4 and word not in _ABBREVIATIONS


def _spaced_end(text: str, end: int) -> bool:
    """A spaced marker is followed by two spaces, a lower-case word, a comma or the end."""
    rest = text[end : end + 2]
    if not rest or rest[0] in ",;":
        return True
    return rest[0] == " " and (rest[1:] == "" or rest[1].isspace() or rest[1].islower())


def _masked_ranges(text: str) -> list[tuple[int, int]]:
    """Document symbols (``A/80/L.6``): digits inside them are never markers."""
    return [(m.start(), m.end()) for m in _SYMBOL.finditer(text)]
