"""The two seeds against the gold files that come with them (``../shared/gold``).

The gold files were made apart from Concord, from the seeds by hand: they are the outside
check that the seeds are read perfectly, beside ``test_seeds.py``'s own. Every field a gold
file states is compared with the reader's output. A gold file lists at most one mandate a
paragraph: the paragraphs that hold mandates must be the same, and each mandate it lists
must be among the reader's (GA 72/169's operative paragraph 15 also asks the President of
the General Assembly to consult States: a second mandate of that paragraph).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import shared_dir

from concord.model import Paragraph, Resolution
from concord.read import parse_file

SEEDS = ["000_3cdad5c93a4a1f58", "004_8deb06dfe295e669"]


@pytest.fixture(scope="module", params=SEEDS)
def seed(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Resolution]:
    shared = shared_dir()
    gold_path = shared / "gold" / f"{request.param}.json"
    if not gold_path.is_file():
        pytest.skip(f"gold file not found at {gold_path} (set CONCORD_SHARED)")
    gold = json.loads(gold_path.read_text("utf-8"))
    return gold, parse_file(shared / "seeds" / gold["source_file"])


def test_identification(seed: tuple[dict[str, Any], Resolution]) -> None:
    gold, r = seed
    got = {
        "symbol": r.symbol,
        "body": r.body,
        "session": r.session,
        "number": r.number,
        "language": r.language,
        "title": r.title,
        "agenda_items": list(r.agenda_items),
        "session_period": list(r.session_period) if r.session_period else None,
        "adoption_date": r.adopted_on,
        "meeting": r.meeting.number if r.meeting else None,
        "committee_report": r.committee_report,
    }
    assert got == {key: gold[key] for key in got}


def _part(gold: dict[str, Any], paragraphs: tuple[Paragraph, ...]) -> dict[str, Any]:
    """The reader's paragraphs in the gold file's terms, for the fields it states."""
    texts = {
        "first_text": paragraphs[0].text,
        "second_text": paragraphs[1].text,
        "last_text": paragraphs[-1].text,
    }
    got: dict[str, Any] = {
        "count": len(paragraphs),
        "verbs": [p.intro for p in paragraphs],
        "numbers": [int(p.num) if p.num else None for p in paragraphs],
    }
    got |= {key: text for key, text in texts.items() if key in gold}
    return {key: value for key, value in got.items() if key in gold}


@pytest.mark.parametrize("part", ["preamble", "operative"])
def test_paragraphs(seed: tuple[dict[str, Any], Resolution], part: str) -> None:
    gold, r = seed
    paragraphs = r.preamble if part == "preamble" else r.operative
    assert _part(gold[part], paragraphs) == gold[part]


def test_footnotes(seed: tuple[dict[str, Any], Resolution]) -> None:
    gold, r = seed
    index = {p.id: ("preamble", i) for i, p in enumerate(r.preamble, 1)} | {
        p.id: ("operative", i) for i, p in enumerate(r.operative, 1)
    }
    got = [
        {
            "marker": int(f.marker),
            "text": f.text,
            "anchors": [
                {"part": index[cited][0], "index": index[cited][1]} for cited in f.cited_in
            ],
        }
        for f in r.footnotes
    ]
    assert got == gold["footnotes"]


def test_vote(seed: tuple[dict[str, Any], Resolution]) -> None:
    gold, r = seed
    a = r.adoption
    if gold["vote"] is None:
        assert a.mode == "not_stated" and a.tally is None and a.votes is None
        return
    assert a.tally is not None and a.votes is not None
    got = {
        "method": {"recorded_vote": "recorded"}.get(a.mode, a.mode),
        "yes": a.tally.yes,
        "no": a.tally.no,
        "abstain": a.tally.abstain,
        "in_favour": sorted(a.votes.yes),
        "against": sorted(a.votes.no),
        "abstaining": sorted(a.votes.abstain),
    }
    assert got == gold["vote"]


def test_references(seed: tuple[dict[str, Any], Resolution]) -> None:
    gold, r = seed
    instruments = {ref.target for ref in r.references if ref.kind == "instrument"}
    others = {ref.target for ref in r.references if ref.kind != "instrument"}
    assert instruments == set(gold["instruments"])
    assert others == set(gold["references"])


def test_mandates(seed: tuple[dict[str, Any], Resolution]) -> None:
    gold, r = seed
    got = [
        {
            "paragraph": int(m.in_.removeprefix("op_")),
            "addressee": m.addressee_name,
            "kind": m.kind,
            "due": {"body": m.due.body, "session": m.due.session} if m.due else None,
        }
        for m in r.mandates
    ]
    assert {m["paragraph"] for m in got} == {m["paragraph"] for m in gold["mandates"]}
    for mandate in gold["mandates"]:
        assert mandate in got


def test_the_gold_files_state_what_is_compared() -> None:
    """The comparisons above cover every field of the gold files (a field added to them
    would otherwise go unchecked)."""
    shared = Path(shared_dir())
    paths = [shared / "gold" / f"{name}.json" for name in SEEDS]
    if not all(path.is_file() for path in paths):
        pytest.skip(f"gold files not found under {shared / 'gold'} (set CONCORD_SHARED)")
    compared = {
        "source_file", "symbol", "body", "session", "number", "language", "title",
        "agenda_items", "session_period", "adoption_date", "meeting", "committee_report",
        "preamble", "operative", "footnotes", "vote", "instruments", "references", "mandates",
    }  # fmt: skip
    paragraph_fields = {"count", "verbs", "numbers", "first_text", "second_text", "last_text"}
    for path in paths:
        gold = json.loads(path.read_text("utf-8"))
        assert set(gold) <= compared, path.name
        assert set(gold["preamble"]) | set(gold["operative"]) <= paragraph_fields, path.name
