"""The gazetteer: names in six languages -> ISO 3166-1 alpha-3, membership, the data build."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from concord.gazetteer import LANGUAGES, REGION_GROUPS, Gazetteer, State, default_gazetteer
from concord.gazetteer import normalise_name as norm
from concord.gazetteer.normalise import (
    collapse_whitespace,
    fold_case,
    mend_broken_hyphen,
    nfkc,
    remove_cjk_spaces,
    strip_arabic_marks,
    strip_articles,
    strip_marks,
    unify_marks,
)
from conftest import REPO

G = default_gazetteer()
CURRENT = [s for s in G.states() if s.status != "former"]


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", REPO / "tools" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_csv_gz(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        pytest.skip(f"{path.name} not in the shared folder")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


# --- normalising: each step on its own, then the whole ---------------------------------------


@pytest.mark.parametrize(
    ("step", "raw", "expected"),
    [
        (nfkc, "刚果（金）", "刚果(金)"),
        (nfkc, "Ｊａｐａｎ", "Japan"),
        (unify_marks, "Côte d’Ivoire", "Côte d'Ivoire"),
        (unify_marks, "Timor‐Leste", "Timor-Leste"),
        (unify_marks, "Guinea\u00ad-Bissau", "Guinea-Bissau"),
        (collapse_whitespace, "  United\nStates  of\tAmerica ", "United States of America"),
        (mend_broken_hyphen, "Timor- Leste", "Timor-Leste"),
        (mend_broken_hyphen, "Congo - Kinshasa", "Congo - Kinshasa"),
        (fold_case, "BYELORUSSIAN SSR", "byelorussian ssr"),
        (fold_case, "Соединённое", "соединенное"),
        (strip_marks, "nepal,", "nepal"),
        (strip_marks, "mongolia 2", "mongolia"),
        (strip_marks, "holy see (the) *", "holy see (the)"),
        (strip_marks, "巴西、", "巴西"),
        (strip_articles, "afghanistan (l')", "afghanistan"),
        (strip_articles, "afganistán (el)", "afganistán"),
        (strip_articles, "the gambia", "gambia"),
        (strip_articles, "l'état de palestine", "état de palestine"),
        (strip_articles, "lao people's democratic republic", "lao people's democratic republic"),
        (strip_articles, "bolivia (plurinational state of)", "bolivia (plurinational state of)"),
        (strip_arabic_marks, "الـيمن", "اليمن"),
        (remove_cjk_spaces, "大韩 民国", "大韩民国"),
    ],
)
def test_normalise_step(step: object, raw: str, expected: str) -> None:
    assert callable(step)
    assert step(raw) == expected


@pytest.mark.parametrize(
    ("raw", "lang", "expected"),
    [
        ("Côte d’Ivoire", None, "côte d'ivoire"),
        ("Timor-\nLeste", None, "timor-leste"),
        ("Republic of Korea (the)", "en", "republic of korea"),
        ("la République de Corée", "fr", "république de corée"),
        ("大韩 民国", "zh", "大韩民国"),
        ("Holy See (the) *", None, "holy see"),
        ("Nepal 2", None, "nepal"),
    ],
)
def test_normalise_name(raw: str, lang: str | None, expected: str) -> None:
    assert norm(raw, lang) == expected


# --- every UN name of every Member and observer State ------------------------------------------


@pytest.mark.parametrize("state", CURRENT, ids=lambda s: s.code)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_unterm_names_resolve(state: State, lang: str) -> None:
    short, formal = state.names[lang]
    assert G.resolve(short, lang=lang) == state.code
    assert G.resolve(formal, lang=lang) == state.code
    assert G.resolve(short) == state.code  # the language is only a hint


def test_unterm_tables_in_shared_resolve(shared_data: Path) -> None:
    names_dir = shared_data / "country_names"
    wrong = []
    with (names_dir / "datasets_country-codes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column, value in row.items():
                unterm = column.startswith("UNTERM") and value and not value.endswith("**")
                if unterm and G.resolve(value) != row["ISO3166-1-Alpha-3"]:
                    wrong.append((row["ISO3166-1-Alpha-3"], value))
    with (names_dir / "unterm_names_2024-09.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["official_name_en"].endswith("**"):
                continue  # not a Member or observer (Cook Islands, Niue)
            codes = {G.resolve(value) for value in row.values()}
            if len(codes) != 1 or None in codes:
                wrong.append((str(codes), row["official_name_en"]))
    current = {s.code for s in CURRENT}
    for lang in LANGUAGES:
        with (names_dir / f"unsd_m49_{lang}.csv").open(encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                code = row["ISO-alpha3 Code"]
                if code in current and G.resolve(row["Country or Area"]) != code:
                    wrong.append((code, row["Country or Area"]))
    assert wrong == []


# --- names as printed in resolutions -----------------------------------------------------------

# HRC resolution 37/23 in Chinese (../shared/seeds/000_...): in favour, against, abstaining.
SEED_ZH = {
    "安哥拉": "AGO", "巴西": "BRA", "布隆迪": "BDI", "智利": "CHL", "中国": "CHN",
    "科特迪瓦": "CIV", "古巴": "CUB", "刚果民主共和国": "COD", "厄瓜多尔": "ECU", "埃及": "EGY",
    "埃塞俄比亚": "ETH", "伊拉克": "IRQ", "肯尼亚": "KEN", "吉尔吉斯斯坦": "KGZ", "墨西哥": "MEX",
    "蒙古": "MNG", "尼泊尔": "NPL", "尼日利亚": "NGA", "巴基斯坦": "PAK", "巴拿马": "PAN",
    "菲律宾": "PHL", "卡塔尔": "QAT", "沙特阿拉伯": "SAU", "塞内加尔": "SEN", "南非": "ZAF",
    "多哥": "TGO", "阿拉伯联合酋长国": "ARE", "委内瑞拉玻利瓦尔共和国": "VEN",
    "美利坚合众国": "USA", "阿富汗": "AFG", "澳大利亚": "AUS", "比利时": "BEL", "克罗地亚": "HRV",
    "格鲁吉亚": "GEO", "德国": "DEU", "匈牙利": "HUN", "日本": "JPN", "秘鲁": "PER",
    "大韩民国": "KOR", "卢旺达": "RWA", "斯洛伐克": "SVK", "斯洛文尼亚": "SVN", "西班牙": "ESP",
    "瑞士": "CHE", "乌克兰": "UKR", "大不列颠及北爱尔兰联合王国": "GBR",
}  # fmt: skip


@pytest.mark.parametrize(("name", "code"), sorted(SEED_ZH.items()))
def test_seed_chinese_names(name: str, code: str) -> None:
    assert G.resolve(name, lang="zh") == code
    assert G.resolve(name + "、") == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Côte d’Ivoire", "CIV"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Timor- Leste", "TLS"),
        ("Guinea- Bissau", "GNB"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Lao People’s Democratic Republic", "LAO"),
        ("Netherlands (Kingdom of the)", "NLD"),
        ("Republic of Korea", "KOR"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Micronesia (Federated States of)", "FSM"),
        ("Cabo Verde", "CPV"),
        ("Türkiye", "TUR"),
        ("BYELORUSSIAN SSR", "BLR"),
        ("UKRAINIAN SOVIET SOCIALIST REPUBLIC", "UKR"),
        ("UNITED STATES OF AMERICA", "USA"),
    ],
)
def test_english_vote_list_names(name: str, code: str) -> None:
    assert G.resolve(name, lang="en") == code


def test_gold_vote_lists_match_the_voting_data(shared_data: Path) -> None:
    """The printed lists of HRC 37/21 and 37/23 resolve to the codes the HRC data records."""
    recorded: dict[tuple[str, str], set[str]] = {}
    path = shared_data / "votes" / "hrc_ohchr" / "hrc_chr_votes_long.csv.gz"
    for row in read_csv_gz(path):
        if row["symbol"] in ("A/HRC/RES/37/21", "A/HRC/RES/37/23"):
            recorded.setdefault((row["symbol"], row["vote"]), set()).add(row["iso3"])
    for number in ("21", "23"):
        gold = json.loads(
            (
                shared_data / "resolutions" / "gold_structured" / f"A_HRC_RES_37_{number}.json"
            ).read_text(encoding="utf-8")
        )
        symbol = f"A/HRC/RES/37/{number}"
        for key, vote in (("in_favour", "Y"), ("against", "N"), ("abstaining", "A")):
            assert set(G.resolve_many(gold["recorded_vote"][key])) == recorded[(symbol, vote)]


def test_gold_committee_vote_names_resolve(shared_data: Path) -> None:
    path = shared_data / "resolutions" / "gold_structured"
    gold = json.loads(
        (path / "A_78_481_Add.3_committee_vote_on_A_C.3_78_L.41.json").read_text(encoding="utf-8")
    )
    for key, total in gold["totals"].items():
        codes = G.resolve_many(gold["votes"][key])
        assert None not in codes, [
            n for n, c in zip(gold["votes"][key], codes, strict=True) if not c
        ]
        assert len(set(codes)) == total


# --- never a guess ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Atlantis", None),
        ("Korea", None),
        ("", None),
        ("   ", None),
        ("Congo", "COG"),
        ("Congo (the)", "COG"),
        ("Guinea", "GIN"),
        ("Niger", "NER"),
        ("Sudan", "SDN"),
        ("Yemen", "YEM"),
        ("China", "CHN"),
        ("Germany", "DEU"),
        ("Dominica", "DMA"),
        ("Republic of the Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Zaire", "COD"),
        ("Brazi", None),
    ],
)
def test_resolve_exact_or_none(name: str, code: str | None) -> None:
    assert G.resolve(name) == code


def test_a_name_two_states_share_resolves_to_none() -> None:
    names = {"en": ("Georgia", "Georgia")}
    gazetteer = Gazetteer(
        [State("GEO", "GE", 268, "member", names), State("XGA", None, None, "former", names)],
        [("GEO", "en", "Sakartvelo")],
    )
    assert gazetteer.resolve("Georgia") is None
    assert gazetteer.resolve("Sakartvelo") == "GEO"


def test_the_index_is_built_once_and_lazily() -> None:
    gazetteer = Gazetteer.load()
    assert "_index" not in vars(gazetteer)
    gazetteer.resolve("Japan")
    index = vars(gazetteer)["_index"]
    gazetteer.resolve_many(["Chile", "Peru"])
    assert vars(gazetteer)["_index"] is index
    assert default_gazetteer() is default_gazetteer()


# --- voting datasets ---------------------------------------------------------------------------

# The GA data has no code for three former States; the HRC data codes West Germany "GER".
UNVOTES_WITHOUT_CODE = {
    "Federal Republic of Germany": "DEU",
    "Yemen Arab Republic": "YAR",
    "Zanzibar": "ZAN",
}
HRC_CODE_FIXES = {"GER": "DEU"}


def test_every_unvotes_name_resolves_to_its_code(shared_data: Path) -> None:
    path = shared_data / "votes" / "ga_unvotes" / "un_votes.csv.gz"
    pairs = {(row["country"], row["country_code"]) for row in read_csv_gz(path)}
    wrong = []
    for name, alpha2 in sorted(pairs):
        expected = G.from_alpha2(alpha2) if alpha2 else UNVOTES_WITHOUT_CODE.get(name)
        if expected is None or G.resolve(name) != expected:
            wrong.append((name, alpha2, G.resolve(name), expected))
    assert wrong == []
    assert len(pairs) == 200


def test_every_hrc_name_resolves_to_its_code(shared_data: Path) -> None:
    path = shared_data / "votes" / "hrc_ohchr" / "hrc_chr_votes_long.csv.gz"
    pairs = {(row["country"], row["iso3"]) for row in read_csv_gz(path)}
    wrong = [
        (name, iso3, G.resolve(name))
        for name, iso3 in sorted(pairs)
        if G.resolve(name) != HRC_CODE_FIXES.get(iso3, iso3)
    ]
    assert wrong == []


# --- codes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alpha2", "code"),
    [
        ("US", "USA"),
        ("us", "USA"),
        ("KR", "KOR"),
        ("SU", "SUN"),
        ("YU", "YUG"),
        ("CS", "CSK"),
        ("DD", "DDR"),
        ("YD", "YMD"),
        ("TW", "TWN"),
        ("VA", "VAT"),
        ("PS", "PSE"),
        ("XX", None),
    ],
)
def test_from_alpha2(alpha2: str, code: str | None) -> None:
    assert G.from_alpha2(alpha2) == code


@pytest.mark.parametrize(
    ("m49", "code"),
    [(840, "USA"), ("840", "USA"), ("008", "ALB"), (810, "SUN"), (999, None), ("x", None)],
)
def test_from_m49(m49: int | str, code: str | None) -> None:
    assert G.from_m49(m49) == code


@pytest.mark.parametrize("state", G.states(), ids=lambda s: s.code)
def test_codes_round_trip(state: State) -> None:
    assert G.state(state.code) is state
    if state.alpha2:
        assert G.from_alpha2(state.alpha2) == state.code
    if state.m49 is not None:
        assert G.from_m49(state.m49) == state.code


# --- membership --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "on", "member"),
    [
        ("DEU", "1972-01-01", False),
        ("DEU", "1973-09-18", True),
        ("DDR", "1980-01-01", True),
        ("DDR", "1990-10-03", False),
        ("SUN", "1991-12-23", True),
        ("SUN", "1991-12-24", False),
        ("RUS", "1991-12-23", False),
        ("RUS", "1991-12-24", True),
        ("BLR", "1946-01-01", True),
        ("UKR", "1946-01-01", True),
        ("CSK", "1992-12-31", True),
        ("CZE", "1993-01-18", False),
        ("CZE", "1993-01-19", True),
        ("YAR", "1980-01-01", True),
        ("YEM", "1980-01-01", False),
        ("YEM", "1990-05-22", True),
        ("SYR", "1960-01-01", False),
        ("SYR", "1962-01-01", True),
        ("CHE", "2002-09-09", False),
        ("CHE", "2002-09-10", True),
        ("SSD", "2011-07-14", True),
        ("MNE", "2006-06-27", False),
        ("TLS", "2002-09-27", True),
        ("VAT", "2020-01-01", False),
        ("PSE", "2020-01-01", False),
        ("USA", date(1945, 10, 24), True),
    ],
)
def test_is_member(code: str, on: str | date, member: bool) -> None:
    assert G.is_member(code, on=on) is member


def test_is_member_refuses_a_bad_date_and_code() -> None:
    with pytest.raises(ValueError):
        G.is_member("FRA", on="24 October 1945")
    with pytest.raises(KeyError):
        G.is_member("XYZ", on="2000-01-01")


def test_membership_counts_and_dates() -> None:
    assert len(G.states(members_only=True)) == 193
    assert {s.code for s in G.states() if s.status == "observer"} == {"PSE", "VAT"}
    assert sum(1 for s in G.states() if s.admitted == "1945-10-24") == 51
    assert sum(1 for s in G.states() if s.admitted == "1955-12-14") == 16
    assert G.state("TWN").admitted is None  # China's seat is CHN's: not counted twice
    for state in G.states():
        assert sorted(state.names) == sorted(LANGUAGES), state.code
        if state.left:
            assert state.admitted is not None and state.admitted < state.left


# The UN's table of growth in membership: number of Members at the end of each year.
MEMBERS_AT_YEAR_END = {
    1945: 51, 1946: 55, 1947: 57, 1948: 58, 1949: 59, 1950: 60, 1955: 76, 1956: 80, 1957: 82,
    1958: 82, 1960: 99, 1961: 104, 1962: 110, 1963: 113, 1964: 115, 1965: 117, 1966: 122,
    1967: 123, 1968: 126, 1970: 127, 1971: 132, 1973: 135, 1974: 138, 1975: 144, 1976: 147,
    1977: 149, 1978: 151, 1979: 152, 1980: 154, 1981: 157, 1983: 158, 1984: 159, 1990: 159,
    1991: 166, 1992: 179, 1993: 184, 1994: 185, 1999: 188, 2000: 189, 2002: 191, 2006: 192,
    2011: 193, 2026: 193,
}  # fmt: skip


@pytest.mark.parametrize(("year", "count"), sorted(MEMBERS_AT_YEAR_END.items()))
def test_membership_growth(year: int, count: int) -> None:
    assert sum(1 for s in G.states() if s.is_member(f"{year}-12-31")) == count


def test_successors_and_predecessors() -> None:
    assert G.state("SUN").successor == "RUS"
    assert G.state("RUS").predecessors == ("SUN",)
    assert G.state("DEU").predecessors == ("DDR",)
    assert G.state("YEM").predecessors == ("YAR", "YMD")
    assert G.state("SRB").predecessors == ("SCG",)
    assert G.state("TZA").predecessors == ("ZAN",)
    for state in G.states():
        if state.successor:
            assert state.code in G.state(state.successor).predecessors


@pytest.mark.parametrize(
    ("group", "count"),
    [
        ("African", 54),
        ("Asia-Pacific", 53),
        ("Eastern European", 23),
        ("Latin American and Caribbean", 33),
        ("Western European and others", 29),
        (None, 1),
    ],
)
def test_regional_group_sizes(group: str | None, count: int) -> None:
    assert group is None or group in REGION_GROUPS
    assert sum(1 for s in G.states(members_only=True) if s.region_group == group) == count


@pytest.mark.parametrize(
    ("code", "group"),
    [("ISR", "Western European and others"), ("TUR", "Western European and others"),
     ("USA", "Western European and others"), ("KIR", None), ("CYP", "Asia-Pacific"),
     ("PSE", "Asia-Pacific")],
)  # fmt: skip
def test_special_regional_groups(code: str, group: str | None) -> None:
    assert G.state(code).region_group == group


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lang", "form", "expected"),
    [
        ("KOR", "zh", "short", "大韩民国"),
        ("KOR", "en", "short", "Republic of Korea"),
        ("KOR", "en", "formal", "the Republic of Korea"),
        ("AFG", "fr", "short", "Afghanistan"),
        ("TUR", "en", "short", "Türkiye"),
        ("TUR", "en", "formal", "the Republic of Türkiye"),
        ("NLD", "en", "short", "Netherlands (Kingdom of the)"),
        ("CIV", "zh", "short", "科特迪瓦"),
        ("VAT", "en", "short", "Holy See"),
        ("SUN", "ru", "short", "Союз Советских Социалистических Республик"),
    ],
)
def test_name(code: str, lang: str, form: str, expected: str) -> None:
    assert G.name(code, lang=lang, form=form) == expected  # type: ignore[arg-type]


def test_name_and_state_refuse_unknowns() -> None:
    with pytest.raises(KeyError):
        G.state("ATL")
    with pytest.raises(KeyError):
        G.name("FRA", lang="de")
    with pytest.raises(ValueError):
        G.name("FRA", form="long")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code"),
    [("Turkey", "TUR"), ("Netherlands (the)", "NLD"), ("Turquie (la)", "TUR"), ("荷兰", "NLD")],
)
def test_stale_unterm_names_stay_aliases(name: str, code: str) -> None:
    assert G.resolve(name) == code


# --- the build ---------------------------------------------------------------------------------


def test_committed_data_is_current(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    builder = load_builder()
    assert builder.main(["--shared", str(shared), "--check"]) == 0, capsys.readouterr().out


def test_check_fails_on_a_stale_file(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builder = load_builder()
    stale = tmp_path / "gazetteer.json"
    stale.write_text(builder.OUTPUT.read_text(encoding="utf-8").replace("Türkiye", "Turkey", 1))
    monkeypatch.setattr(builder, "OUTPUT", stale)
    monkeypatch.setattr(builder, "REPO", tmp_path)
    assert builder.main(["--shared", str(shared), "--check"]) == 1


def test_build_is_deterministic(shared: Path) -> None:
    builder = load_builder()
    names_dir = shared / "data" / "country_names"
    assert builder.render(builder.build(names_dir)) == builder.render(builder.build(names_dir))
