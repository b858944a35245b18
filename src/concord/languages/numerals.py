"""Numbers and dates as UN texts print them: Chinese numerals, English ordinal words."""

from __future__ import annotations

import re
from typing import Final

_ZH_DIGITS: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_EN_DIGITS: Final = re.compile(r"(\d+)(?:st|nd|rd|th)?")
_EN_WORD_BREAK: Final = re.compile(r"[\s\-‑–]+")


def zh_number(text: str) -> int | None:
    """``三十七`` -> 37, ``七十二`` -> 72, ``十`` -> 10, ``一百零五`` -> 105; digits pass through.

    >>> zh_number("三十七"), zh_number("第七十二"), zh_number("37")
    (37, 72, 37)
    """
    text = text.strip().removeprefix("第")
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in text):
        return None
    total = 0
    digit: int | None = None
    for char in text:
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
        else:
            unit = _ZH_UNITS[char]
            total += (1 if digit is None else digit) * unit
            digit = None
    return total + (digit or 0)


_EN_UNITS: Final = {
    "zero": 0,
    "one": 1,
    "first": 1,
    "two": 2,
    "second": 2,
    "three": 3,
    "third": 3,
    "four": 4,
    "fourth": 4,
    "five": 5,
    "fifth": 5,
    "six": 6,
    "sixth": 6,
    "seven": 7,
    "seventh": 7,
    "eight": 8,
    "eighth": 8,
    "nine": 9,
    "ninth": 9,
    "ten": 10,
    "tenth": 10,
    "eleven": 11,
    "eleventh": 11,
    "twelve": 12,
    "twelfth": 12,
    "thirteen": 13,
    "thirteenth": 13,
    "fourteen": 14,
    "fourteenth": 14,
    "fifteen": 15,
    "fifteenth": 15,
    "sixteen": 16,
    "sixteenth": 16,
    "seventeen": 17,
    "seventeenth": 17,
    "eighteen": 18,
    "eighteenth": 18,
    "nineteen": 19,
    "nineteenth": 19,
}
_EN_TENS: Final = {
    "twenty": 20,
    "twentieth": 20,
    "thirty": 30,
    "thirtieth": 30,
    "forty": 40,
    "fortieth": 40,
    "fifty": 50,
    "fiftieth": 50,
    "sixty": 60,
    "sixtieth": 60,
    "seventy": 70,
    "seventieth": 70,
    "eighty": 80,
    "eightieth": 80,
    "ninety": 90,
    "ninetieth": 90,
}


def en_number(text: str) -> int | None:
    """``Thirty-seventh`` -> 37, ``eighty-first`` -> 81, ``hundredth`` -> 100, ``37th`` -> 37.

    >>> en_number("Thirty-seventh"), en_number("eighty-first"), en_number("22nd")
    (37, 81, 22)
    """
    text = text.strip().lower()
    m = _EN_DIGITS.fullmatch(text)
    if m:
        return int(m.group(1))
    total = 0
    words = [w for w in _EN_WORD_BREAK.split(text) if w and w != "and"]
    if not words:
        return None
    for word in words:
        if word in ("hundred", "hundredth"):
            total = (total or 1) * 100
        elif word in _EN_TENS:
            total += _EN_TENS[word]
        elif word in _EN_UNITS:
            total += _EN_UNITS[word]
        else:
            return None
    return total


ROMAN: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_number(text: str) -> int | None:
    """``xiv`` -> 14; None if not a Roman numeral."""
    text = text.lower()
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = ROMAN[char]
        if i + 1 < len(text) and ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total
