"""Mandates: operative paragraphs that ask someone to act, and by when.

Two shapes are read. A request (``请`` / ``Requests``) names its addressee right after
the verb (where 请 invites, as it does those the body does not direct, it is no request:
``LanguagePack.invited_names``). A ``decides`` clause that puts something on a future
session (``决定在大会第七十三届会议上继续审议`` / ``Decides to include in the provisional
agenda of its eighty-first session``) is a mandate of the adopting body to itself.
Exhortations to States (urges, calls upon) are not mandates: nobody is asked to deliver
anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise
from typing import Final

from concord.languages.base import Actor, LanguagePack
from concord.model import Due, Mandate, Paragraph, Warning
from concord.read.paragraphs import find_subparagraphs
from concord.text.mapped import Mapped

_OWN_ACTORS: Final = {
    "GA": Actor("general_assembly", "General Assembly"),
    "HRC": Actor("human_rights_council", "Human Rights Council"),
}
_ACTOR_BODIES: Final = {"general_assembly": "GA", "human_rights_council": "HRC"}
_ACTION_CHARS: Final = 160
_NAME_CHARS: Final = 40
_THE: Final = re.compile(r"^the\s+")


def find_mandates(
    para: Paragraph,
    text: Mapped,
    pack: LanguagePack,
    own_body: str | None,
    warnings: list[Warning] | None = None,
) -> list[Mandate]:
    """The mandates of one operative paragraph. A request to an addressee the pack does
    not know is no mandate: it is reported in ``warnings`` (``unknown_actor``)."""
    mandates: list[Mandate] = []
    clauses = _clauses(text.text, pack)
    for start, end in clauses:
        clause = text.text[start : _asked_end(text.text, start, end, pack)]
        asked = _request(clause, start, text, para, pack, own_body, warnings)
        if asked and para.subparagraphs and pack.item_action is not None:
            asked = _each_item(asked, start, text, para, pack, own_body)
        if not asked and start == clauses[0][0] and (para.intro_key or "").startswith("decides"):
            scheduled = _scheduling(clause, start, text, para, pack, own_body)
            asked = [scheduled] if scheduled is not None else []
        mandates.extend(asked)
    return mandates


def _each_item(
    asked: list[Mandate],
    start: int,
    text: Mapped,
    para: Paragraph,
    pack: LanguagePack,
    own_body: str | None,
) -> list[Mandate]:
    """A request in a paragraph's chapeau whose list's items are what is asked
    (``Requests the Secretary-General, within available resources: (a) To continue ...;
    (b) To circulate ...``): a mandate for each item and each addressee, standing in
    the item (``op_7__b``), due when the item says (or the chapeau does). ``asked`` as
    it is otherwise: a request inside an item, or a list of topics (``to report on: (a)
    ...``), whose items do not open with the pack's ``item_action``."""
    chapeau_end, items = find_subparagraphs(text.text)
    if not items or start >= chapeau_end or not text.text[:chapeau_end].rstrip().endswith(":"):
        return asked
    pattern = pack.item_action
    assert pattern is not None
    if not all(pattern.match(text.text, item.start) for item in items):
        return asked
    # Each item's mandate stands in the item (``op_7__h``), as it is cited.
    ids = [sub.id for sub in para.subparagraphs]
    if len(ids) != len(items):
        ids = [para.id] * len(items)
    out = []
    for item, where in zip(items, ids, strict=True):
        clause = text.text[item.start : item.end]
        for mandate in asked:
            actor = Actor(mandate.addressee, mandate.addressee_name)
            made = _mandate(para, actor, clause, item.start, text, pack, own_body)
            out.append(replace(made, in_=where, due=made.due or mandate.due))
    return out


# The longest opening phrase looked for after ``own_verb_joiner``, with room to spare.
_PHRASE_CHARS: Final = 60


