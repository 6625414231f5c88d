"""Pedigree tables (kinship2, LINKAGE/PLINK ``.ped``/``.fam``, Madeline, spreadsheet CSV/TSV) → families.

Columns are found by name, in the spellings genetics tools use (``id``/``indid``/
``individualid``, ``father``/``fatherid``/``dadid``/``pid``, ``mother``/``momid``/``mid``,
``famid``/``ped``/``family``, ``sex``/``gender``, ``affected``/``status``/``phenotype``,
``deceased``/``status``, ``birth``/``byear``/``dob``, ``name``, ``mztwin``/``dztwin``). A file
without a header row is read as LINKAGE/PLINK: family, id, father, mother, sex, phenotype
(and genotype columns after them, which are not used); with fewer than five columns, as
kinship2's id, father, mother, sex. ``#`` lines are comments, except a last ``#`` line whose
words are column names (PLINK 2's ``#FID IID PAT MAT SEX``), which is the header. ``0``, ``.``,
``NA`` or empty mean an unknown parent.

Every reader of a pedigree-like format (this table reader, Madeline flat files, CanRisk,
pedigreejs) turns its lines into :class:`Row` values; :func:`build_families` checks them
(a father whose row says female, a child born before a parent, a duplicate id: refused
naming the line, or with ``lenient`` drawn anyway with one warning each) and makes the
families.

>>> families = read_pedigree_text("famid,id,father,mother,sex\\nF1,1,0,0,1\\nF1,2,0,0,2\\nF1,3,1,2,2\\n")
>>> [(p.id, p.sex) for p in families["F1"].people]
[('1', 'male'), ('2', 'female'), ('3', 'female')]
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import socialtools.io.limits as limits
from socialtools.dates import PartialDate
from socialtools.errors import InputError
from socialtools.genogram.model import YES_NO, Family, _sex
from socialtools.io.bulk import collector_paused
from socialtools.io.loading import decode_text, parse_model

COLUMNS: dict[str, tuple[str, ...]] = {
    "family": ("famid", "fid", "fam", "family", "familyid", "family_id", "ped", "pedigree", "pedigreeid", "pedid",
               "kindred", "pedigreename", "pedname", "keluarga", "famili", "id_keluarga", "kode_keluarga"),
    "id": ("id", "indid", "iid", "individual", "individualid", "individual_id", "person", "personid", "subject",
           "sampleid", "sample", "individ", "indiv", "ind", "animal", "anim", "individu", "id_individu"),
    "father": ("father", "fatherid", "father_id", "dadid", "dad", "pid", "paternalid", "paternal", "pat", "sire",
               "ayah", "fathid", "id_ayah", "ayah_id"),
    "mother": ("mother", "motherid", "mother_id", "momid", "mom", "mid", "maternalid", "maternal", "mat", "dam",
               "ibu", "mothid", "id_ibu", "ibu_id"),
    "sex": ("sex", "gender", "jenis_kelamin", "jk", "kelamin"),
    "affected": ("affected", "affection", "aff", "phenotype", "pheno", "pheno1", "disease", "condition", "trait",
                 "casecontrol", "penyakit"),
    "deceased": ("deceased", "dead", "vitalstatus", "vital_status", "status", "meninggal", "death_status", "vital",
                 "wafat"),
    "alive": ("alive", "isalive", "is_alive", "living", "hidup", "masih_hidup"),
    "birth": ("birth", "byear", "birthyear", "birth_year", "dob", "yob", "born", "tahun_lahir", "lahir",
              "dateofbirth", "yearofbirth", "tanggal_lahir", "tgl_lahir"),
    "death": ("death", "dyear", "deathyear", "death_year", "dod", "yod", "dateofdeath", "yearofdeath",
              "tahun_wafat", "tahun_meninggal", "tanggal_wafat", "tanggal_meninggal"),
    "name": ("name", "nama", "label", "fullname", "nama_lengkap", "firstname", "givenname"),
    "index": ("proband", "index", "indexperson", "klien", "client", "target"),
    "age": ("age", "umur", "usia"),
    "mztwin": ("mztwin", "mz_twin", "monozygotic"),
    "dztwin": ("dztwin", "dz_twin", "dizygotic", "twin"),
    # BGmisc's and ggpedigree's: the id of the person's co-twin, and mz/dz in another column
    "twinof": ("twinid", "twin_id", "cotwin", "cotwinid", "twinof"),
    "zygosity": ("zygosity", "zygotic", "zigositas"),
}
#: the cells of a ``zygosity`` column that say identical (monozygotic) twins; other values are fraternal
#: or not known (``dz``, ``unknown``): drawn as twins, not identical
IDENTICAL = {"mz", "monozygotic", "identical", "identik", "kembar identik"}
UNKNOWN = {"", "0", ".", "na", "nan", "none", "-", "-9", "?", "unknown", "unk", "*", "n/a", "#n/a", "null"}
#: the answers of an ``Alive`` column that say the person has died
NOT_ALIVE = {"0", "n", "no", "false", "f", "tidak", "tdk", "dead", "deceased", "d", "died", "meninggal", "wafat",
             "almarhum", "almarhumah", "alm", "alm.", "almh", "almh.", "sudah meninggal", "telah meninggal",
             "meninggal dunia", "sudah wafat", "telah wafat"}
YES = {"1", "2", "y", "yes", "true", "t", "affected", "case", "sakit", "ya", "dead", "deceased", "d", "a", "died",
       "x", "✓", "✔", "☑", *YES_NO[True]}
#: what else marks the index person in a proband column (Madeline's and genetics tools' ``P``)
INDEX_YES = {"p", "proband", "index", "indeks", "klien", "client", "+"}
#: the answers of a yes/no column that say no (an unknown value is read as no too, without a word)
NO = {"n", "no", "false", "f", "u", "unaffected", "normal", "control", "sehat", "alive", "living", "l", "✗", "✘",
      *YES_NO[False]}
#: the answers of an ``Alive`` column that say the person is alive (the yes answers, but those that
#: say died or affected: ``D``, ``Died``, ``almarhum``, ``2``...)
ALIVE = {*YES, "alive", "living", "l", "hidup", "masih hidup", "belum meninggal"} - NOT_ALIVE - {"affected", "2"}
#: an affection status written as not known (kinship2's ``NA``): said in a warning, drawn as not affected
NOT_KNOWN = {"na", "nan", "?", "unknown", "unk", "n/a", "#n/a", "null", "none"}
PLINK_ORDER = ("family", "id", "father", "mother", "sex", "affected")
#: LINKAGE after makeped (also Superlink's input): three pointer columns before sex, and the proband
POST_MAKEPED_ORDER = ("family", "id", "father", "mother", "firstoffspring", "nextpaternalsib", "nextmaternalsib",
                      "sex", "proband", "affected")
#: the columns of a table without a header and with fewer than five columns
KINSHIP2_ORDER = ("id", "father", "mother", "sex")


@dataclass(slots=True)
class Row:
    """One person of a pedigree-like file, as read, with where it was read (``line 4``)."""

    where: str
    id: str
    family: str = "1"
    father: str | None = None
    mother: str | None = None
    sex: str = "unknown"
    name: str | None = None
    birth: PartialDate | None = None
    death: PartialDate | None = None
    deceased: bool = False
    index: bool = False
    age: int | None = None
    conditions: list[dict[str, Any]] | None = None
    twin: str | None = None
    identical: bool = False
    relation: str = "biological"
    extra: dict[str, Any] | None = None


def _norm(name: str) -> str:
    """A column name without case, ``#``, spaces, dots, dashes and underscores: ``Paternal ID``,
    ``paternal_id`` and ``Paternal.ID`` (R's ``read.csv``) are all ``paternalid``."""
    return re.sub(r"[\s._\-]+", "", name.strip().lower().lstrip("#"))


_WHOLE = re.compile(r"^(-?\d+)[.,]0+$")  # (1.0, and 1,0 with a decimal comma: a European spreadsheet's)
#: role → its names as :func:`_norm` writes them
#: a column name as :func:`_norm` writes it → its role (the first role that lists it)
_ROLE = {_norm(name): role for role, names in reversed(COLUMNS.items()) for name in (role, *names)}
#: columns a table may have that hold nothing to read: row numbers
_ROW_NUMBERS = frozenset({"no", "nomor", "nourut", "row", "rownumber"})


#: endings a column name may carry after a role's own name, by the roles they may end:
#: ``Kindred_ID``, ``Affection_Status``, ``birthYr`` (BGmisc), ``Birth Date``, ``Sex code``
_SUFFIXES = (("id", ("family", "id", "father", "mother")), ("status", ("affected", "deceased", "index")),
             ("yr", ("birth", "death")), ("year", ("birth", "death")), ("date", ("birth", "death")),
             ("code", ("sex",)))


def role_of(name: str) -> str | None:
    """The role (``family``, ``id``, ``father``, ...) a column named ``name`` (as :func:`_norm`
    writes it) holds, or ``None``: one of the role's names, or one of them with an ending the
    role allows (``kindredid`` → family, ``affectionstatus`` → affected, ``deathyr`` → death).

    >>> [role_of(_norm(n)) for n in ("#Kindred_ID", "Affection_Status", "birthYr", "Project")]
    ['family', 'affected', 'birth', None]
    """
    role = _ROLE.get(name)
    if role is not None:
        return role
    if name.startswith(COPIED_ID):
        return "id"
    for suffix, roles in _SUFFIXES:
        stem = name[:-len(suffix)]
        if name.endswith(suffix) and stem and _ROLE.get(stem) in roles:
            return _ROLE[stem]
    return None


def _is_header(cells: list[str]) -> bool:
    """Whether a row names columns: an ``id`` column or two known names, and not two numbers (peddy's
    test file starts ``fam kid1 mom dad 1 2``: ids named ``mom`` and ``dad``, sex and phenotype)."""
    names = [_norm(c) for c in cells]
    if sum(c.strip().isdigit() for c in cells) >= 2:
        return False
    return "id" in names or sum(role_of(n) is not None for n in names) >= 2


def _delimiter(sample: str) -> str | None:
    """Tab, semicolon or comma when the sample uses one; ``None`` for white space."""
    if "\t" in sample:
        return "\t"
    if "," in sample or ";" in sample:
        return ";" if sample.count(";") > sample.count(",") else ","
    return None


def _spaces_between_cells(lines: list[str]) -> bool:
    r"""Whether lines with tabs separate some cells by spaces instead (a hand-edited ``.ped``): split
    at tabs the rows differ in width, split at any white space they are all as wide as the first.

    >>> _spaces_between_cells(["fam\tid\tname", "1\ta\tSiti Aminah", "1\tb\tBudi"])
    False
    >>> _spaces_between_cells(["#fam\tid\tfather\tmother", "1\tkid dad  mom", "1\tdad\t0\t0"])
    True
    """
    if any('"' in ln for ln in lines):
        return False
    by_tab = {len(ln.rstrip("\t").split("\t")) for ln in lines}
    by_space = {len(ln.split()) for ln in lines}
    return len(by_tab) > 1 and len(by_space) == 1


def _split(lines: list[str], delimiter: str | None = None) -> list[list[str]]:
    if delimiter is None and lines:
        delimiter = _delimiter("\n".join(lines[:20]))
    if delimiter is None or delimiter == " ":  # whitespace; R's write.table quotes text cells
        if any('"' in ln for ln in lines[:20]):
            rows = [_quoted_cells(ln) for ln in lines]
        else:
            rows = [ln.split() for ln in lines]
    else:
        rows = list(csv.reader(lines, delimiter=delimiter))
        if len(rows) != len(lines):  # a quote left open runs into the next lines: one row per line
            rows = list(csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE))
        rows = [[c.strip() for c in row] for row in rows]
    # trailing empty cells (a spreadsheet's trailing tabs or commas) are no columns
    width = max((len(row) for row in rows), default=0)
    while width > 1 and all(len(row) < width or not row[width - 1] for row in rows):
        width -= 1
        rows = [row[:width] for row in rows]
    return rows


