"""Golden files: the full JSON of every bundled sample.

After a deliberate change to the reader, bump ``concord.read.__version__`` (libraries read
their texts again when the version changes), regenerate with ``pytest
tests/test_golden.py --update-golden`` and review the diff (``git diff tests/golden``)
before committing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

import concord.read
from concord.export.json import to_dict
from concord.read import parse_file

GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))
# The reader version the golden files were made by, and a digest of them.
STAMP = GOLDEN / "READER.json"


def rendered(name: str) -> str:
    res = to_dict(parse_file(SAMPLES / name))
    res["source"] = name
    return json.dumps(res, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("name", FILES)
def test_golden(name: str, update_golden: bool) -> None:
    res = json.loads(rendered(name))
    path = GOLDEN / (name.removesuffix(".txt") + ".json")
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered(name), "utf-8")
        return
    assert path.exists(), f"no golden file for {name}: run pytest --update-golden and review"
    assert json.loads(path.read_text("utf-8")) == res


def test_a_change_of_output_comes_with_a_new_reader_version(update_golden: bool) -> None:
    # What the golden files hold, made now (not read from them: under --update-golden other
    # workers may still be writing them).
    digest = hashlib.sha256("".join(rendered(name) for name in FILES).encode()).hexdigest()
    stamp = {"reader_version": concord.read.__version__, "goldens_sha256": digest}
    recorded = json.loads(STAMP.read_text("utf-8")) if STAMP.exists() else {}
    if update_golden:
        if (
            recorded.get("goldens_sha256") != digest
            and recorded.get("reader_version") == concord.read.__version__
        ):
            pytest.fail(
                "the reader's output changed: bump concord.read.__version__, then"
                " --update-golden again"
            )
        STAMP.write_text(json.dumps(stamp, indent=1) + "\n", "utf-8")
        return
    assert recorded == stamp, (
        "the samples read differently from the golden files' reader version: bump"
        " concord.read.__version__ and run pytest tests/test_golden.py --update-golden"
    )
