"""Builds the reader's modules to C with mypyc, when it can.

Everything else about the package is in ``pyproject.toml``. The reader (decoding,
normalisation, structure, references, votes, mandates) is strictly typed Python, which
mypyc compiles to C extension modules: the same code, with about a third fewer
instructions per document. Where it cannot (no C compiler, or ``CONCORD_PURE_PYTHON=1`` in
the environment), the package installs as pure Python, with a warning, and reads the same.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The modules every read goes through. Package ``__init__`` files stay Python (small, and
# tests replace names in them), and so do the model's classes (``concord.model``): its
# frozen dataclasses are pickled to and from reader processes, which mypyc's classes
# refuse. ``model/make.py`` holds no class, only the reader's constructors for them.
COMPILED = [
    "src/concord/errors.py",
    "src/concord/model/make.py",
    "src/concord/text/decode.py",
    "src/concord/text/mapped.py",
    "src/concord/text/normalise.py",
    "src/concord/languages/base.py",
    "src/concord/languages/numerals.py",
    "src/concord/languages/en.py",
    "src/concord/languages/zh.py",
    "src/concord/extract/mandates.py",
    "src/concord/extract/references.py",
    "src/concord/extract/votes.py",
    "src/concord/read/segment.py",
    "src/concord/read/heading.py",
    "src/concord/read/markers.py",
    "src/concord/read/paragraphs.py",
    "src/concord/read/parse.py",
]

GROUP = "concord_reader"


def _warn(message: str) -> None:
    print(f"concord: {message}; installing the reader as pure Python", file=sys.stderr)


@functools.cache
def _compiled() -> tuple[Any, ...]:
    """The extension modules mypyc makes of ``COMPILED`` (it type-checks them first), or
    none where it cannot."""
    if os.environ.get("CONCORD_PURE_PYTHON"):
        return ()
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return ()
    here = Path(__file__).resolve().parent
    cwd = Path.cwd()
    try:
        os.chdir(here)
        # Type errors end mypyc with SystemExit; nothing is built then. The build has mypy
        # but none of the package's dependencies: the modules compiled import none of them,
        # and those they import that do (the library, through ``concord``) are read for
        # their types only, their errors not reported (``scripts/test.sh`` checks them).
        options = ["--follow-imports=silent", "--ignore-missing-imports"]
        return tuple(mypycify([*options, *COMPILED], opt_level="3", group_name=GROUP))
    except (Exception, SystemExit) as exc:
        _warn(f"mypyc could not compile it ({str(exc).splitlines()[0][:120]})")
        return ()
    finally:
        os.chdir(cwd)


class OptionalBuildExt(build_ext):
    """Compiles the reader when the build gets here, or builds nothing.

    Other steps finalize this one too (egg_info, listing the package's files), and each
    runs setup.py in a process of its own, so mypyc (a minute of type-checking and C
    generation) runs here, in ``run``, filling in stand-ins of the same names. The modules
    share one runtime library: a failed build of any of them leaves the whole reader as
    Python."""

    def run(self) -> None:
        names = [ext.name for ext in self.extensions]
        built = {ext.name: ext for ext in _compiled()}
        if set(built) != set(names):
            if built:
                _warn(f"mypyc made other modules than expected ({sorted(built)})")
            self._drop(names)
            return
        for ext in self.extensions:
            # What mypyc set (sources, flags); the stand-in keeps what finalizing set.
            vars(ext).update({k: v for k, v in vars(built[ext.name]).items() if k[0] != "_"})
        try:
            super().run()
        except Exception as exc:  # the compiler's errors are not one class
            _warn(f"its C extensions did not build ({str(exc).splitlines()[0][:120]})")
            self._drop(names)

    def _drop(self, names: list[str]) -> None:
        """No compiled module stays (of this build, or in the source tree of an earlier
        editable one, where it would shadow the Python it was made of)."""
        for name in names:
            Path(self.get_ext_fullpath(name)).unlink(missing_ok=True)
        self.extensions = []


def _module(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


# Stand-ins: setuptools learns from them that the package has extension modules (a wheel
# for this platform, a build_ext step); mypyc fills them in when that step runs.
STAND_INS = [Extension(name, sources=[]) for name in [f"{GROUP}__mypyc", *map(_module, COMPILED)]]
setup(
    ext_modules=STAND_INS,
    cmdclass={"build_ext": OptionalBuildExt},
)
