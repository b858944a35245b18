"""``concord votes …`` on the command line, and the ``/votes`` HTTP endpoints."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from concord.cli import main
from concord.votes import cache
from concord.votes.api import router, vote_data
from fixtures.votes.support import DHL_SC, DHL_V1, fixture_data


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("votes-cache")
    cache.write(fixture_data(), folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- CLI ------------------------------------------------------------------------------------


def test_agreement_table(capsys: pytest.CaptureFixture[str], cache_dir: Path) -> None:
    code, out, _ = run(
        capsys,
        "votes",
        "agreement",
        "USA",
        "ISR",
        "CUB",
        "--from",
        "2018",
        "--cache",
        str(cache_dir),
    )
    assert code == 0
    lines = out.splitlines()
    assert "agreement (identical)" in lines[0]
    assert lines[1].split() == ["USA", "ISR", "CUB"]
    names = ["USA", "ISR", "CUB"]
    usa = {name: float(v) for name, v in zip(names, lines[3].split()[1:], strict=True)}
    assert usa["USA"] == 1.0 and usa["ISR"] > usa["CUB"]


def test_agreement_by_name_pairs_plot_and_out(
    capsys: pytest.CaptureFixture[str], cache_dir: Path, tmp_path: Path
) -> None:
    out_file, picture = tmp_path / "pairs.parquet", tmp_path / "heat.svg"
    code, _, _ = run(
        capsys, "votes", "agreement", "United States", "Cuba", "--pairs", "--variant", "half",
        "--cache", str(cache_dir), "--out", str(out_file), "--plot", str(picture),
    )  # fmt: skip
    assert code == 0
    assert pd.read_parquet(out_file)[["state_a", "state_b"]].values.tolist() == [["USA", "CUB"]]
    assert picture.read_bytes().lstrip().startswith(b"<?xml") and picture.stat().st_size > 1000


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["record", "CUB", "--from", "2018"], "yes"),
        (["over-time", "USA", "CUB", "--body", "all"], "period"),
        (["similar", "USA", "--min-votes", "2"], "ISR"),
        (["cohesion", "WEOG", "AFRICAN"], "WEOG"),
        (["ideal-points", "USA", "CUB", "--min-votes", "2"], "USA"),
        (["yes-share", "CUB"], "hr"),
        (["check", "--table", "tallies"], "printed tallies matching the lists: 1 of 4"),
        (["check"], "roll calls compared between sources: 0"),
        (["info"], "dhl_sc"),
    ],
)
def test_commands_print_tables(
    capsys: pytest.CaptureFixture[str], cache_dir: Path, argv: list[str], needle: str
) -> None:
    code, out, err = run(capsys, "votes", *argv, "--cache", str(cache_dir))
    assert code == 0, err
    assert needle in out


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_pictures_from_the_cli(
    capsys: pytest.CaptureFixture[str], cache_dir: Path, tmp_path: Path, suffix: str
) -> None:
    for argv in (
        ["ideal-points", "--min-votes", "2"],
        ["yes-share", "CUB"],
        ["over-time", "USA", "ISR"],
    ):
        picture = tmp_path / f"{argv[0]}.{suffix}"
        code, _, err = run(
            capsys, "votes", *argv, "--cache", str(cache_dir), "--plot", str(picture)
        )
        assert code == 0, err
        assert picture.stat().st_size > 1000


def test_export_round_trip(
    capsys: pytest.CaptureFixture[str], cache_dir: Path, tmp_path: Path
) -> None:
    for what in ("votes", "roll-calls", "tallies", "disagreements"):
        target = tmp_path / f"{what}.csv"
        code, out, _ = run(
            capsys, "votes", "export", what, "--out", str(target), "--cache", str(cache_dir)
        )
        assert code == 0 and "wrote" in out
        assert target.is_file()
    votes = pd.read_csv(tmp_path / "votes.csv", keep_default_na=False)
    assert set(votes.columns) == {
        "source",
        "roll_call_id",
        "symbol",
        "date",
        "body",
        "issues",
        "state",
        "vote",
    }
    assert set(votes["vote"]) <= {"Y", "N", "A", "X"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["agreement", "USA", "XXX"], "unknown State 'XXX'"),
        (["agreement", "USA"], "two or more States"),
        (["record", "USA", "--from", "2050"], "no recorded votes"),
        (["record", "USA", "--from", "soon"], "not a year or ISO date"),
        (["similar", "USA", "--issue", "cats"], "unknown issue"),
        (["cohesion", "G77"], "unknown group"),
        (["export", "votes", "--out", "x.xlsx"], "table format"),
    ],
)
def test_user_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], cache_dir: Path, argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "votes", *argv, "--cache", str(cache_dir))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("concord: error:") and message in err


def test_missing_cache_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "votes", "agreement", "USA", "CUB", "--cache", str(tmp_path))
    assert code == 1 and "concord votes import" in err and err.count("\n") == 1


def test_import_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target, db = tmp_path / "cache", str(tmp_path / "library.sqlite")
    code, out, _ = run(
        capsys, "votes", "import", "--no-shared", "--dhl", str(DHL_SC), "--dhl", str(DHL_V1),
        "--cache", str(target), "--db", db,
    )  # fmt: skip
    assert code == 0
    assert "dhl_sc" in out and "dhl_ga" in out and str(target) in out and db in out
    assert "new" in out
    manifest = cache.read(target).manifest
    entry = next(e for e in manifest["sources"] if e["source"] == "dhl_sc")
    assert entry["rows"] == 15 and len(entry["files"][0]["sha256"]) == 64
    # nothing new given: the store keeps its sources and the cache is built from them again
    code, out, _ = run(capsys, "votes", "import", "--no-shared", "--cache", str(target), "--db", db)
    assert code == 0 and "dhl_sc" in out and "kept" in out and "new" not in out
    empty = str(tmp_path / "empty.sqlite")
    code, _, err = run(
        capsys, "votes", "import", "--no-shared", "--cache", str(target), "--db", empty
    )
    assert code == 1 and "no vote data found" in err
    code, _, err = run(capsys, "votes", "import", "--shared", str(tmp_path / "nope"), "--db", db)
    assert code == 1 and "shared data folder not found" in err


def test_votes_without_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "votes")
    assert code == 2 and "agreement" in out


# --- HTTP API -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[vote_data] = fixture_data
    return TestClient(app)


def test_api_agreement(client: TestClient) -> None:
    answer = client.get("/votes/agreement", params={"states": "USA,ISR,CUB", "from": "2018"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["states"] == ["USA", "ISR", "CUB"]
    assert body["identical"][0][1] > body["identical"][0][2]
    assert len(body["pairs"]) == 3
    csv = client.get("/votes/agreement", params={"states": "USA,CUB", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and "state_a" in csv.text


@pytest.mark.parametrize(
    "path",
    [
        "/votes/record/CUB?from=2018",
        "/votes/agreement/over-time?states=USA,CUB",
        "/votes/similar/USA?min_votes=2",
        "/votes/cohesion?groups=WEOG",
        "/votes/ideal-points?states=USA&min_votes=2",
        "/votes/yes-share/CUB",
        "/votes/check?table=tallies",
    ],
)
def test_api_tables(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["rows"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/votes/plots/heatmap.png?states=USA,ISR,CUB", "image/png"),
        ("/votes/plots/heatmap.svg?states=USA,ISR,CUB", "image/svg+xml"),
        ("/votes/plots/ideal-points.svg?states=USA,CUB&min_votes=2", "image/svg+xml"),
        ("/votes/plots/yes-share/CUB.png", "image/png"),
    ],
)
def test_api_pictures(client: TestClient, path: str, kind: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == kind and len(answer.content) > 1000


def test_api_errors_are_json(client: TestClient) -> None:
    answer = client.get("/votes/record/XXX")
    assert answer.status_code == 404
    assert "unknown State" in answer.json()["error"]["message"]
    answer = client.get("/votes/agreement", params={"states": "USA,CUB", "from": "2050"})
    assert answer.status_code == 400 and "no recorded votes" in answer.json()["error"]["message"]
    assert client.get("/votes/plots/heatmap.gif?states=USA,CUB").status_code == 400


def test_api_without_cache_is_503(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONCORD_DATA", str(tmp_path))
    from concord.votes import api

    api._cached.cache_clear()
    app = FastAPI()
    app.include_router(router)
    answer = TestClient(app).get("/votes/record/USA")
    assert answer.status_code == 503 and "votes import" in answer.json()["error"]["message"]
    api._cached.cache_clear()
