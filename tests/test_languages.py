"""Language packs: phrase tables, numerals, dates, and the reference and mandate vocabulary."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord import languages
from concord.errors import ConcordError
from concord.extract import references
from concord.extract.mandates import find_mandates
from concord.extract.references import resolution_symbol
from concord.languages.base import LanguagePack
from concord.languages.numerals import en_number, roman_number, zh_number
from concord.model import Paragraph
from concord.text.mapped import Mapped

ZH = languages.get("zh")
EN = languages.get("en")
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "concord" / "samples"


@pytest.mark.parametrize(
    ("pack", "part", "text", "phrase", "key"),
    [
        ("zh", "preamble", "重申《世界人权宣言》", "重申", "reaffirming"),
        ("zh", "preamble", "又重申一切人权", "又重申", "reaffirming_also"),
        ("zh", "preamble", "还重申，虽然", "还重申", "reaffirming_further"),
        ("zh", "preamble", "遵循《联合国宪章》", "遵循", "guided_by"),
        ("zh", "preamble", "着重指出合作", "着重指出", "underlining"),
        ("zh", "preamble", "强调指出国际合作", "强调指出", "stressing"),
        ("zh", "operative", "请人权理事会咨询委员会", "请", "requests"),
        ("zh", "operative", "决定在大会第七十三届会议上", "决定", "decides"),
        ("zh", "operative", "吁请所有国家", "吁请", "calls_upon"),
        # The adverb comes first in Chinese: 又 ``also``, 还 ``further``, before any phrase.
        ("zh", "operative", "又要求各方", "又要求", "demands_also"),
        ("zh", "operative", "还授权秘书长", "还授权", "authorizes_further"),
        ("zh", "operative", "关切地注意到报告", "关切地注意到", "notes_with_concern"),
        ("zh", "operative", "又关切地注意到", "又关切地注意到", "notes_with_concern_also"),
        ("zh", "operative", "决心继续", "决心", "resolves"),
        ("zh", "preamble", "决心推动", "决心", "determined"),
        ("zh", "preamble", "又确信", "又确信", "convinced_also"),
        ("zh", "preamble", "严重关切地", "严重关切", "gravely_concerned"),
        ("zh", "preamble", "严重关切地注意到", "严重关切地注意到", "noting_with_concern"),
        (
            "en",
            "preamble",
            "Noting with grave concern that",
            "Noting with grave concern",
            "noting_with_concern",
        ),
        ("zh", "preamble", "审议了秘书长的报告", "审议了", "having_considered"),
        ("en", "preamble", "Reaffirming also that all", "Reaffirming also", "reaffirming_also"),
        ("en", "preamble", "Reaffirming the Universal", "Reaffirming", "reaffirming"),
        ("en", "preamble", "Guided by the Charter", "Guided by", "guided_by"),
        ("en", "preamble", "Bearing in mind that", "Bearing in mind", "bearing_in_mind"),
        # Openings that ran into the paragraph before until the table held them.
        ("en", "preamble", "Desirous of promoting", "Desirous", "desirous"),
        ("en", "preamble", "Re-emphasizing its support", "Re-emphasizing", "reemphasizing"),
        ("en", "preamble", "Seized of the danger", "Seized", "seized"),
        ("en", "preamble", "Ever mindful that", "Ever mindful", "mindful"),
        ("en", "preamble", "Calling upon all States", "Calling upon", "calling_upon"),
        ("en", "operative", "Requests the Secretary-General", "Requests", "requests"),
        ("en", "operative", "Also requests the", "Also requests", "requests_also"),
        ("en", "operative", "Decides to continue", "Decides", "decides"),
        ("en", "operative", "Calls upon all States", "Calls upon", "calls_upon"),
        ("en", "operative", "Also condemns the", "Also condemns", "condemns_also"),
    ],
)
def test_phrase_tables(pack: str, part: str, text: str, phrase: str, key: str) -> None:
    table = getattr(languages.get(pack), part)
    assert table.match(text) == (phrase, key)


def test_phrases_need_a_word_boundary() -> None:
    assert EN.preamble.match("Recallings") is None
    assert EN.operative.match("Requestsomething") is None


def test_the_same_meaning_has_the_same_key_in_both_languages() -> None:
    shared = {"reaffirming", "recalling", "recognizing", "emphasizing", "guided_by"}
    assert shared <= ZH.preamble.keys() & EN.preamble.keys()
    assert {"requests", "decides", "invites", "urges", "calls_upon"} <= (
        ZH.operative.keys() & EN.operative.keys()
    )


@pytest.mark.parametrize("part", ["preamble", "operative"])
def test_every_chinese_key_is_an_english_key(part: str) -> None:
    """Keys are the same in every language: the Chinese table, its adverbs included,
    says nothing the English one has no key for."""
    zh, en = getattr(ZH, part), getattr(EN, part)
    assert set(zh.phrases.values()) <= set(en.phrases.values())


def test_registry() -> None:
    assert languages.available() == ("en", "zh")
    assert languages.detect("人权理事会，重申") == "zh"
    assert languages.detect("The General Assembly, Recalling") == "en"
    with pytest.raises(ConcordError, match="no language pack for 'xx'"):
        languages.get("xx")


@pytest.mark.parametrize(
    ("text", "number"),
    [("三十七", 37), ("第三十七", 37), ("七十二", 72), ("十", 10), ("十三", 13), ("一百零五", 105),
     ("四十三", 43), ("37", 37), ("三十七届", None)],
)  # fmt: skip
def test_zh_numbers(text: str, number: int | None) -> None:
    assert zh_number(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [("Thirty-seventh", 37), ("eighty-first", 81), ("forty-third", 43), ("Eightieth", 80),
     ("seventy-third", 73), ("22nd", 22), ("hundredth", 100), ("first", 1), ("banana", None)],
)  # fmt: skip
def test_en_numbers(text: str, number: int | None) -> None:
    assert en_number(text) == number


def test_roman() -> None:
    assert [roman_number(x) for x in ("iii", "iv", "xiv", "XVII", "q")] == [3, 4, 14, 17, None]


@pytest.mark.parametrize(
    ("pack", "text", "iso"),
    [("zh", "2018 年 3 月 23 日", "2018-03-23"), ("zh", "2017年12月19日", "2017-12-19"),
     ("en", "23 March 2018", "2018-03-23"), ("en", "on 1 November 2017,", "2017-11-01"),
     ("en", "no date here", None)],
)  # fmt: skip
def test_dates(pack: str, text: str, iso: str | None) -> None:
    assert languages.get(pack).parse_date(text) == iso


@pytest.mark.parametrize(
    ("pack", "text", "period"),
    [("zh", "2018 年 2 月 26 日至 3 月 23 日", ("2018-02-26", "2018-03-23")),
     ("en", "26 February–23 March 2018", ("2018-02-26", "2018-03-23")),
     ("en", "10-28 September 2018", ("2018-09-10", "2018-09-28"))],
)  # fmt: skip
def test_periods(pack: str, text: str, period: tuple[str, str]) -> None:
    assert languages.get(pack).parse_period(text) == period


@pytest.mark.parametrize(
    ("body", "number", "symbol"),
    [("GA", "70/1", "A/RES/70/1"), ("HRC", "32/6", "A/HRC/RES/32/6"),
     ("HRC", "S-35/1", "A/HRC/RES/S-35/1"), ("GA", "217 A(III)", "A/RES/217(III)"),
     ("GA", "217 A (III)", "A/RES/217(III)"), ("SUBCOM", "2000/22", "E/CN.4/Sub.2/RES/2000/22"),
     ("CHR", "2005/5", "E/CN.4/RES/2005/5"), ("ECOSOC", "1235 (XLII)", None),
     ("ECOSOC", "2004/3", "E/RES/2004/3"), (None, "79/7", "A/RES/79/7"),
     ("SC", "1325 (2000)", "S/RES/1325(2000)")],
)  # fmt: skip
def test_resolution_symbols(body: str | None, number: str, symbol: str | None) -> None:
    assert resolution_symbol(body, number) == symbol


@pytest.mark.parametrize(
    ("pack", "text", "targets"),
    [
        ("zh", "人权理事会 2016 年 6 月 30 日第 32/6 号决议", ["A/HRC/RES/32/6"]),
        ("zh", "大会 2015 年 12 月 17 日第 70/153 号决议", ["A/RES/70/153"]),
        ("zh", "小组委员会第五十二届会议于2000年8月18日通过了关于促进人权问题对话的第2000/22号决议",
         ["E/CN.4/Sub.2/RES/2000/22"]),
        ("zh", "第 47/19、48/16 号决议", ["A/RES/47/19", "A/RES/48/16"]),
        ("en", "Human Rights Council resolution 32/6 of 30 June 2016", ["A/HRC/RES/32/6"]),
        ("en", "its resolutions 47/19 of 24 November 1992, 48/16 of 3 November 1993 and 79/7",
         ["A/RES/47/19", "A/RES/48/16", "A/RES/79/7"]),
        ("en", "its resolution 79/7 and its decision 76/563", ["A/RES/79/7"]),
        ("en", "Commission on Human Rights resolution 2005/5", ["E/CN.4/RES/2005/5"]),
        ("en", "see A/CONF.157/24(Part I), chap. III.", ["A/CONF.157/24(Part I)"]),
        ("en", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", ["E/CN.4/2001/2", "E/CN.4/Sub.2/2000/46"]),
        # Resolutions adopted in parts (80/17, 80/30): the list reads on past them.
        ("en", "its resolutions 36/87 A and B of 9 December 1981, 37/75 of 9 December 1982",
         ["A/RES/36/87 A", "A/RES/36/87 B", "A/RES/37/75"]),
        ("en", "its resolutions 52/38 F of 9 December 1997, 53/77 AA of 4 December 1998, "
         "54/54 U of 1 December 1999 and 57/61", ["A/RES/52/38 F", "A/RES/53/77 AA",
                                                  "A/RES/54/54 U", "A/RES/57/61"]),
        ("en", "its resolutions 49/75 A, B and C", ["A/RES/49/75 A", "A/RES/49/75 B",
                                                    "A/RES/49/75 C"]),
        ("zh", "第 36/87 A 和 B 号决议", ["A/RES/36/87 A", "A/RES/36/87 B"]),
        # The documents of conferences the United Nations serves (80/24, 80/39, 80/5).
        ("en", "See CD/1999 and CD/2067.", ["CD/1999", "CD/2067"]),
        ("en", "vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II))",
         ["NPT/CONF.2010/50", "NPT/CONF.2010/50"]),
        ("en", "See TPNW/MSP/2023/14 and TPNW/MSP/2025/11/Rev.1.",
         ["TPNW/MSP/2023/14", "TPNW/MSP/2025/11/Rev.1"]),
        ("en", "Adopted in FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
         ["FCCC/CP/2015/10/Add.1"]),
        ("en", "the code ABCD/1999 and BWC2/5", []),
        # A symbol after the list is no part; two letters are a part only doubled.
        ("en", "its resolution 70/1 and A/70/L.1", ["A/RES/70/1", "A/70/L.1"]),
        ("en", "its resolution 70/1 UN", ["A/RES/70/1"]),
    ],
)  # fmt: skip
def test_references(pack: str, text: str, targets: list[str]) -> None:
    from concord.extract.references import find_references
    from concord.text.mapped import Mapped

    found = find_references(Mapped.of(text), "pp_1", languages.get(pack), "GA")
    assert [r.target for r in found if r.kind != "instrument"] == targets
    for r in found:
        assert text[r.span[0] : r.span[1]] in (r.text, r.target) or r.kind == "resolution"
        if r.kind == "resolution":
            # A resolution's span is its number, or the letter of a further part.
            written = text[r.span[0] : r.span[1]]
            assert r.target.endswith(written) or r.target.endswith(" " + written)


@pytest.mark.parametrize(
    ("pack", "text", "printed"),
    [
        # One reference: the phrase printed. Several in one list: each its own number (or
        # part letter), not the whole list again for each (80/18 cites 36 in one).
        ("en", "Recalling its resolution 50/245 of 10 September 1996,",
         ["resolution 50/245"]),
        ("en", "Recalling resolutions 45/54 of 4 December 1990, 46/32 of 6 December 1991 and "
         "36/87 A and B of 9 December 1981,", ["45/54", "46/32", "36/87 A", "B"]),
        ("zh", "回顾人权理事会 2016 年 6 月 30 日第 32/6 号决议，", ["第 32/6 号决议"]),
    ],
)  # fmt: skip
def test_the_text_of_a_resolution_reference(pack: str, text: str, printed: list[str]) -> None:
    from concord.extract.references import find_references
    from concord.text.mapped import Mapped

    found = find_references(Mapped.of(text), "pp_1", languages.get(pack), "GA")
    assert [r.text for r in found if r.kind == "resolution"] == printed


@pytest.mark.parametrize(
    ("pack", "text", "ids"),
    [("zh", "重申《世界人权宣言》和《维也纳宣言和行动纲领》", ["UDHR", "VDPA"]),
     ("zh", "依照《联合国宪章》", ["UN_CHARTER"]),
     ("zh", "“变革我们的世界：2030 年可持续发展议程”", ["AGENDA_2030"]),
     ("en", "the International Covenants on Human Rights", ["ICCPR", "ICESCR"]),
     ("en", "the Charter of the United Nations and the Durban Declaration and Programme of Action",
      ["UN_CHARTER", "DDPA"]),
     # Treaties of the disarmament, climate and justice resolutions (80/24, 80/14...).
     ("en", "the Treaty on the Non-Proliferation of Nuclear Weapons and the Treaty on the "
      "Prohibition of Nuclear Weapons", ["NPT", "TPNW"]),
     ("en", "parties to the Rome Statute of the International Criminal Court and the Rome Statute",
      ["ROME_STATUTE", "ROME_STATUTE"]),
     ("en", "the Comprehensive Nuclear-Test-Ban Treaty, the Arms Trade Treaty and the Chemical "
      "Weapons Convention", ["CTBT", "ATT", "CWC"]),
     ("zh", "《不扩散核武器条约》和《国际刑事法院罗马规约》", ["NPT", "ROME_STATUTE"]),
     ("zh", "《全面禁止核试验条约》、《禁止核武器条约》和《联合国气候变化框架公约》",
      ["CTBT", "TPNW", "UNFCCC"]),
     # Arms, the sea, climate and disasters (80/25, 80/9...).
     ("en", "the Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small "
      "Arms and Light Weapons in All Its Aspects and the Convention on Cluster Munitions",
      ["SALW_POA", "CCM"]),
     ("en", "the Kyoto Protocol, the Paris Agreement and the Sendai Framework for Disaster Risk "
      "Reduction 2015–2030", ["KYOTO_PROTOCOL", "PARIS_AGREEMENT", "SENDAI_FRAMEWORK"]),
     ("zh", "《京都议定书》、《巴黎协定》和《2015-2030年仙台减少灾害风险框架》",
      ["KYOTO_PROTOCOL", "PARIS_AGREEMENT", "SENDAI_FRAMEWORK"]),
     ("zh", "《联合国海洋法公约》和《集束弹药公约》", ["UNCLOS", "CCM"]),
     # Human rights beyond the core treaties: the optional protocol is found, not the
     # convention its name holds.
     ("en", "the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or "
      "Degrading Treatment or Punishment and the Convention relating to the Status of Refugees",
      ["OPCAT", "REFUGEE_CONVENTION"]),
     ("zh", "《禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约任择议定书》"
      "和《关于难民地位的公约》",
      ["OPCAT", "REFUGEE_CONVENTION"]),
     ("en", "the Geneva Conventions of 12 August 1949 and the Convention on the Prevention and "
      "Punishment of the Crime of Genocide", ["GENEVA_CONVENTIONS", "GENOCIDE_CONVENTION"]),
     ("zh", "1949年8月12日《日内瓦四公约》和《防止及惩治灭绝种族罪公约》",
      ["GENEVA_CONVENTIONS", "GENOCIDE_CONVENTION"]),
     ("en", "in compliance with the Paris Principles and the Guiding Principles on Business and "
      "Human Rights", ["PARIS_PRINCIPLES", "UNGPS"]),
     ("zh", "符合《巴黎原则》和《工商企业与人权指导原则》", ["PARIS_PRINCIPLES", "UNGPS"]),
     ("en", "the Global Compact for Safe, Orderly and Regular Migration and the Global Compact on "
      "Refugees", ["GCM", "GCR"]),
     ("zh", "《安全、有序和正常移民全球契约》和《难民问题全球契约》", ["GCM", "GCR"]),
     # The trafficking protocol's name holds the convention it supplements.
     ("zh", "《联合国打击跨国有组织犯罪公约"
      "关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》",
      ["UNTOC", "TRAFFICKING_PROTOCOL"]),
     ("en", "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women "
      "and Children, supplementing the United Nations Convention against Transnational "
      "Organized Crime", ["TRAFFICKING_PROTOCOL", "UNTOC"])],
)  # fmt: skip
def test_instruments(pack: str, text: str, ids: list[str]) -> None:
    from concord.extract.references import find_references
    from concord.text.mapped import Mapped

    found = find_references(Mapped.of(text), "pp_1", languages.get(pack), "GA")
    assert [r.target for r in found if r.kind == "instrument"] == ids


# Each pattern a pack tries only on a text holding one of its words: every match the
# pattern finds must hold one, or the reader would skip texts the pattern reads.
PREFILTERED = [
    ("resolution_ref", lambda p: (p.resolution_word,)),
    ("request_phrases", lambda p: (p.request_word,)),
    ("due_session", lambda p: (p.due_word,)),
    ("decides_scheduling", lambda p: p.scheduling_words),
]


@pytest.mark.parametrize("code", ["en", "zh"])
@pytest.mark.parametrize(("name", "words"), PREFILTERED, ids=[n for n, _ in PREFILTERED])
def test_every_match_holds_the_words_that_let_the_pattern_be_tried(
    code: str, name: str, words: Callable[[LanguagePack], tuple[str, ...]]
) -> None:
    pack = languages.get(code)
    pattern: re.Pattern[str] = getattr(pack, name)
    found = 0
    for path in SAMPLES.glob(f"*.{code}.txt"):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            found += 1
            assert any(w in m.group(0) for w in words(pack)), (path.name, m.group(0))
    assert found, f"no match of {name} in the {code} samples"


@settings(max_examples=200, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.sampled_from(["en", "zh"]), st.data())
def test_every_scheduling_clause_holds_a_scheduling_word(code: str, data: st.DataObject) -> None:
    pack = languages.get(code)
    text = data.draw(st.from_regex(pack.decides_scheduling))
    for m in pack.decides_scheduling.finditer(text):
        assert any(w in m.group(0) for w in pack.scheduling_words), m.group(0)


@settings(max_examples=100, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.sampled_from(["en", "zh"]), st.data())
def test_every_match_of_a_mandate_kind_holds_one_of_its_words(
    code: str, data: st.DataObject
) -> None:
    pack = languages.get(code)
    pattern, kind, words = data.draw(st.sampled_from(pack.mandate_kinds))
    text = data.draw(st.from_regex(pattern))
    for m in pattern.finditer(text):
        assert any(w in m.group(0) for w in words), (kind, m.group(0))


def _alternation_finds(instruments: Mapping[str, str], text: str) -> list[tuple[int, str]]:
    """What one alternation of the names, longest first, finds (the finder's reference)."""
    names = sorted(instruments, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in names))
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def test_instrument_names_found_from_key_words_as_an_alternation_finds_them() -> None:
    finder = references._Instruments(EN.instruments)
    assert finder.words is not None, "the English names are found from their key words"
    for path in SAMPLES.glob("*.en.txt"):
        text = path.read_text(encoding="utf-8")
        assert finder.find(text) == _alternation_finds(EN.instruments, text), path.name


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted(EN.instruments)) | st.text(" ,.eTheofand", max_size=6)))
def test_names_run_together_are_found_as_an_alternation_finds_them(pieces: list[str]) -> None:
    # Names inside names, overlapping and back to back: leftmost, then longest, wins.
    text = "".join(pieces)
    finder = references._Instruments(EN.instruments)
    assert finder.find(text) == _alternation_finds(EN.instruments, text)


