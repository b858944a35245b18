"""Word (.docx) text through python-docx: paragraphs, then tables, in order."""

from __future__ import annotations

import io

import docx


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx document (table cells included), one per block."""
    document = docx.Document(io.BytesIO(data))
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.extend(cell.text for cell in row.cells)
    return "\n\n".join(b for b in blocks if b.strip())
