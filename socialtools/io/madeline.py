"""Madeline 2.0 flat files: the column names one per line, a blank line, then the rows.

Madeline (the pedigree drawing program) also reads tab-separated tables with a header row;
those are ordinary pedigree tables (:mod:`socialtools.io.pedigree`). In both, ``.`` is
unknown, ``Gender`` is M/F (also
male/female, ♂/♀ and Chinese 男/女, 雄/雌), rows may stop before the last columns (the rest
unknown), ``Affected`` is A (affected) or U, ``Deceased`` and ``Proband``
are Y/N, and twins share a letter in ``MZTwin`` (identical) or ``DZTwin``.

>>> text = "FamilyId\\nIndividualId\\nGender\\nFather\\nMother\\nMZTwin\\nAffected\\n\\n"
>>> text += "f1 a M . . . .\\nf1 b F . . . A\\nf1 c M a b T .\\nf1 d M a b T .\\n"
>>> family = read_madeline_text(text)["f1"]
>>> [(c.id, c.twin, c.identical) for c in family.unions[0].children]
[('c', 'T', True), ('d', 'T', True)]
>>> [p.id for p in family.people if p.conditions]
['b']
"""

from __future__ import annotations

from typing import Any

from socialtools.errors import InputError
from socialtools.io.pedigree import Pedigree, _norm, build_families, rows_from_table, unused_columns


def _without_leading_blanks(text: str) -> list[str]:
    """The lines from the first that holds something (Madeline skips blank lines before the names)."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return lines[first:]


def is_madeline_flat(text: str) -> bool:
    """Column names one per line (at least three, one of them an id), then a blank line."""
    names = []
    for line in _without_leading_blanks(text):
        if not line.strip():
            break
        if len(line.split()) != 1:
            return False
        names.append(_norm(line))
    else:
        return False
    return len(names) >= 3 and any(n in ("individualid", "id", "individual") for n in names)


def read_madeline_text(text: str, source: str = "madeline", *, family: str | None = None, lenient: bool = False,
                       warnings: list[str] | None = None, **_: Any) -> Pedigree:
    """Families of a Madeline 2.0 flat file, by family id."""
    lines = text.lstrip("\ufeff").splitlines()
    skipped = len(lines) - len(_without_leading_blanks(text))
    lines = lines[skipped:]
    blank = next((i for i, line in enumerate(lines) if not line.strip()), None)
    if blank is None:
        raise InputError("no blank line after the column names", source=source)
    header = [_norm(line) for line in lines[:blank]]
    body, numbers = [], []
    for n, line in enumerate(lines[blank + 1:], start=skipped + blank + 2):
        cells = line.split()
        if not cells or cells[0].startswith("#"):
            continue
        if len(cells) > len(header):  # a short row is read with its missing last cells unknown
            raise InputError(f"has {len(cells)} columns, expected {len(header)} (one per name at the top)",
                             record=f"line {n}", source=source)
        body.append(cells)
        numbers.append(n)
    if not body:
        raise InputError("the file names its columns but has no people", source=source)
    rows = rows_from_table(header, body, numbers, source, only=family, warnings=warnings)
    unused = unused_columns(lines[:blank], header, source)
    if unused and warnings is not None:
        warnings.append(unused)
    if family is not None and not rows:
        raise InputError(f"no family '{family}'", source=source, field="family")
    return build_families(rows, source, lenient=lenient, warnings=warnings)
