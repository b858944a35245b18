"""A readable plain-text rendering of a resolution."""

from __future__ import annotations

import textwrap

from concord.model import Paragraph, Resolution

_WIDTH = 88


def to_text(res: Resolution) -> str:
    lines: list[str] = []
    heading = " ".join(x for x in (res.symbol, res.adopted_on) if x)
    if heading:
        lines.append(heading)
    if res.title:
        lines.append(res.title)
    if lines:
        lines.append("")
    for para in res.preamble:
        if para.heading:
            lines += [para.heading, ""]
        lines += _wrap(para.text, "    ")
        lines.append("")
    for para in res.operative:
        lines += _paragraph(para, "")
        lines.append("")
    for annex in res.annexes:
        lines.append(f"Annex{': ' + annex.title if annex.title else ''}")
        lines.append("")
        for para in annex.paragraphs:
            lines += _paragraph(para, "")
            lines.append("")
    lines += _adoption(res)
    if res.footnotes:
        lines.append("—" * 20)
        lines += [f"{f.marker} {f.text}" for f in res.footnotes]
    if res.warnings:
        lines.append("")
        lines += [f"warning: {w.message}" for w in res.warnings]
    return "\n".join(lines).rstrip() + "\n"


def _paragraph(para: Paragraph, indent: str) -> list[str]:
    num = (
        f"{para.num}. "
        if para.num and not para.num.startswith("(")
        else (f"{para.num} " if para.num else "")
    )
    text = para.chapeau()
    out = [*_wrap(para.heading, indent), ""] if para.heading else []
    out += _wrap(num + text, indent)
    for sub in para.subparagraphs:
        out += _paragraph(sub, indent + "    ")
    return out


def _wrap(text: str, indent: str) -> list[str]:
    # Never break at a hyphen: "high-level" split over two lines reads as a PDF artefact.
    lines = textwrap.wrap(
        text, _WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
    return lines or [indent]


def _adoption(res: Resolution) -> list[str]:
    a = res.adoption
    if a.mode == "without_vote":
        return ["Adopted without a vote.", ""]
    if a.mode != "recorded_vote" or a.tally is None:
        return []
    out = [
        f"Adopted by a recorded vote of {a.tally.yes} to {a.tally.no},"
        f" with {a.tally.abstain} abstentions."
    ]
    if a.votes:
        for label, codes in (
            ("In favour", a.votes.yes),
            ("Against", a.votes.no),
            ("Abstaining", a.votes.abstain),
        ):
            out += textwrap.wrap(f"{label}: {', '.join(codes)}", _WIDTH, subsequent_indent="    ")
    return [*out, ""]
