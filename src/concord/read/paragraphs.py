"""Body lines -> paragraphs: where one starts, its number, its opening phrase, its parts."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from concord.languages.base import LanguagePack
from concord.model import Warning
from concord.read.segment import Line
from concord.text.mapped import Mapped
from concord.text.normalise import drop_cjk_spaces, mend_hyphen_space, unbreak

_NUMBERED: Final = re.compile(r"^(?P<num>\d{1,3})\s*[.．](?!\d)\s*(?=\S)")
_TRAILING_MARKS: Final = "0123456789⁰¹²³⁴⁵⁶⁷⁸⁹ *]"


def _number(text: str) -> re.Match[str] | None:
    """The paragraph number ``text`` opens with (``5. ``): a text that does not open with a
    digit (most lines) is ruled out without trying the pattern."""
    return _NUMBERED.match(text) if text[:1].isdecimal() else None


class Draft:
    """A paragraph being read: its text keeps the map into the raw input. (Plain classes
    here and in :mod:`concord.text.mapped`: built by the thousand, and compiled (see
    setup.py) a class's own ``__init__`` is native code, where a dataclass's stays Python.)"""

    __slots__ = ("cut", "footnotes", "full", "heading", "kind", "num", "text")

    def __init__(self, text: Mapped, full: Mapped, num: str | None = None, kind: str = "preamble"):
        self.text = text
        self.full = full
        self.num = num
        self.kind = kind
        self.footnotes: list[str] = []
        self.heading: str | None = None
        # Whether the paragraph after it was run into it with no stop between: its end
        # may be lost (see ``split_inline_numbers``).
        self.cut = False


def group(lines: list[Line], pack: LanguagePack, blank_lines_meaningful: bool) -> list[list[Line]]:
    """Lines into paragraphs.

    A line opens a paragraph when it starts with a number (``5.``) or a known opening
    phrase and the text before it ended a paragraph (or a meaningful blank line stands
    between them); anything else continues the paragraph before it.
    """
    paras: list[list[Line]] = []
    numbered = False
    for line in lines:
        is_numbered = _number(line.text.text) is not None
        opens = not paras or _opens(line, is_numbered, paras[-1][-1], pack, blank_lines_meaningful)
        # Once paragraphs are numbered, a sentence that opens like a paragraph ("We will
        # ensure ...") inside a numbered one does not start a new one, nor does an item of
        # a list whose letter extraction lost; a paragraph whose number it lost does.
        if opens and numbered and not is_numbered:
            opens = blank_lines_meaningful and _lost_number(line, paras[-1], pack)
        numbered = numbered or (opens and is_numbered)
        if opens:
            paras.append([line])
        else:
            paras[-1].append(line)
    return paras


def _opens_sentences(phrase: str, pack: LanguagePack) -> bool:
    """Whether an opening phrase opens sentences inside a paragraph as often as paragraphs:
    a declaration's paragraphs run to several sentences, each ``We ...`` (the pack's
    ``sentence_openers``)."""
    return any(
        phrase == opener or phrase.startswith(opener + pack.joiner)
        for opener in pack.sentence_openers
    )


def _lost_number(line: Line, para: list[Line], pack: LanguagePack) -> bool:
    """Whether ``line``, which opens like a paragraph but has no number, is a numbered
    paragraph whose number PDF extraction lost (``1. Endorses ...;`` then ``Expresses its
    profound gratitude ...``): it stands after a blank line, opens with an operative
    phrase, and follows a numbered paragraph that ended with a semicolon and holds no
    list (whose items, their letters lost, would open the same way)."""
    text = line.text.text
    if not line.blank_before or _number(para[0].text.text) is None:
        return False
    found = pack.operative.match(text)
    if found is None or _opens_sentences(found[0], pack):
        return False
    ended = para[-1].text.text.rstrip(_TRAILING_MARKS).rstrip('”’"')
    if ended[-1:] not in (";", "；"):
        return False
    for held in para:
        held_text = held.text.text
        if _SUB_MARK.match(held_text) or held_text.rstrip(_TRAILING_MARKS)[-1:] in (":", "："):
            return False
    return True


def take_headings(
    lines: list[Line], pack: LanguagePack, blank_lines_meaningful: bool
) -> tuple[list[Line], list[tuple[Line, Line]]]:
    """``(lines, headings)``: the headings some resolutions print over groups of their
    paragraphs (``Peacebuilding financing``) taken out of the lines (where they would run
    into the paragraph before), each with the line that opens the paragraph it heads.

    A heading stands alone between blank lines, after a line that ends a paragraph or a
    clause and before a line that opens one; it is short, opens with a capital, ends with
    no punctuation and opens no paragraph itself.
    """
    if not blank_lines_meaningful or len(lines) < 3:
        return lines, []
    kept: list[Line] = []
    headings: list[tuple[Line, Line]] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if (
            0 < i < last
            and line.blank_before
            and kept
            and _is_heading(line, kept[-1], lines[i + 1], pack)
        ):
            headings.append((line, lines[i + 1]))
        else:
            kept.append(line)
    return kept, headings


_HEADING_MAX: Final = 120


def _is_heading(line: Line, prev: Line, following: Line, pack: LanguagePack) -> bool:
    text = line.text.text
    if not (following.blank_before and len(text) <= _HEADING_MAX and text[0].isupper()):
        return False
    if text[-1] in ".,;:" or _opens_paragraph(text, pack):
        return False
    ended = prev.text.text.rstrip(_TRAILING_MARKS).rstrip('”’"')
    if not (ended and (ended[-1] in ",;:" or ended[-1] in pack.sentence_end)):
        return False
    return _opens_paragraph(following.text.text, pack)


# The longest title that stands alone over a paragraph.
_TITLE_MAX: Final = 200


def is_title(line: Line, following: Line, pack: LanguagePack) -> bool:
    """Whether ``line`` is a title standing alone over the paragraph ``following`` opens
    (an annex's: ``Doha Political Declaration of the ...``): short, opening with a capital
    (any character in Chinese), ending with no punctuation, and opening no paragraph
    itself."""
    text = line.text.text
    if not text or len(text) > _TITLE_MAX or not (pack.cjk or text[0].isupper()):
        return False
    if text[-1] in ".,;:。，；：" or _opens_paragraph(text, pack):
        return False
    return _opens_paragraph(following.text.text, pack)


def _opens_paragraph(text: str, pack: LanguagePack) -> bool:
    return bool(_number(text) or pack.preamble.match(text) or pack.operative.match(text))


def _opens(
    line: Line, is_numbered: bool, prev: Line, pack: LanguagePack, blank_meaningful: bool
) -> bool:
    text = line.text.text
    if not (is_numbered or pack.preamble.match(text) or pack.operative.match(text)):
        return False
    if line.blank_before and blank_meaningful:
        return True
    return ends_paragraph(prev.text.text, pack)


def ends_paragraph(text: str, pack: LanguagePack) -> bool:
    stripped = text.rstrip(_TRAILING_MARKS).rstrip('”’"')
    return bool(stripped) and stripped[-1] in pack.sentence_end


def build(lines: list[Line], pack: LanguagePack) -> Mapped:
    """One paragraph's lines joined and cleaned, still mapped to the raw text."""
    text = unbreak([line.text for line in lines], pack.joiner)
    text = mend_hyphen_space(text)
    if pack.cjk:
        text = drop_cjk_spaces(text)
    for step in pack.inline_steps:
        text = step(text)
    return text.strip()


def split_inline_numbers(
    drafts: list[Draft], raw: str = "", pack: LanguagePack | None = None
) -> list[Draft]:
    """``... persons.8 6. We recall ...``: a numbered paragraph that PDF extraction ran into
    the one before it is split off, when its number is the next one expected.

    A heading printed over it on lines of its own, and run in with it (``... sustainable
    development. I. Global context and shared commitments 3. We gather``), becomes its
    heading: only where the heading starts a line of ``raw``, the text the spans point
    into (a sentence that ends with the number is no heading).

    Where the next paragraph found is numbered further on (``1.``, then ``4.``), the
    numbers between are looked for too, in order: extraction may have lost one of them
    (``2.``) and run the next (``3.``) in. And where the number left before the next
    paragraph found is run in with no stop before it (``... finance facility for 15. We
    emphasize``, the end of 14 lost), it is split off when the pack's operative phrase
    follows it; the paragraph it is split from is marked ``cut``."""
    out: list[Draft] = []
    # The number of the next numbered paragraph after each (one pass, from the end).
    following: list[int | None] = [None] * len(drafts)
    last_seen: int | None = None
    for i in range(len(drafts) - 1, -1, -1):
        following[i] = last_seen
        printed = drafts[i].num
        if printed is not None:
            last_seen = int(printed)
    for i, draft in enumerate(drafts):
        while draft.num is not None:
            found = _next_run_in(draft, int(draft.num), following[i], raw, pack)
            if found is None:
                break
            head_end, tail_start, heading = found
            head = draft.full.slice(0, head_end).strip()
            tail = draft.full.slice(tail_start).strip()
            before = _numbered(head, draft.kind)
            before.cut = head_end == tail_start  # no stop between them
            out.append(before)
            draft = _numbered(tail, draft.kind)
            draft.heading = heading
        out.append(draft)
    return out


def _next_run_in(
    draft: Draft, num: int, after: int | None, raw: str, pack: LanguagePack | None
) -> tuple[int, int, str | None] | None:
    """Where the paragraph run into ``draft`` (numbered ``num``) starts, as
    :func:`_run_in` finds it: the next number first; then, where the next paragraph
    found is numbered ``after``, further on, the numbers between."""
    text = draft.full.text
    expected = str(num + 1)
    if _may_hold_inline_number(text, expected):
        found = _run_in(draft.full, expected, raw)
        if found is not None:
            return found
        if pack is not None and after == num + 2:
            return _run_in_mid_sentence(draft.full, expected, pack)
    if after is None or after <= num + 2:
        return None
    for candidate in range(num + 2, min(after, num + 1 + _LOST_NUMBERS)):
        expected = str(candidate)
        if _may_hold_inline_number(text, expected):
            found = _run_in(draft.full, expected, raw)
            if found is not None:
                return found
    return None


# The most numbers looked for past the one expected, where the next paragraph found is
# numbered further on.
_LOST_NUMBERS: Final = 3


# How far past a number an operative phrase is looked for (the longest phrases, ``We
# further reaffirm our commitment``, are some 40 characters), with room to spare.
_PHRASE_REACH: Final = 80


def _run_in_mid_sentence(
    full: Mapped, number: str, pack: LanguagePack
) -> tuple[int, int, str | None] | None:
    """``(where the paragraph before ends, where the run-in one starts, None)`` for
    ``number`` standing after a space, with no stop before it, and before the pack's
    operative phrase (``... facility for 15. We emphasize``)."""
    text = full.text
    for at in _numbers_before_stops(text, number):
        # What follows the number's stop, as far as an opening phrase reaches.
        rest = text[at + len(number) : at + len(number) + _PHRASE_REACH].lstrip()[1:].lstrip()
        if rest[:1].isupper() and pack.operative.match(rest) is not None:
            return at, at, None
    return None


def _run_in(full: Mapped, number: str, raw: str) -> tuple[int, int, str | None] | None:
    """``(where the paragraph before ends, where the run-in one starts, its heading)`` for
    the first place ``number`` is run in after a stop; or, failing that, after a stop and a
    heading that starts a line of ``raw``."""
    text = full.text
    m = _inline_number(number).search(text)
    if m:
        return m.end("note") if m.group("note") else m.end("stop"), m.start("num"), None
    if not raw:
        return None
    for at in _numbers_before_stops(text, number):
        # The stop before the heading: the last one before the number, or the one before a
        # section's roman numeral (``action. III. Conclusion and call to action 23.``).
        low = max(0, at - _HEADING_MAX - 12)
        stop = max(text.rfind(c, low, at) for c in ".;:")
        if stop < 0:
            continue
        roman = _ROMAN_BEFORE.search(text, low, stop + 1)
        if roman:
            stop = roman.start()
        gap = text[stop + 1 : at]
        start = at - len(gap.lstrip())
        heading = gap.strip()
        if not _RUN_IN_HEADING.fullmatch(heading):
            continue
        line_start = full.to_raw(start)
        if raw[raw.rfind("\n", 0, line_start) + 1 : line_start].strip(" \t"):
            continue  # inside a line: a sentence that ends with the number
        return stop + 1, at, " ".join(heading.split())
    return None


# ``. III.`` ending the text searched: the stop before a section's roman numeral.
_ROMAN_BEFORE: Final = re.compile(r"[.;:](?=\s+[IVX]+\.$)")
_RUN_IN_HEADING: Final = re.compile(rf"(?:[IVX]+\.\s+)?[A-Z][^.;:。；：]{{2,{_HEADING_MAX}}}")


def _numbers_before_stops(text: str, number: str) -> list[int]:
    """Where ``number`` stands after a space and before a full stop (`` 6.``)."""
    found = []
    n = len(text)
    at = text.find(number)
    while at >= 0:
        end = at + len(number)
        if at > 0 and text[at - 1].isspace():
            while end < n and text[end].isspace():
                end += 1
            if end < n and text[end] in ".．":
                found.append(at)
        at = text.find(number, at + 1)
    return found


def _may_hold_inline_number(text: str, number: str) -> bool:
    """Whether ``number`` stands in ``text`` after a space and before a full stop
    (`` 6.``), as in every match of :func:`_inline_number`: a paragraph that holds the
    next number only inside other numbers (``2016``, ``A/76/6``) is ruled out without the
    pattern's scan, which tries every stop."""
    return bool(_numbers_before_stops(text, number))


@cache
def _inline_number(number: str) -> re.Pattern[str]:
    """``... persons.8 6. We`` for ``number`` 6: the stop, a footnote marker glued to it
    or set off by a space (``the Future. 16 9. We``), then the number (the stop comes first
    so that the engine skips to stops)."""
    return re.compile(
        rf"(?P<stop>[.;:。；：])(?: ?(?P<note>\d{{1,3}}))?\s+(?P<num>{number})\s*[.．]\s+(?=\S)"
    )


def _numbered(full: Mapped, kind: str) -> Draft:
    m = _number(full.text)
    if not m:
        return Draft(full, full, None, kind)
    return Draft(full.slice(m.end()), full, m.group("num"), kind)


def classify(paras: list[Mapped], pack: LanguagePack) -> list[Draft]:
    """Number and kind of each paragraph: preambular until the first operative one."""
    drafts: list[Draft] = []
    operative = False
    for full in paras:
        draft = _numbered(full, "preamble")
        if draft.num is not None or operative or _looks_operative(draft.text.text, pack):
            operative = True
            draft.kind = "operative"
        drafts.append(draft)
    return drafts


def _looks_operative(text: str, pack: LanguagePack) -> bool:
    op = pack.operative.match(text)
    if not op:
        return False
    pre = pack.preamble.match(text)
    if pre is None or len(op[0]) > len(pre[0]):
        return True
    return text.rstrip(_TRAILING_MARKS)[-1:] in ".。;；"


def numbering_warnings(drafts: list[Draft], where: str) -> list[Warning]:
    warnings = []
    expected = 1
    for draft in drafts:
        if draft.num is None:
            if expected > 1:
                # Numbering has begun: extraction lost this paragraph's number.
                warnings.append(
                    Warning(
                        "numbering",
                        f"{where} paragraph after {expected - 1} has no number "
                        f"({expected} expected): {draft.text.text[:30]!r}",
                        draft.full.span(),
                    )
                )
                expected += 1
            continue
        if draft.cut:
            warnings.append(
                Warning(
                    "numbering",
                    f"{where} paragraph {draft.num} runs into paragraph {int(draft.num) + 1}"
                    " with no stop between them: its end may have been lost in extraction",
                    draft.full.span(),
                )
            )
        if int(draft.num) != expected:
            warnings.append(
                Warning(
                    "numbering",
                    f"{where} paragraph numbered {draft.num} where {expected} was expected",
                    draft.full.span(),
                )
            )
        expected = int(draft.num) + 1
    return warnings


def opening_phrase(text: str, kind: str, pack: LanguagePack) -> tuple[str, str] | None:
    """``(phrase as printed, key)`` of a paragraph of ``kind``: the phrase it opens with,
    from the table of its kind first; for an operative paragraph that opens with a clause
    (``Pending the total elimination of nuclear weapons, urges ...``), the operative
    phrase right after the clause's comma."""
    own, other = (
        (pack.preamble, pack.operative) if kind == "preamble" else (pack.operative, pack.preamble)
    )
    found = own.match(text) or other.match(text)
    if found is not None:
        return _invitation(text, found, pack) if pack.invited_names else found
    if kind == "operative":
        return _after_clause(text, pack)
    return None


def _invitation(text: str, found: tuple[str, str], pack: LanguagePack) -> tuple[str, str]:
    """A request to an addressee the pack's request verb invites (``pack.invited_names``:
    请联合国有关人权机制及程序 ...) is keyed as an invitation: ``invites``, ``invites_also``."""
    phrase, key = found
    if key.startswith("requests") and text.startswith(pack.invited_names, len(phrase)):
        return phrase, "invites" + key[len("requests") :]
    return found


# The longest clause an operative phrase is looked for after.
_CLAUSE_MAX: Final = 160


def _after_clause(text: str, pack: LanguagePack) -> tuple[str, str] | None:
    """The operative phrase after the first comma, in lower case (``..., urges``), within
    the first ``_CLAUSE_MAX`` characters; not a declaration's ``we``."""
    separator = "，" if pack.cjk else ", "
    comma = text.find(separator, 0, _CLAUSE_MAX)
    if comma <= 0:
        return None
    start = comma + len(separator)
    rest = text[start:]
    if not pack.cjk:
        if not rest[:1].islower():
            return None
        rest = rest[0].upper() + rest[1:]
    found = pack.operative.match(rest)
    if found is None or _opens_sentences(found[0], pack):
        return None
    return text[start : start + len(found[0])], found[1]


# --- sub-paragraphs ----------------------------------------------------------------------

_SUB_MARK: Final = re.compile(r"\((?P<m>[a-z]{1,2}|[ivxl]{1,5})\)\s*(?=\S)")
_SUB_AFTER: Final = frozenset(":;,.：；，。")
_ROMANS: Final = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]