_QUOTED_CELL = re.compile(r'"((?:[^"\\]|\\.|"")*)"(?=\s|$)|(\S+)')


def _quoted_cells(line: str) -> list[str]:
    r"""The cells of a line of R's ``write.table`` (white space between cells, text in quotes, a
    quote inside escaped ``\"`` or doubled ``""``): a quoted name keeps its spaces.

    >>> _quoted_cells('"1" 1 0 "Sari Dewi" "Budi \\"Bud\\" S" O\'Brien')
    ['1', '1', '0', 'Sari Dewi', 'Budi "Bud" S', "O'Brien"]
    """
    return [m.group(1).replace('\\"', '"').replace('""', '"') if m.group(1) is not None else m.group(2)
            for m in _QUOTED_CELL.finditer(line)]


def _whole(cell: str) -> str:
    """A spreadsheet or pandas writes whole numbers as 1.0: ids, parents, sex and years are whole."""
    return _WHOLE.sub(r"\1", cell) if "." in cell or "," in cell else cell


def table_rows(text: str, source: str, header: bool | None = None, only: str | None = None,
               warnings: list[str] | None = None) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows and their line numbers. ``#`` lines are comments, except the last
    ``#`` line before the rows when its words are column names (``#FID IID PAT MAT SEX``).
    ``header=False``: LINKAGE/PLINK columns. ``only``: lines that do not contain this text
    are skipped before they are split. ``warnings`` gets one line naming the header's columns
    that are not read (:func:`unused_columns`).

    A spreadsheet's ways are followed: Excel's ``sep=;`` first line names the separator; title
    rows above the header row (fewer cells filled than it has names) are passed over; a table
    without an id column whose father and mother cells hold names uses the name column as the id
    (``No, Nama, Jenis Kelamin, Ayah, Ibu`` with ``Ayah: Budi``)."""
    lines = text.splitlines()
    forced = _EXCEL_SEP.match(lines[0].lstrip("\ufeff")) if lines else None
    if forced:
        lines[0] = ""
    numbered: list[tuple[int, str]] = []
    first = True
    for n, ln in enumerate(lines, start=1):
        if first:
            stripped = ln.strip()
            if not stripped:
                continue
            if stripped.startswith("#"):  # a comment; the last one before the rows may be the header
                numbered = [(n, stripped.lstrip("#"))]
                continue
            if numbered and (header is False or not _is_header(_split([numbered[0][1]])[0])):
                numbered = []
            numbered.append((n, ln))
            first = False
        elif only is None or only in ln:
            numbered.append((n, ln))
    numbered = [(n, ln) for n, ln in numbered if ln and ln[0] != "#" and not ln.isspace()] if numbered else []
    if not numbered:
        raise InputError("the pedigree table is empty", source=source)
    delimiter = forced.group(1) if forced else _delimiter("\n".join(ln for _, ln in numbered[:20]))
    if delimiter == "\t" and not forced and _spaces_between_cells([ln for _, ln in numbered[:50]]):
        delimiter = " "  # tabs and runs of spaces mixed between cells (ped_parser's my_family.ped): white space
    if delimiter is not None:  # a spreadsheet's empty rows (';;;;;' below the table) are no people
        numbered = [(n, ln) for n, ln in numbered if ln.strip(delimiter + " \t\"")]
        if not numbered:
            raise InputError("the pedigree table is empty", source=source)
    head = _split([numbered[0][1]], delimiter)[0]
    if header is not False and not _is_header(head):
        numbered = _below_title(numbered, delimiter)
        head = _split([numbered[0][1]], delimiter)[0]
    if header is not False and _is_header(head):
        names = [_norm(c) for c in head]
        body = _split([ln for _, ln in numbered[1:]], delimiter)
        numbers = [n for n, _ in numbered[1:]]
        repeated = [i for i, row in enumerate(body) if row == head]  # (a list compare: fails at the first cell)
        if repeated:  # two exports joined into one file: the second's header is no person
            if warnings is not None:
                more = f", with {len(repeated) - 1} more such lines" if len(repeated) > 1 else ""
                warnings.append(f"line {numbers[repeated[0]]}: repeats the header (two tables joined into one "
                                f"file?): passed over{more}")
            skip = set(repeated)
            body = [row for i, row in enumerate(body) if i not in skip]
            numbers = [n for i, n in enumerate(numbers) if i not in skip]
        if not any(role_of(n) == "id" for n in names):
            names, body = _names_as_ids(names, body)
        # R's write.table(row.names = TRUE): one more cell in every row than in the header
        if body and all(len(row) == len(names) + 1 for row in body):
            body = [row[1:] for row in body]
        if not body and only is None:
            raise InputError("the pedigree table has a header but no people", source=source)
        unused = unused_columns(head, names, source)
        if unused and warnings is not None:
            warnings.append(unused)
        return names, body, numbers
    if delimiter is None and "Per:" in numbered[0][1]:  # makeped's 'Ped: 101  Per: 3' after each row
        numbered = [(n, _MAKEPED_NOTE.sub("", ln)) for n, ln in numbered]
    rows = _split([ln for _, ln in numbered], delimiter)
    # the width most rows have (a row with one cell too many is that row's slip, named when read,
    # not a column every other row lacks)
    widths = Counter(len(r) for r in rows)
    width = max(widths, key=lambda w: (widths[w], w))
    if width < 4:  # most rows too narrow for a pedigree: the widest row, and the others refused
        width = max(widths)
    if width < 5:  # no family column: kinship2's id, father, mother, sex
        return list(KINSHIP2_ORDER[:width]), rows, [n for n, _ in numbered]
    order = POST_MAKEPED_ORDER if _post_makeped(rows) else PLINK_ORDER
    return (list(order[:width]) + [f"col{i}" for i in range(len(order), width)], rows, [n for n, _ in numbered])


_MAKEPED_NOTE = re.compile(r"\s+Ped:\s*\S+\s+Per:\s*\S+\s*$")


def _post_makeped(rows: list[list[str]]) -> bool:
    """Whether headerless rows are LINKAGE after makeped: column 5 of each row is ``0`` or a child
    of that row's person, columns 6 and 7 ``0`` or a sib with the same father and the same mother,
    column 8 (sex) is 0/1/2, and at least one such link is there."""
    if any(len(r) < 10 for r in rows):
        return False
    parents = {(r[0], r[1]): (r[2], r[3]) for r in rows}
    linked = False
    for r in rows:
        fam, pid, father, mother = r[0], r[1], r[2], r[3]
        first, paternal, maternal = r[4], r[5], r[6]
        if r[7] not in ("0", "1", "2"):
            return False
        if first != "0" and pid not in parents.get((fam, first), ()):
            return False
        if paternal != "0" and (father == "0" or parents.get((fam, paternal), ("",))[0] != father):
            return False
        if maternal != "0" and (mother == "0" or parents.get((fam, maternal), ("", ""))[1] != mother):
            return False
        linked = linked or first != "0"
    return linked


_AGE = re.compile(r"^(\d{1,3})(?:[.,]\d+)?(?:\s*(?:tahun|thn|th|years?|yrs?|y))?\.?$")
_EXCEL_SEP = re.compile(r"^\s*sep=(.)\s*$")


def _below_title(numbered: list[tuple[int, str]], delimiter: str | None) -> list[tuple[int, str]]:
    """The rows from the header row on, when title rows (fewer cells filled than the header has
    names) stand above it among the first ten; else the rows as they are."""
    rows = _split([ln for _, ln in numbered[:10]], delimiter)
    for k, row in enumerate(rows[1:], start=1):
        filled = sum(bool(c) for c in row)
        if _is_header(row) and all(sum(bool(c) for c in above) < filled for above in rows[:k]):
            return numbered[k:]
    return numbered


def _names_as_ids(names: list[str], body: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A table without an id column whose parents are named by the name column (or by a row
    number column ``No``): that column, copied, is the id."""
    i_name = next((i for i, n in enumerate(names) if role_of(n) == "name"), None)
    i_no = next((i for i, n in enumerate(names) if n in ("no", "nomor", "nourut")), None)
    parents = {r[i] for i, n in enumerate(names) if role_of(n) in ("father", "mother")
               for r in body if i < len(r) and r[i].lower() not in UNKNOWN}
    best, hits = None, 0
    for i in (i_no, i_name):
        found = len(parents & {r[i] for r in body if i is not None and i < len(r)}) if i is not None else 0
        if i is not None and (found > hits or (best is None and not parents)):
            best, hits = i, found
    if best is None:
        return names, body
    return [*names, COPIED_ID + names[best]], [[*r, r[best] if best < len(r) else ""] for r in body]