@pytest.mark.parametrize(
    ("pack", "text", "asked"),
    [
        # A connective before the verb (80/11 op_1 and op_10, 80/28 op_6).
        ("en", "Reaffirms the practice, and in this regard requests the Secretariat to explore "
         "options;", [("secretariat", None)]),
        ("en", "Reaffirms its decision, and to that end requests the Secretary-General to report "
         "to the General Assembly at its eighty-third session;", [("secretary_general", 83)]),
        ("en", "Welcomes the work, and, in this regard, requests the Secretary-General to report;",
         [("secretary_general", None)]),
        ("en", "In this context requests the Secretary-General to report;",
         [("secretary_general", None)]),
        ("zh", "欢迎这项工作，并为此请秘书长提交报告；", [("secretary_general", None)]),
        ("zh", "重申这一做法，并在这方面请秘书处探讨各种选择；", [("secretariat", None)]),
        # 请 to those the body does not direct invites them: no mandate (37/23 op_4), also
        # after a connective; a request after it in the same paragraph still is one.
        ("zh", "请联合国有关人权机制及程序继续重视合作共赢；", []),
        ("zh", "欢迎这项工作，并请联合国有关人权机制及程序继续重视合作；", []),
        ("zh", "请联合国有关人权机制及程序继续重视合作，并请秘书长提交报告；",
         [("secretary_general", None)]),
        ("en", "Requests relevant United Nations human rights mechanisms and procedures to "
         "continue to pay attention;", [("un_human_rights_mechanisms", None)]),
        # The word, but nobody asked (80/34 op_2, 80/2 op_4).
        ("en", "Recalls the Convention, notes the requests for clarification submitted;", []),
        ("en", "Urges all States requesting exemption to support their requests;", []),
        ("en", "Welcomes the work, and in this regard the requests of States;", []),
        ("zh", "注意到为此请求澄清的情况；", []),
    ],
)  # fmt: skip
def test_requests_with_a_connective_before_the_verb(
    pack: str, text: str, asked: list[tuple[str, int | None]]
) -> None:
    para = Paragraph("op_1", "operative", "1", None, None, text, (0, len(text)))
    found = find_mandates(para, Mapped.of(text), languages.get(pack), "GA")
    assert [(m.addressee, m.due.session if m.due else None) for m in found] == asked


