"""References: resolutions (body inferred from the words around them), document symbols,
and named instruments, each with the paragraph it stands in and its span."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

from concord.languages.base import RESOLUTION_PART, LanguagePack
from concord.model import Reference, make
from concord.text.mapped import Mapped

_SYMBOL_SERIES: Final = (
    "A", "E", "S", "ST", "CCPR", "CRC", "CEDAW", "CERD", "CAT", "CRPD", "CMW", "CED", "HRI",
    "TD", "UNEP", "DP",
    # Conferences and meetings of States parties the United Nations serves, which the First
    # Committee's resolutions cite (``NPT/CONF.2010/50``, ``CD/1299``, ``TPNW/MSP/2022/6``),
    # and the climate and biodiversity conferences (``FCCC/CP/2015/10/Add.1``).
    "CD", "NPT", "BWC", "CCW", "APLC", "TPNW", "FCCC", "CBD",
)  # fmt: skip
# ``(?<![A-Za-z0-9/])(?:A|E|S|ST|...)/...`` opening with the ``/`` (literal text, which the
# engine skips to; it tries every position for a class of letters): lookbehinds say which
# series stands before it, and the symbol starts where that series does. Most slashes
# follow a digit (``70/1``): one lookbehind for a capital rules them out before the
# series are tried one by one.
_SYMBOL: Final = re.compile(
    "/(?<=[A-Z]/)(?:" + "|".join(rf"(?<=(?<![A-Za-z0-9/]){s}/)" for s in _SYMBOL_SERIES) + ")"
    r"(?:[A-Za-z0-9]+[./\-])*[A-Za-z0-9]+"
    r"(?:\((?:Part|Vol\.|Sect\.)\s?[IVX\d]+\)(?:/(?:[A-Za-z0-9]+\.)*[A-Za-z0-9]+)*)?"
    r"(?:\(\d{4}\))?"
)
# ``E/CN.4/2001/2-E/CN.4/Sub.2/2000/46``: the hyphen that joins two symbols.
_JOINED: Final = re.compile(r"-(?=(?:A|E|S)/)")
_SERIES_LETTERS: Final = frozenset("".join(_SYMBOL_SERIES))
_CONTEXT: Final = 80
# ``(?:S-|ES-)?\d+...`` with its first character first (the lookbehinds after it say which
# it was), so that the engine skips to it rather than trying every position.
_NUM_IN_LIST: Final = re.compile(
    r"[ES\d](?:(?<=S)-\d+|(?<=E)S-\d+|(?<=\d)\d*)"
    rf"(?:/\d+)?(?:\s?(?P<part>{RESOLUTION_PART}))?(?:\s?\((?:[IVXLC]+|\d{{4}})\))?"
)
# ``\bof\s+...``, with ``of`` first so that the engine skips to it (the lookbehind is the
# word boundary before it).
_DATE_IN_LIST: Final = re.compile(r"of(?<!\wof)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")


def find_references(
    text: Mapped, where: str, pack: LanguagePack, own_body: str | None
) -> list[Reference]:
    """All references in one paragraph (or footnote) ``where`` is its id."""
    refs = _documents(text, where)
    refs += _resolutions(text, where, pack, own_body)
    refs += _instruments(text, where, pack.instruments)
    if len(refs) > 1:
        refs.sort(key=_by_span)
    return refs


def _by_span(ref: Reference) -> tuple[int, int]:
    return ref.span


def _documents(text: Mapped, where: str) -> list[Reference]:
    refs: list[Reference] = []
    if "/" not in text.text:
        return refs
    s = text.text
    for m in _SYMBOL.finditer(s):
        begin = m.start()
        while begin > 0 and s[begin - 1] in _SERIES_LETTERS:
            begin -= 1
        for start, symbol in _split_joined(s[begin : m.end()].rstrip(".-"), begin):
            kind = "resolution" if "/RES/" in symbol else "document"
            span = text.span(start, start + len(symbol))
            refs.append(make.reference(kind, symbol, symbol, where, span))  # type: ignore[arg-type]
    return refs


def _split_joined(symbol: str, start: int) -> list[tuple[int, str]]:
    """``E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`` is two documents issued as one."""
    parts = _JOINED.split(symbol)
    out = []
    offset = start
    for part in parts:
        out.append((offset, part))
        offset += len(part) + 1
    return out


def _resolutions(
    text: Mapped, where: str, pack: LanguagePack, own_body: str | None
) -> list[Reference]:
    refs: list[Reference] = []
    s = text.text
    if pack.resolution_word not in s:
        return refs
    last_end = 0
    pattern = pack.resolution_ref
    lead = "lead" in pattern.groupindex
    for m in pattern.finditer(s):
        begin = m.start("lead") if lead else m.start()
        context = s[max(last_end, begin - _CONTEXT) : m.start("nums")]
        body = _body_from_context(context, pack) or own_body
        nums_text = m.group("nums")
        if "of" in nums_text:
            nums_text = _DATE_IN_LIST.sub(lambda d: " " * len(d.group(0)), nums_text)
        found: list[tuple[str, int, int]] = []
        for n in _NUM_IN_LIST.finditer(nums_text):
            number = n.group(0)
            for at, each in _with_further_parts(nums_text, n, pack.further_part):
                symbol = resolution_symbol(body, each)
                if symbol is not None:
                    start = m.start("nums") + at
                    found.append((symbol, start, start + (len(number) if at == n.start() else 1)))
        # The text of a reference is the phrase printed (``resolution 50/245``, ``第 32/6
        # 号决议``); of one in a list, what its span covers (``46/32`` of ``resolutions
        # 45/54 of 4 December 1990, 46/32 of ...``), not the whole list again.
        phrase = s[begin : m.end()] if len(found) == 1 else None
        for symbol, start, end in found:
            printed = phrase if phrase is not None else s[start:end]
            refs.append(make.reference("resolution", symbol, printed, where, text.span(start, end)))
        last_end = m.end()
    return refs


def _with_further_parts(
    nums_text: str, n: re.Match[str], further_part: re.Pattern[str]
) -> list[tuple[int, str]]:
    """``(where, number)`` for the number ``n`` found and, where it has a part, each
    further part written after it as a letter alone (the pack's ``further_part``:
    ``36/87 A and B`` is 36/87 A, at the number, and 36/87 B, at the ``B``)."""
    number = n.group(0)
    found = [(n.start(), number)]
    if n.group("part") is None:
        return found
    base = number[: n.start("part") - n.start()]
    more = further_part.match(nums_text, n.end())
    while more is not None:
        found.append((more.start(1), base + more.group(1)))
        more = further_part.match(nums_text, more.end())
    return found


def _body_from_context(context: str, pack: LanguagePack) -> str | None:
    """The body named nearest before the number (``人权理事会 2016 年 6 月 30 日第 32/6``)."""
    named = _bodies_named(context, pack.ref_bodies)
    if not named:
        return None
    # The body named last wins (the one ending last; of two ending together, the one
    # starting first).
    _, (end, body) = max(named.items(), key=lambda item: (item[1][0], -item[0]))
    own = None
    for m in pack.own_body_words.finditer(context):
        own = m.end()
    return None if own is not None and own > end else body


def _bodies_named(
    context: str, ref_bodies: tuple[tuple[re.Pattern[str], str], ...]
) -> dict[int, tuple[int, str]]:
    """Every start at which a body is named, overlapping names included (``Sub-Commission``
    holds ``Commission``), with the end of the name and the body (the first in the pack's
    order that is named there). Each body's pattern is tried by itself: each opens with
    its words, which the engine skips to (in one alternation of all of them it would try
    every position)."""
    named: dict[int, tuple[int, str]] = {}
    for pattern, body in ref_bodies:
        m = pattern.search(context)
        while m is not None:
            named.setdefault(m.start(), (m.end(), body))
            m = pattern.search(context, m.start() + 1)
    return named


# The same numbers come back paragraph after paragraph, and document after document.
@lru_cache(maxsize=4096)
def resolution_symbol(body: str | None, number: str) -> str | None:
    """The official symbol of resolution ``number`` of ``body``.

    >>> resolution_symbol("GA", "217 A(III)"), resolution_symbol("SUBCOM", "2000/22")
    ('A/RES/217(III)', 'E/CN.4/Sub.2/RES/2000/22')
    """
    number = _SPACES.sub(" ", number.strip())
    roman = _ROMAN_SESSION.fullmatch(number) if "(" in number else None
    if roman:
        return f"A/RES/{roman.group(1)}({roman.group(2)})" if body in (None, "GA") else None
    if "/" not in number:
        sc = _BY_YEAR.fullmatch(number)
        return f"S/RES/{sc.group(1)}({sc.group(2)})" if sc else None
    first = number.split("/")[0]
    by_year = first.isdigit() and int(first) >= 1946
    if by_year:
        by_year_prefix = {"SUBCOM": "E/CN.4/Sub.2/RES", "ECOSOC": "E/RES"}
        return f"{by_year_prefix.get(body or '', 'E/CN.4/RES')}/{number}"
    prefix = _PREFIXES.get(body or "GA")
    return f"{prefix}/{number}" if prefix else None


_SPACES: Final = re.compile(r"\s+")
_ROMAN_SESSION: Final = re.compile(r"(\d+)\s?[A-Z]?\s?\(([IVXLC]+)\)")
_BY_YEAR: Final = re.compile(r"(\d+)\s?\((\d{4})\)")
_PREFIXES: Final[Mapping[str, str]] = {
    "GA": "A/RES",
    "HRC": "A/HRC/RES",
    "ECOSOC": "E/RES",
    "CHR": "E/CN.4/RES",
    "SUBCOM": "E/CN.4/Sub.2/RES",
}


class _Instruments:
    """Finds the names of a pack's instruments in a text, as a regex alternation of them
    would (leftmost first; at one place the longest; none overlapping), faster.

    Every name holds one of a few long key words (``Declaration``, ``Convention``...): the
    key words are found, and only the names holding a key word are tried where it stands.
    A text holding none of them names no instrument. Where no short list of key words
    covers the names, the alternation of the names is scanned.

    The key words are found by one pattern, an alternation of them, searched again from
    the character after each start (so that none is missed where two overlap or start
    together, as a substring search for each word would find them): one scan of a
    paragraph over the few letters the words start with, whatever the number of words. A
    substring search for each word in turn costs as much for 7 words, and twice as much
    for 13 (English words share most of their letters with the text around them, so such
    a search skips little).
    """

    def __init__(self, instruments: Mapping[str, str]) -> None:
        names = sorted(instruments, key=len, reverse=True)
        self.pattern = _alternation(names) if names else None
        words = _key_words(names) if names and all(names) else None
        # One pattern for the key words; per key word, (offset of the word in the name, the
        # name) for each name holding it, longest names first, and the key words that can
        # stand where it is found (itself, those it starts and those that start it).
        self.words: re.Pattern[str] | None = None
        self.entries: dict[str, list[tuple[int, str]]] = {}
        self.starting_with: dict[str, list[str]] = {}
        if words is not None:
            self.words = re.compile("|".join(re.escape(w) for w in words))
            for word in words:
                entries = []
                for name in names:
                    at = name.find(word)
                    while at >= 0:
                        entries.append((at, name))
                        at = name.find(word, at + 1)
                self.entries[word] = entries
                self.starting_with[word] = [
                    v for v in words if v.startswith(word) or word.startswith(v)
                ]

    def find(self, text: str) -> list[tuple[int, str]]:
        """``(start, name)`` of each name in ``text``, in order."""
        if self.words is None:
            if self.pattern is None:
                return []
            return [(m.start(), m.group(0)) for m in self.pattern.finditer(text)]
        found: list[tuple[int, int, str]] = []
        m = self.words.search(text)
        while m is not None:
            at = m.start()
            for word in self.starting_with[m.group(0)]:
                if text.startswith(word, at):
                    for offset, name in self.entries[word]:
                        start = at - offset
                        if start >= 0 and text.startswith(name, start):
                            found.append((start, -len(name), name))
            m = self.words.search(text, at + 1)
        if not found:
            return []
        found.sort()
        out = []
        end = 0
        for start, minus_length, name in found:
            if start >= end:
                out.append((start, name))
                end = start - minus_length
        return out


def _alternation(names: list[str]) -> re.Pattern[str]:
    """The names, longest first; grouped by first character where all have one
    (``C(?:harter of...|onvention on...)|U(?:...)``): the same name wins, with one branch
    tried where there were many."""
    if not all(names):
        return re.compile("|".join(re.escape(n) for n in names))
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    return re.compile(
        "|".join(
            re.escape(first) + "(?:" + "|".join(re.escape(n[1:]) for n in group) + ")"
            for first, group in by_first.items()
        )
    )


_FINDERS: Final[dict[int, tuple[Mapping[str, str], _Instruments]]] = {}


def _finder(instruments: Mapping[str, str]) -> _Instruments:
    """The finder for ``instruments``, built once (packs live as long as the process)."""
    cached = _FINDERS.get(id(instruments))
    if cached is None or cached[0] is not instruments:
        cached = (instruments, _Instruments(instruments))
        _FINDERS[id(instruments)] = cached
    return cached[1]


def _key_words(names: list[str]) -> tuple[str, ...] | None:
    """A few long words, one of which every name holds (``Declaration``, ``Convention``,
    ``Charter``...). None when it takes more than 16 (names without spaces, as in Chinese,
    are their own word)."""
    words: list[str] = []
    uncovered = set(names)
    while uncovered:
        counts: dict[str, int] = {}
        for name in uncovered:
            for word in {w for w in name.split() if len(w) >= 6} or {name}:
                counts[word] = counts.get(word, 0) + 1
        # The word in most names not yet covered, the longer first (ties in a fixed order).
        best = max(sorted(counts), key=lambda w: (counts[w], len(w)))
        words.append(best)
        uncovered = {name for name in uncovered if best not in name}
    return tuple(words) if len(words) <= 16 else None


def _instruments(text: Mapped, where: str, instruments: Mapping[str, str]) -> list[Reference]:
    refs: list[Reference] = []
    for start, name in _finder(instruments).find(text.text):
        span = text.span(start, start + len(name))
        for target in instruments[name].split("+"):
            refs.append(make.reference("instrument", target, name, where, span))
    return refs
