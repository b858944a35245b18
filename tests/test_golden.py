"""Golden files: the full JSON of every bundled sample.

After a deliberate change to the reader, regenerate with ``pytest tests/test_golden.py
--update-golden`` and review the diff (``git diff tests/golden``) before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

from concord.export.json import to_dict
from concord.read import parse_file

GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("name", FILES)
def test_golden(name: str, update_golden: bool) -> None:
    res = to_dict(parse_file(SAMPLES / name))
    res["source"] = name
    path = GOLDEN / (name.removesuffix(".txt") + ".json")
    rendered = json.dumps(res, ensure_ascii=False, indent=1) + "\n"
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, "utf-8")
        return
    assert path.exists(), f"no golden file for {name}: run pytest --update-golden and review"
    assert json.loads(path.read_text("utf-8")) == res
