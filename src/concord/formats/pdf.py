"""PDF text through pdfminer.six, page by page."""

from __future__ import annotations

import io

from pdfminer.high_level import extract_text as _pdfminer_text


def pdf_text(data: bytes) -> str:
    """The text of a PDF document, pages separated by form feeds."""
    return str(_pdfminer_text(io.BytesIO(data)))