#: the name of the id column that :func:`_names_as_ids` adds at the end (``id=nama``): a table
#: without an id column gets it; it is no column of the user's (messages do not count it)
COPIED_ID = "id="


def copied_columns(header: list[str]) -> int:
    """1 when the last column of ``header`` is the id copied from the name column, else 0.

    >>> copied_columns(["nama", "ayah", "ibu", "id=nama"]), copied_columns(["id", "father", "mother"])
    (1, 0)
    """
    return 1 if header and header[-1].startswith(COPIED_ID) else 0


def unused_columns(original: list[str], header: list[str], source: str) -> str | None:
    """One warning line naming the columns of a header (``original``: as the file spells them;
    ``header``: as :func:`_norm` writes them) that hold nothing socialtools reads, or ``None``.

    >>> unused_columns(["ID", "Father", "Mother", "Project"], ["id", "father", "mother", "project"], "t")
    "column not read (not a column socialtools knows): 'Project'"
    """
    used = set(column_map(header, source).values())
    pairs = enumerate(zip(original, header, strict=False))  # (a copied id column has no original)
    names = [repr(name.strip().lstrip("#").strip()) for i, (name, norm) in pairs
             if i not in used and norm not in _ROW_NUMBERS and name.strip()]
    if not names:
        return None
    return f"column{'s' if len(names) > 1 else ''} not read (not a column socialtools knows): {', '.join(names)}"


