"""Akoma Ntoso FRBR URIs for UN resolutions (AKN4UN) and UN document symbols.

A resolution is an Akoma Ntoso ``statement`` of subtype ``deliberation``; its work URI names
the adopting organ (the *actor*), the adoption date and the resolution number::

    /akn/un/statement/deliberation/un-hrc/2018-03-23/37-23             work
    /akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@        expression (Chinese)
    /akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@/main.xml   manifestation

Resolution numbers take two printed forms, and each has one URI form (the *number component*)
that reads back to exactly the printed number:

================  ====================  ==================  ===========================
form              printed (model)       URI component       document symbol
================  ====================  ==================  ===========================
session/serial    ``37/23``             ``37-23``           ``A/HRC/RES/37/23``
special session   ``S-35/1``            ``S-35-1``          ``A/HRC/RES/S-35/1``
lettered          ``31/16 A``           ``31-16A``          ``A/RES/31/16[A]``
classic           ``217 (III)``         ``217_III``         ``A/RES/217(III)``
classic lettered  ``217 A (III)``       ``217A_III``        ``A/RES/217(III)[A]``
Security Council  ``1325 (2000)``       ``1325_2000``       ``S/RES/1325(2000)``
================  ====================  ==================  ===========================

The escaping: ``/`` becomes ``-``; the space and parentheses of `` (III)`` become ``_III``; the
space before a letter is dropped. A ``-`` inside the session (``S-35``, ``ES-10``, ``S-VII``)
stays as it is: the grammar above tells it apart from the ``-`` that stands for ``/``, so no
number needs percent-escapes. Symbols print a letter suffix in brackets, as the UN Digital
Library does (``A/RES/217(III)[A]``); reading accepts ``217 A (III)`` and ``217A(III)`` too.

Languages are ISO 639-1 in the model (``zh``) and ISO 639-2/T in URIs (``zho``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = [
    "BODY_ACTORS",
    "LANGUAGES",
    "FrbrUri",
    "actor_to_body",
    "body_to_actor",
    "normalise_number",
    "number_from_uri",
    "number_to_uri",
    "parts_to_symbol",
    "resolution_uri",
    "symbol_to_parts",
    "to_alpha2",
    "to_alpha3",
]

BODY_ACTORS: dict[str, str] = {
    "GA": "un-ga",
    "HRC": "un-hrc",
    "SC": "un-sc",
    "ECOSOC": "un-ecosoc",
    "CHR": "un-chr",
    "SUBCOM": "un-subcom",
}
"""Adopting body (model value) -> AKN4UN actor (URI value)."""

LANGUAGES: dict[str, str] = {
    "ar": "ara",
    "zh": "zho",
    "en": "eng",
    "fr": "fra",
    "ru": "rus",
    "es": "spa",
}
"""The six official UN languages: ISO 639-1 -> ISO 639-2/T."""

_SYMBOL_PREFIXES: dict[str, str] = {
    "GA": "A/RES/",
    "HRC": "A/HRC/RES/",
    "SC": "S/RES/",
    "ECOSOC": "E/RES/",
    "CHR": "E/CN.4/RES/",
    "SUBCOM": "E/CN.4/Sub.2/RES/",
}
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")

_SESSION = r"(?:E?S-)?[IVXLCDM]+|\d{4}"
_MODERN = re.compile(
    r"(?P<prefix>E?S-)?(?P<session>\d+)/(?P<seq>\d+)(?: ?(?P<letter>[A-Z])|\[(?P<bracket>[A-Z])\])?"
)
_CLASSIC = re.compile(
    rf"(?P<seq>\d+) ?(?P<letter>[A-Z])? ?\((?P<paren>{_SESSION})\)(?:\[(?P<bracket>[A-Z])\])?"
)
_MODERN_URI = re.compile(r"(?P<prefix>E?S-)?(?P<session>\d+)-(?P<seq>\d+)(?P<letter>[A-Z])?", re.A)
_CLASSIC_URI = re.compile(rf"(?P<seq>\d+)(?P<letter>[A-Z])?_(?P<paren>{_SESSION})", re.A)

_URI = re.compile(
    r"""/akn/(?P<country>[a-z]{2})
    /(?P<doctype>[a-zA-Z]+)
    /(?P<subtype>[a-zA-Z][\w-]*)
    (?:/(?P<actor>[a-z][a-z0-9.-]*))?
    /(?P<date>\d{4}(?:-\d{2}){0,2})
    /(?P<number>[A-Za-z0-9][\w-]*)
    (?:/(?P<language>[a-z]{3})@(?P<expression_date>\d{4}-\d{2}-\d{2})?)?
    (?:/!?(?P<component>[a-z][a-z0-9_]*))?
    (?:\.(?P<format>[a-z0-9]+))?""",
    re.X | re.A,
)
_PATTERNS: dict[str, re.Pattern[str]] = {
    "country": re.compile(r"[a-z]{2}"),
    "doctype": re.compile(r"[a-zA-Z]+"),
    "subtype": re.compile(r"[a-zA-Z][\w-]*", re.A),
    "actor": re.compile(r"[a-z][a-z0-9.-]*"),
    "number": re.compile(r"[A-Za-z0-9][\w-]*", re.A),
    "language": re.compile(r"[a-z]{3}"),
    "component": re.compile(r"[a-z][a-z0-9_]*"),
    "format": re.compile(r"[a-z0-9]+"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class FrbrUri:
    """An AKN4UN FRBR URI: work, expression or manifestation of one resolution.

    Fields are named after the Akoma Ntoso naming convention. ``language`` is ISO 639-2/T;
    ``expression_date`` ``None`` means the original version (``zho@``); ``component`` and
    ``format`` make a manifestation (``zho@/main.xml``). ``actor`` may be ``None`` (organ not
    known): the URI then leaves that segment out, as the naming convention allows.

    >>> uri = FrbrUri.parse("/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@")
    >>> uri.actor, uri.date, uri.number, uri.language
    ('un-hrc', '2018-03-23', '37-23', 'zho')
    >>> uri.work_uri()
    '/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23'
    >>> uri.manifestation_uri()
    '/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@/main.xml'
    >>> str(uri) == uri.expression_uri()
    True
    >>> FrbrUri.parse("/akn/un/statement/37-23")
    Traceback (most recent call last):
    ...
    ValueError: not an AKN FRBR URI with date and number: '/akn/un/statement/37-23'
    """

    actor: str | None
    date: str
    number: str
    language: str | None = None
    expression_date: str | None = None
    component: str | None = None
    format: str | None = None
    country: str = "un"
    doctype: str = "statement"
    subtype: str = "deliberation"

    def __post_init__(self) -> None:
        for name, pattern in _PATTERNS.items():
            value = getattr(self, name)
            if value is not None and not pattern.fullmatch(value):
                raise ValueError(f"bad FRBR URI {name}: {value!r}")
        _check_date(self.date, "date", partial=True)
        if self.expression_date is not None:
            _check_date(self.expression_date, "expression date", partial=False)
        if self.language is None and (self.expression_date or self.format):
            raise ValueError("an expression date or a format needs a language")

    @classmethod
    def parse(cls, text: str) -> FrbrUri:
        """Read a work, expression or manifestation URI; ``ValueError`` if it is not one.

        >>> FrbrUri.parse("/akn/un/statement/deliberation/un-ga/2017-12-19/72-169/eng@/main.xml")
        ... # doctest: +NORMALIZE_WHITESPACE
        FrbrUri(actor='un-ga', date='2017-12-19', number='72-169', language='eng',
                expression_date=None, component='main', format='xml', country='un',
                doctype='statement', subtype='deliberation')
        """
        match = _URI.fullmatch(text.strip().rstrip("/"))
        if match is None:
            raise ValueError(f"not an AKN FRBR URI with date and number: {text!r}")
        return cls(**match.groupdict())

    def work_uri(self) -> str:
        """The work URI: no language, no component, no format."""
        head = f"/akn/{self.country}/{self.doctype}/{self.subtype}"
        actor = f"/{self.actor}" if self.actor else ""
        return f"{head}{actor}/{self.date}/{self.number}"

    def expression_uri(self) -> str:
        """The expression URI (``.../zho@``); ``ValueError`` without a language."""
        if self.language is None:
            raise ValueError(f"an expression URI needs a language: {self.work_uri()}")
        return f"{self.work_uri()}/{self.language}@{self.expression_date or ''}"

    def manifestation_uri(self, fmt: str = "xml") -> str:
        """The manifestation URI of the main component (or of ``component``) in ``fmt``."""
        return f"{self.expression_uri()}/{self.component or 'main'}.{fmt}"

    def __str__(self) -> str:
        text = self.expression_uri() if self.language else self.work_uri()
        if self.component:
            text += f"/{self.component}"
        return f"{text}.{self.format}" if self.format else text

    @property
    def body(self) -> str | None:
        """The adopting body (``HRC``) named by ``actor``, or ``None`` when not one we know."""
        return _ACTOR_BODIES.get(self.actor or "")

    @property
    def language_code(self) -> str | None:
        """The ISO 639-1 code of ``language`` (``zh`` for ``zho``)."""
        return to_alpha2(self.language) if self.language else None


_ACTOR_BODIES = {actor: body for body, actor in BODY_ACTORS.items()}
_ALPHA2 = {alpha3: alpha2 for alpha2, alpha3 in LANGUAGES.items()}


def _check_date(value: str, what: str, *, partial: bool) -> None:
    parts = value.split("-")
    full = value if len(parts) == 3 else "-".join([*parts, "01", "01"][:3])
    if len(parts) != 3 and not partial:
        raise ValueError(f"bad {what}: {value!r} (want YYYY-MM-DD)")
    try:
        date.fromisoformat(full)
    except ValueError:
        raise ValueError(f"bad {what}: {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)") from None


def body_to_actor(body: str) -> str:
    """``HRC`` -> ``un-hrc``.

    >>> body_to_actor("GA")
    'un-ga'
    """
    try:
        return BODY_ACTORS[body.upper()]
    except KeyError:
        raise ValueError(f"unknown body {body!r}; known: {', '.join(BODY_ACTORS)}") from None


def actor_to_body(actor: str) -> str:
    """``un-hrc`` -> ``HRC``.

    >>> actor_to_body("un-subcom")
    'SUBCOM'
    """
    try:
        return _ACTOR_BODIES[actor]
    except KeyError:
        raise ValueError(f"unknown actor {actor!r}; known: {', '.join(_ACTOR_BODIES)}") from None


def to_alpha3(language: str) -> str:
    """ISO 639-1 (or an ISO 639-2/T code already) -> ISO 639-2/T.

    >>> to_alpha3("zh"), to_alpha3("fra")
    ('zho', 'fra')
    """
    code = language.strip().lower()
    if code in _ALPHA2:
        return code
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"not a UN official language: {language!r}") from None


def to_alpha2(code: str) -> str:
    """ISO 639-2/T (or ISO 639-1 already) -> ISO 639-1.

    >>> to_alpha2("ara")
    'ar'
    """
    return _ALPHA2[to_alpha3(code)]


def _fold(text: str) -> str:
    """NFKC (full-width ``／`` -> ``/``), any Unicode digit -> ASCII, single spaces."""
    if text.isascii():  # NFKC, the dashes and the digits leave ASCII as it is
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = "".join(str(unicodedata.digit(c)) if c.isdecimal() else c for c in text)
    return " ".join(text.split())


def _number_match(number: str, body: str | None = None) -> re.Match[str]:
    text = _fold(number).upper()
    match = _MODERN.fullmatch(text) or _CLASSIC.fullmatch(text)
    if match is None:
        raise ValueError(f"not a resolution number: {number!r}")
    groups = match.groupdict()
    if groups.get("letter") and groups.get("bracket"):
        raise ValueError(f"two letter suffixes in resolution number: {number!r}")
    _check_body_form(number, body, groups.get("paren"))
    return match


def _check_body_form(number: str, body: str | None, paren: str | None) -> None:
    if body is None:
        return
    by_year = paren is not None and paren.isdigit()
    if (body == "SC") != by_year:
        want = "NNNN (YEAR)" if body == "SC" else "not NNNN (YEAR), which is the SC's form"
        raise ValueError(f"{body} resolution number {number!r}: want {want}")


def _parts(match: re.Match[str]) -> tuple[str, str, str, str | None]:
    """(session-or-empty, serial, letter-or-empty, paren) from a number match."""
    groups = match.groupdict()
    letter = groups.get("letter") or groups.get("bracket") or ""
    session = (groups.get("prefix") or "") + (groups.get("session") or "")
    return session, groups["seq"], letter, groups.get("paren")


def normalise_number(number: str) -> str:
    """The printed form of a resolution number, in Concord's canonical spelling.

    >>> normalise_number("217A(III)"), normalise_number("３７／２３")
    ('217 A (III)', '37/23')
    """
    session, seq, letter, paren = _parts(_number_match(number))
    suffix = f" {letter}" if letter else ""
    return f"{seq}{suffix} ({paren})" if paren else f"{session}/{seq}{suffix}"


def number_to_uri(number: str) -> str:
    """Resolution number as printed -> FRBR URI number component.

    >>> [number_to_uri(n) for n in ("37/23", "S-35/1", "217 A (III)", "1325 (2000)")]
    ['37-23', 'S-35-1', '217A_III', '1325_2000']
    """
    return _uri_number(_number_match(number))


def _uri_number(match: re.Match[str]) -> str:
    session, seq, letter, paren = _parts(match)
    return f"{seq}{letter}_{paren}" if paren else f"{session}-{seq}{letter}"


def number_from_uri(component: str) -> str:
    """FRBR URI number component -> resolution number as printed (inverse of `number_to_uri`).

    >>> [number_from_uri(c) for c in ("37-23", "S-35-1", "217A_III", "2000-22")]
    ['37/23', 'S-35/1', '217 A (III)', '2000/22']
    """
    match = _MODERN_URI.fullmatch(component) or _CLASSIC_URI.fullmatch(component)
    if match is None:
        raise ValueError(f"not a resolution number component: {component!r}")
    session, seq, letter, paren = _parts(match)
    suffix = f" {letter}" if letter else ""
    return f"{seq}{suffix} ({paren})" if paren else f"{session}/{seq}{suffix}"


def resolution_uri(body: str, adopted_on: str, number: str, language: str | None) -> FrbrUri:
    """The FRBR URI of a resolution from model values; expression-level with a language.

    >>> str(resolution_uri("HRC", "2018-03-23", "37/23", "zh"))
    '/akn/un/statement/deliberation/un-hrc/2018-03-23/37-23/zho@'
    >>> str(resolution_uri("GA", "2017-12-19", "72/169", None))
    '/akn/un/statement/deliberation/un-ga/2017-12-19/72-169'
    """
    return FrbrUri(
        actor=body_to_actor(body),
        date=adopted_on,
        number=_uri_number(_number_match(number, body.upper())),
        language=to_alpha3(language) if language else None,
    )


def symbol_to_parts(symbol: str) -> tuple[str, str]:
    """UN document symbol of a resolution -> (body, number as printed).

    >>> symbol_to_parts("A/HRC/RES/37/23")
    ('HRC', '37/23')
    >>> symbol_to_parts("A/RES/217(III)")
    ('GA', '217 (III)')
    >>> symbol_to_parts("E/CN.4/Sub.2/RES/2000/22")
    ('SUBCOM', '2000/22')
    >>> symbol_to_parts("A/72/439/Add.2")
    Traceback (most recent call last):
    ...
    ValueError: not the symbol of a resolution: 'A/72/439/Add.2'
    """
    text = _fold(symbol)
    for body, prefix in _SYMBOL_PREFIXES.items():
        if text.upper().startswith(prefix.upper()):
            tail = text[len(prefix) :]
            try:
                _number_match(tail, body)
            except ValueError:
                break
            return body, normalise_number(tail)
    raise ValueError(f"not the symbol of a resolution: {symbol!r}")


def parts_to_symbol(body: str, number: str) -> str:
    """(body, number as printed) -> the UN document symbol of the resolution.

    >>> parts_to_symbol("SC", "1325 (2000)"), parts_to_symbol("GA", "217 A (III)")
    ('S/RES/1325(2000)', 'A/RES/217(III)[A]')
    """
    key = body.upper()
    if key not in _SYMBOL_PREFIXES:
        raise ValueError(f"unknown body {body!r}; known: {', '.join(_SYMBOL_PREFIXES)}")
    session, seq, letter, paren = _parts(_number_match(number, key))
    suffix = f"[{letter}]" if letter else ""
    tail = f"{seq}({paren})" if paren else f"{session}/{seq}"
    return f"{_SYMBOL_PREFIXES[key]}{tail}{suffix}"
