"""CanRisk (BOADICEA) pedigree files, versions 1 to 4: read and write.

A CanRisk file starts with ``##CanRisk 2.0`` (or ``##BOADICEA import pedigree file format 4.0``),
may carry risk-factor lines (``##menarche=13``), names its columns on a ``##FamID`` line and
has one tab-separated row per person: family, display name, target (the index person), id,
father, mother, sex, identical-twin label, dead (0/1), age (of a dead person: at death, so the
death year is about the year of birth plus the age), year of birth, the age at
diagnosis of five cancers (``0`` none, ``AU`` age unknown), Ashkenazi origin, genetic tests
and pathology.

What it keeps of a family: ids, display names (8 characters), the index person, parents,
sex, identical twins, deceased, age, year of birth, and the five cancers (as conditions named
``breast cancer``, ``contralateral breast cancer``, ``ovarian cancer``, ``prostate cancer``,
``pancreatic cancer``, with the age at diagnosis when it is known). Genetic tests,
pathology and risk factors are not part of a genogram: reading lists them as left out.

>>> text = family_to_canrisk(read_canrisk_text(EXAMPLE)["XX"])[0]
>>> text.splitlines()[0], len(text.splitlines()[1].split("\\t"))
('##CanRisk 2.0', 27)
>>> [(c.name, c.age) for c in read_canrisk_text(text)["XX"].person("ch1").conditions]
[('breast cancer', 42)]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from socialtools.dates import PartialDate
from socialtools.errors import InputError
from socialtools.io.pedigree import Pedigree, _norm, build_families, rows_from_table

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

CANCERS = {"bc1": "breast cancer", "bc2": "contralateral breast cancer", "oc": "ovarian cancer",
           "pro": "prostate cancer", "pan": "pancreatic cancer"}
GENES_V1 = ("BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "RAD51D", "RAD51C", "BRIP1")
GENES = ("BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "BARD1", "RAD51D", "RAD51C", "BRIP1")
HEADER = ("FamID", "Name", "Target", "IndivID", "FathID", "MothID", "Sex", "MZtwin", "Dead", "Age", "Yob",
          "BC1", "BC2", "OC", "PRO", "PAN", "Ashkn", *GENES, "ER:PR:HER2:CK14:CK56")
EXAMPLE = """##CanRisk 2.0
##FamID\tName\tTarget\tIndivID\tFathID\tMothID\tSex\tMZtwin\tDead\tAge\tYob\tBC1\tBC2\tOC\tPRO\tPAN\tAshkn\t\
BRCA1\tBRCA2\tPALB2\tATM\tCHEK2\tBARD1\tRAD51D\tRAD51C\tBRIP1\tER:PR:HER2:CK14:CK56
XX\tAB\t0\tm21\t0\t0\tM\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0:0:0:0
XX\tCD\t0\tf21\t0\t0\tF\t0\t1\t70\t1940\t0\t0\t0\t0\t0\t0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0:0:0:0
XX\tEF\t1\tch1\tm21\tf21\tF\t0\t0\t45\t1975\t42\t0\t0\t0\t0\t0\tS:P\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0:0:0:0
"""


def is_canrisk(text: str) -> bool:
    """A ``##CanRisk`` or ``##BOADICEA`` first line, or a ``##FamID ... IndivID`` header line."""
    head = text.lstrip("\ufeff \t\r\n")[:400].lower()
    return head.startswith(("##canrisk", "##boadicea", "boadicea import")) or (
        head.startswith("##famid") and "individ" in head.split("\n", 1)[0])


