"""The reader's driver: decoded text -> :class:`~concord.model.Resolution`."""

from __future__ import annotations

import re
from typing import Final

from concord import languages
from concord.errors import ConcordError
from concord.extract.mandates import find_mandates
from concord.extract.references import find_references, resolution_symbol
from concord.extract.votes import read_adoption
from concord.languages.base import LanguagePack
from concord.model import (
    Adoption,
    Annex,
    Footnote,
    Mandate,
    Paragraph,
    Reference,
    Resolution,
    Warning,
    make,
)
from concord.model.uri import resolution_uri, symbol_to_parts
from concord.read.heading import Heading, read_closing, read_heading
from concord.read.markers import MarkerState, take_markers
from concord.read.paragraphs import (
    Draft,
    SubDraft,
    any_restored,
    build,
    classify,
    find_subparagraphs,
    group,
    is_title,
    numbering_warnings,
    opening_phrase,
    split_inline_numbers,
    take_headings,
)
from concord.read.segment import Blocks, Line, footnote_text, segment
from concord.text.mapped import Mapped, join
from concord.text.normalise import drop_cjk_spaces, normalise_document


def parse_text(
    text: str,
    *,
    source: str | None = None,
    language: str | None = None,
    symbol: str | None = None,
    adopted_on: str | None = None,
) -> Resolution:
    """Read one resolution from its decoded text.

    ``symbol`` and ``adopted_on`` supply what a text without its heading cannot say
    (from a manifest or the command line); they win over what the text prints.
    """
    pack = languages.get(language or languages.detect(text))
    doc = normalise_document(Mapped.of(text))
    blocks = segment(doc, pack)
    head = read_heading(blocks.heading, blocks.formula, pack)
    return _Reader(pack, blocks, head, source, text).read(symbol, adopted_on)


