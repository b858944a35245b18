"""Text for the full-text index and queries against it, alike in every language.

Chinese (and Japanese, Korean) is written without spaces, so no word tokenizer finds
``技术援助`` or ``人权`` reliably. Each run of CJK characters is written for the index as
its overlapping character bigrams followed by its last character (``技术援助`` ->
``技术 术援 援助 助``); a query run is written as the phrase of its bigrams (adjacent
positions), a one-character query as a term of the index's field of single characters
(:func:`char_text`). Every Chinese substring is then
found, exactly as a substring scan would. Latin text is kept as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f"
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")
_WORD = re.compile(f"(?:(?![{CJK_CLASS}])[^\\W_])+")
_ANY_WORD = re.compile(r"[^\W_]+")
_CJK_SPLIT = re.compile(f"([{CJK_CLASS}]+)")
_QUERY_TERM = re.compile(r'"([^"]*)"|(\S+)')


def run_tokens(run: str) -> list[str]:
    """Index tokens of one CJK run: its bigrams, then its last character."""
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_tokens(text: str) -> list[str]:
    """Index tokens of ``text``: lower-cased words; CJK runs as bigrams + last character."""
    tokens: list[str] = []
    for word in _ANY_WORD.findall(text):
        if not _CJK_RUN.search(word):
            tokens.append(word.lower())
            continue
        for piece in _CJK_SPLIT.split(word):
            if not piece:
                continue
            if _CJK_RUN.match(piece):
                tokens.extend(run_tokens(piece))
            else:
                tokens.append(piece.lower())
    return tokens


def index_text(text: str) -> str:
    """The derived text the index reads: its tokens separated by spaces.

    The index's tokenizer then only splits at spaces (see
    :mod:`concord.library.textindex`).
    """
    if not _CJK_CHAR.search(text):
        # Only words: lower-casing them joined is lower-casing each (a space is no
        # letter, so even Greek final sigma reads the same boundaries).
        return " ".join(_ANY_WORD.findall(text)).lower()
    return " ".join(index_tokens(text))


def char_text(text: str) -> str:
    """Every CJK character of ``text``, separated by spaces (so that an index can rank a
    one-character query as one term)."""
    return " ".join(_CJK_CHAR.findall(text))


@dataclass(frozen=True, slots=True)
class Term:
    """One query term: tokens that must stand side by side (a phrase).

    ``prefix`` marks a one-character CJK term or a Latin word written ``word*``: its one
    token is matched as the start of an indexed token. ``needle`` is what the term
    looks like in the original text (for highlighting).
    """

    tokens: tuple[str, ...]
    needle: str
    prefix: bool = False
    cjk: bool = False


def _phrase_tokens(text: str) -> tuple[list[str], bool, bool]:
    """Tokens of one piece of query text, in order; whether it holds CJK; whether the
    last token is a lone CJK character to be matched as a prefix.

    A CJK run followed by more tokens keeps its last character (the index writes it
    there), so phrases that run from Chinese into Latin text stay adjacent.
    """
    tokens: list[str] = []
    runs = list(_CJK_RUN.finditer(text))
    pos = 0
    prefix = False
    for match in runs:
        tokens.extend(w.lower() for w in _WORD.findall(text[pos : match.start()]))
        run = match.group()
        pos = match.end()
        last = not _WORD.search(text[pos:])
        if len(run) == 1:
            tokens.append(run)
            prefix = last
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            if not last:
                tokens.append(run[-1])
    tokens.extend(w.lower() for w in _WORD.findall(text[pos:]))
    return tokens, bool(runs), prefix


def parse_query(query: str) -> list[Term]:
    """Terms of a user query: ``"quoted phrases"`` and bare words, all required."""
    terms: list[Term] = []
    for match in _QUERY_TERM.finditer(query):
        quoted = match.group(1) is not None
        raw = match.group(1) if quoted else match.group(2)
        star = not quoted and raw.endswith("*")
        body = raw.rstrip("*").strip()
        tokens, cjk, prefix = _phrase_tokens(body)
        if tokens:
            terms.append(Term(tuple(tokens), body, prefix=prefix or star, cjk=cjk))
    return terms
