"""Fuzzing the three readers a user meets first — GEDCOM, pedigree tables and case files — through
the command line, with the slips of real files: lines deleted, duplicated, swapped or cut short,
indentation broken (tabs, a line moved left or right), values replaced by what students write,
and the file saved in another encoding or with other line ends. Whatever comes in, the command
either draws (exit 0, a file) or refuses in one stderr line (exit 2, no traceback, no file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.cli import main
from tests.strategies import slip_lines

DATA = Path(__file__).parent / "data"
SEEDS = sorted([*(DATA / "cases").glob("*.yaml"), *(DATA / "realworld").glob("*.yaml"),
                *(DATA / "regressions").glob("*.yaml"), *(DATA / "gedcom").glob("*.ged"),
                *(p for p in (DATA / "pedigree").iterdir() if p.suffix not in (".md", ".json"))],
               key=lambda p: p.name)
SMALL = [p for p in SEEDS if p.stat().st_size < 6000]  # (a drawing of each example stays fast)
VALUES = ["", "~", "[", "{", ":", "- ", "@x", "'", '"', "±1970", "1980-an", "almarhum", "L", "P", "laki-laki",
          "tahun 1975", "?", "-", "null", "yes", "0", "-9", "#N/A", "*", "1 CHIL @I9@", "0 TRLR", "2 DATE ABT",
          "\t", "x" * 200, "é", "😀", "1990-02-31", "3000", "-1", "1e309"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
#: examples per run: small in CI; FUZZ_EXAMPLES=2000 for a deeper local run
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))


@st.composite
def slipped(draw: st.DrawFn) -> tuple[str, bytes]:
    """A small test file with one to three slips, saved in some encoding with some line ends."""
    seed = draw(st.sampled_from(SMALL))
    text = seed.read_bytes().decode("utf-8", "replace")
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "tab", "indent", "dedent", "value"]))
        if slip_lines(draw, lines, i, action):
            continue
        if action == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i].lstrip()
        else:  # the value after a key, a cell, or a GEDCOM line's payload
            for sep in (": ", ",", ";", "\t", " "):
                if sep in lines[i]:
                    head, _, _ = lines[i].rpartition(sep)
                    lines[i] = head + sep + draw(st.sampled_from(VALUES))
                    break
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(ENCODINGS))
    return seed.name, end.join(lines).encode(encoding, "replace")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(case=slipped(), lenient=st.booleans())
def test_slipped_files_draw_or_are_refused_in_one_line(case: tuple[str, bytes], lenient: bool,
                                                       tmp_path_factory: pytest.TempPathFactory,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    name, data = case
    folder = tmp_path_factory.mktemp("slip")
    path = folder / name
    path.write_bytes(data)
    for out in (folder / "g.svg", folder / "c.ged"):
        command = "genogram" if out.suffix == ".svg" else "convert"
        status = main([command, str(path), "-o", str(out), *(["--lenient"] if lenient else [])])
        err = capsys.readouterr().err
        assert status in (0, 2), err
        assert "Traceback" not in err
        if status == 2:  # (warnings about what was read may come before the one error line)
            errors = [line for line in err.splitlines() if ": error:" in line]
            assert len(errors) == 1 and err.splitlines()[-1] == errors[0], err
            assert not out.exists(), f"{out.name} written although the command failed: {err}"
        else:
            assert out.stat().st_size > 0
