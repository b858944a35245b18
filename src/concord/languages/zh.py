"""Chinese: the language pack for texts in 中文."""

from __future__ import annotations

import re
from typing import Final

from concord.languages.base import RESOLUTION_PART, Actor, LanguagePack, PhraseTable
from concord.languages.numerals import zh_number
from concord.text.mapped import Mapped

_NUM: Final = "[一二三四五六七八九十百零〇两]+"
_DATE: Final = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"

PREAMBLE: Final = {
    "遵循": "guided_by",
    "以…为指导": "guided_by",
    "重申": "reaffirming",
    "又重申": "reaffirming_also",
    "还重申": "reaffirming_further",
    "回顾": "recalling",
    "又回顾": "recalling_also",
    "还回顾": "recalling_further",
    "承认": "acknowledging",
    "又承认": "acknowledging_also",
    "强调": "emphasizing",
    "又强调": "emphasizing_also",
    "还强调": "emphasizing_further",
    "强调指出": "stressing",
    "又强调指出": "stressing_also",
    "着重指出": "underlining",
    "又着重指出": "underlining_also",
    "认为": "considering",
    "又认为": "considering_also",
    "认识到": "recognizing",
    "又认识到": "recognizing_also",
    "还认识到": "recognizing_further",
    "确认": "affirming",
    "注意到": "noting",
    "又注意到": "noting_also",
    "关切地注意到": "noting_with_concern",
    "表示关切": "expressing_concern",
    "深为关切": "deeply_concerned",
    "关切": "concerned",
    "欢迎": "welcoming",
    "又欢迎": "welcoming_also",
    "铭记": "bearing_in_mind",
    "考虑到": "taking_into_account",
    "深信": "convinced",
    "决心": "determined",
    "意识到": "aware",
    "赞赏": "appreciating",
    "谴责": "condemning",
    "痛惜": "deploring",
    "申明": "affirming",
    "念及": "mindful",
    "严重关切": "gravely_concerned",
    # Not ``gravely_concerned``, which their first words are.
    "严重关切地注意到": "noting_with_concern",
    "深为关切地注意到": "noting_with_concern",
    "满意地注意到": "noting_with_satisfaction",
    "赞赏地注意到": "noting_with_appreciation",
    "确信": "convinced",
    "相信": "believing",
    "希望": "desiring",
    "赞扬": "commending",
    "鼓励": "encouraging",
    "审议了": "having_considered",
    "审查了": "having_examined",
    "期待": "looking_forward",
}

OPERATIVE: Final = {
    "吁请": "calls_upon",
    "又吁请": "calls_upon_also",
    "促请": "calls_upon",
    "又促请": "calls_upon_also",
    "呼吁": "calls_upon",
    "又呼吁": "calls_upon_also",
    "重申": "reaffirms",
    "又重申": "reaffirms_also",
    "还重申": "reaffirms_further",
    "强调": "emphasizes",
    "又强调": "emphasizes_also",
    "还强调": "emphasizes_further",
    "强调指出": "stresses",
    "着重指出": "underlines",
    "请": "requests",
    "又请": "requests_also",
    "还请": "requests_further",
    "确认": "affirms",
    "敦促": "urges",
    "又敦促": "urges_also",
    "认为": "considers",
    "邀请": "invites",
    "又邀请": "invites_also",
    "决定": "decides",
    "又决定": "decides_also",
    "还决定": "decides_further",
    "鼓励": "encourages",
    "又鼓励": "encourages_also",
    "欢迎": "welcomes",
    "又欢迎": "welcomes_also",
    "注意到": "notes",
    "表示注意到": "takes_note",
    "赞赏地注意到": "notes_with_appreciation",
    "表示关切": "expresses_concern",
    "深表关切": "expresses_deep_concern",
    "谴责": "condemns",
    "强烈谴责": "strongly_condemns",
    "痛惜": "deplores",
    "建议": "recommends",
    "赞同": "endorses",
    "核可": "endorses",
    "通过": "adopts",
    "核准": "approves",
    "承认": "recognizes",
    "认识到": "recognizes",
    "赞扬": "commends",
    "表示赞赏": "expresses_appreciation",
    "申明": "affirms",
    "宣布": "declares",
    "支持": "supports",
    "重申其": "reaffirms",
    "要求": "demands",
    "授权": "authorizes",
    "回顾": "recalls",
    "关切地注意到": "notes_with_concern",
    "满意地注意到": "notes_with_satisfaction",
    "表示遗憾": "regrets",
    "祝贺": "congratulates",
    "提醒": "reminds",
    "同意": "agrees",
    "拒绝": "rejects",
    "决心": "resolves",
    "期待": "looks_forward",
}