def read_canrisk_text(text: str, source: str = "canrisk", *, family: str | None = None, lenient: bool = False,
                      warnings: list[str] | None = None, **_: Any) -> Pedigree:
    """Families of a CanRisk file, by family id."""
    header: list[str] | None = None
    body, numbers = [], []
    factors = []  # ##menarche=13, ##PRS_BC=...: risk factors
    for n, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("##"):
            if stripped[2:].lower().startswith("famid"):
                header = [_norm(c) for c in re.split(r"\t|\s+", stripped[2:].strip())]
            elif "=" in stripped:
                factors.append(stripped[2:].split("=", 1)[0].strip())
            continue
        if stripped.lower().startswith("boadicea import"):
            continue
        if header is None:
            if stripped.lower().startswith("famid"):
                header = [_norm(c) for c in re.split(r"\t|\s+", stripped)]
                continue
            raise InputError("no column header (a line starting '##FamID') before the first person",
                             record=f"line {n}", source=source)
        cells = [c.strip() for c in (line.split("\t") if "\t" in line else line.split())]
        if len(cells) != len(header):
            raise InputError(f"has {len(cells)} columns, expected {len(header)} (as in the ##FamID line)",
                             record=f"line {n}", source=source)
        body.append(cells)
        numbers.append(n)
    if header is None or not body:
        raise InputError("the CanRisk file has no people", source=source)
    rows = rows_from_table(header, body, numbers, source, only=family, plink_scale=False,
                           warnings=warnings)
    if family is not None and not rows:
        raise InputError(f"no family '{family}'", source=source, field="family")
    cols = {name: i for i, name in enumerate(header)}
    genes = [name for name in header if name.upper() in GENES or name.upper() in GENES_V1]
    tested = pathology = ashkenazi = 0
    i_path = next((i for i, name in enumerate(header) if ":" in name or name == "er"), None)
    by_line = {int(r.where.split()[1]): r for r in rows}
    this_year = dt.date.today().year
    for n, cells in zip(numbers, body, strict=True):
        row = by_line.get(n)
        if row is None:
            continue
        age = cells[cols["age"]] if "age" in cols else "0"
        if age.isdigit() and int(age) > 0:
            row.age = int(age)
            if row.deceased and row.birth is not None and row.death is None:  # a dead person's Age: at death
                if row.birth.year + row.age <= this_year:
                    row.death = PartialDate(row.birth.year + row.age, approximate=True)
                elif warnings is not None:
                    warnings.append(f"{row.where}, field '{header[cols['age']]}': {age} cannot be the age at death "
                                    f"of a person born in {row.birth.year} (that would be {row.birth.year + row.age}, "
                                    "after this year): the death year is left out")
        if row.name in ("NA", "0"):
            row.name = None
        conditions = []
        for column, name in CANCERS.items():
            value = cells[cols[column]] if column in cols else "0"
            if value.isdigit() and int(value) > 0:
                conditions.append({"name": name, "kind": "medical", "age": int(value)})
            elif value.upper() == "AU":
                conditions.append({"name": name, "kind": "medical"})
        row.conditions = conditions or None
        if any(cells[cols[g]] not in ("0:0", "0") for g in genes):
            tested += 1
        if i_path is not None and cells[i_path].strip("0:"):
            pathology += 1
        if "ashkn" in cols and cells[cols["ashkn"]] not in ("0", ""):
            ashkenazi += 1
    parts = [f"{what} of {n} {'person' if n == 1 else 'people'}" for what, n in
             (("genetic test results", tested), ("pathology results", pathology), ("Ashkenazi origin", ashkenazi))
             if n]
    if factors:
        parts.append(f"{len(factors)} risk factor{'s' if len(factors) > 1 else ''} ({', '.join(factors[:6])})")
    if parts and warnings is not None:
        warnings.append(f"left out: {', '.join(parts)} (not part of a genogram)")
    named = [r for r in rows if r.name]
    if named and all(_is_code(r.name or "", r.id) for r in named):
        shown = ", ".join(repr(r.name) for r in named[:3]) + (", ..." if len(named) > 3 else "")
        for row in named:
            row.name = None
        if warnings is not None:
            warnings.append(f"names left out: the Name column holds only numbers or codes ({shown}), "
                            "as an anonymised export does")
    return build_families(rows, source, lenient=lenient, warnings=warnings)


def family_to_canrisk(family: Family, famid: str = "XX") -> tuple[str, list[str]]:
    """The family as a CanRisk 2.0 file, and what it could not hold (see the module)."""
    from socialtools.io.fidelity import biological_parents, ids_for

    ids = ids_for(family, 7)
    index = [p.id for p in family.people if p.index]
    lines = ["##CanRisk 2.0", "##" + "\t".join(HEADER)]
    parents = {child: pair for child, pair in biological_parents(family).items() if all(pair)}
    twins = {c.id: c.twin for u in family.unions for c in u.children if c.twin and c.identical}
    for person in family.people:
        father, mother = parents.get(person.id, (None, None))
        cancers = dict.fromkeys(CANCERS, "0")
        for condition in person.conditions:
            column = next((c for c, n in CANCERS.items() if n == condition.name.strip().lower()), None)
            if column:
                cancers[column] = "AU" if condition.age is None else str(condition.age)
        twin = twins.get(person.id)
        cells = [famid, _name(person), "1" if index and person.id == index[0] else "0", ids[person.id],
                 ids[father] if father else "0", ids[mother] if mother else "0",
                 {"male": "M", "female": "F"}.get(person.sex, "U"),
                 _twin_code(twin) if twin else "0", "1" if person.deceased else "0",
                 str(person.age) if person.age and not person.birth else "0",
                 str(person.birth.year) if person.birth else "0", *cancers.values(), "0",
                 *(["0:0"] * len(GENES)), "0:0:0:0:0"]
        lines.append("\t".join(cells))
    from socialtools.io.fidelity import left_out

    renamed = sum(1 for pid, new in ids.items() if pid != new)
    extra = [f"{renamed} ids longer than 7 characters (numbered P1, P2, ...)"] if renamed else []
    return "\n".join(lines) + "\n", left_out(family, "canrisk") + extra


def _is_code(name: str, pid: str) -> bool:
    """Whether a Name cell is a number or code, not a name: ``17``, ``P012``, ``ID-3``, the
    person's own id; initials and names (``AB``, ``Siti``) are names.

    >>> [_is_code(n, "m21") for n in ("17", "P012", "ID-3", "m21", "AB", "Siti", "2nd")]
    [True, True, True, True, False, False, False]
    """
    return name == pid or bool(re.fullmatch(r"[A-Za-z]{0,3}[-_]?\d+", name))


def _name(person: Any) -> str:
    text = "".join(ch for ch in (person.name or person.initials or "") if ch.isalnum())[:8]
    return text or "NA"


def _twin_code(label: str) -> str:
    code = "".join(ch for ch in label if ch.isalnum())[:1]
    return code or "1"