def column_map(header: list[str], source: str) -> dict[str, int]:
    """Role (``id``, ``father``, ...) → column number, from the header's names. ``fid`` is PLINK's
    family id, except beside ``mid`` without another father column: pedtools and QuickPed write
    ``id fid mid sex`` (father id, mother id)."""
    found: dict[str, int] = {}
    if "fid" in header and "mid" in header and not any(role_of(n) == "father" for n in header if n != "fid"):
        found["father"] = header.index("fid")
    for i, name in enumerate(header):
        role = role_of(name)
        if role is not None and role not in found and i not in found.values():
            found[role] = i
    for role in ("id", "father", "mother"):
        if role not in found:
            raise InputError(f"no '{role}' column (found: {', '.join(header)})", source=source)
    return found


def plink_scale_in(text: str, column: int, delimiter: str | None) -> bool:
    """Whether any line of ``text`` has ``2`` in the affection ``column`` (PLINK's 1/2 scale),
    found without splitting the lines."""
    if delimiter is None:
        cell, lead, end = r"\S+[^\S\n]+", r"[^\S\n]*", r"(?:\s|$)"
    else:
        d = re.escape(delimiter)
        cell, lead, end = f"[^{d}\\n]*{d}", "", f"(?:{d}|\\s*$)"
    pattern = re.compile("^" + lead + f"(?:{cell}){{{column}}}" + r"""["']?2(?:\.0+)?["']?""" + end, re.MULTILINE)
    return pattern.search(text) is not None