def _with_adverbs(table: dict[str, str], *, compound: bool) -> dict[str, str]:
    """The table, and each phrase after 又 (``also``) and 还 (``further``): the UN's
    Chinese puts the adverb first (又请 ``Also requests``, 还回顾 ``Recalling further``),
    where the table does not already say otherwise. The keys are those of the English
    pack, whose preambular phrases of several words (``Noting with concern``) take no
    adverb: without ``compound``, only keys of one word do here."""
    out = dict(table)
    for phrase, key in table.items():
        if phrase.startswith(("又", "还")) or (not compound and "_" in key):
            continue
        out.setdefault(f"又{phrase}", f"{key}_also")
        out.setdefault(f"还{phrase}", f"{key}_further")
    return out


def _declared(table: dict[str, str]) -> dict[str, str]:
    """The table, and each phrase as a declaration annexed to a resolution says it, its
    States speaking (我们重申 ``We reaffirm``, 我们还重申 ``We further reaffirm``: the keys of
    ``Reaffirms``, ``Reaffirms further``); 我们 alone is a declaration's opening (``we``)."""
    return table | {"我们": "we"} | {f"我们{phrase}": key for phrase, key in table.items()}


INSTRUMENTS: Final = {
    "联合国宪章": "UN_CHARTER",
    "《宪章》": "UN_CHARTER",
    "世界人权宣言": "UDHR",
    "维也纳宣言和行动纲领": "VDPA",
    "公民权利和政治权利国际公约": "ICCPR",
    "经济、社会及文化权利国际公约": "ICESCR",
    "国际人权两公约": "ICCPR+ICESCR",
    "2030 年可持续发展议程": "AGENDA_2030",
    "2030年可持续发展议程": "AGENDA_2030",
    "联合国千年宣言": "MILLENNIUM_DECLARATION",
    "德班宣言和行动纲领": "DDPA",
    "发展权利宣言": "DRTD",
    "消除对妇女一切形式歧视公约": "CEDAW",
    "儿童权利公约": "CRC",
    "禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约": "CAT",
    "残疾人权利公约": "CRPD",
    "消除一切形式种族歧视国际公约": "ICERD",
    "保护所有移徙工人及其家庭成员权利国际公约": "ICMW",
    "保护所有人免遭强迫失踪国际公约": "CPED",
    "北京宣言和行动纲要": "BPFA",
    "联合国土著人民权利宣言": "UNDRIP",
    "人权维护者宣言": "UNDHRD",
    "不扩散核武器条约": "NPT",
    "全面禁止核试验条约": "CTBT",
    "禁止核武器条约": "TPNW",
    "武器贸易条约": "ATT",
    "关于禁止发展、生产、储存和使用化学武器及销毁此种武器的公约": "CWC",
    "化学武器公约": "CWC",
    "禁止细菌（生物）及毒素武器的发展、生产和储存以及销毁这类武器的公约": "BWC",
    "生物武器公约": "BWC",
    "联合国气候变化框架公约": "UNFCCC",
    "国际刑事法院罗马规约": "ROME_STATUTE",
    "罗马规约": "ROME_STATUTE",
    "亚的斯亚贝巴行动议程": "ADDIS_ABABA_ACTION_AGENDA",
    "关于各国探索和利用包括月球和其他天体在内外层空间活动的原则条约": "OUTER_SPACE_TREATY",
    "禁止或限制使用某些可被认为具有过分伤害力或滥杀滥伤作用的常规武器公约": "CCW",
    "关于禁止使用、储存、生产和转让杀伤人员地雷及销毁此种地雷的公约": "APLC",
    "集束弹药公约": "CCM",
    "从各个方面防止、打击和消除小武器和轻武器非法贸易的行动纲领": "SALW_POA",
    "联合国海洋法公约": "UNCLOS",
    "巴黎协定": "PARIS_AGREEMENT",
    "京都议定书": "KYOTO_PROTOCOL",
    "仙台减少灾害风险框架": "SENDAI_FRAMEWORK",
    "关于难民地位的公约": "REFUGEE_CONVENTION",
    "关于难民地位的议定书": "REFUGEE_PROTOCOL",
    "防止及惩治灭绝种族罪公约": "GENOCIDE_CONVENTION",
    "日内瓦四公约": "GENEVA_CONVENTIONS",
    "日内瓦公约": "GENEVA_CONVENTIONS",
    "禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约任择议定书": "OPCAT",
    "消除对妇女的暴力行为宣言": "DEVAW",
    "国际人口与发展会议行动纲领": "ICPD_POA",
    "工商企业与人权指导原则": "UNGPS",
    "巴黎原则": "PARIS_PRINCIPLES",
    "安全、有序和正常移民全球契约": "GCM",
    "难民问题全球契约": "GCR",
    "联合国打击跨国有组织犯罪公约": "UNTOC",
    "关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书": "TRAFFICKING_PROTOCOL",
    "联合国打击贩运人口全球行动计划": "GLOBAL_PLAN_TRAFFICKING",
    "联合国反腐败公约": "UNCAC",
}

