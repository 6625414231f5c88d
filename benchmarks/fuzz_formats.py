"""Time-bounded fuzzing of the family readers (GEDCOM, pedigree tables, Madeline, CanRisk, pedigreejs,
FHIR): mutated copies of the test files and of the real files of the benchmark corpus, read as the
command line reads them. Anything other than
the package's InputError is a finding; its input is saved under the output folder.

    PYTHONPATH=. python benchmarks/fuzz_formats.py [SECONDS] [--seed N] [--out DIR]

Prints how many inputs were tried, how many were read, refused with an InputError, and crashed.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from socialtools.errors import InputError
from socialtools.io.families import read_families

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPUS = Path(__file__).resolve().parent / "corpus"  # real files (licences in corpus/licences)
TOKENS = [b"0", b".", b"NA", b"-9", b"@I1@", b"@F1@", b"@VOID@", b"2 DATE", b"ABT", b"BET 1900 AND", b"FROM TO",
          b"B.C.", b"@#DJULIAN@", b"31 FEB 1900", b"0 TRLR", b"1 CHIL @I1@", b"1 FAMC @F1@", b"\t", b",", b";",
          b'"', b"\x00", b"\xef\xbb\xbf", b"\xc3\xa9", b"1.0", b"2", b"99999999999999999999", b"-1", b"", b"x" * 500,
          b"1/2", b"2020-13-45", b"[", b"{", b"}", b"null", b"true", b"##CanRisk 9", b"0 HEAD", b"##FamID"]


def seeds() -> list[Path]:
    """The test files and the real files of the benchmark corpus (those under 200 kB)."""
    files = [*(DATA / "gedcom").glob("*.ged"), *(DATA / "pedigree").iterdir()]
    files += [p for folder in ("gedcom", "kinship2", "madeline") for p in (CORPUS / folder).glob("*")
              if p.is_file() and p.stat().st_size < 200_000]
    return sorted(p for p in files if p.suffix != ".md")


def mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines(keepends=True) or [b""]
    for _ in range(rng.randint(1, 6)):
        if not lines:
            lines = [b""]
        i = rng.randrange(len(lines))
        action = rng.choice(("delete", "duplicate", "swap", "token", "byte", "truncate", "splice"))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "token":
            sep = b" " if b" " in lines[i] else b"\t"
            words = lines[i].split(sep)
            words[rng.randrange(len(words))] = rng.choice(TOKENS)
            lines[i] = sep.join(words)
        elif action == "byte" and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + bytes([rng.randrange(256)]) + lines[i][k + 1:]
        elif action == "splice":
            lines.insert(i, rng.choice(TOKENS) + b"\n")
        else:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: rng.randint(0, len(lines[-1]))]
    return b"".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", nargs="?", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "socialtools-fuzz")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    files = [(p.name, p.read_bytes()) for p in seeds()]
    counts: collections.Counter[str] = collections.Counter()
    crashes: dict[str, int] = {}
    end = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < end:
            name, data = rng.choice(files)
            mutated = mutate(data, rng)
            path = Path(folder) / name
            path.write_bytes(mutated)
            counts["tried"] += 1
            try:
                found = read_families(path, lenient=rng.random() < 0.5)
                for family in found.families.values():
                    len(family.people)
                counts["read"] += 1
            except InputError:
                counts["refused with an input error"] += 1
            except Exception as exc:  # a finding: save the input, count the kind
                counts["crashed"] += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
                if key not in crashes:
                    args.out.mkdir(parents=True, exist_ok=True)
                    (args.out / f"crash-{len(crashes) + 1}-{name}").write_bytes(mutated)
                crashes[key] = crashes.get(key, 0) + 1
    print(f"fuzzed {args.seconds:.0f} s, seed {args.seed}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for key, n in sorted(crashes.items(), key=lambda kv: -kv[1]):
        print(f"  {n} x {key}")
    if crashes:
        print(f"crashing inputs saved in {args.out}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