@pytest.mark.parametrize(
    ("pack", "text", "asked"),
    [
        # The kind is what the addressee is asked to do, not what the clause mentions
        # (80/28 op_7, 80/17 op_10, 80/38 op_33, 80/11 op_6, 80/6 op_13, 80/11 op_28).
        ("en", "Requests the Secretary-General to implement the recommendations contained in "
         "his 2000 and 2025 reports on the Register;", [("secretary_general", "action")]),
        ("en", "Requests the Secretary-General to continue to pursue consultations with the "
         "States of the region and to seek their views on the study annexed to the report of "
         "the Secretary-General;", [("secretary_general", "consultation")]),
        ("en", "Requests the Secretariat to prepare a comprehensive analysis of progress, for "
         "presentation at the Biennial Meeting of States for consideration;",
         [("secretariat", "study")]),
        ("en", "Requests the Secretary-General to encourage collaboration, to support joint "
         "analysis, assessment and programming;", [("secretary_general", "action")]),
        ("en", "Requests the Secretary-General to continue to include information relevant to "
         "article 3 in a report to be submitted to the General Assembly at its eighty-first "
         "session;", [("secretary_general", "report")]),
        ("en", "Requests the Peacebuilding Commission to include in its annual report "
         "information on progress;", [("peacebuilding_commission", "report")]),
        ("en", "Requests the Secretary-General to seek the views of Member States and to submit "
         "a report to the General Assembly at its eighty-first session;",
         [("secretary_general", "report")]),
        ("en", "Requests the Secretary-General to report thereon;",
         [("secretary_general", "report")]),
        # HRC 37/21 op_22 and op_25, 37/24 op_4 and op_6.
        ("en", "Requests the Special Rapporteur to identify measures, and to focus on the "
         "resources necessary in his next reports to the Human Rights Council;",
         [("special_rapporteur", "report")]),
        ("en", "Requests the High Commissioner to give priority to the present resolution in "
         "his annual report;", [("high_commissioner", "report")]),
        ("en", "Requests the United Nations High Commissioner for Human Rights to organize the "
         "two meetings in consultation with Member States;", [("high_commissioner", "meeting")]),
        ("en", "Requests the President of the Human Rights Council to appoint for each meeting, "
         "in consultation with regional groups, a chairperson;",
         [("president_of_the_human_rights_council", "action")]),
        ("en", "Requests the Secretary-General to hold consultations with Member States;",
         [("secretary_general", "consultation")]),
        ("zh", "请人权理事会咨询委员会研究这一作用，并就此向人权理事会第四十三届会议提交报告。",
         [("hrc_advisory_committee", "report")]),
        # What is asked ends where the resolution goes on with a verb of its own (80/29
        # op_2): the report it looks forward to is not the Commission's task.
        ("en", "Requests the Disarmament Commission to consider the formulation of principles, "
         "and looks forward to a report of the Commission on this subject;",
         [("disarmament_commission", "consideration")]),
        ("en", "Requests the Secretary-General to promote the Truce, and also encourages States "
         "to report to the General Assembly;", [("secretary_general", "action")]),
        # Each addressee of one request is asked (80/8 op_8), up to a name no actor has;
        # 与 is ``with`` (72/169 op_16: the Secretary-General, with the High Commissioner).
        ("en", "Requests the Secretary-General and the President of the General Assembly to "
         "promote the observance of the Olympic Truce;",
         [("secretary_general", "action"), ("president_of_the_general_assembly", "action")]),
        ("en", "Requests the Secretary-General and the United Nations system to act;",
         [("secretary_general", "action")]),
        ("zh", "请秘书长和大会主席促进遵守奥林匹克休战；",
         [("secretary_general", "action"), ("president_of_the_general_assembly", "action")]),
        ("zh", "请秘书长与联合国人权事务高级专员协作，与各国进行协商；",
         [("secretary_general", "consultation")]),
    ],
)  # fmt: skip
def test_what_a_request_asks_and_of_whom(
    pack: str, text: str, asked: list[tuple[str, str]]
) -> None:
    para = Paragraph("op_1", "operative", "1", None, None, text, (0, len(text)))
    found = find_mandates(para, Mapped.of(text), languages.get(pack), "GA")
    assert [(m.addressee, m.kind) for m in found] == asked
    for m in found:  # the action ends where the request does
        assert text[m.span[0] : m.span[1]].startswith(m.action.rstrip("…"))
        assert "looks forward" not in m.action and "encourages" not in m.action


