"""Text out of PDF, Word and HTML files; clear errors naming the file for broken ones."""

from __future__ import annotations

import io

import pytest

from concord.errors import ConcordError
from concord.formats import SUPPORTED_SUFFIXES, extract_text, is_plain_text


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` in Helvetica (hand-written, offsets computed)."""
    ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({x}) Tj T*" for x in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010} 00000 n \n".encode())
    out.write(
        f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_pdf_text() -> None:
    text = extract_text(
        tiny_pdf(["The Human Rights Council,", "1. Requests the Secretary-General"]),
        ".pdf",
        "r.pdf",
    )
    assert "The Human Rights Council," in text
    assert "1. Requests the Secretary-General" in text


def test_docx_text() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("人权理事会，")
    document.add_paragraph("1. 吁请所有国家坚持多边主义；")
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "赞成： 安哥拉"
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), ".DOCX", "r.docx")
    assert text == "人权理事会，\n\n1. 吁请所有国家坚持多边主义；\n\n赞成： 安哥拉"


def test_html_text_keeps_blocks_and_drops_scripts() -> None:
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<h1>37/23. 在人权领域促进合作共赢</h1><p>人权理事会，</p><script>x()</script>"
        "<p>1. <b>吁请</b>所有国家<br>坚持多边主义；</p></body></html>"
    )
    text = extract_text(page.encode(), ".html", "r.html")
    assert (
        text == "37/23. 在人权领域促进合作共赢\n\n人权理事会，\n\n1. 吁请所有国家\n坚持多边主义；\n"
    )


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (b"%PDF-1.4 garbage", ".pdf", "not a readable PDF file"),
        (b"PK\x03\x04 not really a zip", ".docx", "not a readable DOCX file"),
        (b"", ".html", "not a readable HTML file"),
        (b"<html><body>  </body></html>", ".html", "no text found"),
        (b"x", ".rtf", "unsupported file type '.rtf'"),
    ],
)
def test_broken_files_name_the_file(data: bytes, suffix: str, message: str) -> None:
    with pytest.raises(ConcordError) as err:
        extract_text(data, suffix, f"broken{suffix}")
    assert err.value.source == f"broken{suffix}"
    assert message in err.value.message


def test_plain_text_goes_to_the_reader_as_bytes() -> None:
    assert is_plain_text(".TXT")
    assert not is_plain_text(".pdf")
    assert {".txt", ".pdf", ".docx", ".html", ".htm"} == SUPPORTED_SUFFIXES
