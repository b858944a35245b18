"""FRBR URIs (AKN4UN) and UN resolution symbols: tables, errors and round-trip properties."""

from __future__ import annotations

import doctest
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import concord.model.uri as uri_module
from concord.model.uri import (
    BODY_ACTORS,
    LANGUAGES,
    FrbrUri,
    actor_to_body,
    body_to_actor,
    normalise_number,
    number_from_uri,
    number_to_uri,
    parts_to_symbol,
    resolution_uri,
    symbol_to_parts,
    to_alpha2,
    to_alpha3,
)

# symbol, body, number as printed, URI number component
SYMBOLS = [
    ("A/HRC/RES/37/23", "HRC", "37/23", "37-23"),
    ("A/RES/72/169", "GA", "72/169", "72-169"),
    ("A/RES/217(III)", "GA", "217 (III)", "217_III"),
    ("A/RES/217(III)[A]", "GA", "217 A (III)", "217A_III"),
    ("A/RES/3362(S-VII)", "GA", "3362 (S-VII)", "3362_S-VII"),
    ("A/RES/31/16[A]", "GA", "31/16 A", "31-16A"),
    ("A/RES/ES-10/19", "GA", "ES-10/19", "ES-10-19"),
    ("A/HRC/RES/S-35/1", "HRC", "S-35/1", "S-35-1"),
    ("E/CN.4/RES/2005/5", "CHR", "2005/5", "2005-5"),
    ("E/CN.4/Sub.2/RES/2000/22", "SUBCOM", "2000/22", "2000-22"),
    ("E/RES/2000/22", "ECOSOC", "2000/22", "2000-22"),
    ("E/RES/1503(XLVIII)", "ECOSOC", "1503 (XLVIII)", "1503_XLVIII"),
    ("S/RES/1325(2000)", "SC", "1325 (2000)", "1325_2000"),
]


@pytest.mark.parametrize(("symbol", "body", "number", "component"), SYMBOLS)
def test_symbol_table(symbol: str, body: str, number: str, component: str) -> None:
    assert symbol_to_parts(symbol) == (body, number)
    assert parts_to_symbol(body, number) == symbol
    assert number_to_uri(number) == component
    assert number_from_uri(component) == number


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("S/RES/1325 (2000)", "S/RES/1325(2000)"),
        ("A/RES/217 A (III)", "A/RES/217(III)[A]"),
        ("A/RES/217A(III)", "A/RES/217(III)[A]"),
        ("a/hrc/res/37/23", "A/HRC/RES/37/23"),
        ("A／RES／72／169", "A/RES/72/169"),  # full-width solidus, as in Chinese texts
        (" A/HRC/RES/S\u201135/1 ", "A/HRC/RES/S-35/1"),  # non-breaking hyphen
        ("A/RES/31/16 A", "A/RES/31/16[A]"),
    ],
)
def test_symbol_variants_read_to_canonical(written: str, canonical: str) -> None:
    assert parts_to_symbol(*symbol_to_parts(written)) == canonical


@pytest.mark.parametrize(
    "symbol",
    [
        "A/72/439/Add.2",  # a report
        "A/HRC/37/L.36",  # a draft
        "S/PRST/2018/1",  # a presidential statement
        "A/RES/72/169/Corr.1",  # a corrigendum
        "A/DEC/72/551",  # a decision
        "S/RES/37/23",  # SC resolutions are NNNN (YEAR)
        "A/RES/1325(2000)",  # ... and only theirs
        "",
    ],
)
def test_symbols_that_are_not_resolutions(symbol: str) -> None:
    with pytest.raises(ValueError, match="not the symbol of a resolution"):
        symbol_to_parts(symbol)


@pytest.mark.parametrize("number", ["37", "37/23/1", "A/B", "217 (iii) x", "37-23"])
def test_numbers_of_no_known_form(number: str) -> None:
    with pytest.raises(ValueError, match="not a resolution number"):
        number_to_uri(number)


