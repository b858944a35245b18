"""English: the language pack for texts in English."""

from __future__ import annotations

import re
from typing import Final

from concord.languages.base import RESOLUTION_PART, Actor, LanguagePack, PhraseTable
from concord.languages.numerals import en_number

_MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS: Final = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTH: Final = "|".join(_MONTHS)
_DATE: Final = rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})"
_ORD: Final = r"[A-Za-z]+(?:[\-‑ ][a-z]+)?"


def _variants(base: dict[str, str]) -> dict[str, str]:
    """Each phrase with its ``also`` / ``further`` forms (``Recalling also``)."""
    out = dict(base)
    for phrase, key in base.items():
        if " " in phrase and not phrase.startswith(("Also", "Further")):
            continue
        for word in ("also", "further"):
            out[f"{phrase} {word}"] = f"{key}_{word}"
    return out


PREAMBLE: Final = _variants(
    {
        "Guided by": "guided_by",
        "Guided also by": "guided_by_also",
        "Guided further by": "guided_by_further",
        "Having received": "having_received",
        "Having considered also": "having_considered_also",
        "Reaffirming": "reaffirming",
        "Recalling": "recalling",
        "Acknowledging": "acknowledging",
        "Emphasizing": "emphasizing",
        "Emphasising": "emphasizing",
        "Stressing": "stressing",
        "Underlining": "underlining",
        "Considering": "considering",
        "Recognizing": "recognizing",
        "Recognising": "recognizing",
        "Affirming": "affirming",
        "Noting": "noting",
        "Noting with concern": "noting_with_concern",
        "Noting with grave concern": "noting_with_concern",
        "Noting with appreciation": "noting_with_appreciation",
        "Taking note": "taking_note",
        "Expressing concern": "expressing_concern",
        "Expressing": "expressing",
        "Deeply concerned": "deeply_concerned",
        "Gravely concerned": "gravely_concerned",
        "Seriously concerned": "seriously_concerned",
        "Concerned": "concerned",
        "Alarmed": "alarmed",
        "Deeply alarmed": "alarmed",
        "Gravely alarmed": "alarmed",
        "Deeply disturbed": "disturbed",
        "Disturbed": "disturbed",
        "Deeply regretting": "regretting",
        "Noting with deep concern": "noting_with_concern",
        "Taking note with concern": "noting_with_concern",
        "Reiterating its deep concern": "expressing_concern",
        "Expressing deep concern": "expressing_concern",
        "Expressing its concern": "expressing_concern",
        "Expressing its appreciation": "appreciating",
        "Encouraging": "encouraging",
        "Acknowledging with concern": "acknowledging",
        "Reaffirming its": "reaffirming",
        "Recognizing with appreciation": "recognizing",
        "Underlining the importance": "underlining",
        "Noting the importance": "noting",
        "Welcoming": "welcoming",
        "Bearing in mind": "bearing_in_mind",
        "Taking into account": "taking_into_account",
        "Taking into consideration": "taking_into_account",
        "Convinced": "convinced",
        "Determined": "determined",
        "Aware": "aware",
        "Conscious": "aware",
        "Mindful": "mindful",
        "Appreciating": "appreciating",
        "Condemning": "condemning",
        "Deploring": "deploring",
        "Highlighting": "highlighting",
        "Believing": "believing",
        "Desiring": "desiring",
        "Reiterating": "reiterating",
        "Commending": "commending",
        "Encouraged": "encouraged",
        "Noting with satisfaction": "noting_with_satisfaction",
        "Having considered": "having_considered",
        "Acknowledging with appreciation": "acknowledging_with_appreciation",
        "Observing": "observing",
        "Regretting": "regretting",
        "Cognizant": "mindful",
        "Stressing the importance": "stressing",
        "Underscoring": "underlining",
        "Taking note with appreciation": "taking_note_with_appreciation",
        "Noting further": "noting_further",
        "Reaffirming its commitment": "reaffirming",
        "Reiterating its": "reiterating",
        "Welcoming with appreciation": "welcoming",
        "Recalling further": "recalling_further",
        "Looking forward": "looking_forward",
        "Seeking": "seeking",
        "Confirming": "confirming",
        "Emphasizing the importance": "emphasizing",
        # Further openings of the General Assembly's preambles (its First Committee's
        # above all), each read in the samples where it had run into the paragraph before.
        "Desirous": "desirous",
        "Having examined": "having_examined",
        "Seized": "seized",
        "Sharing": "sharing",
        "Honouring": "honouring",
        "Re-emphasizing": "reemphasizing",
        "Wishing": "wishing",
        "Ever mindful": "mindful",
        "Looking ahead": "looking_ahead",
        "Urging": "urging",
        "Deeply disappointed": "disappointed",
        "Continuing": "continuing",
        "Calling upon": "calling_upon",
    }
)

