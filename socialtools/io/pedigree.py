"""Pedigree tables (kinship2, PLINK ``.ped``/``.fam``, spreadsheet CSV/TSV) → families.

Columns are found by name, in the spellings genetics tools use (``id``/``indid``/
``individualid``, ``father``/``fatherid``/``dadid``/``pid``, ``mother``/``momid``/``mid``,
``famid``/``ped``/``family``, ``sex``/``gender``, ``affected``/``status``/``phenotype``,
``deceased``/``status``, ``birth``/``byear``/``dob``, ``name``). A file without a header
row is read as PLINK: family, id, father, mother, sex, phenotype. ``0``, ``.``, ``NA`` or
empty mean an unknown parent.

>>> families = read_pedigree_text("famid,id,father,mother,sex\\nF1,1,0,0,1\\nF1,2,0,0,2\\nF1,3,1,2,2\\n")
>>> [(p.id, p.sex) for p in families["F1"].people]
[('1', 'male'), ('2', 'female'), ('3', 'female')]
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from socialtools.errors import InputError
from socialtools.genogram.model import Family, _sex
from socialtools.io.loading import parse_model

COLUMNS: dict[str, tuple[str, ...]] = {
    "family": ("famid", "fid", "family", "familyid", "family_id", "ped", "pedigree", "pedigreeid", "pedid", "kindred"),
    "id": ("id", "indid", "iid", "individual", "individualid", "individual_id", "person", "personid", "subject",
           "sampleid"),
    "father": ("father", "fatherid", "father_id", "dadid", "dad", "pid", "paternalid", "pat", "sire", "ayah"),
    "mother": ("mother", "motherid", "mother_id", "momid", "mom", "mid", "maternalid", "mat", "dam", "ibu"),
    "sex": ("sex", "gender", "jenis_kelamin", "jk"),
    "affected": ("affected", "affection", "phenotype", "pheno", "disease", "condition", "trait"),
    "deceased": ("deceased", "dead", "vitalstatus", "vital_status", "status", "meninggal"),
    "birth": ("birth", "byear", "birthyear", "birth_year", "dob", "yob", "born", "tahun_lahir", "lahir"),
    "death": ("death", "dyear", "deathyear", "death_year", "dod"),
    "name": ("name", "nama", "label", "fullname"),
    "index": ("proband", "index", "indexperson", "klien", "client"),
}
UNKNOWN = {"", "0", ".", "na", "nan", "none", "-", "-9", "?", "unknown"}
YES = {"1", "2", "y", "yes", "true", "t", "affected", "ya", "dead", "deceased", "d"}
PLINK_ORDER = ("family", "id", "father", "mother", "sex", "affected")


def _norm(name: str) -> str:
    return re.sub(r"[\s.\-]+", "", name.strip().lower().lstrip("#"))


_WHOLE = re.compile(r"^(-?\d+)\.0+$")
_KNOWN = {alias for aliases in COLUMNS.values() for alias in aliases}


def _is_header(cells: list[str]) -> bool:
    names = [_norm(c) for c in cells]
    return "id" in names or sum(n in _KNOWN for n in names) >= 2


def _split(lines: list[str]) -> list[list[str]]:
    sample = "\n".join(lines[:20])
    if "\t" in sample:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
    elif "," in sample or ";" in sample:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    else:  # whitespace; R's write.table quotes text cells
        rows = [[cell[1:-1] if len(cell) > 1 and cell[0] == cell[-1] == '"' else cell for cell in ln.split()]
                for ln in lines]
    # a spreadsheet or pandas writes whole numbers as 1.0: ids, parents, sex and years are whole
    rows = [[_WHOLE.sub(r"\1", cell.strip()) for cell in row] for row in rows]
    # trailing empty cells (a spreadsheet's trailing tabs or commas) are no columns
    width = max(len(row) for row in rows)
    while width > 1 and all(len(row) < width or not row[width - 1] for row in rows):
        width -= 1
        rows = [row[:width] for row in rows]
    return rows


def _rows(text: str, source: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows and their line numbers. ``#`` lines are comments, except a
    ``#``-prefixed header row (``#famid id ...``)."""
    numbered = []
    for n, ln in enumerate(text.splitlines(), start=1):
        stripped = ln.strip()
        if not stripped or stripped.startswith("##"):
            continue
        if stripped.startswith("#") and not (not numbered and _is_header(_split([stripped.lstrip("#")])[0])):
            continue
        numbered.append((n, ln.lstrip().lstrip("#") if stripped.startswith("#") else ln))
    if not numbered:
        raise InputError("the pedigree table is empty", source=source)
    rows = _split([ln for _, ln in numbered])
    numbers = [n for n, _ in numbered]
    if _is_header(rows[0]):
        header = [_norm(c) for c in rows[0]]
        body, numbers = rows[1:], numbers[1:]
        # R's write.table(row.names = TRUE): one more cell in every row than in the header
        if body and all(len(row) == len(header) + 1 for row in body):
            body = [row[1:] for row in body]
        if not body:
            raise InputError("the pedigree table has a header but no people", source=source)
        return header, body, numbers
    return list(PLINK_ORDER[: len(rows[0])]) + [f"col{i}" for i in range(len(PLINK_ORDER), len(rows[0]))], \
        rows, numbers


