"""``concord serve`` and ``concord demo``: the library over HTTP, and the sample library."""

from __future__ import annotations

import argparse
import os
import socket
from collections.abc import Callable
from typing import Any

from concord.library.core import Library, open_library
from concord.library.demo import build_demo

TOKEN_ENV = "CONCORD_API_TOKEN"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        from concord.errors import ConcordError

        raise ConcordError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.listen(128)
    return sock


def serve(lib: Library, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``lib`` until interrupted, printing the address first."""
    import uvicorn

    from concord.api import create_app

    sock = bind(host, port)
    actual = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    token = os.environ.get(TOKEN_ENV) or None
    mode = "ingest allowed with the API token" if token else "read-only"
    print(f"Concord library API at http://{shown}:{actual}/ ({mode}; docs at /docs)", flush=True)
    config = uvicorn.Config(create_app(lib, token=token), log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


def cmd_serve(args: argparse.Namespace) -> int:
    with open_library(args.db) as lib:
        serve(lib, args.host, args.port)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    with open_library(args.db) as lib:
        summary = build_demo(lib)
        print("\n".join(summary.lines()))
        counts = lib.describe()
        where = lib.engine.url.render_as_string(hide_password=True)
        print(
            f"library: {counts['resolutions']} resolutions, {counts['expressions']} texts, "
            f"{counts['paragraphs']} paragraphs in {where}",
            flush=True,
        )
        if not args.no_serve:
            serve(lib, args.host, args.port)
    return 0


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (0: any free port)")


def register_serving(subparsers: Any, db: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``serve`` and ``demo``."""
    p = subparsers.add_parser("serve", help="serve the library as an HTTP API (JSON, OpenAPI)")
    db(p)
    _serve_options(p)
    p.set_defaults(func=cmd_serve)

    p = subparsers.add_parser(
        "demo", help="build the library from the bundled samples and serve it"
    )
    db(p)
    _serve_options(p)
    p.add_argument("--no-serve", action="store_true", help="only build the library and summarise")
    p.set_defaults(func=cmd_demo)