_OPERATIVE_BASE: Final = {
    "Calls upon": "calls_upon",
    "Calls on": "calls_upon",
    "Reaffirms": "reaffirms",
    "Reiterates": "reiterates",
    "Emphasizes": "emphasizes",
    "Emphasises": "emphasizes",
    "Stresses": "stresses",
    "Underlines": "underlines",
    "Underscores": "underlines",
    "Requests": "requests",
    "Affirms": "affirms",
    "Urges": "urges",
    "Strongly urges": "urges",
    "Considers": "considers",
    "Invites": "invites",
    "Decides": "decides",
    "Encourages": "encourages",
    "Strongly encourages": "encourages",
    "Welcomes": "welcomes",
    "Notes": "notes",
    "Takes note": "takes_note",
    "Takes note with appreciation": "takes_note_with_appreciation",
    "Notes with appreciation": "notes_with_appreciation",
    "Notes with concern": "notes_with_concern",
    "Expresses": "expresses",
    "Expresses concern": "expresses_concern",
    "Expresses its deep concern": "expresses_deep_concern",
    "Expresses deep concern": "expresses_deep_concern",
    "Condemns": "condemns",
    "Strongly condemns": "strongly_condemns",
    "Deplores": "deplores",
    "Recommends": "recommends",
    "Endorses": "endorses",
    "Adopts": "adopts",
    "Approves": "approves",
    "Recognizes": "recognizes",
    "Recognises": "recognizes",
    "Acknowledges": "acknowledges",
    "Commends": "commends",
    "Declares": "declares",
    "Supports": "supports",
    "Appeals": "appeals",
    "Calls for": "calls_for",
    "Demands": "demands",
    "Authorizes": "authorizes",
    "Regrets": "regrets",
    "Highlights": "highlights",
    "Proclaims": "proclaims",
    "Further decides": "decides_further",
    "Also decides": "decides_also",
    "Also requests": "requests_also",
    "Further requests": "requests_further",
    "Also invites": "invites_also",
    "Further invites": "invites_further",
    "Also encourages": "encourages_also",
    "Further encourages": "encourages_further",
    "Also calls upon": "calls_upon_also",
    "Further calls upon": "calls_upon_further",
    "Also urges": "urges_also",
    "Also welcomes": "welcomes_also",
    "Further welcomes": "welcomes_further",
    "Also notes": "notes_also",
    "Also stresses": "stresses_also",
    "Also emphasizes": "emphasizes_also",
    "Also reaffirms": "reaffirms_also",
    "Also recognizes": "recognizes_also",
    "Also acknowledges": "acknowledges_also",
    "Also expresses": "expresses_also",
    "Once again urges": "urges",
    "Once again calls upon": "calls_upon",
    "Reiterates its call": "reiterates",
    "Takes note of": "takes_note",
    "Emphasizes also": "emphasizes_also",
    "Welcomes also": "welcomes_also",
    "Requests also": "requests_also",
    "Decides also": "decides_also",
    "Encourages also": "encourages_also",
    "Invites also": "invites_also",
    "Calls upon also": "calls_upon_also",
    "Urges also": "urges_also",
    "Reaffirms also": "reaffirms_also",
    "Stresses also": "stresses_also",
    "Recognizes also": "recognizes_also",
    "Notes also": "notes_also",
    "Expresses also": "expresses_also",
    "Acknowledges also": "acknowledges_also",
    "Commits": "commits",
    "Having received": "having_received",
    "Recalls": "recalls",
    "Also recalls": "recalls_also",
    "Further recalls": "recalls_further",
    "Rejects": "rejects",
    "Objects": "objects",
    "Strongly objects": "objects",
    "Reminds": "reminds",
    "Also reminds": "reminds_also",
    "Notes with satisfaction": "notes_with_satisfaction",
    "Expresses its appreciation": "expresses_appreciation",
    "Expresses appreciation": "expresses_appreciation",
    "Looks forward": "looks_forward",
    "Resolves": "resolves",
    "Renews": "renews",
    "Extends": "extends",
    "Designates": "designates",
    "Agrees": "agrees",
    "Pledges": "pledges",
    "We": "we",
    "Congratulates": "congratulates",
    "Continues": "continues",
    "Calls once again upon": "calls_upon",
}


