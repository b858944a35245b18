"""Build the gazetteer's data file from the shared country-name tables and the curated facts.

    python tools/build_gazetteer.py [--shared PATH] [--check]

Reads ``PATH/data/country_names/`` (default ``PATH``: ``CONCORD_SHARED`` or the checkout's
sibling ``../shared``) and the curated ``states.csv``, ``names.csv`` and ``aliases.csv`` beside
the output, and writes ``src/concord/gazetteer/data/gazetteer.json``: sorted, deterministic.
``--check`` writes nothing and exits 1 if the committed file differs from what it would write.
The build fails if two States would share a name, or the sources disagree with the facts.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "concord" / "gazetteer" / "data"
OUTPUT = DATA / "gazetteer.json"

try:
    from concord.gazetteer.normalise import normalise_name
    from concord.gazetteer.state import LANGUAGES, REGION_GROUPS, STATUSES
except ModuleNotFoundError:  # run from a checkout without the package installed
    sys.path.insert(0, str(REPO / "src"))
    from concord.gazetteer.normalise import normalise_name
    from concord.gazetteer.state import LANGUAGES, REGION_GROUPS, STATUSES

UNTERM_LANG = {
    "ar": "Arabic",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
}
OFFICIAL_NAME_LANG = {"ar": "ar", "en": "en", "es": "es", "fr": "fr", "ru": "ru", "zh": "cn"}
HEAD_FILE = "datasets_country-codes.csv"
UNTERM_2024_FILE = "unterm_names_2024-09.csv"
# UNTERM marks observer States with " *" and States not Members with " **".
_OBSERVER_MARK = re.compile(r"\s*\*+$")
_SHORT_ARTICLE = re.compile(r"\s*\((?:the|l['’]|le|la|les|el|los|las)\)$")

ABOUT = {
    "generated_by": "tools/build_gazetteer.py; do not edit by hand",
    "sources": [
        "UNTERM short and formal names and UNSD M49 names: github.com/datasets/country-codes "
        "(data/country-codes.csv at caa72d1e, data/unterm_names.csv at a22cb7aa, UNSD M49 "
        "tables), ODC-PDDL-1.0",
        "membership, regional groups, former States and aliases: curated facts in states.csv, "
        "names.csv and aliases.csv (see SOURCES.md)",
    ],
}


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV (a byte-order mark is dropped), values stripped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def clean(name: str) -> str:
    """A name as UNTERM gives it, without observer marks and with single spaces."""
    return " ".join(_OBSERVER_MARK.sub("", name).split())


def short_form(name: str) -> str:
    """The short name without UNTERM's bracketed article: ``Gambia (the)`` -> ``Gambia``."""
    return _SHORT_ARTICLE.sub("", clean(name))


def unterm(row: dict[str, str], lang: str, form: str) -> str:
    return clean(row.get(f"UNTERM {UNTERM_LANG[lang]} {form}", ""))


