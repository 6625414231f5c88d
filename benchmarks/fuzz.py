"""Time-bounded fuzzing of every input kind: no input may crash, hang or leave a file behind.

    python3 benchmarks/fuzz.py --seconds 120            # about a minute per input kind on one core
    python3 benchmarks/fuzz.py --seconds 30 --seed 7

Input kinds: case file in YAML and JSON (every command), pedigree table (CSV), GEDCOM. Each
round takes a valid example, mutates it (hostile strings in text fields, deleted and
duplicated keys, wrong types, huge and non-finite numbers, deep nesting, control characters,
byte flips, truncation) and runs a command in-process through ``socialtools.cli.main``.

A run is **ok** (exit 0 and the output parses back), **refused** (exit 2, one stderr line,
no traceback, no file left) or a **failure** (anything else: an exception, a traceback, two
lines, a file left after an error, invalid output). The script prints the counts per input
kind and every failure's seed, and exits 1 when there is any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

from socialtools.cli import main
from socialtools.examples import example_path, load_example

HOSTILE = ["\x00", "\x01", "\x08", "\x1b[2J", "\ufffe", "\uffff", "\ud800", "\r", "\u202e", "<script>x</script>",
           "[a](javascript:b)", "![i](x.png)", "# h", "=cmd|' /C calc'!A0", "@SUM(1)", "+1+1", "|", "*", "`",
           "&amp;", "\"'", "X" * 5000, "", " ", "\n\n", "é", "漢字", "🙂", "@I1@", "0 @X@ INDI"]
WEIRD = [None, True, 0, -1, 10**20, 1e308, float("nan"), float("inf"), [], {}, [1, [2, [3]]], {"a": {"b": 1}},
         "", "yes", "1998-02-31", "12:30", [None], 3.5]
COMMANDS = [("genogram", ".svg"), ("genogram", ".dot"), ("ecomap", ".svg"), ("quadrant", ".svg"),
            ("venn", ".svg"), ("report", ".md"), ("report", ".html"), ("gedcom", ".ged"), ("gedcom", ".json")]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def mutate(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of ``doc`` with one to four random hostile changes."""
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 4)):
        paths = [p for p in _paths(doc) if p]
        if not paths:  # an earlier change deleted everything
            break
        path = rng.choice(paths)
        parent, key = _get(doc, path[:-1]), path[-1]
        action = rng.random()
        if action < 0.35 and isinstance(parent[key], str):
            parent[key] = rng.choice([parent[key] + s for s in HOSTILE] + HOSTILE)
        elif action < 0.6:
            parent[key] = copy.deepcopy(rng.choice(WEIRD))
        elif action < 0.7 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.8 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif action < 0.9:
            value: Any = "x"
            for _ in range(rng.choice([10, 70, 200])):
                value = [value]
            parent[key] = value
        elif isinstance(parent, dict):
            parent[rng.choice(HOSTILE[:12])] = copy.deepcopy(parent[key])
    return doc


def _text_mutation(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.choice([1, 1, 2, 4])):
        choice = rng.random()
        at = rng.randrange(len(data)) if data else 0
        if choice < 0.4 and data:
            data[at] = rng.randrange(256)
        elif choice < 0.6:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8", "surrogatepass")
        elif choice < 0.8 and data:
            line = data[:at].rfind(b"\n") + 1
            end = data.find(b"\n", at)
            data[at:at] = data[line:end if end > 0 else len(data)] + b"\n"
        else:
            del data[at:]
    return bytes(data)


