"""Fuzzing the GEDCOM and pedigree readers with mutated real files: only the package's input error
may come out (a clear one-line message), never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.errors import InputError
from socialtools.io.families import read_families
from tests.strategies import slip_lines

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent.parent / "benchmarks" / "corpus"  # real files, licences in corpus/licences
REAL = [CORPUS / name for name in ("kinship2/sample.ped.tab", "madeline/cs_001.data", "madeline/tw_003.data",
                                   "gedcom/bronte.ged", "gedcom/kennedy.ged")]
SEEDS = sorted([*(DATA / "gedcom").glob("*.ged"), *(p for p in (DATA / "pedigree").iterdir() if p.suffix != ".md"),
                *(p for p in REAL if p.is_file())])
TOKENS = ["0", ".", "NA", "-9", "@I1@", "@F1@", "@VOID@", "2 DATE", "ABT", "BET 1900 AND", "FROM TO", "B.C.",
          "@#DJULIAN@", "31 FEB 1900", "0 TRLR", "1 CHIL @I1@", "1 FAMC @F1@", "\t", ",", ";", '"', "\x00",
          "\ufeff", "é", "1.0", "2", "999999999999999999999", "-1", "", "x" * 300, "1/2", "2020-13-45"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    lines = seed.read_bytes().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "token", "byte", "cut"]))
        if slip_lines(draw, lines, i, action):
            continue
        if action == "token":
            words = lines[i].split(b" ") if b" " in lines[i] else lines[i].split(b"\t")
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(st.sampled_from(TOKENS)).encode("utf-8")
            lines[i] = (b" " if b" " in lines[i] else b"\t").join(words)
        elif action == "byte" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + bytes([draw(st.integers(0, 255))]) + lines[i][k + 1:]
    return seed.name, b"".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=mutated(), lenient=st.booleans())
def test_mutated_real_files_give_an_input_error_or_a_family(case: tuple[str, bytes], lenient: bool) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            found = read_families(path, lenient=lenient)
            for family in found.families.values():  # families of a table are made when asked for
                assert family.people is not None
        except InputError as exc:
            assert "\n" not in str(exc).strip() and "Traceback" not in str(exc)


BROKEN = {"truncated", "dangling", "cycle", "blank-lines-events-out-of-order", "divorce-before-marriage",
          "three-husb"}  # three-husb: a family of four partners, read only leniently


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_files_read_or_are_refused_as_broken(seed: Path) -> None:
    if seed.stem in BROKEN:
        with pytest.raises(InputError):
            read_families(seed)
    else:
        assert all(f.people for f in read_families(seed).families.values())


def test_quote_left_open_in_a_table_cell_is_no_crash(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz_formats.py: a `"` opened in a tab-separated cell made the csv reader
    join the following lines into one row, and the rows no longer matched their line numbers."""
    table = tmp_path / "quote.tsv"
    table.write_text('id\tfather\tmother\tsex\n1\t.\t.\tm\n2\t"\t.\tf\n3\t1\t2\tm\n')
    family = read_families(table).family
    assert sorted(p.id for p in family.people) == ['"', "1", "2", "3"]