def _declared(phrase: str) -> str | None:
    """A resolution's phrase as a declaration's States say it (``Reaffirms`` -> ``reaffirm``,
    ``Stresses`` -> ``stress``, ``Calls upon`` -> ``call upon``), or None for a phrase that
    opens with no verb or speaks of the body (``Expresses its appreciation``)."""
    verb, _, rest = phrase.partition(" ")
    if not verb.endswith("s") or " its " in f" {rest} ":
        return None
    if verb.endswith(("sses", "shes", "ches", "xes")):
        verb = verb[:-2]
    elif verb.endswith("ies"):
        verb = verb[:-3] + "y"
    else:
        verb = verb[:-1]
    return f"{verb.lower()} {rest}".rstrip()


OPERATIVE: Final = {
    **_OPERATIVE_BASE,
    **{
        f"{adverb} {phrase[0].lower()}{phrase[1:]}": f"{key}_{adverb.lower()}"
        for phrase, key in _OPERATIVE_BASE.items()
        if not phrase.startswith(("Also", "Further", "Once", "We"))
        for adverb in ("Also", "Further")
    },
    # A declaration annexed to a resolution speaks as its States: ``We reaffirm``,
    # ``We also reaffirm`` take the keys of ``Reaffirms``, ``Also reaffirms``.
    **{
        f"We {adverb}{declared}": key + suffix
        for phrase, key in _OPERATIVE_BASE.items()
        if (declared := _declared(phrase)) is not None
        for adverb, suffix in (("", ""), ("also ", "_also"), ("further ", "_further"))
    },
}