ACTORS: Final = {
    "人权理事会咨询委员会": Actor(
        "hrc_advisory_committee", "Human Rights Council Advisory Committee"
    ),
    "咨询委员会": Actor("hrc_advisory_committee", "Human Rights Council Advisory Committee"),
    "秘书长": Actor("secretary_general", "Secretary-General"),
    "联合国人权事务高级专员办事处": Actor(
        "ohchr", "Office of the United Nations High Commissioner for Human Rights"
    ),
    "人权高专办": Actor("ohchr", "Office of the United Nations High Commissioner for Human Rights"),
    "联合国人权事务高级专员": Actor(
        "high_commissioner", "United Nations High Commissioner for Human Rights"
    ),
    "高级专员": Actor("high_commissioner", "United Nations High Commissioner for Human Rights"),
    "大会主席": Actor("president_of_the_general_assembly", "President of the General Assembly"),
    "人权理事会主席": Actor(
        "president_of_the_human_rights_council", "President of the Human Rights Council"
    ),
    "人权理事会": Actor("human_rights_council", "Human Rights Council"),
    "理事会": Actor("human_rights_council", "Human Rights Council"),
    "大会": Actor("general_assembly", "General Assembly"),
    "特别报告员": Actor("special_rapporteur", "Special Rapporteur"),
    "独立专家": Actor("independent_expert", "Independent Expert"),
    "工作组": Actor("working_group", "Working Group"),
    "所有国家": Actor("states", "States"),
    "各国": Actor("states", "States"),
    "会员国": Actor("member_states", "Member States"),
    "联合国有关人权机制及程序": Actor(
        "un_human_rights_mechanisms", "United Nations human rights mechanisms and procedures"
    ),
    "秘书处": Actor("secretariat", "Secretariat"),
    "裁军谈判会议": Actor("conference_on_disarmament", "Conference on Disarmament"),
    "裁军审议委员会": Actor("disarmament_commission", "Disarmament Commission"),
    "建设和平委员会": Actor("peacebuilding_commission", "Peacebuilding Commission"),
    "建设和平支助办公室": Actor("peacebuilding_support_office", "Peacebuilding Support Office"),
    "核武器国家": Actor("nuclear_weapon_states", "nuclear-weapon States"),
    "五个核武器国家": Actor("nuclear_weapon_states", "nuclear-weapon States"),
    "经济及社会理事会": Actor("economic_and_social_council", "Economic and Social Council"),
    "特设委员会主席": Actor("ad_hoc_committee_chair", "Chair of the Ad Hoc Committee"),
}

