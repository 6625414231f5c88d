"""One door for every file that holds a family: the kind is found from the content, not the name.

Kinds: ``case`` (a YAML/JSON case or family file), ``pedigree`` (a pedigree table: kinship2,
LINKAGE, spreadsheet CSV/TSV, Madeline tab files), ``plink`` (a LINKAGE/PLINK ``.fam``/``.ped``
without a header), ``madeline`` (a Madeline 2.0 flat file), ``gedcom``, ``canrisk`` (CanRisk/
BOADICEA), ``pedigreejs`` (pedigreejs JSON) and ``fhir`` (a FHIR Bundle of FamilyMemberHistory).
Any extension, or none, works; ``kind``
(``--from`` on the command line) overrides what is detected, and every error of a table, GEDCOM
or other exchange file says how the file was read ("read as a pedigree table: ..."; a case
file's errors name the section instead, ``family.unions[3]``, as every command's do).

>>> detect_kind(b"famid id father mother sex\\n1 a 0 0 1\\n"), detect_kind(b"0 HEAD\\n1 GEDC\\n")
('pedigree', 'gedcom')
>>> detect_kind(b"FamilyId\\nIndividualId\\nGender\\nFather\\nMother\\n\\nf a M . .\\n")
'madeline'
>>> detect_kind(b"family:\\n  people:\\n    - id: A\\n"), detect_kind(b"F1 A 0 0 1 2\\nF1 B 0 0 2 1\\n")
('case', 'plink')
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtools.errors import InputError, UsageError
from socialtools.io.bulk import collector_paused

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

KINDS: dict[str, str] = {
    "case": "a case file (YAML/JSON)",
    "pedigree": "a pedigree table",
    "plink": "a LINKAGE/PLINK table",
    "madeline": "a Madeline flat file",
    "gedcom": "a GEDCOM file",
    "canrisk": "a CanRisk file",
    "pedigreejs": "a pedigreejs file",
    "fhir": "a FHIR bundle",
}
#: bytes an empty file may still hold: white space, NUL bytes, byte-order marks
EMPTY_BYTES = b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"
#: a GEDCOM file starts with its header, with a note put before it, or (a fragment, an export
#: without a header) with any record, also one whose xref lacks its @ signs (a hand-written file)
_GEDCOM = re.compile(rb"^\s*0\s+(HEAD\b|NOTE\b|@[^@\s]+@\s+[A-Z_][A-Z0-9_]*\b|[^@\s]+\s+(INDI|FAM)[ \t]*(\r?\n|$)"
                     rb"|head[ \t]*\r?\n\s*1\s+[a-z])")  # (lower-case tags: '0 head', '1 char utf-8')
#: a YAML key of a case file (``family:``, ``- nama lengkap: ...``, ``tempat  lahir:``) or a list item; a
#: line of many numbers with a note after them (makeped's ``1  3  1  2 ... Ped: 1  Per: 3``) is none
_YAML_KEY = re.compile(r"^\s*(-\s+)?[\w\-\"']+(?:[ \t]+[\w\-\"']+){0,3}\s*:(\s|$)|^\s*-(\s|$)")


def _text(data: bytes) -> str:
    from socialtools.io.loading import decode_text

    return decode_text(data)


def detect_kind(data: bytes) -> str:
    """The kind of family file ``data`` is (see the module), from its first bytes."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:64].count(b"\x00") > 8:
        # UTF-16 text: a GEDCOM file, or a table that Excel saved as "Unicode text"
        head = _text(head[:-1] if len(head) % 2 else head).encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _GEDCOM.match(head):
        return "gedcom"
    text = _text(head)
    from socialtools.io.canrisk import is_canrisk
    from socialtools.io.madeline import is_madeline_flat

    if is_canrisk(text):
        return "canrisk"
    if text.startswith(("[", "{")):
        return _json_kind(data)
    if is_madeline_flat(text):
        return "madeline"
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")][:20]
    if not lines or text.lstrip().startswith("---") or any(_YAML_KEY.match(ln) for ln in lines[:3]):
        return "case"
    return _table_kind(lines, _LEADING_COMMENTS.match(text))


