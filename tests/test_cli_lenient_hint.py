"""An input error that ``--lenient`` would relax names the flag on the command line; the library's
own message names no flag (it says "read the file leniently")."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import socialtools
from socialtools.cli import LENIENTLY

PACKAGE = Path(socialtools.__file__).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "socialtools", *args], capture_output=True, text=True)


def test_an_error_lenient_relaxes_names_the_flag_once_one_line_no_file(tmp_path: Path) -> None:
    table = tmp_path / "p.csv"
    table.write_text("id,father,mother,sex,birth\nA,,,male,2010\nB,,,female,1980\nC,A,B,female,2001\n")
    out = tmp_path / "g.svg"
    result = _run("genogram", str(table), "-o", str(out))
    assert result.returncode == 2 and not out.exists() and len(result.stderr.strip().splitlines()) == 1
    assert "before their parent 'A' (2010) (run again with --lenient to draw it anyway)" in result.stderr
    assert LENIENTLY not in result.stderr
    assert _run("genogram", str(table), "--lenient", "-o", str(out)).returncode == 0 and out.exists()


def test_an_error_lenient_does_not_relax_names_no_flag(tmp_path: Path) -> None:
    table = tmp_path / "p.csv"
    table.write_text("id,father,mother,sex,birth\nA,,,male,1950\nB,,,female,1955\nC,A,B,female,1980\n")
    result = _run("genogram", str(table), "--as-of", "1900", "-o", str(tmp_path / "g.svg"))
    assert result.returncode == 2 and "nobody in the family was born by 1900" in result.stderr
    assert "--lenient" not in result.stderr and "leniently" not in result.stderr


def test_every_library_error_that_lenient_relaxes_says_so_in_the_words_the_cli_replaces() -> None:
    """A library message speaking of reading leniently in other words would reach the user without
    the flag's name."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                found += [(path.name, part.value) for part in ast.walk(node.exc)
                          if isinstance(part, ast.Constant) and isinstance(part.value, str)
                          and "lenient" in part.value.lower()]
    assert found and all(LENIENTLY in text for _, text in found), found