def test_number_normalisation() -> None:
    assert normalise_number("217A(III)") == "217 A (III)"
    assert normalise_number("３７／２３") == "37/23"
    assert normalise_number("٣٧/٢٣") == "37/23"  # Arabic-Indic digits
    assert normalise_number("s-35/1") == "S-35/1"


def test_contract_uris() -> None:
    hrc = resolution_uri("HRC", "2018-03-23", "37/23", "zh")
    assert hrc.work_uri() == "/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23"
    assert hrc.expression_uri() == f"{hrc.work_uri()}/zho@"
    assert hrc.manifestation_uri() == f"{hrc.work_uri()}/zho@/main.xml"
    assert str(hrc) == hrc.expression_uri()
    ga = resolution_uri("GA", "2017-12-19", "72/169", "en")
    assert str(ga) == "/akn/un/statement/deliberation/un-ga/2017-12-19/72-169/eng@"
    assert (ga.body, ga.language_code) == ("GA", "en")


def test_parse_reads_each_level() -> None:
    work = "/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23"
    assert FrbrUri.parse(work) == FrbrUri(actor="un-hrc", date="2018-03-23", number="37-23")
    manif = FrbrUri.parse(f"{work}/zho@/main.xml")
    assert (manif.language, manif.component, manif.format) == ("zho", "main", "xml")
    dated = FrbrUri.parse(f"{work}/fra@2019-01-01/")
    assert dated.expression_date == "2019-01-01"
    assert str(dated) == f"{work}/fra@2019-01-01"
    assert FrbrUri.parse(f"{work}/zho@/!main").component == "main"  # AKN-NC 1.0 spelling
    no_actor = FrbrUri.parse("/akn/un/statement/deliberation/0001-01-01/nn/eng@")
    assert no_actor.actor is None and no_actor.body is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("/akn/un/statement/deliberation/un-hrc/37-23", "not an AKN FRBR URI"),
        ("/un/statement/deliberation/un-hrc/2018-03-23/37-23", "not an AKN FRBR URI"),
        ("/akn/un/statement/deliberation/un-hrc/2018-03-23/37/23", "not an AKN FRBR URI"),
        ("/akn/un/statement/deliberation/un-hrc/2018-02-30/37-23", "bad date"),
        ("/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zh@", "not an AKN FRBR URI"),
        ("/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23.xml", "needs a language"),
    ],
)
def test_parse_refuses_clearly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FrbrUri.parse(text)


def test_constructor_checks_fields() -> None:
    with pytest.raises(ValueError, match="bad FRBR URI number"):
        FrbrUri(actor="un-hrc", date="2018-03-23", number="37/23")
    with pytest.raises(ValueError, match="bad FRBR URI language"):
        FrbrUri(actor="un-hrc", date="2018-03-23", number="37-23", language="zh")
    with pytest.raises(ValueError, match="bad expression date"):
        FrbrUri(actor="un-hrc", date="2018", number="1", language="eng", expression_date="2018")
    with pytest.raises(ValueError, match="needs a language"):
        FrbrUri(actor="un-hrc", date="2018-03-23", number="37-23").expression_uri()


def test_resolution_uri_refuses_bad_values() -> None:
    with pytest.raises(ValueError, match="unknown body"):
        resolution_uri("UNESCO", "2018-03-23", "37/23", "en")
    with pytest.raises(ValueError, match="SC resolution number"):
        resolution_uri("SC", "2000-10-31", "55/2", "en")
    with pytest.raises(ValueError, match="not a UN official language"):
        resolution_uri("HRC", "2018-03-23", "37/23", "de")
    with pytest.raises(ValueError, match="bad date"):
        resolution_uri("HRC", "23 March 2018", "37/23", "en")


