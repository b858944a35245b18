"""``concord parse`` / ``summary``; bad input: one line, a non-zero exit, no traceback."""

from __future__ import annotations

import html
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SAMPLES
from tests.test_formats import tiny_pdf

from concord.cli import main
from concord.errors import ConcordError
from concord.read import MAX_BYTES, MAX_DOCUMENT_BYTES, parse_bytes, parse_document, parse_text

SEED = SAMPLES / "A_HRC_RES_37_23.zh.txt"


def test_parse_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = json.loads(capsys.readouterr().out)
    for field in (
        "symbol", "number", "body", "language", "session", "agenda_items", "adopted_on",
        "meeting", "committee_report", "title", "uri", "preamble", "operative", "footnotes",
        "adoption", "references", "mandates", "warnings",
    ):  # fmt: skip
        assert field in out, field
    assert out["meeting"] == {"number": 54, "plenary": False}
    assert out["adoption"]["tally"] == {"yes": 28, "no": 1, "abstain": 17}
    assert out["preamble"][0]["intro_key"] == "guided_by"
    assert set(out["preamble"][0]) >= {"id", "intro", "intro_key", "text", "footnotes", "span"}
    assert set(out["operative"][0]) >= {"id", "num", "subparagraphs", "span"}
    assert out["mandates"][-1]["due"] == {"body": "HRC", "session": 43}


def test_parse_text_and_akn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "text", str(SEED)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("A/HRC/RES/37/23 2018-03-23\n在人权领域促进合作共赢")
    assert "Adopted by a recorded vote of 28 to 1, with 17 abstentions." in text
    assert main(["parse", "--format", "akn", str(SEED)]) == 0
    assert "<akomaNtoso" in capsys.readouterr().out