class Sources:
    """The shared tables, read once."""

    def __init__(self, names_dir: Path) -> None:
        head = read_csv(names_dir / HEAD_FILE)
        self.head = {row["ISO3166-1-Alpha-3"]: row for row in head}
        self.m49 = {
            lang: {
                row["ISO-alpha3 Code"]: clean(row["Country or Area"])
                for row in read_csv(names_dir / f"unsd_m49_{lang}.csv")
            }
            for lang in LANGUAGES
        }
        self.unterm_2024 = self._code_2024(read_csv(names_dir / UNTERM_2024_FILE))

    def _code_2024(self, rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
        """The 2024 UNTERM rows by code: that file has names only, so match them by name."""
        lookup: dict[str, set[str]] = defaultdict(set)
        for code, row in self.head.items():
            for lang in LANGUAGES:
                for form in ("Short", "Formal"):
                    lookup[normalise_name(unterm(row, lang, form), lang)].add(code)
        for lang, names in self.m49.items():
            for code, name in names.items():
                lookup[normalise_name(name, lang)].add(code)
        lookup.pop("", None)
        coded: dict[str, dict[str, str]] = {}
        for row in rows:
            codes = {c for v in row.values() for c in lookup.get(normalise_name(v), ())}
            if len(codes) != 1:
                raise SystemExit(f"{UNTERM_2024_FILE}: cannot match {row['official_name_en']!r}")
            coded[codes.pop()] = row
        return coded

    def current_codes(self) -> set[str]:
        """Members and observers: UNTERM lists them (``**`` marks non-members)."""
        codes = {
            code
            for code, row in self.head.items()
            if unterm(row, "en", "Short") and not row["UNTERM English Short"].endswith("**")
        }
        # Rows whose UNTERM columns are empty at HEAD (renamed States): take the 2024 file's.
        return codes | {c for c in self.unterm_2024 if not unterm(self.head[c], "en", "Short")}

    def unterm_names(self, code: str) -> dict[str, tuple[str, str]]:
        """UNTERM ``(short, formal)`` by language: HEAD, or the 2024 file where HEAD is empty."""
        row = self.head[code]
        if not unterm(row, "en", "Short"):
            row = dict(self.unterm_2024[code])
            row["UNTERM English Short"] = row["official_name_en"]
        return {
            lang: (unterm(row, lang, "Short"), unterm(row, lang, "Formal")) for lang in LANGUAGES
        }

    def other_names(self, code: str) -> Iterator[tuple[str, str]]:
        """``(lang, name)``: the 2024 UNTERM names, M49 names, UNSD and CLDR names of HEAD."""
        if code in self.unterm_2024:
            row = self.unterm_2024[code]
            yield "en", clean(row["official_name_en"])
            for lang in LANGUAGES:
                yield lang, unterm(row, lang, "Short")
                yield lang, unterm(row, lang, "Formal")
        for lang in LANGUAGES:
            yield lang, self.m49[lang].get(code, "")
            yield lang, clean(self.head[code].get(f"official_name_{OFFICIAL_NAME_LANG[lang]}", ""))
        yield "en", clean(self.head[code].get("CLDR display name", ""))


def build(names_dir: Path) -> dict[str, Any]:
    """The data file's content."""
    sources = Sources(names_dir)
    facts = {row["code"]: row for row in read_csv(DATA / "states.csv")}
    curated_names = {
        (r["code"], r["lang"]): (r["short"], r["formal"]) for r in read_csv(DATA / "names.csv")
    }
    curated_aliases = [(r["code"], r["lang"], r["alias"]) for r in read_csv(DATA / "aliases.csv")]
    current = sources.current_codes()
    check_facts(facts, current, sources)

    records = []
    for code, fact in sorted(facts.items()):
        base = sources.unterm_names(code) if code in current else {}
        names: dict[str, tuple[str, str]] = {}
        replaced: list[tuple[str, str]] = []
        for lang in LANGUAGES:
            short, formal = curated_names.get((code, lang), base.get(lang, ("", "")))
            if not short or not formal:
                raise SystemExit(f"{code}: no {lang} name (add it to names.csv)")
            names[lang] = (short_form(short), clean(formal))
            replaced += [(lang, old) for old in base.get(lang, ()) if old not in (short, formal)]
        others = list(sources.other_names(code)) if code in current else []
        others += replaced + [(lang, alias) for c, lang, alias in curated_aliases if c == code]
        records.append(record(code, fact, names, others, facts))
    check_unique_names(records)
    return {"about": ABOUT, "states": records}


def record(
    code: str,
    fact: dict[str, str],
    names: dict[str, tuple[str, str]],
    others: Iterable[tuple[str, str]],
    facts: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """One State of the data file; aliases that normalise like a name already kept are dropped."""
    seen = {normalise_name(n, lang) for lang, pair in names.items() for n in pair}
    aliases: dict[str, list[str]] = defaultdict(list)
    for lang, alias in sorted(set(others), key=lambda item: (LANGUAGES.index(item[0]), item[1])):
        key = normalise_name(alias, lang)
        if alias and key not in seen:
            seen.add(key)
            aliases[lang].append(alias)
    gaps = [gap.split("/") for gap in fact["gaps"].split(";") if gap]
    return {
        "code": code,
        "alpha2": fact["alpha2"] or None,
        "m49": int(fact["m49"]) if fact["m49"] else None,
        "status": fact["status"],
        "admitted": fact["admitted"] or None,
        "left": fact["left"] or None,
        "successor": fact["successor"] or None,
        "predecessors": sorted(c for c, f in facts.items() if f["successor"] == code),
        "region_group": fact["region_group"] or None,
        "gaps": gaps,
        "note": fact["note"],
        "names": {lang: list(pair) for lang, pair in names.items()},
        "aliases": dict(aliases),
    }


def check_facts(facts: dict[str, dict[str, str]], current: set[str], sources: Sources) -> None:
    """The curated facts cover exactly the States UNTERM lists, and agree on their codes."""
    listed = {c for c, f in facts.items() if f["status"] != "former"}
    if listed != current:
        raise SystemExit(f"states.csv and UNTERM differ: {sorted(listed ^ current)}")
    for code, fact in facts.items():
        problems = []
        if fact["status"] not in STATUSES:
            problems.append(f"status {fact['status']!r}")
        if fact["region_group"] and fact["region_group"] not in REGION_GROUPS:
            problems.append(f"region group {fact['region_group']!r}")
        if fact["successor"] and fact["successor"] not in facts:
            problems.append(f"successor {fact['successor']!r}")
        if (fact["status"] == "member") != bool(fact["admitted"] and not fact["left"]):
            problems.append("admitted/left do not fit the status")
        if code in current:
            head = sources.head[code]
            if (fact["alpha2"], int(fact["m49"])) != (head["ISO3166-1-Alpha-2"], int(head["M49"])):
                problems.append("alpha-2 or M49 differ from the ISO/UNSD table")
        if problems:
            raise SystemExit(f"states.csv, {code}: " + "; ".join(problems))


def check_unique_names(records: list[dict[str, Any]]) -> None:
    """No key may lead to two States: an ambiguous name must not be in the data."""
    owners: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        groups = [*rec["names"].items(), *rec["aliases"].items()]
        for lang, names in groups:
            for name in names:
                owners[normalise_name(name, lang)].add(rec["code"])
    shared = {key: sorted(codes) for key, codes in owners.items() if len(codes) > 1}
    if shared:
        raise SystemExit(f"names shared by two States: {shared}")


def render(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def default_shared() -> Path:
    return Path(os.environ.get("CONCORD_SHARED", REPO.parent / "shared"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    args = parser.parse_args(argv)
    text = render(build(args.shared / "data" / "country_names"))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(REPO)} is out of date: run tools/build_gazetteer.py")
            return 1
        print(f"{OUTPUT.relative_to(REPO)} is up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
