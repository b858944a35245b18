"""Vote loaders: unvotes slice, UN Library layouts, texts, identity, membership, checks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from concord.errors import ConcordError
from concord.model import Adoption, Resolution, Tally, Votes
from concord.votes import consistency
from concord.votes.data import from_voteset
from concord.votes.sources import dhl, texts, unvotes
from concord.votes.states import FallbackDirectory, default_directory, group_key, name_key
from concord.votes.table import VoteSet, concat, make_roll_calls, make_votes
from fixtures.votes.support import DHL_2026, DHL_SC, DHL_V1, UNVOTES, fixture_data


@pytest.fixture(scope="module")
def directory():  # type: ignore[no-untyped-def]
    return default_directory()


def vote_of(data, roll_call_id: str, state: str) -> str:  # type: ignore[no-untyped-def]
    long = data.long()
    row = long[(long["roll_call_id"] == roll_call_id) & (long["state"] == state)]
    return "-" if row.empty else str(row["vote"].iloc[0])


# --- unvotes ------------------------------------------------------------------------------


def test_unvotes_symbols_and_kinds() -> None:
    rc = fixture_data().roll_calls.set_index("roll_call_id")
    assert rc.loc["ga_unvotes/6105", "symbol"] == "A/RES/73/100"
    assert rc.loc["ga_unvotes/1184", "symbol"] == "A/RES/2758(XXVI) A"
    assert rc.loc["ga_unvotes/1181", "kind"] == "other"  # no symbol in the data
    assert rc.loc["ga_unvotes/6105", "issues"] == "hr;me"
    assert rc.loc["ga_unvotes/2949", "body"] == "GA"


def test_unvotes_successor_states_split_by_date() -> None:
    data = fixture_data()
    assert vote_of(data, "ga_unvotes/3592", "SUN") != "-"  # 5 December 1991: USSR
    assert vote_of(data, "ga_unvotes/3592", "RUS") == "-"
    assert vote_of(data, "ga_unvotes/3663", "RUS") != "-"  # 1992: Russia
    assert vote_of(data, "ga_unvotes/4305", "SCG") != "-"  # 2001: Serbia and Montenegro
    assert vote_of(data, "ga_unvotes/1184", "TWN") != "-"  # China's seat before 1971-10-25
    assert vote_of(data, "ga_unvotes/2949", "DDR") != "-"
    assert vote_of(data, "ga_unvotes/2949", "YAR") != "-"  # no code in the package
    assert vote_of(data, "ga_unvotes/2949", "DEU") != "-"  # "Federal Republic of Germany"


def test_unvotes_namibia_code_na_is_not_missing() -> None:
    assert vote_of(fixture_data(), "ga_unvotes/6105", "NAM") in {"Y", "N", "A", "X"}


def test_absent_members_are_told_from_non_members() -> None:
    data = fixture_data()
    # the PRC held no seat before 25 October 1971: not a member, not absent
    assert vote_of(data, "ga_unvotes/1184", "CHN") == "-"
    # Germany did not exist as one State in 1986; the GDR did
    assert vote_of(data, "ga_unvotes/6105", "DDR") == "-"
    raw = pd.read_csv(UNVOTES / "un_votes.csv", keep_default_na=False)
    dropped = raw[raw["rcid"] == 6105]
    assert len(dropped) < 193  # the package kept only votes cast
    record = data.long()
    on_6105 = record[record["roll_call_id"] == "ga_unvotes/6105"]
    assert len(on_6105) == 193  # every Member in 2018: votes cast, the rest X
    assert set(on_6105["vote"]) <= {"Y", "N", "A", "X"}


def test_unvotes_missing_file_is_one_concord_error(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConcordError, match="file not found"):
        unvotes.load(tmp_path, directory)


def test_unvotes_bad_columns(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    for name in ("un_roll_calls.csv", "un_roll_call_issues.csv"):
        (tmp_path / name).write_text((UNVOTES / name).read_text())
    (tmp_path / "un_votes.csv").write_text("rcid,nation,vote\n3,Cuba,yes\n")
    with pytest.raises(ConcordError, match="missing country"):
        unvotes.load(tmp_path, directory)


# --- UN Library (DHL) layouts ---------------------------------------------------------------


def test_dhl_2026_layout(directory) -> None:  # type: ignore[no-untyped-def]
    loaded = dhl.load(DHL_2026, directory)
    rc = loaded.roll_calls.set_index("source_ref")
    assert rc.loc["4025240", "session"] == "ES-10"
    assert rc.loc["4025240", "symbol"] == "A/RES/ES-10/21"
    assert (rc.loc["4025240", "yes"], rc.loc["4025240", "no"]) == (120, 14)  # "120.0"
    assert rc.loc["666123", "issues"] == "hr"
    votes = loaded.votes.astype(str)
    udhr = votes[votes["roll_call_id"] == "dhl_ga/666123"].set_index("state")["vote"]
    assert udhr["BLR"] == "A"  # "BYELORUSSIAN SSR", no code
    assert udhr["SUN"] == "A"  # "UNION OF SOVIET SOCIALIST REPUBLICS"
    assert udhr["HND"] == "X"
    assert set(udhr.index) >= {"USA", "FRA", "CSK", "YUG", "ZAF"}


def test_dhl_v1_layout_plural_columns_and_nv(directory) -> None:  # type: ignore[no-untyped-def]
    loaded = dhl.load(DHL_V1, directory)
    votes = loaded.votes.astype(str).set_index("state")["vote"]
    assert votes["VEN"] == "X"  # NV, resolved from the name alone
    assert votes["IRN"] == "N"
    assert loaded.roll_calls["yes"].iloc[0] == 78
    assert loaded.roll_calls["issues"].iloc[0] == "hr"


def test_dhl_sc_layout(directory) -> None:  # type: ignore[no-untyped-def]
    loaded = dhl.load(DHL_SC, directory)
    assert loaded.roll_calls["body"].iloc[0] == "SC"
    assert loaded.roll_calls["source"].iloc[0] == "dhl_sc"
    assert len(loaded.votes) == 15
    tallies = consistency.tallies(loaded.roll_calls, loaded.votes)
    assert bool(tallies["agrees"].iloc[0])  # 14-0-1, the United States abstaining


def test_dhl_bad_layout(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "votes.csv"
    path.write_text(
        "undl_id,ms_code,ms_name,date,resolution\n1,USA,UNITED STATES,2020-01-01,A/RES/1\n"
    )
    with pytest.raises(ConcordError, match="ms_vote") as info:
        dhl.load(path, directory)
    assert info.value.source == str(path)


def test_dhl_bad_date(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "votes.csv"
    path.write_text("undl_id,ms_code,ms_name,ms_vote,date,resolution\n1,USA,US,Y,soon,A/RES/1\n")
    with pytest.raises(ConcordError, match="not a date"):
        dhl.load(path, directory)


def test_dhl_missing_file(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConcordError, match="file not found"):
        dhl.load(tmp_path / "nope.csv", directory)


def test_unknown_names_are_reported_not_guessed(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "votes.csv"
    path.write_text(
        "undl_id,ms_code,ms_name,ms_vote,date,resolution\n"
        "1,,ATLANTIS,Y,2020-01-01,A/RES/1\n1,USA,UNITED STATES,Q,2020-01-01,A/RES/1\n"
    )
    loaded = dhl.load(path, directory)
    assert loaded.votes.empty
    assert loaded.provenance[0].unresolved == {"ATLANTIS": 1, "(unknown vote codes)": 1}


# --- texts --------------------------------------------------------------------------------


def _resolution() -> Resolution:
    adoption = Adoption("recorded_vote", Tally(2, 1, 1), Votes(("CHN", "CUB"), ("USA",), ("DEU",)))
    return Resolution(
        "en", symbol="A/HRC/RES/99/1", body="HRC", adopted_on="2030-03-01", adoption=adoption
    )


def test_text_votes_from_a_read_resolution() -> None:
    printed = texts.from_resolution(_resolution())
    assert printed is not None
    loaded = texts.load([printed])
    assert loaded.roll_calls["issues"].iloc[0] == "hr"
    assert loaded.roll_calls["yes"].iloc[0] == 2
    assert sorted(loaded.votes.astype(str)["vote"]) == ["A", "N", "Y", "Y"]
    no_vote = Resolution("en", symbol="A/RES/1", adoption=Adoption("without_vote"))
    assert texts.from_resolution(no_vote) is None


def test_text_votes_from_contract_json_and_names(tmp_path: Path, directory) -> None:  # type: ignore[no-untyped-def]
    contract = {
        "symbol": "A/HRC/RES/99/2",
        "adopted_on": "2030-03-02",
        "adoption": {
            "mode": "recorded_vote",
            "tally": {"yes": 1, "no": 1, "abstain": 0},
            "votes": {"yes": ["FRA"], "no": ["RUS"], "abstain": []},
        },
    }
    gold = {
        "symbol": "A/HRC/RES/99/3",
        "date": "2030-03-03",
        "recorded_vote": {
            "text_totals": [1, 0, 1],
            "in_favour": ["Republic of Korea"],
            "against": [],
            "abstaining": ["Atlantis"],
        },
    }
    (tmp_path / "a.json").write_text(__import__("json").dumps([contract]))
    (tmp_path / "b.json").write_text(__import__("json").dumps(gold))
    loaded = texts.read_files([tmp_path / "a.json", tmp_path / "b.json"], directory)
    assert set(loaded.roll_calls["body"]) == {"HRC"}
    by_rc = loaded.votes.astype(str).groupby("roll_call_id")["state"].apply(set)
    assert by_rc["text/A/HRC/RES/99/3"] == {"KOR"}
    assert loaded.provenance[0].unresolved == {"Atlantis": 1}
    (tmp_path / "c.json").write_text("{not json")
    with pytest.raises(ConcordError, match="not JSON"):
        texts.read_files([tmp_path / "c.json"], directory)


# --- identity and disagreements -----------------------------------------------------------


def _tiny(source: str, votes: dict[str, str], symbol: str = "A/RES/73/100") -> VoteSet:
    rc = make_roll_calls(
        pd.DataFrame(
            [
                {
                    "roll_call_id": f"{source}/1",
                    "source": source,
                    "body": "GA",
                    "symbol": symbol,
                    "date": "2018-12-07",
                    "kind": "resolution",
                    "yes": 1,
                    "no": 0,
                    "abstain": 0,
                }
            ]
        )
    )
    rows = [(f"{source}/1", s, v) for s, v in votes.items()]
    return VoteSet(rc, make_votes(pd.DataFrame(rows, columns=["roll_call_id", "state", "vote"])))


def test_disagreements_are_recorded_not_overwritten() -> None:
    a = _tiny("dhl_ga", {"USA": "N", "CUB": "Y", "FRA": "X", "ISR": "N"})
    b = _tiny("ga_unvotes", {"USA": "N", "CUB": "A", "DEU": "Y"})
    data = from_voteset(concat([a, b]))
    found = data.check("disagreements").set_index("state")
    assert set(found.index) == {"CUB", "DEU", "ISR"}  # FRA: X against no row is no conflict
    assert (found.loc["CUB", "vote_a"], found.loc["CUB", "vote_b"]) == ("Y", "A")
    assert found.loc["DEU", "vote_a"] == ""
    # analyses read the better-ranked source; the other stays in the data
    assert data.roll_calls.set_index("source")["canonical"].to_dict() == {
        "dhl_ga": True,
        "ga_unvotes": False,
    }
    assert len(data.check("tally_differences")) == 2


def test_same_symbol_twice_in_a_source_gets_the_date() -> None:
    a = _tiny("hrc_ohchr", {"USA": "N"}, "E/CN.4/RES/1984/53")
    b = make_roll_calls(a.roll_calls.assign(roll_call_id="hrc_ohchr/2", date="1984-03-15"))
    votes = make_votes(a.votes.astype(str).assign(roll_call_id="hrc_ohchr/2"))
    data = from_voteset(concat([a, VoteSet(b, votes)]))
    assert sorted(data.roll_calls["key"]) == [
        "GA:E/CN.4/RES/1984/53:1984-03-15",
        "GA:E/CN.4/RES/1984/53:2018-12-07",
    ]


# --- states -------------------------------------------------------------------------------


def test_fallback_directory_knows_history_without_the_gazetteer() -> None:
    fallback = FallbackDirectory(names={"Cuba": "CUB"}, alpha2={"CU": "CUB"}, codes={"CUB"})
    assert fallback.resolve("CUBA") == "CUB"
    assert fallback.resolve("Union of Soviet Socialist Republics") == "SUN"
    assert fallback.from_alpha2("YD") == "YMD"
    assert fallback.periods("CUB") is None
    assert name_key("Côte d’Ivoire") == name_key("COTE D'IVOIRE")
    assert group_key("Western European and others") == "WEOG"
    assert group_key("Asia-Pacific") == "ASIA_PACIFIC"
    assert group_key("nonsense") is None


def test_gazetteer_membership_periods(directory) -> None:  # type: ignore[no-untyped-def]
    periods = directory.periods("DDR")
    assert periods is not None and str(periods[-1][1]) == "1990-10-03"
