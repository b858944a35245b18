"""Plain-text renderings of library answers for the command line."""

from __future__ import annotations

from concord.library.results import Alignment, Citation, Hit, Page, VoteRecord, WorkDetail

POSITION_NAMES = {"yes": "in favour", "no": "against", "abstain": "abstaining"}


def hits(page: Page[Hit]) -> list[str]:
    """One line per hit: symbol, paragraph, language, snippet; then the count."""
    lines = [f"{h.symbol} {h.eid} [{h.language}] {h.snippet}" for h in page]
    shown = f"{page.offset + 1}-{page.offset + len(page)}" if len(page) else "none"
    lines.append(f"({shown} of {page.total} paragraphs)")
    return lines


def show(detail: WorkDetail, alignment: Alignment, record: VoteRecord) -> list[str]:
    """A resolution: heading, expressions and history, paragraphs side by side, votes."""
    w = detail.work
    lines = [
        f"{w.symbol}  {w.body or '?'} session {w.session or '?'}  adopted {w.adopted_on or '?'}"
    ]
    if w.title:
        lines.append(w.title)
    for e in detail.expressions:
        state = "current" if e.current else f"superseded {e.superseded_at}"
        lines.append(
            f"  [{e.language}] {state}: {e.paragraphs} paragraphs from {e.source} "
            f"(sha256 {e.content_hash[:12]}, read {e.read_at}, reader {e.reader_version})"
        )
    lines.append("")
    for para in alignment.paragraphs:
        lines.extend(f"§ [{lang}] {heading}" for lang, heading in para.headings.items())
        label = para.eid + (f" ({para.num})" if para.num else "")
        lines.append(label)
        lines.extend(f"  [{lang}] {para.texts.get(lang, '—')}" for lang in alignment.languages)
    lines.extend(f"! {note}" for note in alignment.mismatches)
    lines.append("")
    lines.extend(votes(record))
    return lines


def votes(record: VoteRecord) -> list[str]:
    """The adoption and each State's vote, by position."""
    if not record.votes:
        return [f"adoption: {record.mode}"]
    y, n, a = record.tally or (0, 0, 0)
    lines = [f"adoption: {record.mode} {y}-{n}-{a}, {len(record.votes)} votes ({record.language})"]
    for position, name in POSITION_NAMES.items():
        states = [v.state for v in record.votes if v.position == position]
        lines.append(f"  {name} ({len(states)}): {' '.join(states)}")
    lines.extend(f"! {note}" for note in record.notes)
    return lines


def citations(page: Page[Citation], command: str) -> list[str]:
    """One line per reference, naming the citing paragraph."""
    if command == "cites":
        lines = [f"{c.paragraph_eid} [{c.language}] {c.kind} {c.target}  «{c.text}»" for c in page]
    else:
        lines = [f"{c.symbol} {c.paragraph_eid} [{c.language}] «{c.text}»" for c in page]
    return lines or ["(none)"]