def _asked_end(text: str, start: int, end: int, pack: LanguagePack) -> int:
    """Where the clause ``text[start:end]`` stops asking: before a further verb of the
    resolution's own joined to it (``Requests the Disarmament Commission to consider the
    formulation of principles ..., and looks forward to a report of the Commission``)."""
    joiner = pack.own_verb_joiner
    if not joiner:
        return end
    at = text.find(joiner, start + 1, end)
    while at >= 0:
        after = at + len(joiner)
        rest = text[after : min(end, after + _PHRASE_CHARS)]
        if not pack.cjk:
            rest = rest[:1].upper() + rest[1:]
        if pack.operative.match(rest) is not None:
            return at
        at = text.find(joiner, after, end)
    return end


def _clauses(text: str, pack: LanguagePack) -> list[tuple[int, int]]:
    """Clauses split at ``;`` / ``；`` and at a request inside a clause (``并请``)."""
    cuts = _after_each(text, pack.clause_separators) + _inner_requests(text, pack)
    if not cuts:  # one clause (most paragraphs)
        return [(0, len(text))] if text.strip() else []
    points = sorted({0, len(text), *cuts})
    return [(a, b) for a, b in pairwise(points) if text[a:b].strip()]


def _after_each(text: str, chars: str) -> list[int]:
    """The offset after each of ``chars`` in ``text`` (found with ``str.find``, far faster
    than scanning with a pattern)."""
    ends = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            ends.append(at + 1)
            at = text.find(char, at + 1)
    return ends


def _inner_requests(text: str, pack: LanguagePack) -> list[int]:
    """Where requests start inside ``text`` (not at its start: ``..., and requests``)."""
    word = pack.request_word
    at = text.find(word)
    if at < 0:
        return []
    pattern = pack.request_phrases
    opening = pattern.match(text)
    # Requests do not overlap and each holds the word: when the text opens with one (most
    # texts that ask), another is only looked for where the word comes again. The pattern
    # opens with no literal text: it is tried only in the stretch before each occurrence
    # of the word, where every request holding it starts, not at every position.
    pos = 0 if opening is None else opening.end()
    starts: list[int] = []
    at = text.find(word, pos)
    while at >= 0:
        m = pattern.search(text, max(pos, at - _REQUEST_REACH), at + len(word) + 1)
        if m is not None:
            starts.append(m.start())
            pos = m.end()
        at = text.find(word, max(pos, at + len(word)))
    return starts


# How far before the pack's ``request_word`` a request can start (``, and in that
# connection further requests``: some 45 characters), with room to spare.
_REQUEST_REACH: Final = 100


def _request(
    clause: str,
    offset: int,
    text: Mapped,
    para: Paragraph,
    pack: LanguagePack,
    own_body: str | None,
    warnings: list[Warning] | None = None,
) -> list[Mandate]:
    """The mandates of a request: one for each addressee it names."""
    if pack.request_word not in clause:
        return []
    m = pack.request_phrases.match(clause)
    if not m:
        return []
    rest = clause[m.end() :].lstrip()
    rest = _THE.sub("", rest)
    if pack.invited_names and rest.startswith(pack.invited_names):
        return []  # an invitation, in a language with one verb for both: no mandate
    actors = _actors_at(rest, pack)
    if not actors:
        # ``Requests that ... be provided``: a request that names nobody is no mandate.
        if warnings is not None and rest and not rest[0].islower():
            at = offset + len(clause) - len(rest)
            name = rest if len(rest) <= _NAME_CHARS else rest[:_NAME_CHARS].rsplit(" ", 1)[0]
            warnings.append(
                Warning(
                    "unknown_actor",
                    f"{para.id}: a request to an addressee the language pack does not know:"
                    f" {name!r}",
                    text.span(at, at + len(name)),
                )
            )
        return []
    return [_mandate(para, actor, clause, offset, text, pack, own_body) for actor in actors]


def _scheduling(
    clause: str,
    offset: int,
    text: Mapped,
    para: Paragraph,
    pack: LanguagePack,
    own_body: str | None,
) -> Mandate | None:
    if own_body not in _OWN_ACTORS:
        return None
    if not any(word in clause for word in pack.scheduling_words):
        return None
    if not pack.decides_scheduling.search(clause):
        return None
    return _mandate(para, _OWN_ACTORS[own_body], clause, offset, text, pack, own_body)