class SubDraft:
    """An item of a paragraph's list: its marker (``c``, ``ii``), where its text starts
    (after the marker) and ends, its own items, and whether its marker was restored (not
    printed in the text: see :func:`find_subparagraphs`)."""

    __slots__ = ("children", "end", "marker", "restored", "start")

    def __init__(self, marker: str, start: int, end: int = 0, restored: bool = False):
        self.marker = marker
        self.start = start
        self.end = end
        self.restored = restored
        self.children: list[SubDraft] = []


def find_subparagraphs(text: str, problems: list[str] | None = None) -> tuple[int, list[SubDraft]]:
    """Where the chapeau ends, and the ``(a)``/``(i)`` items, checked against their sequence.

    A marker is taken only where it is the next in its list: ``(a)`` then ``(b)``; a Roman
    ``(i)`` starts a nested list inside a lettered item whose text so far ends with a colon.

    Where a list's markers were lost in extraction (``Requests the Secretary-General: To
    continue ...; To circulate ...; (c) To continue ...``), the items that kept theirs
    place the rest: see :func:`_restore`. What cannot be placed is said in ``problems``.
    """
    items: list[SubDraft] = []
    if "(" not in text:
        return len(text), items
    out_of_sequence = False
    for m in _SUB_MARK.finditer(text):
        before = _char_before(text, m.start())
        if before and before not in _SUB_AFTER:
            continue
        marker = m.group("m")
        next_letter = chr(ord("a") + len(items)) if len(items) < 26 else None
        current = items[-1] if items else None
        next_roman = (
            _ROMANS[len(current.children)] if current and len(current.children) < 20 else None
        )
        if (
            marker == next_roman
            and current is not None
            and (current.children or before in ":：")
            and not (marker == next_letter and not current.children)
        ):
            _close(current.children, m.start())
            current.children.append(SubDraft(marker, m.end()))
        # ``before`` is empty at the start of the text (and ``"" in`` any string).
        elif marker == next_letter and (items or before in ":：,，"):
            _close(items, m.start())
            if current:
                _close(current.children, m.start())
            items.append(SubDraft(marker, m.end()))
        elif before and before in ";:":
            out_of_sequence = True
    if out_of_sequence:
        found: list[str] = []
        restored = _restore(text, found)
        if restored is not None and _count(restored) > _count(items):
            items = restored
            if problems is not None:
                problems += found
    _close(items, len(text))
    for item in items:
        _close(item.children, item.end)
    if not items:
        return len(text), items
    first = items[0]
    chapeau_end = first.start if first.restored else _marker_start(text, first.start)
    return chapeau_end, items