# Addressees 请 invites rather than requests: those the adopting body does not direct
# (``LanguagePack.invited_names``).
_INVITED: Final = frozenset({"un_human_rights_mechanisms"})

_BODIES: Final = {
    "人权理事会": "HRC",
    "大会": "GA",
    "安全理事会": "SC",
    "经济及社会理事会": "ECOSOC",
    "人权委员会": "CHR",
}

_STRAY_UNITS: Final = "年月日号届次票个项条款段章节名岁人国种份位倍家时分秒%％"
_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
# ``(?<=[CJK，。...]) ?(?<!第 )(?<!第)\d{1,3} ...`` with its first character (the space or
# the first digit) first, so that the engine skips to it; the lookbehinds after it say
# which it was and what stands before it.
_AFTER: Final = f"{_CJK}，。、；：）》”"
_STRAY_NUMBER: Final = re.compile(
    rf"[ \d](?:(?<=[{_AFTER}] )(?<!第 )\d{{1,3}}|(?<=[{_AFTER}]\d)(?<!第\d)\d{{0,2}})"
    rf" (?=[{_CJK}])(?![{_STRAY_UNITS}])"
)


def drop_stray_numbers(text: Mapped) -> Mapped:
    """Drop numbers PDF extraction leaves between Chinese words (``24 日 30 在日内瓦``).

    A number between two Chinese characters that counts nothing (no 年, 日, 号, 届, 票...
    after it, no 第 before it) is a line or page number from the layout.
    """
    return text.sub(_STRAY_NUMBER, "")


_DATE_PATTERN: Final = re.compile(_DATE)
_PERIOD: Final = re.compile(
    r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*至\s*(?:(\d{4})\s*年\s*)?"
    r"(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*"
)


def parse_date(text: str) -> str | None:
    m = _DATE_PATTERN.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_period(text: str) -> tuple[str, str] | None:
    m = _PERIOD.fullmatch(text)
    if not m:
        return None
    y1, m1, d1, y2, m2, d2 = m.groups()
    start = f"{int(y1):04d}-{int(m1):02d}-{int(d1):02d}"
    end = f"{int(y2 or y1):04d}-{int(m2 or m1):02d}-{int(d2):02d}"
    return start, end


_RES_NUM: Final = rf"(?:S-)?\d+(?:/\d+)?(?:\s*{RESOLUTION_PART})?(?:\s*\([IVXLC]+\))?"
_LIST_SEPARATOR: Final = r"\s*(?:[、，,]|和|及)\s*"
# A further part of the number before (``36/87 A 和 B``): a letter alone, which no symbol
# (``A/70/1``) continues.
_FURTHER_PART: Final = rf"{RESOLUTION_PART}(?![/.\-])"