class _Reader:
    def __init__(
        self, pack: LanguagePack, blocks: Blocks, head: Heading, source: str | None, raw: str
    ):
        self.pack = pack
        self.raw = raw
        self.blocks = blocks
        self.head = head
        self.source = source
        self.warnings: list[Warning] = [*blocks.warnings, *head.warnings]
        self._texts: list[tuple[str, Mapped]] = []
        # Section headings (text, span) by where the paragraph each stands over starts in
        # the raw text.
        self._headings: dict[int, tuple[str, tuple[int, int]]] = {}

    def read(self, symbol: str | None, adopted_on: str | None) -> Resolution:
        pack, head = self.pack, self.head
        body_lines = _drop_running_heads(self.blocks.body, head.title)
        drafts = split_inline_numbers(classify(self._paragraphs(body_lines), pack), self.raw, pack)
        annex_drafts = [self._annex_drafts(lines) for lines in self.blocks.annexes]
        notes = self._footnote_texts()
        for draft in [*drafts, *(d for a in annex_drafts for d in a)]:
            draft.text = self._take_glued_notes(draft.text, notes)
        state = MarkerState(frozenset(notes))
        for draft in [*drafts, *(d for a in annex_drafts for d in a)]:
            draft.text, draft.footnotes = take_markers(draft.text, state)
            if pack.cjk and draft.footnotes:
                draft.text = drop_cjk_spaces(draft.text)
        preamble_drafts = [d for d in drafts if d.kind == "preamble"]
        operative_drafts = [d for d in drafts if d.kind == "operative"]
        self.warnings += numbering_warnings(operative_drafts, "operative")
        preamble = [self._paragraph(d, f"pp_{i}") for i, d in enumerate(preamble_drafts, 1)]
        operative = [self._paragraph(d, f"op_{i}") for i, d in enumerate(operative_drafts, 1)]
        for n, drafts_of_annex in enumerate(annex_drafts, 1):
            self.warnings += numbering_warnings(drafts_of_annex, f"annex {n}")
        annexes = self._annexes(annex_drafts)
        self._check_is_resolution(preamble, operative, annexes)
        meeting, closing_date = read_closing(self.blocks.closing, pack)
        body, number, session = _identity(symbol, head)
        symbol = symbol or (resolution_symbol(body, number) if number and body else None)
        adopted = adopted_on or head.adopted_on or closing_date
        adoption = self._adoption()
        paragraphs = [*preamble, *operative, *(p for a in annexes for p in a.paragraphs)]
        texts = {d_id: text for d_id, text in self._texts}
        references = self._references(paragraphs, texts, notes)
        mandates = self._mandates(operative, texts)
        footnotes = self._footnotes(notes, paragraphs)
        for heading, span in self._headings.values():
            self.warnings.append(
                Warning("section_heading", f"a heading stands over no paragraph: {heading!r}", span)
            )
        self._check_complete(symbol, adopted, meeting)
        return Resolution(
            language=pack.code,
            symbol=symbol,
            number=number,
            body=body,
            session=session,
            session_period=head.session_period,
            agenda_items=tuple(head.agenda_items),
            adopted_on=adopted,
            meeting=meeting,
            committee_report=head.committee_report,
            title=head.title,
            uri=_uri(body, adopted, number, pack.code),
            preamble=tuple(preamble),
            operative=tuple(operative),
            footnotes=footnotes,
            annexes=tuple(annexes),
            adoption=adoption,
            references=tuple(references),
            mandates=tuple(mandates),
            warnings=tuple(self.warnings),
            source=self.source,
        )

    # --- paragraphs ------------------------------------------------------------------

    def _paragraphs(self, lines: list[Line]) -> list[Mapped]:
        meaningful = self.blocks.blank_lines_meaningful
        lines, headings = take_headings(lines, self.pack, meaningful)
        for heading, headed in headings:
            # The paragraph the heading stands over starts where the line after it does.
            text = " ".join(heading.text.text.split())
            self._headings[headed.text.span()[0]] = (text, heading.text.span())
        groups = group(lines, self.pack, meaningful)
        return [p for p in (build(g, self.pack) for g in groups) if p.text]

    def _annex_drafts(self, lines: list[Line]) -> list[Draft]:
        _, taken = self._annex_title(lines)
        paras = self._paragraphs(lines[taken:])
        drafts = split_inline_numbers(classify(paras, self.pack), self.raw, self.pack)
        for draft in drafts:
            draft.kind = "annex"
        return drafts

    def _annex_title(self, lines: list[Line]) -> tuple[str | None, int]:
        """An annex's title, and how many of its lines its head takes: the title printed
        on the ``Annex`` line (``Annex 2025 Political Declaration ...``), or alone on the
        line after it, over the annex's first paragraph (``Annex``, then ``Doha Political
        Declaration of the ...``, then ``1. We, Heads of State ...``)."""
        m = self.pack.annex_line.match(lines[0].text.text)
        if m and m.group("title"):
            return m.group("title"), 1
        if len(lines) > 2 and is_title(lines[1], lines[2], self.pack):
            return " ".join(lines[1].text.text.split()), 2
        return None, 1

    def _paragraph(self, draft: Draft, pid: str) -> Paragraph:
        self._texts.append((pid, draft.text))
        text = draft.text.text
        found = opening_phrase(text, draft.kind, self.pack)
        intro, key = found if found else (None, None)
        if found is None:
            self.warnings.append(
                Warning(
                    "unknown_intro",
                    f"opening phrase of {pid} not known: {text[:30]!r}",
                    draft.full.span(0, min(len(draft.full), 30)),
                )
            )
        problems: list[str] = []
        _, items = find_subparagraphs(text, problems)
        subs = tuple(self._sub(draft.text, item, pid, draft.kind) for item in items)
        span = draft.full.span()
        if problems or any_restored(items):
            self._list_warnings(pid, items, problems, span)
        return make.paragraph(
            pid,
            draft.kind,  # type: ignore[arg-type]
            draft.num,
            intro,
            key,
            text,
            span,
            subs,
            tuple(dict.fromkeys(draft.footnotes)),
            draft.heading or self._heading(span[0]),
        )

    def _list_warnings(
        self, pid: str, items: list[SubDraft], problems: list[str], span: tuple[int, int]
    ) -> None:
        """What a list whose markers extraction lost was read as (see
        ``find_subparagraphs``): the markers restored, and the items left unsplit."""
        restored = [
            f"({item.marker})" if item is sub else f"({item.marker})({sub.marker})"
            for item in items
            for sub in (item, *item.children)
            if sub.restored
        ]
        if restored:
            self.warnings.append(
                Warning(
                    "restored_markers",
                    f"{pid}: "
                    + (
                        f"the markers {', '.join(restored)} are"
                        if len(restored) > 1
                        else f"the marker {restored[0]} is"
                    )
                    + " not in the text (lost in extraction): restored from the order of the"
                    " items",
                    span,
                )
            )
        for problem in problems:
            self.warnings.append(Warning("unmarked_items", f"{pid}: {problem}: not split", span))

    def _heading(self, start: int) -> str | None:
        """The heading over the paragraph starting at ``start``, taken (see ``read``)."""
        if not self._headings:
            return None
        found = self._headings.pop(start, None)
        return found[0] if found else None

    def _sub(self, text: Mapped, item: SubDraft, parent: str, kind: str) -> Paragraph:
        """A sub-paragraph: its text runs to the next item (nested items included)."""
        pid = f"{parent}__{item.marker}"
        piece = text.slice(item.start, item.end).strip()
        return make.paragraph(
            pid,
            kind,  # type: ignore[arg-type]
            f"({item.marker})",
            None,
            None,
            piece.text,
            piece.span(),
            tuple(self._sub(text, c, pid, kind) for c in item.children),
            (),
            None,
        )

    def _annexes(self, annex_drafts: list[list[Draft]]) -> list[Annex]:
        annexes = []
        for n, (lines, drafts) in enumerate(zip(self.blocks.annexes, annex_drafts, strict=True), 1):
            first = lines[0].text
            title, _ = self._annex_title(lines)
            paras = tuple(
                self._paragraph(d, f"annex_{n}__para_{i}") for i, d in enumerate(drafts, 1)
            )
            end = lines[-1].text.span()[1]
            annexes.append(Annex(f"annex_{n}", title, paras, (first.span()[0], end)))
        return annexes

    # --- the rest ----------------------------------------------------------------------

    def _footnote_texts(self) -> dict[str, Mapped]:
        notes: dict[str, Mapped] = {}
        for note in self.blocks.footnotes:
            text = footnote_text(note, self.pack.joiner)
            if note.marker in notes:
                self.warnings.append(
                    Warning(
                        "duplicate_footnote", f"footnote {note.marker} printed twice", text.span()
                    )
                )
                continue
            notes[note.marker] = text
        return notes

    def _take_glued_notes(self, text: Mapped, notes: dict[str, Mapped]) -> Mapped:
        """Footnote text that extraction ran into a paragraph goes back to the footnotes,
        with a warning; its marker, where it was printed, is found as any other."""
        pattern = self.pack.glued_note
        if (
            pattern is None
            or not self.pack.may_hold_glued_note(text.text)
            or not pattern.search(text.text)
        ):
            return text

        def move(m: re.Match[str]) -> str:
            marker = m.group("marker")
            before = text.text[max(0, m.start() - 2) : m.start()]
            glued = len(before) == 2 and before[1] == " " and before[0] in _GLUED_AFTER
            if not glued or marker in notes:
                return m.group(0)
            note = text.slice(m.start("note"), m.end("note"))
            notes[marker] = note
            self.warnings.append(
                Warning(
                    "glued_footnote",
                    f"footnote {marker} ({note.text}) was inside a paragraph: moved out",
                    note.span(),
                )
            )
            return ""

        return text.sub(pattern, move)

    def _footnotes(
        self, notes: dict[str, Mapped], paragraphs: list[Paragraph]
    ) -> tuple[Footnote, ...]:
        cited: dict[str, list[str]] = {m: [] for m in notes}
        for para in paragraphs:
            for marker in para.footnotes:
                if marker in cited:
                    cited[marker].append(para.id)
                else:
                    self.warnings.append(
                        Warning(
                            "missing_footnote",
                            f"{para.id} cites footnote {marker}, which is not in the text",
                            para.span,
                        )
                    )
        out = []
        for marker, text in sorted(notes.items(), key=lambda kv: int(kv[0])):
            if not cited[marker]:
                self.warnings.append(
                    Warning("uncited_footnote", f"footnote {marker} is cited nowhere", text.span())
                )
            out.append(make.footnote(marker, text.text, text.span(), tuple(cited[marker])))
        return tuple(out)

    def _adoption(self) -> Adoption:
        lines = self.blocks.adoption
        if not lines:
            return Adoption("not_stated")
        block = join([line.text for line in lines], self.pack.joiner)
        from concord.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
        adoption, warnings = read_adoption(
            block, self.pack, lambda n: gazetteer.resolve(n, lang=self.pack.code)
        )
        self.warnings += warnings
        return adoption

    def _references(
        self, paragraphs: list[Paragraph], texts: dict[str, Mapped], notes: dict[str, Mapped]
    ) -> list[Reference]:
        refs: list[Reference] = []
        body = self.head.body
        if self.head.committee_report:
            report = self.head.committee_report
            span = self.head.committee_span or (0, 0)
            refs.append(make.reference("document", report, report, "heading", span))
        for para in paragraphs:
            refs += find_references(texts[para.id], para.id, self.pack, body)
        for marker, text in notes.items():
            refs += find_references(text, f"fn_{marker}", self.pack, body)
        return refs

    def _mandates(self, operative: list[Paragraph], texts: dict[str, Mapped]) -> list[Mandate]:
        out: list[Mandate] = []
        for para in operative:
            out += find_mandates(para, texts[para.id], self.pack, self.head.body, self.warnings)
        return out

    def _check_is_resolution(
        self, preamble: list[Paragraph], operative: list[Paragraph], annexes: list[Annex]
    ) -> None:
        known = sum(1 for p in [*preamble, *operative] if p.intro_key or p.num)
        if self.blocks.formula is None and self.head.number is None and known == 0:
            raise ConcordError(
                "not a resolution: no heading, enacting formula or resolution paragraphs found",
                self.source,
            )

    def _check_complete(self, symbol: str | None, adopted: str | None, meeting: object) -> None:
        if symbol is None:
            self.warnings.append(Warning("no_symbol", "the resolution's symbol was not found"))
        if adopted is None:
            self.warnings.append(Warning("no_date", "the adoption date was not found"))
        if self.blocks.formula is not None and meeting is None:
            self.warnings.append(
                Warning("no_closing", "no closing meeting line found: the text may be truncated")
            )


