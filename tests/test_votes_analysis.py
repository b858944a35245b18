"""Analyses: agreement (against the pandas oracle), record, cohesion, ideal points, exports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from concord.errors import ConcordError
from concord.votes import cache, plots
from concord.votes.agreement import agreement, from_block, most_similar, over_time
from concord.votes.codes import LETTER_OF_CODE
from concord.votes.cohesion import agreement_index, cohesion
from concord.votes.export import read_table, write_table
from concord.votes.idealpoints import ideal_points, scale
from concord.votes.oracle import agreement_pandas
from concord.votes.record import record, summary, yes_share
from concord.votes.selection import Selection, bound
from fixtures.votes.support import fixture_data


def long_from_block(block: np.ndarray, states: list[str]) -> pd.DataFrame:
    r, c = np.nonzero(block)
    return pd.DataFrame(
        {"roll_call_id": r, "state": np.asarray(states)[c], "vote": LETTER_OF_CODE[block[r, c]]}
    )


def assert_matches_oracle(result, oracle: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    index = {s: i for i, s in enumerate(result.states)}
    i = oracle["state_a"].map(index).to_numpy()
    j = oracle["state_b"].map(index).to_numpy()
    assert (result.n[i, j] == oracle["n"].to_numpy()).all()
    assert np.allclose(result.identical[i, j], oracle["identical"], atol=1e-6)
    assert np.allclose(result.half[i, j], oracle["half"], atol=1e-6)
    # pairs the oracle does not list never voted together
    missing = np.ones_like(result.n, dtype=bool)
    missing[i, j] = False
    assert (result.n[missing] == 0).all()
    assert np.isnan(result.identical[missing]).all()


# --- agreement ------------------------------------------------------------------------------


def test_agreement_equals_the_pandas_oracle_on_fixture_data() -> None:
    data = fixture_data()
    rows = data.rows(Selection())
    result = agreement(data)
    assert_matches_oracle(result, agreement_pandas(data.long(rows)))


codes = arrays(
    np.int8, st.tuples(st.integers(1, 30), st.integers(1, 8)), elements=st.integers(0, 4)
)


@settings(max_examples=60, deadline=None)
@given(codes)
def test_agreement_properties_and_oracle_on_random_matrices(block: np.ndarray) -> None:
    states = [f"S{i}" for i in range(block.shape[1])]
    result = from_block(block, states)
    for values in (result.identical, result.half):
        finite = values[np.isfinite(values)]
        assert ((finite >= -1e-12) & (finite <= 1 + 1e-12)).all()
        assert np.allclose(values, values.T, equal_nan=True)
    assert (
        result.half[np.isfinite(result.half)] >= result.identical[np.isfinite(result.half)]
    ).all()
    diagonal = np.diag(result.identical)
    assert np.allclose(diagonal[np.isfinite(diagonal)], 1.0)
    long = long_from_block(block, states)
    if long["vote"].isin(["Y", "N", "A"]).any():
        assert_matches_oracle(result, agreement_pandas(long))


def test_half_agreement_scores() -> None:
    yes, abstain, no = 1, 2, 3
    block = np.array([[yes, abstain], [no, abstain], [yes, no], [yes, yes]], dtype=np.int8)
    result = from_block(block, ["A", "B"])
    assert result.n[0, 1] == 4
    assert result.identical[0, 1] == pytest.approx(1 / 4)
    assert result.half[0, 1] == pytest.approx((0.5 + 0.5 + 0 + 1) / 4)


def test_agreement_table_and_pairs() -> None:
    result = agreement(fixture_data(), ["USA", "ISR", "CUB"], Selection(start="2018"))
    table = result.table()
    assert list(table.index) == ["USA", "ISR", "CUB"]
    assert table.loc["USA", "ISR"] > table.loc["USA", "CUB"]
    pairs = result.pairs()
    assert len(pairs) == 3 and set(pairs.columns) == {
        "state_a",
        "state_b",
        "n",
        "identical",
        "half",
    }
    with pytest.raises(ConcordError, match="variant"):
        result.values("cosine")  # type: ignore[arg-type]


def test_unknown_state_and_empty_period() -> None:
    data = fixture_data()
    with pytest.raises(ConcordError, match="unknown State 'XXX'"):
        agreement(data, ["USA", "XXX"])
    with pytest.raises(ConcordError, match="no recorded votes"):
        agreement(data, ["USA", "CUB"], Selection(start="2050"))
    with pytest.raises(ConcordError, match="unknown issue"):
        agreement(data, ["USA", "CUB"], Selection(issue="cats"))


def test_over_time_and_most_similar() -> None:
    data = fixture_data()
    frame = over_time(data, ["USA", "ISR", "CUB"], Selection(start="2018", end="2018"))
    assert set(frame["period"]) == {2018}
    assert len(frame) == 3
    similar = most_similar(data, "USA", Selection(issue="hr", start="2018"), min_votes=2)
    assert similar["state"].iloc[0] == "ISR"
    assert "USA" not in set(similar["state"])
    with pytest.raises(ConcordError, match="two States"):
        over_time(data, ["USA"])


# --- selection ------------------------------------------------------------------------------


def test_period_bounds() -> None:
    assert bound("1990") == np.datetime64("1990-01-01")
    assert bound("1990", end=True) == np.datetime64("1990-12-31")
    assert bound("2020-02", end=True) == np.datetime64("2020-02-29")
    assert bound("2020-02-03") == np.datetime64("2020-02-03")
    assert bound(None) is None
    for bad in ("last year", "2020-13"):
        with pytest.raises(ConcordError):
            bound(bad)


def test_selection_by_body_issue_source_and_kind() -> None:
    data = fixture_data()
    assert len(data.rows(Selection(body="SC"))) == 1
    hr = data.roll_calls.iloc[data.rows(Selection(issue="hr"))]
    assert hr["issues"].str.contains("hr").all()
    only = data.rows(Selection(source="dhl_ga"))
    assert set(data.roll_calls.iloc[only]["source"]) == {"dhl_ga"}
    kinds = data.roll_calls.iloc[data.rows(Selection(kinds=("resolution",)))]
    assert set(kinds["kind"]) == {"resolution"}


# --- record, yes-share, cohesion, ideal points ---------------------------------------------------


def test_record_and_summary() -> None:
    frame = record(fixture_data(), "RUS", Selection(end="1991-12-31"))
    assert set(frame["vote"]) == {"-"}  # the USSR voted then, not Russia
    counts = summary(record(fixture_data(), "SUN"))
    assert counts["not_member"] > 0 and counts["yes"] > 0


def test_yes_share_by_issue() -> None:
    frame = yes_share(fixture_data(), "CUB", Selection(start="2018"))
    both = frame.set_index(["year", "issue"])
    assert {"all", "hr", "me"} <= set(frame["issue"])
    row = both.loc[(2018, "all")]
    assert row["cast"] == row["yes"] + row["no"] + row["abstain"]
    assert 0 <= row["yes_share"] <= 1


def test_agreement_index() -> None:
    counts = np.array([[10, 0, 0], [5, 5, 5], [1, 0, 0], [6, 2, 0]])
    index = agreement_index(counts)
    assert index[0] == 1.0
    assert index[1] == pytest.approx(0.0)
    assert np.isnan(index[2])
    assert index[3] == pytest.approx((6 - 0.5 * 2) / 8)


def test_cohesion_groups() -> None:
    data = fixture_data()
    frame = cohesion(data, ["WEOG", "AFRICAN", "ALL"], Selection(start="2018"))
    assert set(frame["group"]) == {"WEOG", "AFRICAN", "ALL"}
    assert frame["cohesion"].between(0, 1).all()
    custom = cohesion(data, {"pair": ["USA", "ISR"]}, Selection(start="2018"))
    assert custom["cohesion"].iloc[0] > 0.8
    with pytest.raises(ConcordError, match="unknown group"):
        cohesion(data, ["G77"])


def test_scaling_recovers_a_line() -> None:
    positions = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
    agree = 1 - np.abs(positions[:, None] - positions[None, :])
    points, explained = scale(agree)
    assert abs(np.corrcoef(points, positions)[0, 1]) > 0.999
    assert explained > 0.9


def test_ideal_points_sign_follows_the_united_states() -> None:
    frame = ideal_points(fixture_data(), Selection(start="2018"), min_votes=3)
    year = frame[frame["year"] == 2018].set_index("state")["ideal_point"]
    assert year["USA"] > 0 > year["CUB"]
    assert year.mean() == pytest.approx(0, abs=1e-9)


# --- cache, exports, pictures -------------------------------------------------------------


def test_cache_round_trip(tmp_path: Path) -> None:
    data = fixture_data()
    cache.write(data, tmp_path)
    back = cache.read(tmp_path)
    assert np.array_equal(back.matrix.codes, data.matrix.codes)
    assert back.states == data.states
    assert back.groups == dict(data.groups)
    pd.testing.assert_frame_equal(
        back.check("tallies").reset_index(drop=True), data.check("tallies"), check_dtype=False
    )
    assert list(back.roll_calls["roll_call_id"]) == list(data.roll_calls["roll_call_id"])


def test_cache_missing_is_a_concord_error(tmp_path: Path) -> None:
    with pytest.raises(ConcordError, match="votes import"):
        cache.read(tmp_path / "nothing")


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONCORD_DATA", str(tmp_path))
    assert cache.default_dir() == tmp_path / "votes"
    monkeypatch.delenv("CONCORD_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cache.default_dir() == tmp_path / "xdg" / "concord" / "votes"


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".csv.gz"])
def test_exports_round_trip(tmp_path: Path, suffix: str) -> None:
    data = fixture_data()
    long = data.long(data.rows(Selection(start="2018")))
    path = write_table(long, tmp_path / f"votes{suffix}")
    back = read_table(path)
    assert len(back) == len(long)
    assert list(back["state"]) == list(long["state"])
    assert list(back["vote"]) == list(long["vote"])
    table = agreement(data, ["USA", "CUB"]).table().rename_axis("state")
    square = read_table(write_table(table, tmp_path / f"square{suffix}"))
    assert list(square["state"]) == ["USA", "CUB"]
    assert square["CUB"].iloc[1] == pytest.approx(1.0)


def test_export_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConcordError, match="table format"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "x.xlsx")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_pictures_render(fmt: str) -> None:
    data = fixture_data()
    recent = Selection(start="2018")
    figures = [
        plots.heatmap(agreement(data, ["USA", "ISR", "CUB", "CHN"], recent), "half"),
        plots.ideal_points_chart(ideal_points(data, min_votes=1), ["USA", "CUB"]),
        plots.yes_share_chart(yes_share(data, "CUB"), "CUB"),
        plots.over_time_chart(over_time(data, ["USA", "CUB"])),
    ]
    for fig in figures:
        image = plots.render(fig, fmt)
        assert len(image) > 1000
        assert image.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in image[:2000]
    with pytest.raises(ConcordError, match="picture format"):
        plots.render(figures[0], "gif")
