"""The JSON contract: one object per resolution, field names as the design document fixes them."""

from __future__ import annotations

import json
from typing import Any

from concord.model import Adoption, Footnote, Mandate, Paragraph, Reference, Resolution, Warning


def to_dict(res: Resolution) -> dict[str, Any]:
    """``res`` as the contracted JSON object (plain dicts and lists)."""
    return {
        "symbol": res.symbol,
        "number": res.number,
        "body": res.body,
        "language": res.language,
        "session": res.session,
        "session_period": list(res.session_period) if res.session_period else None,
        "agenda_items": list(res.agenda_items),
        "adopted_on": res.adopted_on,
        "meeting": (
            {"number": res.meeting.number, "plenary": res.meeting.plenary} if res.meeting else None
        ),
        "committee_report": res.committee_report,
        "title": res.title,
        "uri": res.uri,
        "preamble": [_paragraph(p) for p in res.preamble],
        "operative": [_paragraph(p) for p in res.operative],
        "annexes": [
            {
                "id": a.id,
                "title": a.title,
                "paragraphs": [_paragraph(p) for p in a.paragraphs],
                "span": list(a.span),
            }
            for a in res.annexes
        ],
        "footnotes": [_footnote(f) for f in res.footnotes],
        "adoption": _adoption(res.adoption),
        "references": [_reference(r) for r in res.references],
        "mandates": [_mandate(m) for m in res.mandates],
        "warnings": [_warning(w) for w in res.warnings],
        "source": res.source,
    }


def to_json(res: Resolution, indent: int | None = 2) -> str:
    return json.dumps(to_dict(res), ensure_ascii=False, indent=indent)


def _paragraph(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "heading": p.heading,
        "num": p.num,
        "intro": p.intro,
        "intro_key": p.intro_key,
        "text": p.text,
        "subparagraphs": [_paragraph(s) for s in p.subparagraphs],
        "footnotes": list(p.footnotes),
        "span": list(p.span),
    }
    return out


def _footnote(f: Footnote) -> dict[str, Any]:
    return {"marker": f.marker, "text": f.text, "cited_in": list(f.cited_in), "span": list(f.span)}


def _adoption(a: Adoption) -> dict[str, Any]:
    return {
        "mode": a.mode,
        "tally": (
            {"yes": a.tally.yes, "no": a.tally.no, "abstain": a.tally.abstain} if a.tally else None
        ),
        "votes": (
            {"yes": list(a.votes.yes), "no": list(a.votes.no), "abstain": list(a.votes.abstain)}
            if a.votes
            else None
        ),
        "span": list(a.span) if a.span else None,
    }


def _reference(r: Reference) -> dict[str, Any]:
    return {"kind": r.kind, "target": r.target, "text": r.text, "in": r.in_, "span": list(r.span)}


def _mandate(m: Mandate) -> dict[str, Any]:
    return {
        "in": m.in_,
        "addressee": m.addressee,
        "addressee_name": m.addressee_name,
        "kind": m.kind,
        "action": m.action,
        "due": {"body": m.due.body, "session": m.due.session} if m.due else None,
        "span": list(m.span),
    }


def _warning(w: Warning) -> dict[str, Any]:
    return {"code": w.code, "message": w.message, "span": list(w.span) if w.span else None}