def _column_map(header: list[str], source: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for role, aliases in COLUMNS.items():
        for i, name in enumerate(header):
            if name == role or name in aliases:
                found.setdefault(role, i)
                break
    for role in ("id", "father", "mother"):
        if role not in found:
            raise InputError(f"no '{role}' column (found: {', '.join(header)})", source=source)
    return found


def read_pedigree_text(text: str, source: str = "pedigree") -> dict[str, Family]:
    """Families of a pedigree table given as text, by family id (``"1"`` when there is none)."""
    header, rows, numbers = _rows(text, source)
    cols = _column_map(header, source)
    families: dict[str, dict[str, list[dict[str, object]]]] = {}
    lines: dict[tuple[str, str], int] = {}
    for n, row in zip(numbers, rows, strict=True):
        if len(row) < len(cols) and len(row) <= max(cols.values()):
            raise InputError(f"has {len(row)} columns, expected {len(header)}", record=f"line {n}", source=source)

        def cell(role: str, row: list[str] = row) -> str:
            i = cols.get(role)
            return row[i] if i is not None and i < len(row) else ""

        fam = cell("family") or "1"
        pid = cell("id")
        if pid.lower() in UNKNOWN:
            raise InputError("the id is empty", record=f"line {n}", field="id", source=source)
        if (fam, pid) in lines:
            raise InputError(f"duplicate id '{pid}' (also on line {lines[fam, pid]})", record=f"line {n}",
                             field="id", source=source)
        lines[fam, pid] = n
        person: dict[str, object] = {"id": pid}
        sex = cell("sex").lower()
        try:
            person["sex"] = "unknown" if sex in UNKNOWN else _sex(sex)
        except ValueError as exc:
            raise InputError(str(exc), record=f"line {n} (id '{pid}')", field=header[cols["sex"]],
                             source=source) from None
        for role in ("father", "mother"):
            value = cell(role)
            if value.lower() not in UNKNOWN:
                person[role] = value
        if cell("name"):
            person["name"] = cell("name")
        for role in ("birth", "death"):
            value = cell(role)
            if value.lower() not in UNKNOWN:
                person[role] = value
        if cell("deceased").lower() in YES and "deceased" in cols:
            person["deceased"] = True
        if "index" in cols and cell("index").lower() in YES:
            person["index"] = True
        affected = cell("affected").lower()
        if "affected" in cols and affected in YES and not (affected == "1" and _plink_scale(rows, cols)):
            person["conditions"] = [{"name": header[cols["affected"]], "kind": "medical"}]
        families.setdefault(fam, {"people": []})["people"].append(person)
    out: dict[str, Family] = {}
    for fam, data in families.items():
        _check_parent_sex(data["people"], {pid: n for (f, pid), n in lines.items() if f == fam}, cols, header,
                          source)
        _add_missing_parents(data["people"])
        out[fam] = parse_model(Family, data, f"{source}, family '{fam}'")
    return out


def _plink_scale(rows: list[list[str]], cols: dict[str, int]) -> bool:
    """PLINK codes affection 1 = unaffected, 2 = affected; kinship2 uses 0/1."""
    values = {r[cols["affected"]] for r in rows if cols["affected"] < len(r)}
    return "2" in values


def _check_parent_sex(people: list[dict[str, object]], lines: dict[str, int], cols: dict[str, int],
                      header: list[str], source: str) -> None:
    """A father must not be female, a mother not male, and nobody both (kinship2 checks the same)."""
    sex = {p["id"]: p["sex"] for p in people}
    roles: dict[object, tuple[str, object]] = {}
    for p in people:
        for role, wrong in (("father", "female"), ("mother", "male")):
            parent = p.get(role)
            if parent is None:
                continue
            where = f"line {lines[str(p['id'])]} (id '{p['id']}')"
            if sex.get(parent) == wrong:
                raise InputError(f"'{parent}' is the {role}, but their row (line {lines[str(parent)]}) says "
                                 f"sex {wrong}", record=where, field=header[cols[role]], source=source)
            other, first = roles.setdefault(parent, (role, p["id"]))
            if other != role:
                raise InputError(f"'{parent}' is the {role} here but the {other} of '{first}'",
                                 record=where, field=header[cols[role]], source=source)
    for p in people:  # a parent of unknown sex is drawn as the role says
        if p["sex"] == "unknown" and p["id"] in roles:
            p["sex"] = "male" if roles[p["id"]][0] == "father" else "female"


def _add_missing_parents(people: list[dict[str, object]]) -> None:
    """Parents named in a row but without a row of their own are added (sex from their role)."""
    known = {p["id"] for p in people}
    for p in list(people):
        for role, sex in (("father", "male"), ("mother", "female")):
            parent = p.get(role)
            if parent is not None and parent not in known:
                people.append({"id": parent, "sex": sex})
                known.add(parent)


def read_pedigree(path: str | Path) -> dict[str, Family]:
    """Families of a pedigree file (``.ped``, ``.fam``, ``.csv``, ``.tsv``, ``.txt``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    return read_pedigree_text(text, str(path))
