"""The HTTP API: every endpoint, pages, JSON errors with a status, the token, the docs."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from concord.api import create_app
from concord.library import Library, open_library
from concord.library.store import Provenance, store
from fixtures.library.factories import ga_72_169, hrc_37_23, install_fake_reader

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
TOKEN = "test-token"


@pytest.fixture
def client(library: Library) -> Iterator[TestClient]:
    with library.engine.begin() as conn:
        for res in (hrc_37_23("zh"), hrc_37_23("en"), ga_72_169()):
            store(conn, res, Provenance("test", res.language + (res.symbol or ""), "t"))
    with TestClient(create_app(library, token=TOKEN)) as test_client:
        yield test_client


def test_index_says_what_is_served(client: TestClient) -> None:
    body = client.get("/").json()
    assert body["library"]["resolutions"] == 2
    assert body["docs"].endswith("/docs")
    assert body["read_only"] is False


def test_resolutions_listed_filtered_and_paged(client: TestClient) -> None:
    page = client.get("/resolutions", params={"limit": 1}).json()
    assert [w["symbol"] for w in page["items"]] == ["A/RES/72/169"]
    assert page["total"] == 2
    assert "offset=1" in page["next"]
    assert client.get(page["next"]).json()["items"][0]["symbol"] == "A/HRC/RES/37/23"
    hrc = client.get(
        "/resolutions", params={"body": "HRC", "voted_state": "USA", "voted_position": "no"}
    )
    assert [w["symbol"] for w in hrc.json()["items"]] == ["A/HRC/RES/37/23"]
    assert client.get("/resolutions", params={"cites": "70/1"}).json()["total"] == 1


def test_one_resolution_with_all_its_expressions(client: TestClient) -> None:
    detail = client.get("/resolutions/A/HRC/RES/37/23").json()
    assert detail["work"]["languages"] == ["en", "zh"]
    assert [e["language"] for e in detail["expressions"]] == ["en", "zh"]
    assert detail["expressions"][0]["content_hash"]
    text = client.get("/resolutions/A/HRC/RES/37/23/expressions/zh").json()
    assert text["symbol"] == "A/HRC/RES/37/23"
    assert text["operative"][1]["text"].startswith("重申技术援助")


def test_paragraphs_aligned(client: TestClient) -> None:
    body = client.get("/resolutions/A/HRC/RES/37/23/paragraphs").json()
    op2 = body["paragraphs"][3]
    assert op2["eid"] == "op_2"
    assert set(op2["texts"]) == {"en", "zh"}
    only = client.get("/resolutions/A/HRC/RES/37/23/paragraphs", params={"language": "zh"})
    assert only.json()["languages"] == ["zh"]


def test_references_votes_mandates(client: TestClient) -> None:
    cites = client.get("/resolutions/A/RES/72/169/cites").json()
    assert [c["target"] for c in cites["items"]] == ["A/RES/70/1"]
    cited = client.get("/cited-by", params={"target": "70/1"}).json()
    assert [c["symbol"] for c in cited["items"]] == ["A/RES/72/169"]
    assert client.get("/resolutions/A/RES/70/1/cited-by").json()["total"] == 1
    # A resolution is found by its bare number too.
    assert client.get("/resolutions/72/169/cites").json() == cites
    votes = client.get("/resolutions/A/HRC/RES/37/23/votes").json()
    assert votes["tally"] == [2, 1, 1]
    assert {"state": "USA", "position": "no"} in votes["votes"]
    assert client.get("/resolutions/A/HRC/RES/37/23/mandates").json()["total"] == 2
    assert client.get("/mandates", params={"due_session": 43}).json()["total"] == 2


def test_search_in_chinese_with_marks(client: TestClient) -> None:
    body = client.get("/search", params={"q": "技术援助"}).json()
    assert {(h["symbol"], h["eid"]) for h in body["items"]} == {
        ("A/HRC/RES/37/23", "op_2"),
        ("A/RES/72/169", "op_1"),
    }
    assert all("<mark>技术援助</mark>" in h["snippet"] for h in body["items"])
    narrowed = client.get(
        "/search", params={"q": "技术援助", "key": "reaffirms", "kind": "operative"}
    )
    assert narrowed.json()["total"] == 1


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/resolutions/A/RES/1/1", 404),
        ("/resolutions/A/RES/72/169/expressions/fr", 404),
        ("/nowhere", 404),
        ("/search", 422),
        ("/search?q=x&kind=chapter", 400),
        ("/search?q=x&voted_state=USA&voted_position=maybe", 400),
        ("/resolutions?limit=5000", 422),
        ("/search?q=%E3%80%8A%E3%80%8B", 400),
    ],
)
def test_errors_are_json_with_a_status(client: TestClient, url: str, status: int) -> None:
    answer = client.get(url)
    assert answer.status_code == status
    error = answer.json()["error"]
    assert error["status"] == status and error["message"]


def test_ingest_needs_the_token(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import concord.read

    for name in ("parse_text", "parse_bytes"):
        monkeypatch.setattr(concord.read, name, getattr(concord.read, name, None), raising=False)
    install_fake_reader()
    data = b"symbol: A/RES/9/9\nop: Requests everything\n"
    assert client.post("/ingest?filename=x.txt", content=data).status_code == 401
    bad = client.post(
        "/ingest?filename=x.txt", content=data, headers={"Authorization": "Bearer no"}
    )
    assert bad.status_code == 401
    good = client.post(
        "/ingest?filename=x.txt", content=data, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert good.json() == {"read": 1, "new": 1, "updated": 0, "unchanged": 0, "failures": []}
    assert client.get("/resolutions/A/RES/9/9").status_code == 200


def test_read_only_without_a_token(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib, TestClient(create_app(lib)) as ro:
        answer = ro.post("/ingest?filename=x.txt", content=b"x")
        assert answer.status_code == 403
        assert "read-only" in answer.json()["error"]["message"]


def test_docs_describe_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    documented = DOCS.read_text(encoding="utf-8")
    ours = {"resolutions", "references", "mandates", "search", "ingest", "service"}
    missing = [
        f"{method.upper()} {path}"
        for path, methods in paths.items()
        for method, operation in methods.items()
        if ours & set(operation.get("tags", ())) and f"`{method.upper()} {path}`" not in documented
    ]
    assert missing == [], f"docs/api.md does not describe: {missing}"


def test_serve_prints_its_address_and_answers(sqlite_url: str) -> None:
    open_library(sqlite_url).close()
    src = Path(__file__).resolve().parents[1] / "src"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import concord.cli as c; "
        "c.COMMAND_MODULES = ('concord.library.cli',); sys.exit(c.main(sys.argv[2:]))"
    )
    args = [sys.executable, "-c", code, str(src), "serve", "--db", sqlite_url, "--port", "0"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        address = re.search(r"http://\S+/", line)
        assert address, line
        answer = httpx2.get(address.group(0) + "resolutions", timeout=10)
        assert answer.json()["total"] == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