def _valid(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".svg":
        ElementTree.fromstring(data)
    elif path.suffix in (".json",):
        json.loads(data)
    elif path.suffix == ".html":
        from html.parser import HTMLParser

        HTMLParser().feed(data.decode("utf-8"))
    else:
        data.decode("utf-8-sig")
    return True


def one_run(argv: list[str], out: Path) -> str:
    """``ok``, ``refused`` or a failure description."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(argv)
    except SystemExit as exc:
        status = int(exc.code or 0)
    except BaseException:
        return "exception: " + traceback.format_exc().strip().splitlines()[-1]
    text = err.getvalue()
    if status == 0:
        try:
            return "ok" if out.exists() and _valid(out) else "no output"
        except Exception as exc:  # any parse error is a failure to report
            return f"invalid output: {exc}"
    errors = [line for line in text.splitlines() if "error" in line]
    if status != 2 or len(errors) != 1 or "Traceback" in text:
        return f"status {status}: {text.strip()[:200]}"
    left = [p for p in out.parent.iterdir() if p.name != "in"] if out.parent.exists() else []
    return f"left behind: {left}" if left else "refused"


def fuzz(seconds: float, seed: int) -> int:
    rng = random.Random(seed)
    pk = load_example("pk.yaml")
    village = load_example("village.yaml")
    bansos = load_example("village-bansos.yaml")
    pedigree = "family,id,father,mother,sex\nF1,A,0,0,1\nF1,B,0,0,2\nF1,C,A,B,1\nF1,D,A,B,2\n"
    repo = example_path("pk.yaml").parent.parent.parent
    corpus = repo / "benchmarks" / "corpus" / "gedcom"
    gedcoms = sorted(corpus.glob("*.ged"), key=lambda p: p.stat().st_size)[:6] if corpus.is_dir() else []
    kinds = ["yaml", "json", "pedigree"] + (["gedcom"] if gedcoms else [])
    counts: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    failures: list[str] = []
    budget = seconds / len(kinds)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in kinds:
            end = time.monotonic() + budget
            n = 0
            while time.monotonic() < end:
                n += 1
                work = root / f"{kind}-{n}"
                work.mkdir()
                command, suffix = rng.choice(COMMANDS)
                if kind in ("yaml", "json"):
                    base = rng.choice([pk, pk, village, bansos])
                    doc = mutate(base, rng)
                    source = work / f"in.{kind}"
                    try:
                        text = (json.dumps(doc, default=str) if kind == "json"
                                else yaml.safe_dump(doc, allow_unicode=True))
                        source.write_bytes(text.encode("utf-8", "surrogatepass"))
                    except (yaml.YAMLError, UnicodeEncodeError, RecursionError, ValueError):
                        source.write_bytes(_text_mutation(yaml.safe_dump(base, allow_unicode=True), rng))
                elif kind == "pedigree":
                    command, suffix = rng.choice([("genogram", ".svg"), ("genogram", ".dot")])
                    source = work / "in.csv"
                    source.write_bytes(_text_mutation(pedigree, rng))
                else:
                    command, suffix = rng.choice([("genogram", ".svg"), ("gedcom", ".json"), ("gedcom", ".ged")])
                    source = work / "in.ged"
                    source.write_bytes(_text_mutation(rng.choice(gedcoms).read_text("utf-8", "replace"), rng))
                out = work / "out" / f"x{suffix}"
                out.parent.mkdir()  # (a missing folder is refused before the input is read)
                started = time.monotonic()
                result = one_run([command, str(source), "-o", str(out)], out)
                if time.monotonic() - started > 60:
                    result = f"slow ({time.monotonic() - started:.0f} s)"
                key = result if result in ("ok", "refused") else "failure"
                counts[kind][key] += 1
                if key == "failure":
                    failures.append(f"{kind} run {n} (seed {seed}): {command} {suffix}: {result}")
    print(f"fuzzing for {seconds:.0f} s, seed {seed}")
    print(f"{'input kind':<10} {'runs':>6} {'ok':>6} {'refused':>8} {'failures':>9}")
    for kind, c in counts.items():
        print(f"{kind:<10} {sum(c.values()):>6} {c['ok']:>6} {c['refused']:>8} {c['failure']:>9}")
    for line in failures[:30]:
        print("FAILURE", line)
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="total time (default 120)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    sys.exit(fuzz(args.seconds, args.seed))