_GLUED_AFTER: Final = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def _drop_running_heads(lines: list[Line], title: str | None) -> list[Line]:
    """Running heads repeat (a cut of) the title between paragraphs: they go."""
    if not title:
        return lines
    norm_title = _SPACES.sub(" ", title)
    out = []
    for line in lines:
        text = line.text.text
        # Lines are stripped, so their first character survives the spaces being folded
        # (``split`` and ``join`` fold them as the pattern would): only a line that opens
        # like the title need be compared with it.
        if len(text) >= 12 and text[0] == norm_title[0]:
            text = " ".join(text.split())
            if (
                len(text) >= 12
                and norm_title.startswith(text)
                and not text.endswith((",", ";", "."))
            ):
                continue
        out.append(line)
    return out


_SPACES: Final = re.compile(r"\s+")


def _identity(symbol: str | None, head: Heading) -> tuple[str | None, str | None, int | None]:
    """Body, number and session: from the heading, or read off a symbol given for a text
    without one (``A/HRC/RES/37/21`` -> HRC, 37/21, 37)."""
    body, number, session = head.body, head.number, head.session
    if symbol and not (body and number):
        try:
            body, number = symbol_to_parts(symbol)
        except ValueError:
            return body, number, session
        first = number.split("/")[0]
        if session is None and "/" in number and first.isdigit() and int(first) < 1900:
            session = int(first)
    return body, number, session


def _uri(body: str | None, adopted: str | None, number: str | None, language: str) -> str | None:
    if not (body and adopted and number):
        return None
    try:
        return resolution_uri(body, adopted, number, language).expression_uri()
    except ValueError:
        return None


__all__ = ["parse_text"]