def test_names_both_ways() -> None:
    for body in BODY_ACTORS:
        assert actor_to_body(body_to_actor(body)) == body
    for alpha2, alpha3 in LANGUAGES.items():
        assert (to_alpha3(alpha2), to_alpha2(alpha3)) == (alpha3, alpha2)
    assert body_to_actor("hrc") == "un-hrc"
    with pytest.raises(ValueError, match="unknown actor"):
        actor_to_body("un-unesco")


def test_docstring_examples() -> None:
    assert doctest.testmod(uri_module).failed == 0


# ---- properties --------------------------------------------------------------------------


def _roman(n: int) -> str:
    out = ""
    for value, letters in [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")]:
        out, n = out + letters * (n // value), n % value
    return out + "I" * n


letters = st.sampled_from(["", "A", "B", "K"])
serials = st.integers(1, 4000).map(str)
modern_numbers = st.builds(
    lambda prefix, session, serial, letter: (
        f"{prefix}{session}/{serial}" + (f" {letter}" if letter else "")
    ),
    st.sampled_from(["", "S-", "ES-"]),
    st.integers(1, 2100).map(str),
    serials,
    letters,
)
classic_numbers = st.builds(
    lambda serial, letter, prefix, n: (
        f"{serial}{' ' + letter if letter else ''} ({prefix}{_roman(n)})"
    ),
    serials,
    letters,
    st.sampled_from(["", "S-", "ES-"]),
    st.integers(1, 89),
)
sc_numbers = st.builds(lambda n, year: f"{n} ({year})", serials, st.integers(1946, 2100))


@st.composite
def body_numbers(draw: st.DrawFn) -> tuple[str, str]:
    body = draw(st.sampled_from(sorted(BODY_ACTORS)))
    numbers = sc_numbers if body == "SC" else st.one_of(modern_numbers, classic_numbers)
    return body, draw(numbers)


@given(body_numbers())
def test_symbol_round_trip(parts: tuple[str, str]) -> None:
    body, number = parts
    symbol = parts_to_symbol(body, number)
    assert symbol_to_parts(symbol) == (body, number)
    assert parts_to_symbol(*symbol_to_parts(symbol)) == symbol


@given(body_numbers())
def test_number_round_trip(parts: tuple[str, str]) -> None:
    number = parts[1]
    component = number_to_uri(number)
    assert number_from_uri(component) == number
    assert FrbrUri(actor="un-ga", date="2000", number=component).number == component


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)


@st.composite
def frbr_uris(draw: st.DrawFn) -> FrbrUri:
    language = draw(st.none() | st.sampled_from(sorted(LANGUAGES.values())))
    has_language = language is not None
    return FrbrUri(
        actor=draw(st.none() | st.sampled_from(sorted(BODY_ACTORS.values()))),
        date=draw(dates | st.integers(1, 9999).map(lambda y: f"{y:04d}")),
        number=draw(st.just("nn") | body_numbers().map(lambda p: number_to_uri(p[1]))),
        language=language,
        expression_date=draw(dates) if has_language and draw(st.booleans()) else None,
        component=draw(st.none() | st.sampled_from(["main", "annex_1"])),
        format=draw(st.sampled_from(["xml", "pdf"]))
        if has_language and draw(st.booleans())
        else None,
    )


@given(frbr_uris())
def test_uri_round_trip(uri: FrbrUri) -> None:
    assert FrbrUri.parse(str(uri)) == uri
    assert FrbrUri.parse(uri.work_uri()).work_uri() == uri.work_uri()


@given(body_numbers(), dates, st.sampled_from(sorted(LANGUAGES)))
def test_resolution_uri_round_trip(parts: tuple[str, str], adopted: str, lang: str) -> None:
    body, number = parts
    uri = FrbrUri.parse(str(resolution_uri(body, adopted, number, lang)))
    assert (uri.body, uri.date, number_from_uri(uri.number), uri.language_code) == (
        body,
        adopted,
        number,
        lang,
    )