def rows_from_table(header: list[str], body: list[list[str]], numbers: list[int], source: str,
                    only: str | None = None, plink_scale: bool | None = None,
                    warnings: list[str] | None = None) -> list[Row]:
    """Rows of a table whose columns are named in ``header`` (``only``: rows of that family).

    ``plink_scale``: affection is coded 1/2 (PLINK) rather than 0/1 (kinship2); by default,
    when any row says 2. Sex coded 0/1 (kinship2 reads it as 0 male, 1 female) is found when
    no row says 2 and a mother's row says 1; ``warnings`` gets a line saying so."""
    cols = _status_as_affection(column_map(header, source), header, body, warnings)
    get = cols.get
    i_fam, i_id, i_father, i_mother = get("family"), cols["id"], cols["father"], cols["mother"]
    optional = [(role, i) for role in ("sex", "name", "birth", "death", "deceased", "alive", "index", "affected",
                                       "mztwin", "dztwin", "twinof", "zygosity", "age")
                if (i := get(role)) is not None]
    i_aff = get("affected")
    if plink_scale is None:
        plink_scale = i_aff is not None and any(i_aff < len(r) and _whole(r[i_aff]) == "2" for r in body)
    condition = header[i_aff] if i_aff is not None else "affected"
    needed = max(i_id, i_father, i_mother)
    i_sex = get("sex")
    mother = None
    if i_sex is not None and (mother := _zero_one_mother(body, numbers, i_id, i_mother, i_sex)) \
            and warnings is not None:
        warnings.append(f"field '{header[i_sex]}': sex is coded 0/1, read as 0 male and 1 female "
                        f"(as kinship2 does), since no row says 2 and the mother on {mother} says 1")
    parse = _CellParser(header, condition, plink_scale, zero_one_sex=mother is not None)
    decoded: dict[tuple[int, str], Any] = {}  # every distinct cell value is parsed once
    unknown = UNKNOWN
    odd: dict[tuple[int, bool], list[tuple[str, str]]] = {}  # (column, not known) → rows of an unclear value
    out: list[Row] = []
    cotwin: dict[str, str] = {}  # id → its co-twin's id (a twinID column)
    zygosity: dict[str, bool] = {}  # id → identical (a zygosity column beside it)
    for n, row in zip(numbers, body, strict=True):
        width = len(row)
        if width <= needed:
            copied = copied_columns(header)  # (the copied id column is not the user's)
            lacks = ", ".join(repr(name) for name in header[width - copied:len(header) - copied])
            raise InputError(f"has {width - copied} columns, expected {len(header) - copied} (missing: {lacks})",
                             record=f"line {n}", source=source)
        fam = (row[i_fam] if i_fam is not None and i_fam < width else "") or "1"
        if only is not None and fam != only and fam.lower() not in UNKNOWN:  # (a missing family: see below)
            continue
        pid, father, mother = row[i_id], row[i_father], row[i_mother]
        if "." in pid or "." in father or "." in mother:
            pid, father, mother = _whole(pid), _whole(father), _whole(mother)
        if pid.lower() in unknown:
            said = "the id is empty" if not pid else f"the id '{pid}' is a code for a missing value, not an id"
            raise InputError(said, record=f"line {n}", field=header[i_id], source=source)
        person = Row(f"line {n} (id '{pid}')", pid, fam)
        if father.lower() not in unknown:
            person.father = father
        if mother.lower() not in unknown:
            person.mother = mother
        for role, i in optional:
            raw = row[i] if i < width else ""
            if not raw:
                continue
            value = decoded.get((i, raw), _MISSING)
            if value is _MISSING:
                try:
                    value = decoded[i, raw] = parse(role, raw)
                except ValueError as exc:
                    raise InputError(str(exc), record=person.where, field=header[i], source=source) from None
            if value is None:
                continue
            if value is _UNCLEAR or value is _NOT_KNOWN:
                odd.setdefault((i, value is _NOT_KNOWN), []).append((person.where, raw))
                continue
            if role == "affected":
                person.conditions = [dict(value)]
            elif role == "sex" and value == "terminated":  # kinship2's sex 4: a terminated pregnancy
                person.extra = {"kind": "abortion"}
            elif role in ("mztwin", "dztwin"):
                person.twin, person.identical = value
            elif role == "twinof":
                cotwin[pid] = value
            elif role == "zygosity":
                zygosity[pid] = value
            elif role == "alive":
                person.deceased = True
            else:
                setattr(person, role, value)
        if person.death is not None:
            person.deceased = True
        out.append(person)
    if cotwin:
        _twins_by_id(out, cotwin, zygosity)
    if warnings is not None:
        warnings.extend(_unclear_flags(odd, header, {i for role, i in optional if role == "alive"}))
    return out


def _twins_by_id(rows: list[Row], cotwin: dict[str, str], zygosity: dict[str, bool]) -> None:
    """Twins named by each other's id (BGmisc's ``twinID``: ``98`` on the row of ``99`` and ``99`` on
    the row of ``98``) become one twin label per group, ``twins 98`` after its first id; identical
    when a ``zygosity`` cell of the group says ``mz``. A twin whose id has no row of the table is
    left for the family's check of twins (a twin without a co-twin among the siblings is warned)."""
    group: dict[str, str] = {}

    def root(x: str) -> str:
        while group.get(x, x) != x:
            x = group[x]
        return x

    order = {r.id: i for i, r in enumerate(rows)}
    for a, b in cotwin.items():
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda x: order.get(x, len(order)))
            group[second] = first
    identical: dict[str, bool] = {}
    for pid in cotwin:
        identical[root(pid)] = identical.get(root(pid), False) or zygosity.get(pid, False)
    for r in rows:
        if r.twin is None and (r.id in cotwin or r.id in group):
            top = root(r.id)
            r.twin, r.identical = f"twins {top}", identical.get(top, False)


#: the words of an affection status, not of whether someone died
AFFECTION_WORDS = {"affected", "unaffected", "case", "control", "normal", "carrier", "sakit", "sehat"}


def _status_as_affection(cols: dict[str, int], header: list[str], body: list[list[str]],
                         warnings: list[str] | None) -> dict[str, int]:
    """A ``status`` column is whether the person died (kinship2's); one whose cells say ``affected``,
    ``unaffected``, ``case``, ``control`` is the affection status, read so with a warning (its
    ``affected`` was read as died). Without such words, or beside an affection column, ``cols`` as is.

    >>> said: list[str] = []
    >>> _status_as_affection({"id": 0, "deceased": 1}, ["id", "status"], [["a", "Affected"]], said), said[0][:48]
    ({'id': 0, 'affected': 1}, "field 'status': its cells say 'Affected', an aff")
    """
    i = cols.get("deceased")
    if i is None or "affected" in cols:
        return cols
    word = next((r[i] for r in body if i < len(r) and r[i].strip().lower() in AFFECTION_WORDS), None)
    if word is None:
        return cols
    if warnings is not None:
        warnings.append(f"field '{header[i]}': its cells say '{word}', an affection status: read as whether "
                        "the person is affected, not whether they died (name the column 'affected' to say so)")
    return {**{role: n for role, n in cols.items() if role != "deceased"}, "affected": i}


_MISSING = object()
#: a yes/no cell that says neither (``P`` in a column of Y/N), and an affection status written as not known
_UNCLEAR, _NOT_KNOWN = object(), object()


def _unclear_flags(odd: dict[tuple[int, bool], list[tuple[str, str]]], header: list[str],
                   alive: set[int] | None = None) -> list[str]:
    """One warning per yes/no column with values that say neither yes nor no, and per affection
    column with statuses written as not known: the first row named, the others counted. An unclear
    value in an ``Alive`` column (``alive``: the indexes of such columns) is read as alive.

    >>> _unclear_flags({(1, False): [("line 4 (id '3')", "Q"), ("line 6 (id '5')", "Z")]}, ["id", "Proband"])
    ["line 4 (id '3'), field 'Proband': 'Q' is neither yes nor no: read as no (also 1 more row: 'Z')"]
    >>> _unclear_flags({(1, False): [("line 4 (id '3')", "Q")]}, ["id", "Alive"], {1})
    ["line 4 (id '3'), field 'Alive': 'Q' is neither yes nor no: read as alive"]
    """
    out = []
    for (i, not_known), rows in odd.items():
        where, raw = rows[0]
        others = sorted({repr(r) for _, r in rows[1:]})
        more = (f" (also {len(rows) - 1} more row{'s' if len(rows) > 2 else ''}: {', '.join(others[:5])}"
                f"{', ...' if len(others) > 5 else ''})") if len(rows) > 1 else ""
        what = ("(status not known) is drawn as not affected: a genogram has no mark for an unknown status"
                if not_known else f"is neither yes nor no: read as {'alive' if i in (alive or ()) else 'no'}")
        out.append(f"{where}, field '{header[i]}': '{raw}' {what}{more}")
    return out