def test_parse_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert main(["parse", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["symbol"] == "A/HRC/RES/37/23"


def test_symbol_and_date_options_for_a_text_without_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = SEED.read_text("utf-8").split("人权理事会， \n", 1)[1]
    path = tmp_path / "no_heading.txt"
    path.write_text(body, "utf-8")
    assert main(["parse", str(path), "--symbol", "A/HRC/RES/37/23", "--date", "2018-03-23"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["symbol"], out["adopted_on"]) == ("A/HRC/RES/37/23", "2018-03-23")
    assert len(out["preamble"]) == 15 and len(out["operative"]) == 5


BAD = [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "not a text file"),
    ("undecodable.txt", b"The General Assembly,\n\xff\xff Recalling\n", "cannot decode"),
    ("utf32_broken.txt", b"\xff\xfe\x00\x00garbage" * 10, "cannot decode"),
    # GB18030 decodes nearly any bytes: Latin-1 mojibake is refused for what it reads as.
    ("latin1.txt", "Résolution adoptée\n".encode("cp1252") * 3, "not a resolution"),
    ("prose.txt", b"Once upon a time there was a cat.\nIt sat on the mat.\n", "not a resolution"),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"concord: error: {path}: ")
    assert __import__("re").search(problem, err[0])


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert (
        capsys.readouterr().err.strip() == f"concord: error: {tmp_path / 'nope.txt'}: no such file"
    )
    assert main(["parse", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_one_bad_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["parse", str(bad), str(SEED)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["symbol"] == "A/HRC/RES/37/23"
    assert "bad.txt: empty file" in captured.err


def test_parse_reads_word_html_and_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document's text is extracted as ``concord ingest`` extracts it, then read: the seed
    as a Word file and as a web page, each line a paragraph, reads as the text does."""
    import docx

    lines = [line for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    word = tmp_path / "seed.docx"
    document.save(str(word))
    page = tmp_path / "seed.html"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(
        tiny_pdf(
            [
                "The Human Rights Council,",
                "Recalling its resolution 32/6 of 30 June 2016,",
                "1. Requests the Secretary-General to report to the Council;",
            ]
        )
    )
    for path in (word, page):
        assert main(["parse", str(path)]) == 0
        read = json.loads(capsys.readouterr().out)
        assert read["symbol"] == "A/HRC/RES/37/23", path.name
        assert (len(read["preamble"]), len(read["operative"])) == (15, 5), path.name
        votes = read["adoption"]["votes"]
        assert [len(votes[v]) for v in ("yes", "no", "abstain")] == [28, 1, 17], path.name
    assert main(["parse", str(pdf)]) == 0
    read = json.loads(capsys.readouterr().out)
    assert [p["intro_key"] for p in read["preamble"] + read["operative"]] == [
        "recalling",
        "requests",
    ]
    assert [r["target"] for r in read["references"]] == ["A/HRC/RES/32/6"]
    # A folder's documents are summarised with its texts.
    (tmp_path / "notes.md").write_text("not a resolution", encoding="utf-8")
    assert main(["summary", str(tmp_path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("3 read, 0 failed")


def test_a_broken_document_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    assert main(["parse", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"concord: error: {bad}: not a readable PDF file")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "size"),
    [("huge.txt", MAX_BYTES + 1), ("huge.pdf", MAX_DOCUMENT_BYTES + 1)],
)
def test_a_file_too_large_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, size: int
) -> None:
    path = tmp_path / name
    with path.open("wb") as f:  # sparse: nothing is written but its last byte
        f.truncate(size)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"concord: error: {path}: too large for one resolution ({size} bytes)"


def test_a_document_larger_than_a_text_but_not_too_large_is_read(tmp_path: Path) -> None:
    """A document may be larger than a text file may (its fonts, images, markup): what is
    held to the text's limit is the text extracted from it."""
    page = "<html><body><p>The General Assembly,</p><p>Recalling its resolution 70/1,</p>"
    padding = "<!--" + " " * 64 + "-->"
    data = (page + padding * (MAX_BYTES // len(padding) + 1) + "</body></html>").encode()
    assert MAX_BYTES < len(data) <= MAX_DOCUMENT_BYTES
    read = parse_document(data, ".html", source="big.html")
    assert [r.target for r in read.references] == ["A/RES/70/1"]
    too_much = f"<p>{'Recalling its resolution 70/1, ' * (MAX_BYTES // 30)}</p>".encode()
    with pytest.raises(ConcordError, match=r"^big\.html: too large .* characters of text"):
        parse_document(page.encode() + too_much, ".html", source="big.html")


def test_truncated_resolution_is_read_with_warnings() -> None:
    text = SEED.read_text("utf-8")
    cut = text[: text.index(" 3.  强调")]
    res = parse_text(cut, source="cut.txt")
    assert len(res.preamble) == 15 and len(res.operative) == 2
    codes = {w.code for w in res.warnings}
    assert "no_closing" in codes


def test_no_traceback_from_the_command(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\x00\x00garbage" * 10)
    proc = subprocess.run(
        [sys.executable, "-m", "concord.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_summary_of_the_bundled_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "A/HRC/RES/37/23" in out and "28-1-17" in out and "A/RES/72/169" in out
    assert out.rstrip().endswith("41 read, 0 failed")


# --- property tests: random and mutated input never escapes as anything but ConcordError ----

_KEYWORDS = [
    "The General Assembly,", "人权理事会，", "1.", "2.", "(a)", "(i)", "Recalling", "Requests",
    "请", "重申", "¹", "[^1]:", "__________", "[Adopted by a recorded vote of 3 to 1,",
    " with 2 abstentions.",
    "In favour:", "Against:", "Abstaining:", "China", "中国", "]", "54th meeting", "第 54 次会议",
    "Annex", "附件", "resolution 70/1", "第 70/1 号决议", "A/RES/1/1", "\n", "\n\n", " ", "，", ";",
]  # fmt: skip


def _check(text: str) -> None:
    try:
        res = parse_text(text)
    except ConcordError:
        return
    for p in res.paragraphs():
        assert 0 <= p.span[0] <= p.span[1] <= len(text)
    for r in res.references:
        assert 0 <= r.span[0] <= r.span[1] <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_KEYWORDS) | st.text(max_size=12), max_size=40).map("".join))
def test_keyword_soup_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_seeds_never_crash(data: st.DataObject) -> None:
    text = SEED.read_text("utf-8")
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 200)))
        text = (
            text[:i] + data.draw(st.sampled_from(["", "\n", "¹", "1. ", "]", "赞成："])) + text[j:]
        )
    _check(text)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_clear_error_or_a_result(data: bytes) -> None:
    try:
        parse_bytes(data, source="random.bin")
    except ConcordError as exc:
        assert str(exc).startswith("random.bin: ")


def test_text_rendering_keeps_hyphenated_words_whole(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "text", str(SAMPLES / "A_RES_80_1.en.txt")]) == 0
    text = capsys.readouterr().out
    assert "high-level" in text and "high-\n" not in text
    assert "    (a) The State of Palestine may submit" in text


def test_reading_does_not_load_the_database_layer_or_pandas() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from concord.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['parse', {str(SEED)!r}]) == 0\n"
        "print('sqlalchemy' in sys.modules, 'pandas' in sys.modules, 'pdfminer' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "False", "False"]


def test_every_command_module_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    from concord.cli import COMMANDS, build_parser

    listed = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(listed) == set(COMMANDS)
