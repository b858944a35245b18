"""The library's commands as a user types them: ingest, search, show, cites, db."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from concord.cli import main
from fixtures.library.factories import doc, install_fake_reader


@pytest.fixture(autouse=True)
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import concord.read

    for name in ("parse_text", "parse_bytes"):
        monkeypatch.setattr(concord.read, name, getattr(concord.read, name, None), raising=False)
    install_fake_reader()
    # Only this area's commands: other areas' modules are tested on their own.
    monkeypatch.setattr(concord.cli, "COMMAND_MODULES", ("concord.library.cli",))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library filled by ``concord ingest``, named through ``CONCORD_DB``."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        doc(
            "A/RES/72/169",
            ["强调提供技术援助；", "请秘书长协商；"],
            "zh",
            pps=["回顾第 70/1 号决议"],
        )
        + "ref: A/RES/70/1\n"
    )
    (folder / "b.txt").write_text(doc("A/HRC/RES/37/23", ["重申技术援助的重要作用；"], "zh"))
    path = str(tmp_path / "lib.sqlite")
    monkeypatch.setenv("CONCORD_DB", path)
    assert main(["ingest", str(folder)]) == 0
    return path


def test_ingest_prints_a_summary(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    (tmp_path / "docs" / "bad.txt").write_text("nothing\n")
    assert main(["ingest", str(tmp_path / "docs")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "read 3, new 0, updated 0, unchanged 2, failed 1"
    assert out[1].endswith("bad.txt: not a resolution")


def test_search_prints_symbol_and_paragraph(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", "技术援助"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines[:2]) == [
        "A/HRC/RES/37/23 op_1 [zh] 重申[技术援助]的重要作用；",
        "A/RES/72/169 op_1 [zh] 强调提供[技术援助]；",
    ]
    assert lines[2] == "(1-2 of 2 paragraphs)"
    assert main(["search", "技术援助", "--body", "GA", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [h["symbol"] for h in data["items"]] == ["A/RES/72/169"]
    assert (
        main(["search", "技术援助", "--session", "70-72", "--year", "2020", "--kind", "operative"])
        == 0
    )
    assert "A/RES/72/169 op_1" in capsys.readouterr().out


def test_show_cites_and_cited_by(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", "A/RES/72/169"]) == 0
    out = capsys.readouterr().out
    assert "[zh] current: 3 paragraphs" in out and "op_2 (2)\n  [zh] 请秘书长协商；" in out
    assert main(["cites", "A/RES/72/169"]) == 0
    assert "A/RES/70/1" in capsys.readouterr().out
    assert main(["cited-by", "70/1"]) == 0
    assert capsys.readouterr().out.startswith("A/RES/72/169 pp_1 [zh]")


def test_user_errors_are_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", "A/RES/1/1"]) == 1
    assert capsys.readouterr().err == "concord: error: no resolution 'A/RES/1/1' in the library\n"
    assert main(["search", "x", "--session", "abc"]) == 1
    assert main(["search", "x", "--voted", "China"]) == 1
    assert main(["ingest", "/nonexistent/folder"]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_db_upgrade_and_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "new.sqlite")
    assert main(["db", "info", "--db", path]) == 0
    assert "schema: (empty)" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "schema: 0005 (newest: 0005)" in out
    assert f"search index: {path}-search" in out


def test_db_reindex_writes_the_search_index_anew(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    shutil.rmtree(db + "-search", ignore_errors=True)
    assert main(["db", "reindex"]) == 0
    out = capsys.readouterr().out
    assert "search index: rebuilt, 4 paragraphs" in out
    assert f"search index: {db}-search" in out
    assert main(["search", "技术援助"]) == 0
    assert "A/HRC/RES/37/23" in capsys.readouterr().out
