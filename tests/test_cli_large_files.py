"""Messages of the command line on large genealogy files (review 9: a 2,000-person GEDCOM export
printed 45 warning lines of one kind and no hint how to draw a readable part of it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.errors import capped_warnings


def test_warnings_differing_only_in_a_bracketed_list_count_as_one_kind() -> None:
    children = [", ".join(f"I{k} {1900 + k}" for k in range(n % 4 + 2)) for n in range(30)]
    lines = [f"family @F{n}@.children: listed out of birth order ({kids})" for n, kids in enumerate(children)]
    capped = capped_warnings(lines)
    assert capped[:10] == lines[:10]
    assert len(capped) == 11 and capped[10].startswith("... and 20 more like: family @F10@")


def _table(tmp_path: Path, people: int) -> Path:
    """A couple, their children with partners, and two grandchildren of each: ``people`` in all."""
    rows = ["id,father,mother,sex,birth", "P,0,0,1,1900", "M,0,0,2,1902"]
    for n in range((people - 2) // 4):
        rows += [f"C{n},P,M,1,{1925 + n % 20}", f"W{n},0,0,2,{1926 + n % 20}",
                 f"G{n}a,C{n},W{n},1,1955", f"G{n}b,C{n},W{n},2,1957"]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize(("people", "hinted"), [(30, False), (330, True)])
def test_a_large_family_drawn_whole_gets_one_line_naming_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               people: int, hinted: bool) -> None:
    table = _table(tmp_path, people)
    assert main(["genogram", str(table), "-o", str(tmp_path / "g.svg")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "--focus" in line]
    assert len(notes) == (1 if hinted else 0)
    assert main(["genogram", str(table), "--focus", "C1", "-o", str(tmp_path / "f.svg")]) == 0
    assert "--focus" not in capsys.readouterr().err
