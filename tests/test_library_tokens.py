"""The index's derived tokens and query rewriting: any Chinese substring is found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.library.tokens import index_tokens, parse_query


def phrase_matches(doc: list[str], tokens: tuple[str, ...], prefix: bool) -> bool:
    """What FTS5 and PostgreSQL do with a phrase: adjacent tokens, last maybe a prefix."""
    n = len(tokens)
    for i in range(len(doc) - n + 1):
        head = all(doc[i + k] == tokens[k] for k in range(n - 1))
        last = doc[i + n - 1]
        if head and (last.startswith(tokens[-1]) if prefix else last == tokens[-1]):
            return True
    return False


def found(text: str, query: str) -> bool:
    doc = index_tokens(text)
    return all(phrase_matches(doc, t.tokens, t.prefix) for t in parse_query(query))


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("重申技术援助与能力建设", "技术援助", True),
        ("重申技术援助与能力建设", "人权", False),
        ("促进和保护人权的重要作用", "人权", True),
        ("促进和保护人权", "权", True),
        ("技术合作与援助", "技术援助", False),
        ("Human rights Council", "rights", True),
        ("Human rights Council", '"rights council"', True),
        ("Human rights Council", "request*", False),
        ("Requests the Secretary-General", "request*", True),
        ("第 70/1 号决议", "70/1", True),
    ],
)
def test_found(text: str, query: str, expected: bool) -> None:
    assert found(text, query) is expected


def test_index_tokens_write_bigrams_and_last_character() -> None:
    assert index_tokens("技术援助 Human") == ["技术", "术援", "援助", "助", "human"]


def test_query_terms_are_phrases_of_index_tokens() -> None:
    terms = parse_query('技术援助 人 "human rights" assist*')
    assert [(t.tokens, t.prefix, t.cjk) for t in terms] == [
        (("技术", "术援", "援助"), False, True),
        (("人",), True, True),
        (("human", "rights"), False, False),
        (("assist",), True, False),
    ]


def test_quotes_and_punctuation_cannot_break_out() -> None:
    terms = parse_query("\"a' OR 1=1 --\" NEAR(x) 'y'")
    assert all(tok.isalnum() for t in terms for tok in t.tokens)


CHINESE = st.text(alphabet="人权技术援助合作共赢重申国际", min_size=1, max_size=30)


@given(CHINESE, st.data())
def test_every_chinese_substring_is_found_and_only_those(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert found(text, text[start:end])
    other = data.draw(CHINESE)
    assert found(text, other) == (other in text)
