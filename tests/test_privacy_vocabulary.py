"""Names as initials never touch the words of the model's vocabulary: a genealogy's placeholder
person called ``Unknown`` (The Master Genealogist's export) turned the union kind ``unknown`` into
that person's initials, and ``--initials`` refused the file (people here invented)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from socialtools.genogram.model import Family
from socialtools.privacy import hide_identifying

DATA = Path(__file__).parent / "data" / "gedcom" / "placeholder-unknown.ged"


def test_a_person_named_unknown_leaves_the_union_kind_alone() -> None:
    family = Family.model_validate({
        "people": [{"id": "A", "name": "Unknown", "sex": "male"}, {"id": "B", "name": "Married Female"},
                   {"id": "C", "name": "Biological"},
                   {"id": "D", "name": "Female"}],
        "unions": [{"partners": ["A", "B"], "kind": "unknown", "children": ["C"]},
                   {"partners": ["A", "D"], "events": [{"kind": "married", "date": 1990}]}]})
    hidden = hide_identifying(family)
    assert hidden.unions[0].kind == "unknown" and hidden.unions[1].events[0].kind == "married"
    assert hidden.unions[0].children[0].relation == "biological"
    assert [p.sex for p in hidden.people] == ["male", "unknown", "unknown", "unknown"]
    assert hidden.person("A").name is None and hidden.person("A").initials


def test_initials_draw_a_gedcom_with_a_person_named_unknown(tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    result = subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(DATA), "--initials", "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Kaleo" not in out.read_text()
