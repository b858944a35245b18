"""The structured resolution: pure, frozen data with spans into the decoded input.

Names follow the JSON contract in the design document (``symbol``, ``preamble``,
``operative``, ``adoption``...). Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
"""``(start, end)`` character offsets into the decoded input text."""

ParagraphKind = Literal["preamble", "operative", "annex"]
ReferenceKind = Literal["resolution", "document", "instrument"]
AdoptionMode = Literal["recorded_vote", "without_vote", "not_stated"]


@dataclass(frozen=True, slots=True)
class Warning:
    """Something in the text that was not understood, with where it is."""

    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A preambular, operative or annex paragraph, or a sub-paragraph of one.

    ``id`` is an Akoma Ntoso style eId: ``pp_3``, ``op_5``, ``op_5__a``, ``op_5__a__ii``,
    ``annex_1__para_2``. ``heading`` is the heading printed over the group of paragraphs
    this one opens (``Peacebuilding financing``), where there is one.
    """

    id: str
    kind: ParagraphKind
    num: str | None
    intro: str | None
    intro_key: str | None
    text: str
    span: Span
    subparagraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[str, ...] = ()
    heading: str | None = None

    def chapeau(self) -> str:
        """The text before the first sub-paragraph, less that sub-paragraph's marker
        (``text`` itself where there is none). ``text`` holds the whole paragraph, items
        included, as printed; a sub-paragraph's text is a piece of it."""
        if not self.subparagraphs:
            return self.text
        first = self.subparagraphs[0]
        at = self.text.find(first.text) if first.text else -1
        if at < 0:
            return self.text
        head = self.text[:at].rstrip()
        if first.num and head.endswith(first.num):
            head = head[: -len(first.num)].rstrip()
        return head


@dataclass(frozen=True, slots=True)
class Footnote:
    marker: str
    text: str
    span: Span
    cited_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Annex:
    id: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference found in the text.

    ``target`` is a document symbol (``A/RES/70/1``, ``A/71/53``) for resolutions and
    documents, a stable identifier (``UDHR``, ``VDPA``) for instruments. ``in_`` is the
    id of the paragraph or footnote it stands in (``fn_3`` for footnote 3, ``heading``).
    """

    kind: ReferenceKind
    target: str
    text: str
    in_: str
    span: Span


@dataclass(frozen=True, slots=True)
class Due:
    body: str
    session: int


@dataclass(frozen=True, slots=True)
class Mandate:
    """An operative paragraph asking someone to act."""

    in_: str
    addressee: str
    addressee_name: str
    kind: str
    action: str
    span: Span
    due: Due | None = None


@dataclass(frozen=True, slots=True)
class Tally:
    yes: int
    no: int
    abstain: int


@dataclass(frozen=True, slots=True)
class Votes:
    """ISO 3166-1 alpha-3 codes per position, in the order printed."""

    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Adoption:
    mode: AdoptionMode
    tally: Tally | None = None
    votes: Votes | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    number: int
    plenary: bool


@dataclass(frozen=True, slots=True)
class Resolution:
    """One expression (one language) of one resolution."""

    language: str
    symbol: str | None = None
    number: str | None = None
    body: str | None = None
    session: int | None = None
    session_period: tuple[str, str] | None = None
    agenda_items: tuple[str, ...] = ()
    adopted_on: str | None = None
    meeting: Meeting | None = None
    committee_report: str | None = None
    title: str | None = None
    uri: str | None = None
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    annexes: tuple[Annex, ...] = ()
    adoption: Adoption = field(default_factory=lambda: Adoption("not_stated"))
    references: tuple[Reference, ...] = ()
    mandates: tuple[Mandate, ...] = ()
    warnings: tuple[Warning, ...] = ()
    source: str | None = None

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Preambular, then operative, then annex paragraphs (top level only)."""
        annex = tuple(p for a in self.annexes for p in a.paragraphs)
        return self.preamble + self.operative + annex