def _zero_one_mother(body: list[list[str]], numbers: list[int], i_id: int, i_mother: int,
                     i_sex: int) -> str | None:
    """Where a table's sex column is coded 0/1 (no row says 2, a mother's row says 1), the line
    of that mother's row; else ``None``."""
    codes = {_whole(r[i_sex]) for r in body if i_sex < len(r)}
    if "1" not in codes or not codes <= {"0", "1", "", "NA", "na", "."}:
        return None
    mothers = {r[i_mother] for r in body if i_mother < len(r)}
    return next((f"line {n}" for n, r in zip(numbers, body, strict=True)  # (a short row is refused later)
                 if max(i_sex, i_id) < len(r) and r[i_id] in mothers and _whole(r[i_sex]) == "1"), None)


#: sex codes of kinship2 beyond 1/2/3: a terminated pregnancy, drawn as a pregnancy loss
TERMINATED = {"4", "terminated"}


class _CellParser:
    """A cell's text → the value of its role (``None``: nothing to set); raises ValueError."""

    def __init__(self, header: list[str], condition: str, plink_scale: bool, zero_one_sex: bool = False) -> None:
        self.condition, self.plink_scale, self.zero_one_sex = condition, plink_scale, zero_one_sex

    def __call__(self, role: str, raw: str) -> Any:
        if role == "name":
            return raw
        value = _whole(raw) if "." in raw or "," in raw else raw
        low = value.lower()
        if role == "sex" and self.zero_one_sex and low in ("0", "1"):
            return "male" if low == "0" else "female"
        if role == "alive" and low in NOT_ALIVE:  # (an Alive column's 0 says deceased, not unknown)
            return True
        if low in UNKNOWN:
            return _NOT_KNOWN if role == "affected" and low in NOT_KNOWN else None
        if role == "sex":
            return "terminated" if low in TERMINATED else _sex(low)
        if role in ("birth", "death"):
            return PartialDate.parse(value)
        if role in ("deceased", "index"):
            return True if low in YES or (role == "index" and low in INDEX_YES) else None if low in NO else _UNCLEAR
        if role == "alive":  # ped_parser's and Madeline's Alive = No: deceased
            return None if low in ALIVE else _UNCLEAR
        if role == "age":  # '45', '45 tahun', '45 thn'
            age = _AGE.match(low)
            if age is None or int(age.group(1)) > 150:
                raise ValueError(f"'{raw}' is not an age in years")
            return int(age.group(1))
        if role == "affected":
            if low in YES and not (low == "1" and self.plink_scale):
                return {"name": self.condition, "kind": "medical"}
            return None if low in NO or low == "1" else _UNCLEAR
        if role == "twinof":
            return value
        if role == "zygosity":
            return low in IDENTICAL
        # twins: the same label on each twin; a DZ label is its own group, so 'A' in MZTwin and 'A' in
        # DZTwin (Madeline's tw_002: identical triplets and fraternal quadruplets) are two groups
        return (value, True) if role == "mztwin" else (f"{value} (DZ)", False)


def family_names(header: list[str], body: list[list[str]], source: str) -> list[str]:
    """The family ids of a table, in the order they first appear."""
    i_fam = column_map(header, source).get("family")
    if i_fam is None:
        return ["1"]
    return list(dict.fromkeys((r[i_fam] if i_fam < len(r) else "") or "1" for r in body))


# -- rows → families ---------------------------------------------------------------------------------
#: warnings of one kind (a parent without a row, a short row) written out for one file; the rest are counted
MAX_NOTES = 10


class _Problems:
    """Inconsistent rows: refused (the first one) or, ``lenient``, one warning each."""

    def __init__(self, source: str, lenient: bool, warnings: list[str] | None) -> None:
        self.source, self.lenient = source, lenient
        self.warnings = warnings if warnings is not None else []
        self.notes = 0

    def __call__(self, message: str, where: str, column: str | None = None) -> None:
        if not self.lenient:
            raise InputError(message + " (read the file leniently to draw it anyway)", record=where, field=column,
                             source=self.source)
        self.warnings.append(f"{where}: {message}")

    def note(self, message: str, where: str, column: str | None = None) -> None:
        """Something the format allows but the reader should know (always a warning, never an error);
        after :data:`MAX_NOTES` of them one line counts the rest."""
        self.notes += 1
        if self.notes <= MAX_NOTES:
            self.warnings.append(f"{where}" + (f", field '{column}'" if column else "") + f": {message}")

    def close(self) -> None:
        """The count of the notes left out, if any."""
        if self.notes > MAX_NOTES:
            self.warnings.append(f"... and {self.notes - MAX_NOTES} more like these")


class Pedigree(Mapping[str, Family]):
    """The families of a pedigree file by family id, each checked row by row when read and made
    into a validated :class:`Family` the first time it is asked for (a table of 200,000 rows
    reads in a second or two; drawing one family of it validates only that one).

    >>> pedigree = read_pedigree_text("id,father,mother\\na,0,0\\nb,a,0\\n")
    >>> list(pedigree), [p.id for p in pedigree["1"].people]
    (['1'], ['a', 'b'])
    """

    def __init__(self, data: dict[str, dict[str, Any]], source: str,
                 origins: dict[str, dict[str, str]] | None = None) -> None:
        self._data = data
        self._made: dict[str, Family] = {}
        self._origins = origins or {}
        self.source = source

    def __getitem__(self, fam: str) -> Family:
        made = self._made.get(fam)
        if made is None:
            data = self._data[fam]
            try:
                made = parse_model(Family, data, f"{self.source}, family '{fam}'", cleaned=_clean_already(data))
            except InputError as exc:  # named by the row it came from (line 7 (id 'A')), not the model's people[3]
                person = _MODEL_PERSON.match(exc.record or "")
                row = self._origins.get(fam, {}).get(person.group(1)) if person else None
                if row is None:
                    raise
                raise InputError(exc.message, record=row, field=exc.field, source=exc.source) from None
            made = self._made[fam] = made.with_origins(self._origins.get(fam, {}))
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def sizes(self) -> dict[str, int]:
        """Number of people of each family, without making the families."""
        return {fam: len(data["people"]) for fam, data in self._data.items()}


