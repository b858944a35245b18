"""The compiled reader (mypyc, see setup.py): current, and reading as the Python it is made of.

Where the package was installed as pure Python (no C compiler, or ``CONCORD_PURE_PYTHON``)
these skip, saying so, unless ``CONCORD_REQUIRE_COMPILED`` is set (CI), where they fail.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from concord.export.json import to_dict
from concord.read import parse_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "concord" / "samples"


def compiled_modules() -> list[str]:
    text = (ROOT / "setup.py").read_text(encoding="utf-8")
    paths = re.findall(r'"src/(concord/[a-z_/]+)\.py"', text)
    assert paths, "setup.py names no compiled module"
    return [p.replace("/", ".") for p in paths]


def loaded_compiled() -> dict[str, Path]:
    """The compiled modules loaded as C extensions, with their files."""
    out = {}
    for name in compiled_modules():
        path = Path(importlib.import_module(name).__file__ or "")
        if path.suffix != ".py":
            out[name] = path
    return out


def require_compiled() -> dict[str, Path]:
    loaded = loaded_compiled()
    if loaded:
        return loaded
    reason = "the reader is installed as pure Python (no C compiler, or CONCORD_PURE_PYTHON)"
    if os.environ.get("CONCORD_REQUIRE_COMPILED"):
        pytest.fail(f"compiled reader required (CONCORD_REQUIRE_COMPILED) but {reason}")
    pytest.skip(reason)


def test_every_module_named_for_compiling_is_compiled() -> None:
    loaded = require_compiled()
    assert sorted(loaded) == sorted(compiled_modules())


def test_no_compiled_module_is_older_than_its_source() -> None:
    """An edited module whose old build still loads would test, and ship, old code."""
    stale = []
    for name, built in require_compiled().items():
        source = ROOT / "src" / (name.replace(".", "/") + ".py")
        if source.stat().st_mtime > built.stat().st_mtime:
            stale.append(name)
    assert not stale, f"rebuild with scripts/setup.sh: older than their sources: {stale}"


READ_ALL = """
import json, sys
from pathlib import Path
from concord.export.json import to_dict
from concord.read import parse_file
import concord.read.parse
assert concord.read.parse.__file__.endswith(".py"), concord.read.parse.__file__
out = {p.name: to_dict(parse_file(p)) for p in sorted(Path(sys.argv[1]).glob("*.txt"))}
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def test_pure_python_reads_every_sample_as_the_compiled_reader(tmp_path: Path) -> None:
    require_compiled()
    # The package's sources without their builds: Python reads the ``.py`` files then.
    src = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "concord",
        src / "concord",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", READ_ALL, str(SAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pure = json.loads(done.stdout)
    compiled = {p.name: to_dict(parse_file(p)) for p in sorted(SAMPLES.glob("*.txt"))}
    assert len(compiled) >= 40
    # Through JSON both ways: tuples and lists alike.
    assert pure == json.loads(json.dumps(compiled, ensure_ascii=False, sort_keys=True))
