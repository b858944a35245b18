"""The adoption block: how the text was adopted, the tally, and who voted how.

Names are resolved to ISO 3166-1 alpha-3 through the gazetteer. A name that does not
resolve, or lists that disagree with the printed tally, become warnings: never dropped,
never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from concord.languages.base import LanguagePack
from concord.model import Adoption, Tally, Votes, Warning
from concord.text.mapped import Mapped

Resolver = Callable[[str], str | None]
_POSITIONS: Final = ("yes", "no", "abstain")
# Footnote text glued into a list by extraction: "Mongolia, 2 A/HRC/36/44. Nepal".
_GLUED_NOTE: Final = re.compile(r"^\d{1,3}\s+[A-Z]{1,5}/\S+?\.\s+")
_SPACES: Final = re.compile(r"\s+")
_EDGE_JUNK: Final = re.compile(r"^[\s\[\]．.。:：]+|[\s\[\]．.。:：\d]+$")


def read_adoption(
    block: Mapped, pack: LanguagePack, resolve: Resolver
) -> tuple[Adoption, list[Warning]]:
    """Read the bracketed adoption block (``[Adopted by a recorded vote of ...]``)."""
    text = block.text
    if not text.strip():
        return Adoption("not_stated"), []
    if pack.without_vote.search(text) and not pack.vote_tally.search(text):
        return Adoption("without_vote", span=block.span()), []
    m = pack.vote_tally.search(text)
    if not m:
        return Adoption("not_stated", span=block.span()), [
            Warning("adoption", "adoption block not understood", block.span())
        ]
    tally = Tally(int(m.group("yes")), int(m.group("no")), int(m.group("abstain") or 0))
    lists, warnings = read_lists(block, pack, resolve)
    votes = Votes(**{k: tuple(v) for k, v in lists.items()}) if lists else None
    if votes is not None:
        warnings.extend(check_tally(tally, votes, block))
    return Adoption("recorded_vote", tally, votes, block.span()), warnings


def read_lists(
    block: Mapped, pack: LanguagePack, resolve: Resolver
) -> tuple[dict[str, list[str]], list[Warning]]:
    """The lists after ``In favour:`` / ``Against:`` / ``Abstaining:`` as ISO3 codes."""
    text = block.text
    starts = []
    for position in _POSITIONS:
        m = pack.vote_headers[position].search(text)
        if m:
            starts.append((m.start(), m.end(), position))
    starts.sort()
    lists: dict[str, list[str]] = {}
    warnings: list[Warning] = []
    for i, (_, content_start, position) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        codes, found = _read_names(block, content_start, end, pack, resolve)
        lists[position] = codes
        warnings.extend(found)
    return lists, warnings


def _read_names(
    block: Mapped, start: int, end: int, pack: LanguagePack, resolve: Resolver
) -> tuple[list[str], list[Warning]]:
    codes: list[str] = []
    warnings: list[Warning] = []
    text = block.text
    end = _list_end(text, start, end)
    pos = start
    for sep in [*pack.name_separator.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        name, offset = _clean_name(text[pos:stop])
        if name:
            code = resolve(name)
            span = block.span(pos + offset, pos + offset + len(name))
            if code is None:
                warnings.append(Warning("unknown_state", f"unknown State name {name!r}", span))
            elif code in codes:
                warnings.append(Warning("duplicate_vote", f"{name!r} listed twice", span))
            else:
                codes.append(code)
        pos = sep.end() if sep else end
    return codes, warnings


def _list_end(text: str, start: int, end: int) -> int:
    close = text.find("]", start, end)
    return close if close >= 0 else end


def _clean_name(raw: str) -> tuple[str, int]:
    name = _GLUED_NOTE.sub("", raw.strip())
    name = _EDGE_JUNK.sub("", name)
    name = _SPACES.sub(" ", name).strip()
    if name.startswith("and "):
        name = name[4:]
    offset = raw.find(name[:8]) if name else 0
    return name, max(offset, 0)


def check_tally(tally: Tally, votes: Votes, block: Mapped) -> list[Warning]:
    """The printed tally and the lists must agree."""
    warnings = []
    for position in _POSITIONS:
        printed = getattr(tally, position)
        listed = len(getattr(votes, position))
        if printed != listed:
            warnings.append(
                Warning(
                    "tally_mismatch",
                    f"tally says {printed} {position} but the list names {listed}",
                    block.span(),
                )
            )
    return warnings