def _char_before(text: str, at: int) -> str:
    """The last character before ``at`` that is not a space (empty where none is): what
    ``text[:at].rstrip()[-1:]`` is, without copying the text before it."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[at - 1] if at > 0 else ""


def _close(items: list[SubDraft], end: int) -> None:
    if items and items[-1].end == 0:
        items[-1].end = end


def _marker_start(text: str, content_start: int) -> int:
    return text.rfind("(", 0, content_start)


def _count(items: list[SubDraft]) -> int:
    return len(items) + sum(len(item.children) for item in items)


# An item whose marker was lost: after a colon or semicolon, a word that opens with a
# capital letter (checked by ``str.isupper``, for every script that has capitals).
_UNMARKED: Final = re.compile(r"[;:]\s+(?=\w)")
# The most items one list is read with (``(a)`` to ``(z)``, ``(i)`` to ``(xx)``).
_LETTERS: Final = 26


class _Token:
    """Where an item of a list may start: a marker printed (``label``), or a capital
    after a colon or semicolon (no ``label``); ``after`` is the stop before it."""

    __slots__ = ("after", "at", "label", "start")

    def __init__(self, at: int, start: int, label: str | None, after: str):
        self.at = at
        self.start = start
        self.label = label
        self.after = after


def _restore(text: str, problems: list[str]) -> list[SubDraft] | None:
    """A list whose markers extraction lost in part, read again from where its items
    start: each printed marker, and each capital after a colon or semicolon.

    The list starts at its first printed marker or at the first item after a colon,
    whichever comes first. Between two printed markers (or before the first, or after the
    last) the unmarked items take the markers that fit the sequence: two items before
    ``(c)`` are ``(a)`` and ``(b)``; after an item that ends with a colon, ``(i)``,
    ``(ii)``, ... may nest. Where exactly one way fits, those markers are restored; where
    none or several do, the stretch's items stay in the item before them (or in the
    chapeau), and ``problems`` says so. A printed marker that goes back in the sequence is
    text, as in the strict reading. None where no marker was restored."""
    tokens: list[_Token] = []
    for m in _SUB_MARK.finditer(text):
        before = _char_before(text, m.start())
        if not before or before in _SUB_AFTER:
            tokens.append(_Token(m.start(), m.end(), m.group("m"), before))
    for m in _UNMARKED.finditer(text):
        if text[m.end()].isupper():
            tokens.append(_Token(m.end(), m.end(), None, text[m.start()]))
    tokens.sort(key=lambda t: t.at)
    first = next((i for i, t in enumerate(tokens) if t.label is not None or t.after in ":："), None)
    if first is None:
        return None
    items: list[SubDraft] = []
    state = (-1, 0)  # (the current letter's index, how many Roman items it holds)
    run: list[_Token] = []
    for token in [*tokens[first:], None]:
        if token is not None and token.label is None:
            run.append(token)
            continue
        paths = _paths(run, state, token)
        if len(paths) > 1 and not run:  # ``(i)``: a letter where one fits, as read strictly
            paths = paths[:1]
        if len(paths) == 1:
            states, state = paths[0]
            for unmarked, at in zip(run, states, strict=True):
                _place(items, unmarked, at, restored=True)
        else:
            if run:
                where = f"before ({token.label})" if token else "at the end of the list"
                fits = "no sequence of markers fits" if not paths else "several sequences fit"
                items_have = "1 item has" if len(run) == 1 else f"{len(run)} items have"
                problems.append(f"{items_have} no markers {where}, and {fits}")
            jumped = _jump(state, token) if token is not None else None
            if jumped is None:  # the end, or a marker back in the sequence: text
                run = []
                continue
            if not items and not run and token is not None:
                problems.append(f"the items before ({token.label}) have no markers")
            state = jumped
        if token is not None:
            _place(items, token, state, restored=False)
        run = []
    return items if any_restored(items) else None


def _label(state: tuple[int, int]) -> str:
    letter, romans = state
    return _ROMANS[romans - 1] if romans else chr(ord("a") + letter)


def _steps(state: tuple[int, int], after: str) -> list[tuple[int, int]]:
    """The states an item can take next: the next letter, or the next Roman item inside
    the current letter (the first only after a colon), the letter first."""
    letter, romans = state
    out = []
    if letter + 1 < _LETTERS:
        out.append((letter + 1, 0))
    if letter >= 0 and romans < len(_ROMANS) and (romans or after in ":："):
        out.append((letter, romans + 1))
    return out


def _paths(
    run: list[_Token], state: tuple[int, int], anchor: _Token | None
) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """The ways the unmarked items of ``run`` can follow ``state`` and be followed by
    ``anchor``'s marker, each as the states of the run's items and the state after the
    anchor (after the run, at the end of the list): none, one, or (where several fit) the
    first of them twice. Counted a state at a time, item after item (the states are at
    most 26 letters by 21 Roman places), never path by path: a long run of items where
    letters and Roman items could alternate costs no more than a short one."""
    # For each item of the run, each state it can take: how many ways reach it (two
    # meaning several), and the state of the item before on the first of them.
    layers: list[dict[tuple[int, int], tuple[int, tuple[int, int]]]] = []
    reach: dict[tuple[int, int], int] = {state: 1}
    for token in run:
        layer: dict[tuple[int, int], tuple[int, tuple[int, int]]] = {}
        for at, count in reach.items():
            for step in _steps(at, token.after):
                ways, before = layer.get(step, (0, at))
                layer[step] = (min(2, ways + count), before)
        layers.append(layer)
        reach = {at: ways for at, (ways, _) in layer.items()}
    ends: list[tuple[int, tuple[int, int], tuple[int, int]]] = []
    for at, count in reach.items():
        if anchor is None:
            ends.append((count, at, at))
            continue
        for step in _steps(at, anchor.after):
            if _label(step) == anchor.label:
                ends.append((count, at, step))
    total = sum(count for count, _, _ in ends)
    if not total:
        return []
    _, at, final = ends[0]
    states = []
    for layer in reversed(layers):
        states.append(at)
        at = layer[at][1]
    states.reverse()
    path = (states, final)
    return [path] if total == 1 else [path, path]


def _jump(state: tuple[int, int], token: _Token) -> tuple[int, int] | None:
    """The state at a printed marker that follows ``state`` with items missing between
    (``(m)`` after ``(j)``): a later letter, or a later Roman item in the same letter;
    None for a marker back in the sequence."""
    letter, romans = state
    label = token.label or ""
    # A Roman numeral that is also the next letter (``(i)`` after ``(h)``) is the letter.
    if (
        label in _ROMANS
        and letter >= 0
        and _ROMANS.index(label) >= romans
        and label != chr(ord("a") + letter + 1)
    ):
        return (letter, _ROMANS.index(label) + 1)
    if len(label) == 1 and ord(label) - ord("a") > letter:
        return (ord(label) - ord("a"), 0)
    return None


def _place(items: list[SubDraft], token: _Token, state: tuple[int, int], restored: bool) -> None:
    """``token`` as the item of ``state``: a letter closes the item before it, a Roman
    item goes inside the current letter."""
    label = _label(state)
    current = items[-1] if items else None
    if state[1] and current is not None:
        _close(current.children, token.at)
        current.children.append(SubDraft(label, token.start, restored=restored))
        return
    _close(items, token.at)
    if current is not None:
        _close(current.children, token.at)
    items.append(SubDraft(label, token.start, restored=restored))


def any_restored(items: list[SubDraft]) -> bool:
    """Whether a marker of ``items`` (or of their own items) was restored."""
    return any(item.restored or any(c.restored for c in item.children) for item in items)
