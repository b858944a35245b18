"""What the library answers: plain frozen records, and pages of them that turn into
pandas or polars frames for notebooks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from concord.model.resolution import Span

if TYPE_CHECKING:
    import pandas
    import polars

T = TypeVar("T")


def as_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict (tuples become lists)."""
    return dataclasses.asdict(record)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Some of the answers to a question: ``items`` from ``offset``, of ``total``."""

    items: list[T]
    total: int | None = None
    limit: int | None = None
    offset: int = 0

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def records(self) -> list[dict[str, Any]]:
        """The items as dicts, one per row."""
        return [as_dict(item) for item in self.items]

    def to_pandas(self) -> pandas.DataFrame:
        """The items as a pandas DataFrame, one row each."""
        import pandas

        return pandas.DataFrame.from_records(self.records())

    def to_polars(self) -> polars.DataFrame:
        """The items as a polars DataFrame, one row each."""
        import polars

        return polars.DataFrame(self.records())


@dataclass(frozen=True, slots=True)
class WorkInfo:
    """A resolution (a work) and the languages it is kept in."""

    symbol: str
    body: str | None
    number: str | None
    session: int | None
    adopted_on: str | None
    title: str | None
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExpressionInfo:
    """One version of a resolution's text in one language, and where it came from."""

    language: str
    current: bool
    title: str | None
    uri: str | None
    adoption_mode: str
    tally: tuple[int, int, int] | None
    source: str
    content_hash: str
    read_at: str
    reader_version: str
    superseded_at: str | None
    paragraphs: int


@dataclass(frozen=True, slots=True)
class WorkDetail:
    """A resolution with all its expressions (current first, then history)."""

    work: WorkInfo
    expressions: tuple[ExpressionInfo, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A paragraph found by a search, with a snippet and its matches in ``text``;
    ``heading`` is the section heading printed over it, where there is one."""

    symbol: str
    language: str
    eid: str
    kind: str
    num: str | None
    intro_key: str | None
    heading: str | None
    text: str
    snippet: str
    highlights: tuple[Span, ...]
    score: float


@dataclass(frozen=True, slots=True)
class AlignedParagraph:
    """One paragraph position (eid) of a work, in every language that has it.

    ``headings``: the section heading printed over it, in each language that prints one.
    """

    eid: str
    kind: str
    num: str | None
    texts: dict[str, str]
    headings: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Alignment:
    """A work's paragraphs side by side; ``mismatches`` says where languages differ."""

    symbol: str
    languages: tuple[str, ...]
    paragraphs: tuple[AlignedParagraph, ...]
    mismatches: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference from a paragraph of ``symbol`` (in ``language``) to ``target``."""

    symbol: str
    language: str
    paragraph_eid: str
    kind: str
    target: str
    text: str


@dataclass(frozen=True, slots=True)
class Vote:
    state: str
    position: str


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """How a resolution was adopted, and each State's vote (ISO 3166-1 alpha-3)."""

    symbol: str
    mode: str
    tally: tuple[int, int, int] | None
    language: str | None
    votes: tuple[Vote, ...]
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class MandateRow:
    """Someone asked to act by a paragraph of ``symbol``."""

    symbol: str
    language: str
    paragraph_eid: str
    addressee: str
    addressee_name: str
    kind: str
    action: str
    due_body: str | None
    due_session: int | None