PACK: Final = LanguagePack(
    code="zh",
    iso639_2="zho",
    joiner="",
    preamble=PhraseTable(_with_adverbs(PREAMBLE, compound=False)),
    operative=PhraseTable(_declared(_with_adverbs(OPERATIVE, compound=True))),
    body_names=_BODIES,
    enacting_formula=re.compile(
        r"^(?P<body>人权理事会|大会|安全理事会|经济及社会理事会|人权委员会)\s*[，,]$"
    ),
    title_line=re.compile(r"^(?P<number>(?:S-)?\d+/\d+)\s*[.．]\s*(?P<title>\S.*)$"),
    session_line=re.compile(rf"^第\s*(?P<session>{_NUM}|\d+)\s*届(?:特别)?会议$"),
    agenda_line=re.compile(r"^议程项目\s*(?P<items>.+)$"),
    adoption_line=re.compile(
        rf"^(?P<body>人权理事会|大会)?\s*(?P<date>{_DATE})\s*(?P<body2>人权理事会|大会)?(?:通过的)?决议$"
    ),
    committee_line=re.compile(
        r"^\[(?:根据(?P<committee>.+?)的报告\s*[(（](?P<report>[^)）]*)[)）]\s*通过"
        r"|未经发交主要委员会\s*[(（](?P<draft>[^)）]*)[)）]\s*而?通过)\]$"
    ),
    meeting_line=re.compile(r"^第\s*(?P<number>\d+)\s*次(?P<plenary>全体)?会议$"),
    date_line=re.compile(rf"^{_DATE}$"),
    annex_line=re.compile(r"^附件(?:\s+(?P<title>\S.*))?$"),
    parse_number=zh_number,
    parse_date=parse_date,
    parse_period=parse_period,
    vote_tally=re.compile(
        r"以\s*(?P<yes>\d+)\s*票对\s*(?P<no>\d+)\s*票(?:\s*[、，,]\s*(?P<abstain>\d+)\s*票弃权)?"
    ),
    without_vote=re.compile(r"未经表决(?:获得)?通过"),
    vote_headers={
        "yes": re.compile(r"赞成\s*[：:]"),
        "no": re.compile(r"反对\s*[：:]"),
        "abstain": re.compile(r"弃权\s*[：:]"),
    },
    name_separator=re.compile(r"[、，,；;]"),
    resolution_ref=re.compile(
        rf"第\s*(?P<nums>{_RES_NUM}(?:{_LIST_SEPARATOR}(?:{_RES_NUM}|{_FURTHER_PART}))*)\s*号决议"
    ),
    resolution_word="号决议",
    further_part=re.compile(rf"{_LIST_SEPARATOR}({_FURTHER_PART})"),
    ref_bodies=(
        (re.compile(r"促进和保护人权小组委员会|小组委员会"), "SUBCOM"),
        (re.compile(r"人权委员会"), "CHR"),
        (re.compile(r"人权理事会"), "HRC"),
        (re.compile(r"经济及社会理事会|经社理事会"), "ECOSOC"),
        (re.compile(r"安全理事会|安理会"), "SC"),
        (re.compile(r"大会"), "GA"),
    ),
    own_body_words=re.compile(r"其"),
    instruments=INSTRUMENTS,
    actors=ACTORS,
    # A connective may stand before the verb (``并为此请``, ``并在这方面请``).
    request_phrases=re.compile(
        r"(?<![^；;，,。])\s*(?:并|又|还|并且)?(?:在这方面|在此方面|为此|就此)?(?:又|还)?请(?!求)"
    ),
    request_word="请",
    invited_names=tuple(name for name, actor in ACTORS.items() if actor.id in _INVITED),
    due_session=re.compile(rf"(?P<body>人权理事会|大会)?\s*第\s*(?P<session>{_NUM})\s*届(?:会议)?"),
    due_word="届",
    mandate_kinds=(
        (re.compile(r"提交.{0,12}报告|报告"), "report", ("报告",)),
        (re.compile(r"协商|磋商"), "consultation", ("协商", "磋商")),
        (re.compile(r"举行.{0,12}会议|召开"), "meeting", ("举行", "召开")),
        (re.compile(r"研究"), "study", ("研究",)),
        (re.compile(r"继续审议|审议|列入.{0,12}议程"), "consideration", ("审议", "议程")),
    ),
    decides_scheduling=re.compile(rf"第\s*{_NUM}\s*届会议"),
    scheduling_words=("届会议",),
    inline_steps=(drop_stray_numbers,),
    clause_separators="；;",
    sentence_openers=("我们",),
    own_verb_joiner="，并",
    # Not 与: 请秘书长与联合国人权事务高级专员协作 asks the Secretary-General to work
    # with the High Commissioner (72/169 op_16); 与 is ``with`` there.
    addressee_joiner=re.compile(r"和|及|、"),
    sentence_end="，,；;。：:",
    cjk=True,
)