INSTRUMENTS: Final = {
    "Charter of the United Nations": "UN_CHARTER",
    "United Nations Charter": "UN_CHARTER",
    "the Charter": "UN_CHARTER",
    "Universal Declaration of Human Rights": "UDHR",
    "Vienna Declaration and Programme of Action": "VDPA",
    "International Covenant on Civil and Political Rights": "ICCPR",
    "International Covenant on Economic, Social and Cultural Rights": "ICESCR",
    "International Covenants on Human Rights": "ICCPR+ICESCR",
    "2030 Agenda for Sustainable Development": "AGENDA_2030",
    "2030 Agenda": "AGENDA_2030",
    "United Nations Millennium Declaration": "MILLENNIUM_DECLARATION",
    "Millennium Declaration": "MILLENNIUM_DECLARATION",
    "Durban Declaration and Programme of Action": "DDPA",
    "Declaration on the Right to Development": "DRTD",
    "Convention on the Elimination of All Forms of Discrimination against Women": "CEDAW",
    "Convention on the Rights of the Child": "CRC",
    "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
    "or Punishment": "CAT",
    "Convention on the Rights of Persons with Disabilities": "CRPD",
    "International Convention on the Elimination of All Forms of Racial Discrimination": "ICERD",
    "International Convention on the Protection of the Rights of All Migrant Workers and "
    "Members of Their Families": "ICMW",
    "International Convention for the Protection of All Persons "
    "from Enforced Disappearance": "CPED",
    "Beijing Declaration and Platform for Action": "BPFA",
    "United Nations Declaration on the Rights of Indigenous Peoples": "UNDRIP",
    "Declaration on Human Rights Defenders": "UNDHRD",
    # Treaties the General Assembly's disarmament, climate and justice resolutions cite.
    "Treaty on the Non-Proliferation of Nuclear Weapons": "NPT",
    "Comprehensive Nuclear-Test-Ban Treaty": "CTBT",
    "Treaty on the Prohibition of Nuclear Weapons": "TPNW",
    "Arms Trade Treaty": "ATT",
    "Convention on the Prohibition of the Development, Production, Stockpiling and Use of "
    "Chemical Weapons and on Their Destruction": "CWC",
    "Chemical Weapons Convention": "CWC",
    "Convention on the Prohibition of the Development, Production and Stockpiling of "
    "Bacteriological (Biological) and Toxin Weapons and on Their Destruction": "BWC",
    "Biological Weapons Convention": "BWC",
    "United Nations Framework Convention on Climate Change": "UNFCCC",
    "Rome Statute of the International Criminal Court": "ROME_STATUTE",
    "Rome Statute": "ROME_STATUTE",
    "Addis Ababa Action Agenda": "ADDIS_ABABA_ACTION_AGENDA",
    "Treaty on Principles Governing the Activities of States in the Exploration and Use of "
    "Outer Space, including the Moon and Other Celestial Bodies": "OUTER_SPACE_TREATY",
    "Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons "
    "Which May Be Deemed to Be Excessively Injurious or to Have Indiscriminate Effects": "CCW",
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction": "APLC",
    "Convention on Cluster Munitions": "CCM",
    "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms "
    "and Light Weapons in All Its Aspects": "SALW_POA",
    "United Nations Convention on the Law of the Sea": "UNCLOS",
    "Paris Agreement": "PARIS_AGREEMENT",
    "Kyoto Protocol": "KYOTO_PROTOCOL",
    "Sendai Framework for Disaster Risk Reduction": "SENDAI_FRAMEWORK",
    # Instruments of the human rights resolutions beyond the core treaties.
    "Convention relating to the Status of Refugees": "REFUGEE_CONVENTION",
    "Protocol relating to the Status of Refugees": "REFUGEE_PROTOCOL",
    "Convention on the Prevention and Punishment of the Crime of Genocide": "GENOCIDE_CONVENTION",
    "Geneva Conventions of 12 August 1949": "GENEVA_CONVENTIONS",
    "Geneva Conventions": "GENEVA_CONVENTIONS",
    "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or "
    "Degrading Treatment or Punishment": "OPCAT",
    "Declaration on the Elimination of Violence against Women": "DEVAW",
    "Programme of Action of the International Conference on Population and Development": (
        "ICPD_POA"
    ),
    "Guiding Principles on Business and Human Rights": "UNGPS",
    "Paris Principles": "PARIS_PRINCIPLES",
    "Global Compact for Safe, Orderly and Regular Migration": "GCM",
    "Global Compact on Refugees": "GCR",
    "United Nations Convention against Transnational Organized Crime": "UNTOC",
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
    "Children": "TRAFFICKING_PROTOCOL",
    "United Nations Global Plan of Action to Combat Trafficking in Persons": (
        "GLOBAL_PLAN_TRAFFICKING"
    ),
    "United Nations Convention against Corruption": "UNCAC",
}

