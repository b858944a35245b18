"""What a language pack holds: everything that differs between the languages of UN texts.

The reader is language-independent; it asks the pack for its phrase tables, patterns and
numerals. Adding a language means adding a pack and registering it, never an
``if lang == ...`` elsewhere.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from concord.text.mapped import Mapped


@dataclass(frozen=True)
class PhraseTable:
    """Opening phrases of paragraphs mapped to language-independent keys.

    Lookup is by longest prefix, so ``又重申`` wins over ``重申`` and ``Reaffirming also``
    over ``Reaffirming``.
    """

    phrases: Mapping[str, str]
    case_sensitive: bool = True
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _by_first: Mapping[str, re.Pattern[str]] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(self.phrases, key=len, reverse=True)
        flags = 0 if self.case_sensitive else re.IGNORECASE
        object.__setattr__(self, "_pattern", _phrase_pattern(ordered, flags))
        # The same, split by first character: a text is only tried against the phrases
        # that open like it (in the same order, so the same phrase wins).
        by_first: dict[str, list[str]] | None = None
        if self.case_sensitive and all(ordered):
            by_first = {}
            for phrase in ordered:
                by_first.setdefault(phrase[0], []).append(phrase)
        object.__setattr__(
            self,
            "_by_first",
            None
            if by_first is None
            else {first: _phrase_pattern(group, flags) for first, group in by_first.items()},
        )

    def match(self, text: str) -> tuple[str, str] | None:
        """``(phrase as printed, key)`` for the phrase ``text`` opens with."""
        if self._by_first is None:
            pattern = self._pattern
        else:
            found = self._by_first.get(text[:1])
            if found is None:
                return None
            pattern = found
        m = pattern.match(text)
        if not m:
            return None
        printed = m.group(0)
        key = self.phrases.get(printed)
        if key is None:  # matched case-insensitively
            lowered = {p.lower(): k for p, k in self.phrases.items()}
            key = lowered[printed.lower()]
        return printed, key

    def keys(self) -> set[str]:
        return set(self.phrases.values())


def _phrase_pattern(phrases: list[str], flags: int) -> re.Pattern[str]:
    """The phrases as one pattern: the longest that opens the text (and ends at a word
    boundary, where words have boundaries) wins, as in an alternation of them longest
    first, but written as a tree of their shared beginnings (``Re(?:call...|affirm...)``),
    so that the engine reads each character once rather than once for each phrase."""
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for char in phrase.lower() if flags & re.IGNORECASE else phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"(?:{_tree_pattern(tree)})(?![A-Za-z])", flags)


def _tree_pattern(node: dict[str, Any]) -> str:
    # Longer phrases first: what follows a character before the phrase ending at it (""),
    # so that backtracking tries them longest first.
    branches = [re.escape(char) + _tree_pattern(node[char]) for char in sorted(node) if char]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# The part of a resolution adopted in parts (``36/87 A``; past Z, a doubled letter:
# ``53/77 AA``), as the reference patterns of every pack write it.
RESOLUTION_PART: Final = (
    "[A-Z](?:" + "|".join(f"(?<={c}){c}" for c in string.ascii_uppercase) + ")?(?![A-Za-z])"
)


@dataclass(frozen=True)
class Actor:
    """Someone a resolution can ask to act, with the names it goes by in one language."""

    id: str
    name: str


@dataclass(frozen=True)
class LanguagePack:
    code: str
    iso639_2: str
    joiner: str
    """What goes between two lines of one paragraph: nothing in Chinese, a space in English."""

    preamble: PhraseTable
    operative: PhraseTable

    # Heading and closing.
    body_names: Mapping[str, str]
    """Adopting body as printed at the top (or in the adoption line) -> body code."""
    enacting_formula: re.Pattern[str]
    """``人权理事会，`` / ``The General Assembly,``: group ``body``."""
    title_line: re.Pattern[str]
    """``37/23. 标题``: groups ``number``, ``title``."""
    session_line: re.Pattern[str]
    """Groups ``session`` (as printed) and optional ``period``."""
    agenda_line: re.Pattern[str]
    """Group ``items``."""
    adoption_line: re.Pattern[str]
    """``2018 年 3 月 23 日通过的决议`` / ``Resolution adopted by ... on ...``: group ``date``."""
    committee_line: re.Pattern[str]
    """``[根据第三委员会的报告(A/72/439/Add. 2)通过]``: group ``report`` (or none)."""
    meeting_line: re.Pattern[str]
    """``第 54 次会议`` / ``54th meeting``: groups ``number``, ``plenary``, optional ``date``."""
    date_line: re.Pattern[str]
    """A line that is only a date."""
    annex_line: re.Pattern[str]
    """``Annex`` / ``附件``: optional group ``title``."""

    parse_number: Callable[[str], int | None]
    """Session numbers as printed: ``三十七`` / ``Thirty-seventh`` / ``37``."""
    parse_date: Callable[[str], str | None]
    """A printed date to ISO ``YYYY-MM-DD``."""
    parse_period: Callable[[str], tuple[str, str] | None]

    # Adoption and votes.
    vote_tally: re.Pattern[str]
    """Groups ``yes``, ``no``, ``abstain``."""
    without_vote: re.Pattern[str]
    vote_headers: Mapping[str, re.Pattern[str]]
    """``yes`` / ``no`` / ``abstain`` -> the label that opens each list."""
    name_separator: re.Pattern[str]

    # References.
    resolution_ref: re.Pattern[str]
    """Resolution numbers in running text: group ``nums`` holds one or more numbers. The
    reference starts at the match, or at group ``lead`` where the pattern has one (a
    group in a lookbehind, for a pattern that opens after the reference's first character,
    with text the engine skips to: ``esolution(?<=(?P<lead>[Rr])esolution)...``)."""
    resolution_word: str
    """Text every match of ``resolution_ref`` holds (``esolution`` / ``号决议``): a
    paragraph without it refers to no resolution, and the pattern is not tried on it."""
    further_part: re.Pattern[str]
    """A further part of the resolution numbered before it, a letter alone after the
    list's separator (``36/87 A and B``, ``36/87 A 和 B``): group 1 is the letter."""
    ref_bodies: tuple[tuple[re.Pattern[str], str], ...]
    """Words before a resolution number that name its body, nearest wins."""
    own_body_words: re.Pattern[str]
    """``其`` / ``its``: the adopting body itself."""
    instruments: Mapping[str, str]
    """Names of instruments as printed -> stable identifiers."""

    # Mandates.
    actors: Mapping[str, Actor]
    """Names of actors as printed -> actor."""
    request_phrases: re.Pattern[str]
    """Where a request starts inside an operative paragraph (``请`` / ``Requests``)."""
    request_word: str
    """Text every match of ``request_phrases`` holds (``请`` / ``equests``): a paragraph
    without it asks nothing, and the pattern is not tried on it."""
    due_session: re.Pattern[str]
    """A session by which something is due: groups ``body`` (optional), ``session``."""
    due_word: str
    """Text every match of ``due_session`` holds, at its end or a few characters before
    it (``session`` / ``届``): a clause without it names no session, and the pattern (which
    has no literal start) is tried only in the stretch before each."""
    mandate_kinds: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    """What is asked, in order (the first that fits wins): ``(pattern, kind, words)``, the
    kind ``report``, ``consultation``, ``meeting``, ``study`` or ``consideration``; every
    match of the pattern holds one of ``words``, and a clause holding none of them is not
    tried with it (most of these patterns open with no literal text)."""
    decides_scheduling: re.Pattern[str]
    """A ``decides`` clause that puts something on a future session."""
    scheduling_words: tuple[str, ...]
    """Text one of which every match of ``decides_scheduling`` holds (``届会议`` /
    ``session``, ``provisional agenda``, ``programme of work``): a clause holding none of
    them is not tried with the pattern."""

    # Cleaning that only this language needs (each a named step).
    inline_steps: tuple[Callable[[Mapped], Mapped], ...] = ()
    invited_names: tuple[str, ...] = ()
    """Addressees (names as printed, keys of ``actors``) that the pack's request verb
    invites rather than requests, where the language has one verb for both: Chinese 请 is
    ``Requests`` and ``Invites``. A resolution requests those its body directs (its
    Secretariat, its own organs, the mandate-holders it appoints) and invites those it does
    not: HRC 37/23's 请联合国有关人权机制及程序 is ``Invites relevant United Nations human
    rights mechanisms and procedures``. Such a paragraph's key is then ``invites`` (or
    ``invites_also``...), and it is no mandate, as in English."""
    clause_separators: str = ";；"
    """Characters that end a clause of an operative paragraph."""
    sentence_openers: tuple[str, ...] = ()
    """Words that open a declaration's sentences (``We``, ``我们``): a phrase that opens with
    one (``We reaffirm``) opens sentences inside a paragraph as often as paragraphs, and
    is not taken for the start of one where the reader looks for a lost number or an
    operative phrase after a clause."""
    own_verb_joiner: str = ""
    """What joins a further verb of the resolution's own to a request (``..., and looks
    forward to a report``, ``，并期待``): what is asked ends before it."""
    addressee_joiner: re.Pattern[str] | None = None
    """What joins two addressees of one request (``the Secretary-General and the President
    of the General Assembly``; ``秘书长和大会主席``): each is asked."""
    item_action: re.Pattern[str] | None = None
    """What opens a list item that is itself something asked (``To continue ...``, in
    ``Requests the Secretary-General, within available resources: (a) To continue ...;
    (b) To circulate ...``): a request whose items all open with it asks each of them,
    one mandate an item. Items that are topics (``to report on: (a) ...``) do not."""
    sentence_end: str = ".;:"
    """Characters that end a paragraph (and so allow a new one to start)."""
    cjk: bool = False
    glued_note: re.Pattern[str] | None = None
    """The text of a footnote that extraction ran into a paragraph (``in order 1
    A/HRC/37/31.  to obtain``): groups ``marker`` and ``note``, the spaces after it
    included. It is moved out when a word or a comma and a space stand before it."""
    may_hold_glued_note: Callable[[str], bool] = lambda text: True
    """False for a paragraph in which ``glued_note`` cannot match (substring tests, far
    faster than trying the pattern): the pattern is not tried on it."""
    extra: Mapping[str, object] = field(default_factory=dict)