_MODEL_PERSON = re.compile(r"^people\[\d+\] \(id '(.*)'\)$")


def _clean_already(data: dict[str, Any]) -> bool:
    """Whether :func:`~socialtools.io.sanitize.clean_data` would give back what ``data`` holds: every
    text (key or value) printable and no longer than the field limit, every number an ``int`` within
    the limit, nothing but texts, numbers, yes/no, dates and ``None`` in dicts and lists a few levels
    deep. A table's family almost always is, and is then validated without that copy (a twelfth of
    the time of drawing it); one that is not (a control character in a name) takes the usual way,
    with its usual errors."""
    if limits.limit("SOCIALTOOLS_MAX_DEPTH", limits.MAX_DEPTH) < 8:  # a family is nested 5 deep
        return False
    most = limits.MAX_NUMBER
    texts: list[str] = []
    add = texts.append
    stack: list[dict[Any, Any]] = [data]
    while stack:
        node = stack.pop()
        for key, value in node.items():
            add(key)
            kind = type(value)
            if kind is str:
                add(value)
            elif kind is dict:
                stack.append(value)
            elif kind is list:
                for item in value:
                    if type(item) is dict:
                        stack.append(item)
                    elif type(item) is str:
                        add(item)
                    else:
                        return False
            elif kind is int:
                if not -most <= value <= most:
                    return False
            elif not (value is None or kind is bool or kind is PartialDate):
                return False
    try:
        joined = "".join(texts)
    except TypeError:  # a key that is not a text
        return False
    most_chars = limits.limit("SOCIALTOOLS_MAX_FIELD_CHARS", limits.MAX_FIELD_CHARS)
    return joined.isprintable() and max(map(len, texts), default=0) <= most_chars


def build_families(rows: Iterable[Row], source: str, *, lenient: bool = False,
                   warnings: list[str] | None = None) -> Pedigree:
    """Families (by family id) of checked rows; see the module's description for the checks."""
    problem = _Problems(source, lenient, warnings)
    grouped: dict[str, dict[str, Row]] = {}
    for row in rows:
        people = grouped.setdefault(row.family, {})
        if row.id in people:
            problem(f"duplicate id '{row.id}' (also on {people[row.id].where.split(' (')[0]})",
                    row.where.split(" (")[0], "id")
            continue
        people[row.id] = row
    _place_familyless(grouped, problem)
    families = {fam: _family(people, fam, source, problem) for fam, people in grouped.items()}
    problem.close()
    # each person's row (line 7, entry 3) for the family's warnings (review 6 D14)
    origins = {fam: {pid: row.where for pid, row in people.items() if row.where.startswith(("line ", "entry "))}
               for fam, people in grouped.items()}
    return Pedigree(families, source, origins)


def _place_familyless(grouped: dict[str, dict[str, Row]], problem: _Problems) -> None:
    """Rows whose family cell is a code for a missing value (visPedigree's and studbooks' founders with
    family ``NA``) join the families of their children (and so on up: their own parents too), a copy
    in each, instead of standing apart as a family ``NA`` while their children's families add them
    as parents 'with nothing else known'. A row no family asks for stays in its own family."""
    missing = [fam for fam in grouped if fam.lower() in UNKNOWN]
    if not missing or len(grouped) == len(missing):
        return
    spare = {pid: row for fam in missing for pid, row in grouped[fam].items()}
    used: set[str] = set()
    for fam, people in grouped.items():
        if fam in missing:
            continue
        todo = [p for row in people.values() for p in (row.father, row.mother) if p is not None and p not in people]
        while todo:
            pid = todo.pop()
            row = spare.get(pid)
            if row is None or pid in people:
                continue
            people[pid] = dataclasses.replace(row, family=fam)
            used.add(pid)
            todo += [p for p in (row.father, row.mother) if p is not None and p not in people]
    for fam in missing:
        for pid in [pid for pid in grouped[fam] if pid in used]:
            row = grouped[fam].pop(pid)
            problem.note(f"'{fam}' is a code for a missing family: drawn in the family of their children",
                         row.where, "family")
        if not grouped[fam]:
            del grouped[fam]


def _family(people: dict[str, Row], fam: str, source: str, problem: _Problems) -> dict[str, Any]:
    roles: dict[str, tuple[str, Row]] = {}
    for row in people.values():
        if row.father is not None and row.father == row.mother and row.father != row.id:
            problem(f"'{row.father}' is both the father and the mother", row.where, "mother")
            row.mother = None  # (lenient: drawn as the father, the mother not known)
        for role, wrong in (("father", "female"), ("mother", "male")):
            parent = row.father if role == "father" else row.mother
            if parent is None:
                continue
            if parent == row.id:
                problem("is their own parent", row.where, role)
                setattr(row, role, None)
                continue
            known = people.get(parent)
            if known is not None and known.sex == wrong:
                problem(f"'{parent}' is the {role}, but their row ({known.where.split(' (')[0]}) says sex {wrong}",
                        row.where, role)
            other, first = roles.setdefault(parent, (role, row))
            if other != role:
                problem(f"'{parent}' is the {role} here but the {other} of '{first.id}'", row.where, role)
    for pid, (role, first) in roles.items():  # parents without a row of their own; unknown sex from the role
        known = people.get(pid)
        if known is None:
            problem.note(f"'{pid}' has no row of its own: added as a {'man' if role == 'father' else 'woman'} "
                         "with nothing else known", first.where, role)
            people[pid] = Row(f"parent '{pid}'", pid, fam, sex="male" if role == "father" else "female")
        elif known.sex == "unknown":
            known.sex = "male" if role == "father" else "female"
    _check_cycles(people, source)
    unions: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    for row in people.values():
        if row.father is None and row.mother is None:
            continue
        if row.birth and not problem.lenient:  # (drawn anyway with --lenient: Family.warnings() then names it once)
            for parent in (row.father, row.mother):
                birth = people[parent].birth if parent else None
                if birth and row.birth.certainly_before(birth):
                    problem(f"is born ({row.birth}) before their parent '{parent}' ({birth})", row.where, "birth")
        key = (row.father, row.mother)
        union = unions.get(key)
        if union is None:
            union = unions[key] = {"id": f"u{len(unions) + 1}", "partners": [p for p in key if p is not None],
                                   "kind": "unknown", "children": []}
        child: dict[str, Any] = {"id": row.id}
        if row.relation != "biological":
            child["relation"] = row.relation
        if row.twin:
            child["twin"] = row.twin
            if row.identical:
                child["identical"] = True
        union["children"].append(child)
    # a table's rows tell who is whose child, not who was born first
    return {"birth_order": "unknown", "people": [_person(row) for row in people.values()],
            "unions": list(unions.values())}