_LEADING_COMMENTS = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*")


#: the first bytes of files people hand over instead of a family file, and what to do
_OTHER_FILES = (
    (b"PK\x03\x04", "a ZIP file (an Excel or LibreOffice workbook, a Word document?): save the sheet as CSV "
                     "(UTF-8) or as tab-separated text"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file (.xls, .doc): save the sheet as CSV (UTF-8) or as "
                           "tab-separated text"),
    (b"\x1f\x8b", "a compressed file (a Gramps .gramps database?): export GEDCOM (.ged) from the program"),
    (b"%PDF", "a PDF document: write the family as a case file (YAML) or a table"),
    (b"\x89PNG", "an image"), (b"\xff\xd8\xff", "an image"), (b"GIF8", "an image"),
    (b"{\\rtf", "an RTF document: save it as plain text"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def refuse_other_files(data: bytes, source: str) -> None:
    """An :class:`InputError` for a file that is no family file of any kind: a workbook, a PDF,
    an image, an XML or HTML file (GEDCOM X, Gramps XML, a web page), binary data.

    >>> try:
    ...     refuse_other_files(b"%PDF-1.4 ...", "keluarga.pdf")
    ... except InputError as exc:
    ...     print(exc)
    keluarga.pdf: is a PDF document: write the family as a case file (YAML) or a table
    """
    what = next((text for magic, text in _OTHER_FILES if data.startswith(magic)), None)
    if what is None:
        head = _text(data[:4096]).lstrip("\ufeff \t\r\n")
        if head.startswith("<"):
            what = ("an XML or HTML file (GEDCOM X, Gramps XML, a web page?): export GEDCOM (.ged) from the "
                    "genealogy program, or save the table as CSV")
        elif len(_CONTROL.findall(head)) > max(2, len(head) // 100):
            what = "not a text file: save the family as a case file (YAML), a table (CSV) or GEDCOM"
    if what is not None:
        raise InputError(f"is {what}", source=source)


def _json_kind(data: bytes) -> str:
    from socialtools.io.fhir import is_fhir_bundle
    from socialtools.io.pedigreejs import people_list

    try:
        document = json.loads(_text(data))
    except (ValueError, RecursionError):  # bad JSON, a 5,000-digit number, nesting 100,000 deep
        return "case"  # the case reader names the JSON error
    if is_fhir_bundle(document):
        return "fhir"
    return "pedigreejs" if people_list(document) is not None else "case"


def _table_kind(lines: list[str], comments: re.Match[str] | None) -> str:
    from socialtools.io.pedigree import _below_title, _is_header, _split

    rows = _split(lines)
    last = [ln for ln in comments.group().splitlines() if ln.strip()][-1:] if comments else []
    if _is_header(rows[0]) or (last and _is_header(_split([last[0].strip().lstrip("#")])[0])):
        return "pedigree"  # a header row, or one written after '#' (PLINK 2's '#FID IID PAT MAT SEX')
    if len(_below_title(list(enumerate(lines)), None)) < len(lines):
        return "pedigree"  # a header row below a title
    return "plink" if len(rows[0]) >= 5 else "pedigree"


@dataclass
class FamilyFile:
    """What was read from a file: its families by name, the kind it was read as, and warnings
    (problems drawn anyway with ``lenient``, things the format holds that a family cannot)."""

    families: Mapping[str, Family]
    kind: str
    source: str
    warnings: list[str] = field(default_factory=list)

    @property
    def family(self) -> Family:
        """The only family (an error naming them when there are several)."""
        if len(self.families) != 1:
            names = ", ".join(sorted(self.families)[:10])
            raise UsageError(f"'{self.source}' holds {len(self.families)} families ({names}): "
                             "choose one by its family id")
        return next(iter(self.families.values()))


def read_families(path: str | Path, *, kind: str | None = None, family: str | None = None,
                  focus: str | None = None, generations: int | None = None,
                  lenient: bool = False) -> FamilyFile:
    """Read any family file; see the module. ``family`` picks one family of a multi-family file,
    ``focus``/``generations`` keep the family around one person (any kind of file).

    >>> from socialtools.examples import example_path
    >>> found = read_families(example_path("pk.yaml"))
    >>> found.kind, found.family.people[0].id
    ('case', 'K')
    """
    path = Path(path)
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}': choose from {', '.join(KINDS)}")
    if generations is not None and focus is None:
        raise UsageError("generations needs a focus: the person the genogram is about")
    from socialtools.io.limits import MAX_TREE_MB
    from socialtools.io.loading import check_input_file

    data = check_input_file(path, MAX_TREE_MB).read_bytes()
    if not data.strip(EMPTY_BYTES):
        raise InputError("the file is empty", source=str(path))
    refuse_other_files(data, str(path))
    found = kind or detect_kind(data)
    if found == "case":  # YAML/JSON: the case-file limit (a parsed document takes many times its size)
        check_input_file(path)
    warnings: list[str] = []
    try:
        with collector_paused():
            families = _read(found, data, str(path), path.stem, family, lenient, warnings)
        if family is not None and family not in families:
            raise InputError(f"no family '{family}' (families: {', '.join(sorted(families)[:10])})",
                             field="family")
        if family is not None:
            families = {family: families[family]}
        if focus is not None:
            from socialtools.io.gedcom import focus_family

            name, whole = _one(families, str(path))
            families = {name: focus_family(whole, focus, 2 if generations is None else generations)}
    except InputError as exc:
        if found == "case" and kind is None:  # its errors name the section (family.unions[3]), as ecomap's do
            raise (exc if exc.source else exc.located(str(path))) from None
        raise _read_as(exc, found, str(path)) from None
    return FamilyFile(families, found, str(path), warnings)


def _one(families: Mapping[str, Family], source: str) -> tuple[str, Family]:
    if len(families) != 1:
        raise UsageError(f"'{source}' holds {len(families)} families: "
                         "choose one by its family id before the focus person")
    return next(iter(families.items()))


def _read(kind: str, data: bytes, source: str, stem: str, family: str | None, lenient: bool,
          warnings: list[str]) -> Mapping[str, Family]:
    options: dict[str, Any] = {"lenient": lenient, "warnings": warnings, "family": family}
    if kind == "gedcom":
        from socialtools.io.gedcom import parse_gedcom

        return {stem: parse_gedcom(data, source, lenient=lenient, warnings=warnings)}
    text = _text(data)
    if kind == "case":
        from socialtools.genogram.model import Family
        from socialtools.io.loading import document_from_text
        from socialtools.io.sections import parse_section, refuse_contradictions

        document = document_from_text(text, source, warnings=warnings)
        made = parse_section(Family, document, "family", marker="people", source=source)
        if not lenient:
            refuse_contradictions(made, document, source)
        return {stem: made}  # (read leniently, Family.warnings() names each contradiction)
    if kind in ("pedigree", "plink"):
        from socialtools.io.pedigree import read_pedigree_text

        try:
            return read_pedigree_text(text, source, header=False if kind == "plink" else None, **options)
        except csv.Error as exc:  # a field over the csv module's limit, a NUL byte, ...
            raise InputError(f"the table cannot be read: {exc}") from None
    if kind == "madeline":
        from socialtools.io.madeline import read_madeline_text

        return read_madeline_text(text, source, **options)
    if kind == "canrisk":
        from socialtools.io.canrisk import read_canrisk_text

        return read_canrisk_text(text, source, **options)
    if kind == "fhir":
        from socialtools.io.fhir import read_fhir_text

        return read_fhir_text(text, source)
    from socialtools.io.pedigreejs import read_pedigreejs_text

    return read_pedigreejs_text(text, source, **options)


def _read_as(exc: InputError, kind: str, source: str) -> InputError:
    """The error with the kind the file was read as in front of what went wrong."""
    inner = InputError(exc.message, record=exc.record, field=exc.field)
    if exc.source and exc.source != source and exc.source.startswith(source):
        inner = InputError(exc.message, record=", ".join(x for x in (exc.source[len(source):].lstrip(", "),
                                                                      exc.record) if x) or None, field=exc.field)
    error = InputError(f"read as {KINDS[kind]}: {inner}", source=source)
    error.kind = kind  # type: ignore[attr-defined]
    return error