def _mandate(
    para: Paragraph,
    actor: Actor,
    clause: str,
    offset: int,
    text: Mapped,
    pack: LanguagePack,
    own_body: str | None,
) -> Mandate:
    due = _due(clause, pack, own_body, actor)
    # An item opens with a capital (``To report on ...``): its kind is read as the same
    # words inside a clause would be.
    asked = clause if clause[:1].islower() else clause[:1].lower() + clause[1:]
    kind = next(
        (
            k
            for pattern, k, words in pack.mandate_kinds
            if any(w in asked for w in words) and pattern.search(asked)
        ),
        "action",
    )
    action = clause.strip().rstrip("；;。.，,")
    if len(action) > _ACTION_CHARS:
        action = action[: _ACTION_CHARS - 1].rstrip() + "…"
    lead = len(clause) - len(clause.lstrip())
    span = text.span(offset + lead, offset + len(clause.rstrip()))
    return Mandate(para.id, actor.id, actor.name, kind, action, span, due)


# How far before the pack's ``due_word`` a session it names can start (``the Human Rights
# Council at its fifty-first session``: some 50 characters), with room to spare.
_DUE_REACH: Final = 160


def _due_match(clause: str, pack: LanguagePack) -> re.Match[str] | None:
    """The first match of the pack's ``due_session`` in ``clause``. Every match ends at
    the ``due_word`` (``session``, ``届``, and what may follow it: ``届会议``): the
    pattern, which opens with no literal text the engine could skip to, is tried only in
    the stretch before each, rather than at every position of a long clause."""
    word = pack.due_word
    at = clause.find(word)
    while at >= 0:
        end = min(len(clause), at + len(word) + _DUE_TAIL)
        m = pack.due_session.search(clause, max(0, at - _DUE_REACH), end)
        if m is not None:
            return m
        at = clause.find(word, at + len(word))
    return None


# What a match may run to past the ``due_word`` (``会议`` after ``届``).
_DUE_TAIL: Final = 4


def _actors_at(text: str, pack: LanguagePack) -> list[Actor]:
    """The actors named at the start of ``text`` (the longest name that fits): one, or
    several joined by the pack's ``addressee_joiner`` (``the Secretary-General and the
    President of the General Assembly``), up to the first name that is not an actor's."""
    pattern = _names_pattern(pack.actors)
    m = pattern.match(text)
    if m is None:
        return []
    actors = [pack.actors[m.group(0)]]
    joiner = pack.addressee_joiner
    while joiner is not None:
        joined = joiner.match(text, m.end())
        if joined is None:
            break
        m = pattern.match(text, joined.end())
        if m is None:
            break
        actor = pack.actors[m.group(0)]
        if actor not in actors:
            actors.append(actor)
    return actors


_NAMES_PATTERNS: Final[dict[int, re.Pattern[str]]] = {}


def _names_pattern(actors: Mapping[str, Actor]) -> re.Pattern[str]:
    """The names of ``actors`` in one alternation, longest first (built once per pack)."""
    key = id(actors)
    if key not in _NAMES_PATTERNS:
        names = sorted(actors, key=len, reverse=True)
        _NAMES_PATTERNS[key] = re.compile("|".join(map(re.escape, names)))
    return _NAMES_PATTERNS[key]


def _due(clause: str, pack: LanguagePack, own_body: str | None, actor: Actor) -> Due | None:
    m = _due_match(clause, pack)
    if not m:
        return None
    session = pack.parse_number(m.group("session"))
    if session is None:
        return None
    named = m.group("body")
    body = pack.body_names.get(named) if named else None
    if body is None and named:
        body = {"Council": "HRC", "Assembly": "GA"}.get(named)
    body = body or _ACTOR_BODIES.get(actor.id) or own_body
    return Due(body, session) if body else None
