"""HTML text through lxml: block elements become paragraphs, scripts are dropped."""

from __future__ import annotations

import re
from typing import cast

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "table",
    ]
)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"\n\s*\n+")


def html_text(data: bytes) -> str:
    """The visible text of an HTML page, one blank line between blocks."""
    # huge_tree: libxml2 otherwise drops, without a word, a text longer than 10 MB (the
    # reader's size limits, not the parser's, say what is too large).
    parser = lxml.html.HTMLParser(encoding=_encoding(data), huge_tree=True)
    root = lxml.html.document_fromstring(data, parser=parser)
    etree.strip_elements(root, "script", "style", "head", with_tail=False)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    text = str(cast(lxml.html.HtmlElement, root).text_content())
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _encoding(data: bytes) -> str | None:
    """The page's declared charset; else UTF-8 when it decodes so; else lxml's guess."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        return declared.group(1).decode("ascii")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"