def test_every_instrument_is_named_in_both_languages() -> None:
    assert set(EN.instruments.values()) == set(ZH.instruments.values())


@pytest.mark.parametrize("code", ["en", "zh"])
def test_a_session_named_is_found_before_the_due_word_as_in_the_whole_clause(code: str) -> None:
    from concord.extract import mandates

    pack = languages.get(code)
    found = 0
    for path in SAMPLES.glob(f"*.{code}.txt"):
        text = path.read_text(encoding="utf-8")
        # Every match ends at the due word, or a few characters after it, and starts
        # within reach before it: where ``_due_match`` looks.
        for m in pack.due_session.finditer(text):
            found += 1
            at = m.group(0).rfind(pack.due_word)
            assert 0 <= at <= mandates._DUE_REACH, m.group(0)
            assert len(m.group(0)) - at - len(pack.due_word) <= mandates._DUE_TAIL, m.group(0)
        for clause in re.split("[;；]", text):
            whole = pack.due_session.search(clause)
            windowed = mandates._due_match(clause, pack)
            assert (whole and whole.span()) == (windowed and windowed.span()), clause[:60]
    assert found


@pytest.mark.parametrize("code", ["en", "zh"])
def test_requests_inside_a_paragraph_are_found_as_a_scan_of_it_finds_them(code: str) -> None:
    from concord.extract import mandates

    pack = languages.get(code)
    found = 0
    for path in SAMPLES.glob(f"*.{code}.txt"):
        for text in path.read_text(encoding="utf-8").split("\n"):
            pattern = pack.request_phrases
            opening = pattern.match(text)
            scanned = [m.start() for m in pattern.finditer(text, opening.end() if opening else 0)]
            # Every request starts within reach before its word, and ends at it, or
            # (``Requests also``) a word after it.
            for m in pattern.finditer(text):
                at = m.group(0).rfind(pack.request_word)
                assert 0 <= at <= mandates._REQUEST_REACH, m.group(0)
            assert mandates._inner_requests(text, pack) == scanned, text[:60]
            found += len(scanned)
    assert found