_ADVISORY: Final = Actor("hrc_advisory_committee", "Human Rights Council Advisory Committee")
_HC: Final = Actor("high_commissioner", "United Nations High Commissioner for Human Rights")
_OHCHR: Final = Actor("ohchr", "Office of the United Nations High Commissioner for Human Rights")
ACTORS: Final = {
    "Human Rights Council Advisory Committee": _ADVISORY,
    "Advisory Committee": _ADVISORY,
    "Secretary-General": Actor("secretary_general", "Secretary-General"),
    "Office of the United Nations High Commissioner for Human Rights": _OHCHR,
    "Office of the High Commissioner": _OHCHR,
    "United Nations High Commissioner for Human Rights": _HC,
    "High Commissioner": _HC,
    "President of the General Assembly": Actor(
        "president_of_the_general_assembly", "President of the General Assembly"
    ),
    "President of the Human Rights Council": Actor(
        "president_of_the_human_rights_council", "President of the Human Rights Council"
    ),
    "Human Rights Council": Actor("human_rights_council", "Human Rights Council"),
    "Council": Actor("human_rights_council", "Human Rights Council"),
    "General Assembly": Actor("general_assembly", "General Assembly"),
    "Special Rapporteur": Actor("special_rapporteur", "Special Rapporteur"),
    "Independent Expert": Actor("independent_expert", "Independent Expert"),
    "Working Group": Actor("working_group", "Working Group"),
    "all States": Actor("states", "States"),
    "States": Actor("states", "States"),
    "Member States": Actor("member_states", "Member States"),
    "relevant United Nations human rights mechanisms and procedures": Actor(
        "un_human_rights_mechanisms", "United Nations human rights mechanisms and procedures"
    ),
    "Committee": Actor("committee", "Committee"),
    # Addressees of the General Assembly's requests in its First and Fourth Committees'
    # resolutions (the samples).
    "Secretariat": Actor("secretariat", "Secretariat"),
    "Conference on Disarmament": Actor("conference_on_disarmament", "Conference on Disarmament"),
    "Disarmament Commission": Actor("disarmament_commission", "Disarmament Commission"),
    "Peacebuilding Commission": Actor("peacebuilding_commission", "Peacebuilding Commission"),
    "Peacebuilding Support Office": Actor(
        "peacebuilding_support_office", "Peacebuilding Support Office"
    ),
    "nuclear-weapon States": Actor("nuclear_weapon_states", "nuclear-weapon States"),
    "five nuclear-weapon States": Actor("nuclear_weapon_states", "nuclear-weapon States"),
    "Economic and Social Council": Actor(
        "economic_and_social_council", "Economic and Social Council"
    ),
    # The senior United Nations officials in the countries a body considers (80/11).
    "United Nations leadership in countries": Actor(
        "un_leadership_in_countries", "United Nations leadership in countries"
    ),
    # Which ad hoc committee the resolution says (80/13: the one on the Indian Ocean).
    "Chair of the Ad Hoc Committee": Actor(
        "ad_hoc_committee_chair", "Chair of the Ad Hoc Committee"
    ),
}

_BODIES: Final = {
    "Human Rights Council": "HRC",
    "General Assembly": "GA",
    "Security Council": "SC",
    "Economic and Social Council": "ECOSOC",
    "Commission on Human Rights": "CHR",
}


_DATE_PATTERN: Final = re.compile(_DATE)
_PERIOD: Final = re.compile(
    rf"\s*(\d{{1,2}})\s*(?:({_MONTH})\s*)?(?:(\d{{4}})\s*)?[-‑–—]\s*(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\s*"
)


def parse_date(text: str) -> str | None:
    m = _DATE_PATTERN.search(text)
    if not m:
        return None
    day, month, year = m.groups()
    return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}"


def parse_period(text: str) -> tuple[str, str] | None:
    m = _PERIOD.fullmatch(text)
    if not m:
        return None
    d1, m1, y1, d2, m2, y2 = m.groups()
    start = f"{int(y1 or y2):04d}-{_MONTHS[m1 or m2]:02d}-{int(d1):02d}"
    end = f"{int(y2):04d}-{_MONTHS[m2]:02d}-{int(d2):02d}"
    return start, end


# What every glued note holds besides the stop and the space after it: a symbol's ``/``, or
# the words that open the other notes.
_GLUED_NOTE_WORDS: Final = ("/", "See ", "Ibid.", "Resolution ")
# ``". " in text``: the regex engine's literal search is faster for a needle ending in a
# space, which ``in`` checks first.
_STOP_SPACE: Final = re.compile(r"\. ")


def may_hold_glued_note(text: str) -> bool:
    """What every match of the pack's ``glued_note`` holds (substring tests)."""
    return bool(_STOP_SPACE.search(text)) and any(map(text.__contains__, _GLUED_NOTE_WORDS))


_RES_NUM: Final = (
    rf"(?:S-|ES-)?\d+(?:/\d+)?(?:\s?{RESOLUTION_PART})?(?:\s?\((?:[IVXLC]+|\d{{4}})\))?"
)
# A further part of the number before (``36/87 A and B``): a letter alone, which no symbol
# (``A/70/1``) continues.
_FURTHER_PART: Final = rf"{RESOLUTION_PART}(?![/.\-])"
_LIST_SEPARATOR: Final = r"(?:,\s*|\s+and\s+)"
_BODY_WORDS: Final = "|".join(_BODIES)

