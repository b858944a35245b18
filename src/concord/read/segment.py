"""Segment: cleaned lines -> the blocks of a resolution.

Heading (everything before the enacting formula), body lines, closing (date, meeting),
the adoption block in brackets, annexes, and the footnotes found at page feet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from concord.languages.base import LanguagePack
from concord.model import Warning
from concord.text.mapped import Mapped, join
from concord.text.normalise import FURNITURE_FIRST, is_footnote_rule, is_furniture

_SUPERSCRIPTS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_DIGITS: Final = str.maketrans(_SUPERSCRIPTS, "0123456789")
_SUPERSCRIPT_NOTE: Final = re.compile(rf"^([{_SUPERSCRIPTS}]+)\s*(\S.*)$")
_MARKDOWN_NOTE: Final = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_PLAIN_NOTE: Final = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# A note line starts with a superscript or ``[^`` (or, in a block of notes, a digit).
_NOTE_FIRST: Final = frozenset(_SUPERSCRIPTS + "[")
# What a footnote rule, page furniture or a note can open with, besides a digit.
_SPECIAL_FIRST: Final = FURNITURE_FIRST | _NOTE_FIRST


class Line:
    """A line of text (never changed once built; a plain class, as :class:`Mapped` is)."""

    __slots__ = ("blank_before", "text")

    def __init__(self, text: Mapped, blank_before: bool):
        self.text = text
        self.blank_before = blank_before

    def __repr__(self) -> str:
        return f"Line(text={self.text!r}, blank_before={self.blank_before!r})"


@dataclass(slots=True)
class RawFootnote:
    marker: str
    lines: list[Mapped]


@dataclass(slots=True)
class Blocks:
    heading: list[Line] = field(default_factory=list)
    formula: Line | None = None
    body: list[Line] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    adoption: list[Line] = field(default_factory=list)
    annexes: list[list[Line]] = field(default_factory=list)
    footnotes: list[RawFootnote] = field(default_factory=list)
    furniture: list[Mapped] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    blank_lines_meaningful: bool = True


def split_lines(
    doc: Mapped,
) -> tuple[list[Line], list[RawFootnote], list[Mapped], list[Warning]]:
    """Lines of text, with footnotes and page furniture taken out.

    Footnotes come as ``¹ text`` (Chinese PDFs), ``[^1]: text`` (Markdown extraction) or as
    a block after a rule at the foot of a page (``1 Resolution 217 A (III).``), which runs
    until the page's job number. A line of a note that opens with a number (``1994 (United
    Nations publication...``) may come out of extraction as a note of its own
    (``[^1994]: (United...``): see :func:`_continues`.
    """
    lines: list[Line] = []
    notes: list[RawFootnote] = []
    furniture: list[Mapped] = []
    warnings: list[Warning] = []
    blank = False
    in_notes = False
    # Whether the line before (with no blank line between) was a line of a note.
    note_open = False
    start = 0
    # Most documents keep a single anchor through normalisation: a line's map is then
    # its raw offset, built here directly (what ``doc.slice`` builds, without its search).
    linear = len(doc.clean) == 1
    base = doc.raw[0] - doc.clean[0]
    for raw_line in doc.text.split("\n"):
        line_start = start
        start += len(raw_line) + 1
        text = raw_line.strip()
        if not text:
            blank = True
            note_open = False
            continue
        at = line_start
        if raw_line[0] != text[0]:
            at += len(raw_line) - len(raw_line.lstrip())
        if linear:
            line = Mapped(text, (0,), (base + at,), base + at + len(text))
        else:
            line = doc.slice(at, at + len(text))
        # Most lines open with a letter none of the tests below can start with.
        first = text[0]
        if first in _SPECIAL_FIRST or first.isdecimal():
            if is_footnote_rule(text):
                in_notes = True
                note_open = False
                continue
            if is_furniture(text):
                furniture.append(line)
                in_notes = False
                note_open = False
                continue
            note = _note_start(text, in_notes)
            if note:
                marker, digits, offset = note
                if note_open and digits >= 0 and _continues(notes[-1].marker, marker):
                    # The number is the note's text: ``... 5–13 September`` + ``1994``.
                    notes[-1].lines += [line.slice(digits, digits + len(marker))]
                    if offset < len(text):
                        notes[-1].lines.append(line.slice(offset))
                    warnings.append(
                        Warning(
                            "note_line",
                            f"a line of footnote {notes[-1].marker} that opens with {marker}"
                            f" was printed as a note of its own: read as part of footnote"
                            f" {notes[-1].marker}",
                            line.span(0, offset),
                        )
                    )
                    continue
                notes.append(RawFootnote(marker, [line.slice(offset)]))
                note_open = True
                continue
        if in_notes and notes:
            notes[-1].lines.append(line)
            note_open = True
            continue
        lines.append(Line(line, blank))
        blank = False
        note_open = False
    return lines, notes, furniture, warnings


def _note_start(text: str, in_notes: bool) -> tuple[str, int, int] | None:
    """``(marker, where its digits are in the line or -1 for superscripts, where the note's
    text starts)`` for a line that opens a note."""
    first = text[0]
    if first not in _NOTE_FIRST and not (in_notes and first.isdecimal()):
        return None
    m = _SUPERSCRIPT_NOTE.match(text)
    if m:
        return m.group(1).translate(SUPERSCRIPT_DIGITS), -1, m.start(2)
    m = _MARKDOWN_NOTE.match(text)
    if not m and in_notes:
        m = _PLAIN_NOTE.match(text)
    if not m:
        return None
    return m.group(1), m.start(1), m.start(2)


def _continues(previous: str, marker: str) -> bool:
    """Whether a note ``marker`` printed on the line right after a line of note
    ``previous`` (no blank line between) is that note's text instead: notes are numbered
    in order, so the next is ``previous + 1`` (or ``+ 2``, where one was lost). Any other
    number there is a year, a day or a volume that opened a line of the note (``5–13
    September`` / ``1994 (United Nations publication``), which Markdown extraction
    printed as a note of its own."""
    if not (previous.isdecimal() and marker.isdecimal()):
        return False
    return not 0 < int(marker) - int(previous) <= 2


def segment(doc: Mapped, pack: LanguagePack) -> Blocks:
    lines, notes, furniture, warnings = split_lines(doc)
    blocks = Blocks(footnotes=notes, furniture=furniture, warnings=warnings)
    blocks.blank_lines_meaningful = _blank_lines_meaningful(lines)
    lines = _split_inline_closing(lines, pack)
    start = _find_formula(lines, pack)
    if start is None:
        blocks.body = lines
        if lines:
            blocks.warnings.append(
                Warning(
                    "no_heading",
                    "no enacting formula found: the text is read as paragraphs only",
                    lines[0].text.span(0, 0),
                )
            )
    else:
        blocks.heading = lines[:start]
        blocks.formula = lines[start]
        blocks.body = lines[start + 1 :]
    _split_tail(blocks, pack)
    return blocks


def _blank_lines_meaningful(lines: list[Line]) -> bool:
    """False when the extraction put a blank line after every line of the page layout:
    blank lines then say nothing about paragraphs. Lines that are whole paragraphs
    (long) separated by blank lines are another matter."""
    if len(lines) < 6:
        return True
    blanks = [line.blank_before for line in lines[1:]].count(True)
    lengths = sorted([len(line.text.text) for line in lines])
    layout_lines = lengths[len(lengths) // 2] < 100
    return not (blanks >= 0.75 * (len(lines) - 1) and layout_lines)


def _find_formula(lines: list[Line], pack: LanguagePack) -> int | None:
    for i, line in enumerate(lines[:60]):
        if pack.enacting_formula.match(line.text.text):
            return i
    return None


# ``(?<=[.;])\s+(?=...meeting)|\s+(?=\[Adopted...)``, with a space first so that the engine
# skips to spaces (the lookbehind after it looks past that space).
_INLINE_CLOSING_EN: Final = re.compile(
    r"\s(?:(?<=[.;]\s)\s*(?=\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b)"
    r"|\s*(?=\[(?:Adopted|经|未经)))"
)


def _may_hold_closing(text: str) -> bool:
    """What :data:`_INLINE_CLOSING_EN` needs: ``meeting``, or a bracket opening the
    adoption block (substring tests, far faster than trying the pattern)."""
    return "meeting" in text or ("[" in text and any(w in text for w in _ADOPTION_OPENINGS))


_ADOPTION_OPENINGS: Final = ("[Adopted", "[经", "[未经")


def _split_inline_closing(lines: list[Line], pack: LanguagePack) -> list[Line]:
    """``... session. 54th meeting 23 March 2018 [Adopted ...`` -> three lines."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if not _may_hold_closing(text.text):
            out.append(line)
            continue
        cuts = [m.end() for m in _INLINE_CLOSING_EN.finditer(text.text)]
        if not cuts:
            out.append(line)
            continue
        start = 0
        for cut in [*cuts, len(text)]:
            piece = text.slice(start, cut).strip()
            if piece.text:
                out.append(Line(piece, line.blank_before if start == 0 else True))
            start = cut
    return out


def _split_tail(blocks: Blocks, pack: LanguagePack) -> None:
    """Move the closing, the adoption block and annexes out of the body.

    Annexes follow the closing (``Annex`` / ``附件`` on a line of its own); a text with no
    closing can still have them.
    """
    body = blocks.body
    closing_at = _closing_start(body, pack)
    search_from = 0 if closing_at is None else closing_at
    annex_at = next(
        (i for i in range(search_from, len(body)) if pack.annex_line.match(body[i].text.text)),
        None,
    )
    if annex_at is not None:
        blocks.annexes = _split_annexes(body[annex_at:], pack)
        body = body[:annex_at]
    if closing_at is not None:
        tail = body[closing_at:]
        body = body[:closing_at]
        for i, line in enumerate(tail):
            if line.text.text.startswith("["):
                blocks.closing = tail[:i]
                blocks.adoption = tail[i:]
                break
        else:
            blocks.closing = tail
    blocks.body = body


def _closing_start(body: list[Line], pack: LanguagePack) -> int | None:
    for i, line in enumerate(body):
        text = line.text.text
        if pack.meeting_line.match(text):
            if i > 0 and pack.date_line.match(body[i - 1].text.text):
                return i - 1
            return i
        if text.startswith("[") and (
            pack.vote_tally.search(text) or pack.without_vote.search(text)
        ):
            return i
    return None


def _split_annexes(lines: list[Line], pack: LanguagePack) -> list[list[Line]]:
    annexes: list[list[Line]] = []
    for line in lines:
        if pack.annex_line.match(line.text.text) or not annexes:
            annexes.append([line])
        else:
            annexes[-1].append(line)
    return annexes


def footnote_text(note: RawFootnote, joiner: str) -> Mapped:
    return join(note.lines, joiner).strip()