def _check_cycles(people: dict[str, Row], source: str) -> None:
    """Someone who is their own ancestor, named with the chain (without building a graph)."""
    children: dict[str, list[str]] = {}
    waiting = dict.fromkeys(people, 0)
    for row in people.values():
        for parent in (row.father, row.mother):
            if parent is not None:
                children.setdefault(parent, []).append(row.id)
                waiting[row.id] += 1
    ready = [pid for pid, n in waiting.items() if n == 0]
    while ready:
        for child in children.get(ready.pop(), ()):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    stuck = [pid for pid, n in waiting.items() if n > 0]
    if not stuck:
        return
    chain, pid = [stuck[0]], stuck[0]
    while True:  # walk up through parents that are themselves stuck until someone repeats
        row = people[pid]
        pid = next(p for p in (row.father, row.mother) if p is not None and waiting.get(p, 0) > 0)
        if pid in chain:
            chain = [*chain[chain.index(pid):], pid]
            break
        chain.append(pid)
    chain.reverse()
    raise InputError(f"is their own ancestor ({' → '.join(chain)})", record=people[chain[0]].where,
                     field="father/mother", source=source)


def _person(row: Row) -> dict[str, Any]:
    person: dict[str, Any] = {"id": row.id, "sex": row.sex}
    if row.name is not None:
        person["name"] = row.name
    if row.birth is not None:
        person["birth"] = row.birth
    if row.death is not None:
        person["death"] = row.death
    if row.age is not None:
        person["age"] = row.age
    if row.deceased:
        person["deceased"] = True
    if row.index:
        person["index"] = True
    if row.conditions:
        person["conditions"] = row.conditions
    if row.extra:
        person.update(row.extra)
    return person


# -- public API ----------------------------------------------------------------------------------------
def read_pedigree_text(text: str, source: str = "pedigree", *, family: str | None = None,
                       header: bool | None = None, lenient: bool = False,
                       warnings: list[str] | None = None) -> Pedigree:
    """Families of a pedigree table given as text, by family id (``"1"`` when there is none).

    ``family``: only that family is built (the others are only listed in the error when it
    is missing). ``header=False`` reads LINKAGE/PLINK columns even when the first row
    looks like names.
    """
    with collector_paused():
        return _read_table(text, source, family, header, lenient, warnings)


def _read_table(text: str, source: str, family: str | None, header: bool | None, lenient: bool,
                warnings: list[str] | None) -> Pedigree:
    names, body, numbers = table_rows(text, source, header, only=family, warnings=warnings)
    scale = None
    if family is not None:  # the affection scale is the whole file's, not the family's
        i_aff = column_map(names, source).get("affected")
        sample = "\n".join(text.splitlines()[:50])
        scale = i_aff is not None and plink_scale_in(text, i_aff, _delimiter(sample))
    _check_short_rows(names, body, numbers, source, _Problems(source, lenient, warnings))
    rows = rows_from_table(names, body, numbers, source, only=family, plink_scale=scale, warnings=warnings)
    if family is not None and not rows:
        names, body, numbers = table_rows(text, source, header)
        known = family_names(names, body, source)
        raise InputError(f"no family '{family}' (families: {', '.join(sorted(known)[:10])})", source=source,
                         field="family")
    return build_families(rows, source, lenient=lenient, warnings=warnings)


def _check_short_rows(header: list[str], body: list[list[str]], numbers: list[int], source: str,
                      problem: _Problems) -> None:
    """A row with fewer cells than the header has columns: refused naming the row and the first
    column it lacks, or (``lenient``) read with the missing cells unknown, one warning each."""
    cols = column_map(header, source)
    copied = copied_columns(header)  # a table without an id column: its id, copied, is the last cell
    i_id, needed = cols["id"], max(cols["id"], cols["father"], cols["mother"])
    if copied:
        needed = max(cols["father"], cols["mother"])
    width = len(header) - copied
    for n, row in zip(numbers, body, strict=True):
        own = len(row) - copied
        if own > width and (extra := [c for c in row[width:len(row) - copied] if c.strip()]):
            # cells beyond the header's columns (a comma inside an unquoted name, a column added
            # without its name): not read, and said
            shown = ", ".join(repr(c if len(c) <= 20 else c[:19] + "…") for c in extra[:3])
            problem.note(f"has {own} cells, the table {width} columns: the cells after the last column "
                         f"({shown}{', ...' if len(extra) > 3 else ''}) are not read",
                         f"line {n} (id '{row[-1] if copied else row[i_id]}')", header[width - 1])
        if needed < own < width:  # (without an id or a parent it is refused when read)
            where = f"line {n} (id '{row[-1] if copied else row[i_id]}')"
            lacks = header[own:width]
            missing = (f"the '{lacks[0]}' cell is" if len(lacks) == 1
                       else f"the {', '.join(repr(name) for name in lacks)} cells are")
            message = f"has {own} cells, the header {width} columns: {missing} missing"
            if problem.lenient:
                problem.note(message, where, header[own])
                if copied:  # the copied id back under its column: the missing cells are unknown
                    row[own:own] = [""] * (width - own)
            else:
                problem(message, where, header[own])
    problem.close()


def read_text_file(path: str | Path) -> str:
    """A text file as UTF-8 (with or without a byte-order mark), UTF-16 or Windows-1252
    (:func:`~socialtools.io.loading.decode_text`)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    return decode_text(path.read_bytes())


def read_pedigree(path: str | Path, **options: Any) -> Pedigree:
    """Families of a pedigree file (``.ped``, ``.fam``, ``.csv``, ``.tsv``, ``.txt``, ...).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "keluarga.csv"
    >>> _ = path.write_text("famid,id,father,mother,sex\\nF1,1,0,0,1\\nF1,2,0,0,2\\nF1,3,1,2,2\\n")
    >>> [p.id for p in read_pedigree(path)["F1"].people]
    ['1', '2', '3']
    """
    return read_pedigree_text(read_text_file(path), str(path), **options)
