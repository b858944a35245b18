"""Known facts on the real datasets in ../shared (skipped, with the reason, where absent).

The import runs once per session, through the command line, into a temporary cache.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from concord.cli import main
from concord.votes import cache
from concord.votes.agreement import agreement, most_similar
from concord.votes.cohesion import cohesion
from concord.votes.data import VoteData
from concord.votes.oracle import agreement_pandas
from concord.votes.record import record
from concord.votes.selection import Selection
from concord.votes.sources import texts
from concord.votes.states import default_directory

GOLD = ("resolutions", "gold_structured")


@pytest.fixture(scope="session")
def votes_dir(shared_data: Path) -> Path:
    folder = shared_data / "votes"
    if not (folder / "ga_unvotes" / "un_roll_calls.csv").is_file():
        pytest.skip(f"GA voting data (unvotes) not found under {folder}")
    return folder


@pytest.fixture(scope="session")
def hrc(votes_dir: Path) -> Path:
    folder = votes_dir / "hrc_ohchr"
    if not (folder / "hrc_chr_votes_long.csv.gz").is_file():
        pytest.skip(f"HRC/CHR votes (non-commercial, never in the repo) not found at {folder}")
    return folder


@pytest.fixture(scope="session")
def gold_37_23(shared_data: Path) -> Path:
    path = shared_data.joinpath(*GOLD, "A_HRC_RES_37_23.json")
    if not path.is_file():
        pytest.skip(f"printed vote lists of 37/23 not found at {path}")
    return path


@pytest.fixture(scope="session")
def real(votes_dir: Path, shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> VoteData:
    folder = tmp_path_factory.mktemp("real-votes")
    argv = ["votes", "import", "--shared", str(shared_data.parent), "--cache", str(folder)]
    argv += ["--db", str(folder / "library.sqlite")]
    for number in ("21", "23"):  # read from the texts by Concord's reader
        text = shared_data / "resolutions" / "en" / f"A_HRC_RES_37_{number}.en.txt"
        if text.is_file():
            argv += ["--texts", str(text)]
    assert main(argv) == 0
    return cache.read(folder)


def test_usa_agrees_with_israel_far_more_than_with_cuba_since_1990(real: VoteData) -> None:
    since_1990 = Selection(start="1990")
    table = agreement(real, ["USA", "ISR", "CUB"], since_1990).table()
    assert table.loc["USA", "ISR"] > 0.7
    assert table.loc["USA", "CUB"] < 0.2
    assert table.loc["USA", "ISR"] > 4 * table.loc["USA", "CUB"]
    half = agreement(real, ["USA", "ISR", "CUB"], since_1990).table("half")
    assert half.loc["USA", "ISR"] > half.loc["USA", "CUB"] + 0.4


def test_a_pair_over_any_period_is_well_under_a_second(real: VoteData) -> None:
    start = time.perf_counter()
    result = agreement(real, ["USA", "FRA"], Selection(start="1960", end="1975"))
    assert time.perf_counter() - start < 0.5
    assert result.n[0, 1] > 500


def test_full_matrix_equals_the_oracle_on_a_sample_of_roll_calls(real: VoteData) -> None:
    rows = real.rows(Selection())
    sample = np.sort(np.random.default_rng(7).choice(rows, size=120, replace=False))
    oracle = agreement_pandas(real.long(sample))
    block = real.matrix.take(sample)
    from concord.votes.agreement import from_block

    result = from_block(block, list(real.states))
    index = {s: i for i, s in enumerate(result.states)}
    i, j = oracle["state_a"].map(index).to_numpy(), oracle["state_b"].map(index).to_numpy()
    assert (result.n[i, j] == oracle["n"].to_numpy()).all()
    assert np.abs(result.identical[i, j] - oracle["identical"].to_numpy()).max() < 1e-6
    assert np.abs(result.half[i, j] - oracle["half"].to_numpy()).max() < 1e-6


def test_ga_data_covers_200_states_and_history(real: VoteData) -> None:
    ga = real.roll_calls.iloc[real.rows(Selection(source="ga_unvotes"))]
    assert len(ga) == 6202
    assert len(real.states) >= 200
    assert {"SUN", "YUG", "CSK", "DDR", "YAR", "YMD", "TWN"} <= set(real.states)


def test_membership_tells_absent_from_not_a_member(real: VoteData) -> None:
    before_1971 = record(real, "CHN", Selection(end="1971-10-24"))
    assert set(before_1971["vote"]) == {"-"}  # the seat was Taiwan's
    after = record(real, "TWN", Selection(start="1971-11-01"))
    assert set(after["vote"]) == {"-"}
    barred = record(real, "ZAF", Selection(start="1975", end="1990"))["vote"]
    assert (barred == "X").mean() > 0.9  # a Member barred from taking part: absent, not "-"
    ussr = record(real, "SUN", Selection(start="1992"))
    assert set(ussr["vote"]) == {"-"}


def test_who_votes_most_like_china_on_human_rights(real: VoteData) -> None:
    close = most_similar(real, "CHN", Selection(issue="hr", start="2000"), min_votes=50)
    assert len(close) == 10 and close["identical"].is_monotonic_decreasing
    assert "USA" not in set(close["state"])


def test_hrc_37_23_matches_the_printed_lists(real: VoteData, hrc: Path, gold_37_23: Path) -> None:
    rc = real.roll_calls
    row = rc[(rc["source"] == "hrc_ohchr") & (rc["symbol"] == "A/HRC/RES/37/23")]
    assert len(row) == 1
    rows = np.flatnonzero((rc["roll_call_id"] == row["roll_call_id"].iloc[0]).to_numpy())
    long = real.long(rows)
    votes = {v: set(long.loc[long["vote"] == v, "state"]) for v in "YNA"}
    assert tuple(len(votes[v]) for v in "YNA") == (28, 1, 17)
    gold = json.loads(gold_37_23.read_text(encoding="utf-8"))
    printed, unresolved = texts.from_printed_names(gold, default_directory())
    assert printed is not None and not unresolved
    assert printed.tally == (28, 1, 17)
    assert (set(printed.yes), set(printed.no), set(printed.abstain)) == (
        votes["Y"],
        votes["N"],
        votes["A"],
    )


def test_votes_read_from_texts_agree_with_the_hrc_dataset(real: VoteData, hrc: Path) -> None:
    keys = set(real.roll_calls.loc[real.roll_calls["source"] == "text", "key"])
    if not keys:
        pytest.skip("HRC 37/21 and 37/23 texts not found in the shared folder")
    assert keys == {"HRC:A/HRC/RES/37/21", "HRC:A/HRC/RES/37/23"}
    disagreements = real.check("disagreements")
    assert disagreements[disagreements["source_b"] == "text"].empty
    assert disagreements[disagreements["source_a"] == "text"].empty
    tallies = real.check("tallies")
    text = tallies[tallies["source"] == "text"].set_index("symbol")
    assert bool(text["agrees"].all())
    assert tuple(text.loc["A/HRC/RES/37/23", ["printed_yes", "printed_no", "printed_abstain"]]) == (
        28,
        1,
        17,
    )
    assert real.check("tally_differences").query("key in @keys").empty
    canonical = real.roll_calls[real.roll_calls["key"] == "HRC:A/HRC/RES/37/23"]
    assert canonical.set_index("source")["canonical"].to_dict() == {
        "hrc_ohchr": True,
        "text": False,
    }


def test_hrc_tallies_checked(real: VoteData, hrc: Path) -> None:
    tallies = real.check("tallies")
    ohchr = tallies[tallies["source"] == "hrc_ohchr"]
    assert len(ohchr) == 1705
    assert 1500 < int(ohchr["agrees"].sum()) < 1705  # ~148 source-side mismatches are known


def test_hrc_cohesion_counts_council_members_only(real: VoteData, hrc: Path) -> None:
    frame = cohesion(real, ["WEOG", "AFRICAN"], Selection(body="HRC", start="2007"))
    voters = frame.set_index("group")["voters"]
    assert voters["WEOG"].max() <= 7.01  # WEOG has 7 Council seats
    assert voters["AFRICAN"].max() <= 13.01
    assert frame["cohesion"].between(0, 1).all()
