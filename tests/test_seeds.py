"""The two Chinese seeds, read perfectly: every contracted field checked."""

from __future__ import annotations

import re

import pytest
from tests.conftest import SAMPLES

from concord.model import Resolution
from concord.read import parse_file


@pytest.fixture(scope="module")
def hrc_37_23() -> Resolution:
    return parse_file(SAMPLES / "A_HRC_RES_37_23.zh.txt")


@pytest.fixture(scope="module")
def ga_72_169() -> Resolution:
    return parse_file(SAMPLES / "A_RES_72_169.zh.txt")


def test_37_23_identification(hrc_37_23: Resolution) -> None:
    r = hrc_37_23
    assert (r.symbol, r.number, r.body, r.language) == ("A/HRC/RES/37/23", "37/23", "HRC", "zh")
    assert r.session == 37
    assert r.session_period == ("2018-02-26", "2018-03-23")
    assert r.agenda_items == ("3",)
    assert r.adopted_on == "2018-03-23"
    assert (r.meeting.number, r.meeting.plenary) == (54, False) if r.meeting else False
    assert r.committee_report is None
    assert r.title == "在人权领域促进合作共赢"
    assert r.uri == "/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@"
    assert r.warnings == ()


def test_37_23_paragraphs(hrc_37_23: Resolution) -> None:
    r = hrc_37_23
    assert len(r.preamble) == 15
    assert [p.intro for p in r.preamble] == [
        "遵循", "重申", "回顾", "重申", "又重申", "还重申", "重申", "承认", "强调", "又强调",
        "认为", "认识到", "又认识到", "还认识到", "认识到",
    ]  # fmt: skip
    assert r.preamble[0].intro_key == "guided_by"
    assert r.preamble[4].intro_key == "reaffirming_also"
    assert r.preamble[0].text == "遵循《联合国宪章》，"
    assert r.preamble[1].text == (
        "重申《世界人权宣言》和《维也纳宣言和行动纲领》，回顾所有有关国际人权条约，包括"
        "《公民权利和政治权利国际公约》和《经济、社会及文化权利国际公约》，"
    )
    assert r.preamble[-1].text == (
        "认识到必须构建相互尊重、公平正义、合作共赢的国际关系，构建人类命运共同体，人人享有人权，"
    )
    assert [p.num for p in r.operative] == ["1", "2", "3", "4", "5"]
    assert [p.intro for p in r.operative] == ["吁请", "重申", "强调", "请", "请"]
    assert r.operative[4].intro_key == "requests"
    # 请 is ``Invites`` here (the English text's word): those the Council does not direct
    # are invited, not requested.
    assert r.operative[3].intro_key == "invites"
    assert r.operative[4].text == (
        "请人权理事会咨询委员会研究技术援助与能力建设在通过合作共赢促进和保护人权中的作用，"
        "并就此向人权理事会第四十三届会议提交报告。"
    )


def test_37_23_recorded_vote(hrc_37_23: Resolution) -> None:
    a = hrc_37_23.adoption
    assert a.mode == "recorded_vote"
    assert a.tally is not None and (a.tally.yes, a.tally.no, a.tally.abstain) == (28, 1, 17)
    assert a.votes is not None
    assert sorted(a.votes.yes) == [
        "AGO", "ARE", "BDI", "BRA", "CHL", "CHN", "CIV", "COD", "CUB", "ECU", "EGY", "ETH",
        "IRQ", "KEN", "KGZ", "MEX", "MNG", "NGA", "NPL", "PAK", "PAN", "PHL", "QAT", "SAU",
        "SEN", "TGO", "VEN", "ZAF",
    ]  # fmt: skip
    assert a.votes.no == ("USA",)
    assert sorted(a.votes.abstain) == [
        "AFG", "AUS", "BEL", "CHE", "DEU", "ESP", "GBR", "GEO", "HRV", "HUN", "JPN", "KOR",
        "PER", "RWA", "SVK", "SVN", "UKR",
    ]  # fmt: skip


def test_37_23_mandate_and_instruments(hrc_37_23: Resolution) -> None:
    # Only the Advisory Committee is asked to act: op_4 invites the human rights mechanisms.
    assert [m.addressee for m in hrc_37_23.mandates] == ["hrc_advisory_committee"]
    m = hrc_37_23.mandates[0]
    assert (m.in_, m.kind, m.due and (m.due.body, m.due.session)) == ("op_5", "report", ("HRC", 43))
    instruments = {r.target for r in hrc_37_23.references if r.kind == "instrument"}
    assert instruments == {"UN_CHARTER", "UDHR", "VDPA", "ICCPR", "ICESCR"}


