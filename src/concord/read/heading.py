"""The heading and closing: body, session, agenda items, dates, number, title, meeting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from concord.languages.base import LanguagePack
from concord.model import Meeting, Warning
from concord.read.segment import Line
from concord.text.mapped import Mapped

_SPACES: Final = re.compile(r"\s+")
_AGENDA_ITEM: Final = re.compile(r"\d+(?:\([a-z]\))?")
_SPLIT_ITEMS: Final = re.compile(r"\s*(?:,|、|和|及|\band\b)\s*")


@dataclass(slots=True)
class Heading:
    body: str | None = None
    session: int | None = None
    session_period: tuple[str, str] | None = None
    agenda_items: list[str] = field(default_factory=list)
    adopted_on: str | None = None
    committee_report: str | None = None
    draft: str | None = None
    number: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    committee_span: tuple[int, int] | None = None
    heading_text: Mapped | None = None
    meeting: Meeting | None = None
    warnings: list[Warning] = field(default_factory=list)


def read_heading(lines: list[Line], formula: Line | None, pack: LanguagePack) -> Heading:
    head = Heading()
    if formula is not None:
        m = pack.enacting_formula.match(formula.text.text)
        if m:
            head.body = pack.body_names.get(m.group("body"))
    title_lines: list[Mapped] = []
    in_title = False
    for line in lines:
        text = line.text.text
        if in_title:
            title_lines.append(line.text)
            continue
        if _read_line(head, text, pack):
            m = pack.committee_line.match(text)
            if m and m.group("report"):
                head.committee_span = line.text.span(m.start("report"), m.end("report"))
            continue
        m = pack.title_line.match(text)
        if m:
            head.number = m.group("number")
            title_lines.append(line.text.slice(m.start("title")))
            in_title = True
    if title_lines:
        joined = (
            " ".join(t.text for t in title_lines)
            if pack.joiner
            else "".join(t.text for t in title_lines)
        )
        head.title = _SPACES.sub(" ", joined).strip()
        head.title_span = (title_lines[0].span()[0], title_lines[-1].span()[1])
    if head.session is None and head.number and "/" in head.number:
        first = head.number.split("/")[0].removeprefix("S-").removeprefix("ES-")
        if first.isdigit() and int(first) < 1900:
            head.session = int(first)
    return head


def _read_line(head: Heading, text: str, pack: LanguagePack) -> bool:
    """Fill what one heading line says; False when it says nothing we know."""
    if text in pack.body_names:
        head.body = head.body or pack.body_names[text]
        return True
    m = pack.adoption_line.search(text)
    if m:
        head.adopted_on = pack.parse_date(m.group("date"))
        body = m.group("body") or m.groupdict().get("body2")
        if body:
            head.body = head.body or pack.body_names.get(body)
        return True
    m = pack.committee_line.match(text)
    if m:
        report = m.group("report")
        head.committee_report = _SPACES.sub("", report) if report else None
        head.draft = m.group("draft")
        return True
    m = pack.session_line.search(text)
    if m:
        head.session = pack.parse_number(m.group("session"))
        period = m.groupdict().get("period")
        if period:
            head.session_period = pack.parse_period(period)
        _read_agenda(head, text, pack)
        return True
    if _read_agenda(head, text, pack):
        return True
    period_found = pack.parse_period(text)
    if period_found:
        head.session_period = period_found
        return True
    return False


def _read_agenda(head: Heading, text: str, pack: LanguagePack) -> bool:
    m = pack.agenda_line.search(text)
    if not m:
        return False
    items = [i.replace(" ", "") for i in _SPLIT_ITEMS.split(m.group("items").strip()) if i]
    head.agenda_items = [i for i in items if _AGENDA_ITEM.fullmatch(i)] or items
    return True


def read_closing(lines: list[Line], pack: LanguagePack) -> tuple[Meeting | None, str | None]:
    """The meeting (number, plenary) and its date from the closing lines."""
    meeting = None
    date = None
    for line in lines:
        text = line.text.text
        m = pack.meeting_line.match(text)
        if m:
            meeting = Meeting(int(m.group("number")), bool(m.group("plenary")))
            if m.groupdict().get("date"):
                date = pack.parse_date(m.group("date"))
        elif pack.date_line.match(text):
            date = pack.parse_date(text)
    return meeting, date