PACK: Final = LanguagePack(
    code="en",
    iso639_2="eng",
    joiner=" ",
    preamble=PhraseTable(PREAMBLE),
    operative=PhraseTable(OPERATIVE),
    body_names=_BODIES,
    enacting_formula=re.compile(rf"^(?:The\s+)?(?P<body>{_BODY_WORDS})\s*,?$"),
    title_line=re.compile(r"^(?P<number>(?:S-|ES-)?\d+/\d+)\s*\.\s*(?P<title>\S.*)$"),
    session_line=re.compile(
        rf"^(?P<session>{_ORD})\s+(?:special\s+)?session\b(?:\s+(?P<period>\d.*?\d{{4}}))?"
    ),
    agenda_line=re.compile(
        r"Agenda items?\s+(?P<items>\d+(?:\s*\([a-z]\))?"
        r"(?:(?:,\s*|\s+and\s+)\d+(?:\s*\([a-z]\))?)*)"
    ),
    adoption_line=re.compile(
        rf"^Resolution adopted by the (?P<body>{_BODY_WORDS}) on (?P<date>{_DATE})"
    ),
    committee_line=re.compile(
        r"^\[(?:on the report of the (?P<committee>.+?) \((?P<report>[^,)]+)(?:,[^)]*)?\)"
        r"|without reference to a Main Committee \((?P<draft>[^)]*)\))\]$"
    ),
    meeting_line=re.compile(
        rf"^(?P<number>\d+)(?:st|nd|rd|th)\s+(?P<plenary>plenary\s+)?meeting(?:\s+(?P<date>{_DATE}))?"
    ),
    date_line=re.compile(rf"^{_DATE}$"),
    annex_line=re.compile(r"^Annex(?:\s+[IVX]+)?(?:\s+(?P<title>\S.*))?$"),
    parse_number=en_number,
    parse_date=parse_date,
    parse_period=parse_period,
    vote_tally=re.compile(
        r"recorded vote of (?P<yes>\d+) to (?P<no>\d+)(?:,? with (?P<abstain>\d+) abstentions?)?"
    ),
    without_vote=re.compile(r"[Aa]dopted without (?:a )?vote"),
    vote_headers={
        "yes": re.compile(r"In favour\s*:"),
        "no": re.compile(r"Against\s*:"),
        "abstain": re.compile(r"Abstaining\s*:"),
    },
    name_separator=re.compile(r",\s*|;\s*"),
    # ``\b[Rr]esolutions?...``, opening with ``esolution`` (the engine skips to literal
    # text, and tries every position for a class): group ``lead`` is the R.
    resolution_ref=re.compile(
        r"esolution(?<=(?P<lead>[Rr])esolution)(?<!\w[Rr]esolution)"
        rf"s?\s+(?P<nums>{_RES_NUM}(?:(?:\s+of\s+\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})?"
        rf"{_LIST_SEPARATOR}(?!its\b)(?:{_RES_NUM}|{_FURTHER_PART}))*)"
    ),
    resolution_word="esolution",
    further_part=re.compile(rf"{_LIST_SEPARATOR}({_FURTHER_PART})"),
    ref_bodies=(
        (re.compile(r"Sub-Commission"), "SUBCOM"),
        (re.compile(r"Commission on Human Rights"), "CHR"),
        (re.compile(r"Human Rights Council|the Council"), "HRC"),
        (re.compile(r"Economic and Social Council"), "ECOSOC"),
        (re.compile(r"Security Council"), "SC"),
        (re.compile(r"General Assembly|the Assembly"), "GA"),
    ),
    own_body_words=re.compile(r"its(?<!\wits)\b"),  # ``\bits\b``, the word first
    instruments=INSTRUMENTS,
    actors=ACTORS,
    # ``(?<![^;,])`` is ``(?:^|(?<=[;,]))`` in one test: the pattern has no literal start,
    # so it is tried at every position of a text that holds ``equests`` more than once.
    # A connective may stand before the verb (``and in this regard requests``, ``and to
    # that end requests``); set off by commas, the request starts after the second.
    request_phrases=re.compile(
        r"(?<![^;,])\s*(?:and\s+)?"
        r"(?:(?:[Ii]n|[Tt]o)\s+(?:this|that)\s+(?:regard|end|context|connection)\s+)?"
        r"(?:(?:[Aa]lso|[Ff]urther)\s+)?[Rr]equests(?:\s+(?:also|further))?\b"
    ),
    request_word="equests",
    due_session=re.compile(
        rf"(?:(?:the\s+)?(?P<body>Human Rights Council|General Assembly|Council|Assembly)\s+)?"
        rf"(?:at|before|by|during|in|of|to)\s+(?:its|the)\s+(?P<session>{_ORD})\s+session"
    ),
    due_word="session",
    # Each word first, with the word boundary before it as a lookbehind: the engine then
    # skips to the word (``\breports?\b``, ``\bconsult``, ``\b(?:convene|hold|organize)\b``,
    # ``\bstudy\b``).
    # What the addressee is asked to do, not what the clause mentions: ``to report``,
    # ``to submit ... a report``, ``to include in its annual report``, ``to prepare a
    # comprehensive analysis``; not ``the recommendations contained in his reports`` nor
    # ``to support joint analysis``. The first kind that fits wins.
    mandate_kinds=(
        (
            re.compile(
                r"\bto\s+(?:(?:continue\s+to|regularly|further|also|annually|periodically)\s+)?"
                r"report\b"
                r"|\b(?:submit|prepare|present)\w*\b[^;]{0,80}?\b(?:a|an|its|his|her|their)\s+"
                r"(?:[\w-]+\s+){0,3}?reports?\b"
                r"|\binclude\w*\b[^;]{0,120}?\bin\s+(?:a|an|its|his|her|their|the\s+next)\s+"
                r"(?:[\w-]+\s+){0,2}?reports?\b"
                r"|\bin\s+(?:his|her|its|their)\s+(?:next|annual|forthcoming|upcoming|future)\s+"
                r"reports?\b"
            ),
            "report",
            ("report",),
        ),
        # Not ``in consultation with``: how something else is done.
        (
            re.compile(
                r"consult(?<!\wconsult)(?!ation\s+with)|\bseek\w*\s+(?:[\w-]+\s+){0,2}?views\b"
            ),
            "consultation",
            ("consult", "views"),
        ),
        (
            re.compile(
                r"(?:c(?<!\wc)onvene|h(?<!\wh)old|o(?<!\wo)rganize)\b.{0,40}"
                r"\b(?:meeting|panel|dialogue)"
            ),
            "meeting",
            ("meeting", "panel", "dialogue"),
        ),
        (
            re.compile(
                r"\bto\s+study\b|\b(?:prepar|conduct|undertak|carry\w*\s+out|commission)\w*\s+"
                r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:study|analysis)\b"
            ),
            "study",
            ("study", "analysis"),
        ),
        (
            re.compile(
                r"consideration|provisional agenda|programme of work"
                r"|\bto\s+(?:continue\s+to\s+)?consider\b"
            ),
            "consideration",
            ("consider", "agenda", "programme of work"),
        ),
    ),
    decides_scheduling=re.compile(
        rf"(?:its|the)\s+{_ORD}\s+session|provisional agenda|programme of work"
    ),
    scheduling_words=("session", "provisional agenda", "programme of work"),
    sentence_end=".;:,",
    sentence_openers=("We",),
    own_verb_joiner=", and ",
    addressee_joiner=re.compile(r",?\s+and\s+(?:the\s+)?"),
    item_action=re.compile(r"To\s"),
    # ``\d\d?`` rather than ``\d{1,2}``: a pattern that opens with a class (not a repeat)
    # lets the engine skip to digits instead of trying it at every position.
    glued_note=re.compile(
        r"(?P<marker>\d\d?) (?P<note>(?:[A-Z]{1,6}/[A-Za-z0-9./()-]+"
        r"|See [^.]{3,80}|Ibid\.[^.]{0,60}|Resolution [^.]{2,60})\.)[ ]+(?=\S)"
    ),
    may_hold_glued_note=may_hold_glued_note,
)