def test_72_169_identification(ga_72_169: Resolution) -> None:
    r = ga_72_169
    assert (r.symbol, r.number, r.body, r.session) == ("A/RES/72/169", "72/169", "GA", 72)
    assert r.agenda_items == ("72(b)",)
    assert r.adopted_on == "2017-12-19"
    assert r.meeting is not None and (r.meeting.number, r.meeting.plenary) == (73, True)
    assert r.committee_report == "A/72/439/Add.2"
    assert r.title == "增进人权领域的国际合作"
    assert r.adoption.mode == "not_stated" and r.adoption.tally is None
    assert r.warnings == ()


def test_72_169_paragraphs(ga_72_169: Resolution) -> None:
    r = ga_72_169
    assert len(r.preamble) == 14
    assert len(r.operative) == 17
    assert [p.num for p in r.operative] == [str(i) for i in range(1, 18)]
    assert [p.intro for p in r.operative][:5] == ["重申", "确认", "重申", "又重申", "敦促"]
    assert r.operative[0].text.startswith("重申通过国际合作等途径促进")
    assert r.operative[-1].text == "决定在大会第七十三届会议上继续审议这个问题。"
    assert r.preamble[-1].text == (
        "回顾促进和保护人权小组委员会第五十二届会议于2000年8月18日通过了关于促进人权问题对话的"
        "第2000/22号决议，"
    )


def test_72_169_nothing_left_inside_paragraphs(ga_72_169: Resolution) -> None:
    for p in ga_72_169.paragraphs():
        assert "*" not in p.text, p.id
        assert not re.search(r"[¹²³⁴⁵⁶⁷⁸⁹]", p.text), p.id
        assert "Corr.1" not in p.text and "补编" not in p.text, p.id  # footnote text
        assert "日 30 在" not in p.text, p.id  # the stray number of page layout
    pp4 = ga_72_169.preamble[3].text
    assert "2009 年 4 月 20 日至 24 日在日内瓦" in pp4


def test_72_169_footnotes(ga_72_169: Resolution) -> None:
    notes = ga_72_169.footnotes
    assert [f.marker for f in notes] == ["1", "2", "3", "4", "5", "6"]
    assert notes[0].text == "A/CONF.157/24(Part I)和 A/CONF.157/24(Part I)/Corr.1，第三章。"
    assert notes[0].cited_in == ("pp_1", "op_15")
    assert [f.cited_in for f in notes[1:]] == [
        ("pp_3",),
        ("pp_3",),
        ("pp_4",),
        ("pp_14",),
        ("op_15",),
    ]
    assert notes[5].text == "第217 A(III)号决议。"


def test_72_169_references(ga_72_169: Resolution) -> None:
    targets = {r.target for r in ga_72_169.references if r.kind != "instrument"}
    assert targets >= {
        "A/RES/70/1", "A/RES/70/153", "A/HRC/RES/32/6", "A/RES/55/2", "A/RES/66/3",
        "A/RES/217(III)", "E/CN.4/Sub.2/RES/2000/22", "A/71/53", "A/CONF.157/24(Part I)",
        "E/CN.4/2001/2", "E/CN.4/Sub.2/2000/46", "A/72/439/Add.2",
    }  # fmt: skip
    by_target = {r.target: r for r in ga_72_169.references}
    assert by_target["A/HRC/RES/32/6"].in_ == "pp_3"
    assert by_target["A/RES/55/2"].in_ == "fn_2"
    instruments = {r.target for r in ga_72_169.references if r.kind == "instrument"}
    assert instruments == {
        "UN_CHARTER", "VDPA", "UDHR", "MILLENNIUM_DECLARATION", "DDPA", "AGENDA_2030",
    }  # fmt: skip


def test_72_169_mandates(ga_72_169: Resolution) -> None:
    got = {
        (m.in_, m.addressee, m.kind, m.due and (m.due.body, m.due.session))
        for m in ga_72_169.mandates
    }
    assert ("op_16", "secretary_general", "consultation", None) in got
    assert ("op_15", "general_assembly", "meeting", ("GA", 73)) in got
    assert ("op_17", "general_assembly", "consideration", ("GA", 73)) in got
    assert ("op_15", "president_of_the_general_assembly", "consultation", None) in got


def _squash(text: str) -> str:
    return re.sub(r"[\s*¹²³⁴⁵⁶⁷⁸⁹]", "", text)


@pytest.mark.parametrize("name", ["A_HRC_RES_37_23.zh.txt", "A_RES_72_169.zh.txt"])
def test_spans_point_into_the_raw_text(name: str) -> None:
    raw = (SAMPLES / name).read_text("utf-8")
    res = parse_file(SAMPLES / name)
    for p in res.paragraphs():
        start, end = p.span
        printed = _squash(raw[start:end])
        number = f"{p.num}." if p.num else ""
        assert printed.startswith(number + _squash(p.text)[:10]), p.id
        assert printed.endswith(_squash(p.text)[-5:]), p.id
    for ref in res.references:
        start, end = ref.span
        assert _squash(raw[start:end]) in _squash(ref.text) + ref.target, ref
    for note in res.footnotes:
        assert raw[note.span[0] : note.span[1]] == note.text
