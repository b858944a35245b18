"""Pure data: resolutions and their parts, symbols and URIs."""

from concord.model.resolution import (
    Adoption,
    Annex,
    Due,
    Footnote,
    Mandate,
    Meeting,
    Paragraph,
    Reference,
    Resolution,
    Span,
    Tally,
    Votes,
    Warning,
)

__all__ = [
    "Adoption",
    "Annex",
    "Due",
    "Footnote",
    "Mandate",
    "Meeting",
    "Paragraph",
    "Reference",
    "Resolution",
    "Span",
    "Tally",
    "Votes",
    "Warning",
]
