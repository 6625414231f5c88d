"""GEDCOM import and export: genealogy files ⇄ the :class:`~socialtools.genogram.model.Family` model.

Reading goes through one maintained parser library, `gedcom-lite`_ (MIT, pure Python, reads
GEDCOM 5.5.1 in UTF-8, UTF-16 and ANSEL, and GEDCOM 7). Everything that touches the library
is in this module (:func:`_parse_document` and the ``Structure`` walking below), so it can be
swapped for another. On top of the library this module adds the checks it does not make:
a truncated file (no ``0 TRLR``), bytes that do not match the declared ``CHAR``, pointers
to records that are not in the file, and cycles (through the Family model). Every error
names the record and its line.

Writing is a small line writer of our own (GEDCOM 5.5.1, UTF-8): it only ever writes what
the Family model holds, so it needs no library.

>>> text = '''0 HEAD
... 1 GEDC
... 2 VERS 5.5.1
... 1 CHAR UTF-8
... 0 @I1@ INDI
... 1 NAME Budi /Santoso/
... 1 SEX M
... 1 FAMS @F1@
... 0 @I2@ INDI
... 1 NAME Siti /Aminah/
... 1 SEX F
... 1 FAMS @F1@
... 0 @I3@ INDI
... 1 NAME Putri /Santoso/
... 1 SEX F
... 1 BIRT
... 2 DATE 4 MAR 2005
... 1 FAMC @F1@
... 2 PEDI adopted
... 0 @F1@ FAM
... 1 HUSB @I1@
... 1 WIFE @I2@
... 1 CHIL @I3@
... 1 MARR
... 2 DATE 1998
... 0 TRLR
... '''
>>> family = parse_gedcom(text.encode("utf-8"))
>>> [(p.id, p.name, p.sex) for p in family.people][2]
('I3', 'Putri Santoso', 'female')
>>> union = family.unions[0]
>>> union.id, union.partners, union.kind, str(union.start), union.children[0].relation
('F1', ['I1', 'I2'], 'married', '1998', 'adopted')
>>> parse_gedcom(family_to_gedcom(family).encode("utf-8")) == family
True

.. _gedcom-lite: https://pypi.org/project/gedcom-lite/
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, get_args

from socialtools import __version__
from socialtools.dates import PartialDate
from socialtools.errors import InputError, MissingDependencyError, UsageError
from socialtools.genogram.model import STARTING_KINDS, Family, UnionKind
from socialtools.io.bulk import collector_paused
from socialtools.io.gedcom_dates import GedcomDate, format_gedcom_date, parse_gedcom_date, read_gedcom_date
from socialtools.io.loading import parse_model

__all__ = ["GedcomDate", "focus_family", "format_gedcom_date", "parse_gedcom", "parse_gedcom_date",
           "read_gedcom", "read_gedcom_date", "write_gedcom"]

#: PEDI (5.5.1 lower case, 7 upper case) and _FREL/_MREL words → our child relation.
PEDIGREE = {
    "birth": "biological", "natural": "biological", "sealing": "biological", "biological": "biological",
    "adopted": "adopted", "adoptive": "adopted",
    "foster": "foster",
    "step": "step", "stepchild": "step",
}
SEX_CODES = {"M": "male", "F": "female"}
#: CHAR values of 8-bit code pages the parser library does not know; we decode them ourselves.
CODE_PAGES = {"ANSI": "cp1252", "WINDOWS-1252": "cp1252", "CP1252": "cp1252", "IBMPC": "cp850",
              "IBM": "cp850", "CP850": "cp850", "LATIN1": "latin-1", "ISO-8859-1": "latin-1",
              "ISO8859-1": "latin-1", "IBM WINDOWS": "cp1252", "IBM DOS": "cp850", "IBM PC": "cp850",
              "MACINTOSH": "mac_roman", "MACROMAN": "mac_roman", "WINDOWS-1250": "cp1250", "CP1250": "cp1250",
              "ISO-8859-2": "iso8859_2", "ISO-8859-15": "iso8859_15"}
_CHAR_LINE = re.compile(rb"^[ \t]*1[ \t]+CHAR[ \t]+(\S[^\n]*?)[ \t]*$", re.MULTILINE)
_LEADING_SPACE = re.compile(rb"^[ \t]+(?=\d)", re.MULTILINE)
_SPLIT_ACCENT = re.compile(rb"([\xe0-\xfe]+)\n(\d+ CONC ?)")
_ACCENT_ALONE = re.compile(rb"[\xe0-\xfe](?=[ /,.;)]|\n(?!\d+ CONC)|$)")
_BLANK_LINE = re.compile(rb"^[ \t]+$", re.MULTILINE)
_LINE_END = re.compile(r"\r\n?")
_LEVEL_SPACES = re.compile(rb"^(\d{1,2})[ \t]{2,}(?=\S)", re.MULTILINE)
#: a tag written in lower case (``0 head``, ``1 birt``, ``0 @i1@ indi``: hand-typed files, some old
#: programs); GEDCOM's tags are upper case, and a lower-case one is read as its upper case
_LOWER_TAG = re.compile(rb"^(\d{1,2} (?:@[^@\r\n]+@ )?)(_?[a-z][a-z0-9_]*)(?=[ \r\n]|$)", re.MULTILINE)
_POINTER = re.compile(r"^@[^@#\s][^@\s]*@$")
_XREF = re.compile(r"^[A-Za-z0-9_]{1,20}$")
_UNION_KINDS = frozenset(get_args(UnionKind))
#: dates that cannot be read, each named in a warning, per file; the rest are counted
MAX_DATE_WARNINGS = 10
#: DATE values that say the event happened (or that its date is unknown) and give no date
_NO_DATE = frozenset({"deceased", "dead", "died", "y", "yes", "unknown", "unk", "meninggal", "wafat", "?"})
_FIRST_DATE = re.compile(r"\b(?:TO|AND)\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b")


# -- the parser library, behind one door -------------------------------------------------------
def _library() -> Any:
    try:
        import gedcom_lite
    except ImportError:  # pragma: no cover - gedcom-lite is a dependency
        raise MissingDependencyError("GEDCOM import needs gedcom-lite: pip install gedcom-lite") from None
    return gedcom_lite


@cache
def _not_ansel() -> re.Pattern[bytes]:
    r"""The bytes ANSEL leaves undefined: every byte from 0x80 up that the library's ANSEL tables
    read neither as a character nor as an accent (0x80-0xA0 but four controls, 0xAF, 0xBB, 0xBE,
    0xBF, 0xC9-0xCC, 0xD0-0xDF, 0xFC, 0xFD, 0xFF: Windows-1252's ``É``, ``Ñ``, ``Ü``, ``ü``...).

    >>> bool(_not_ansel().search(b"M\xfcller")), bool(_not_ansel().search(b"\xe2e"))
    (True, False)
    """
    from gedcom_lite import ansel

    known = set(ansel._ANSEL_TO_UNICODE) | set(ansel._ANSEL_COMBINING)
    undefined = bytes(b for b in range(0x80, 0x100) if b not in known)
    return re.compile(b"[" + b"".join(re.escape(bytes([b])) for b in undefined) + b"]")


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _is_utf16(raw: bytes) -> bool:
    """UTF-16, with a byte-order mark or without one ("0 HEAD" has a zero byte per letter)."""
    return raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:64].count(b"\x00") > 8


def _prepare_bytes(raw: bytes, source: str | None, said: list[str] | None = None) -> bytes:
    r"""Check the bytes against the declared ``CHAR``; decode code pages the library lacks.

    Bytes that are not what the header declares (``CHAR UTF-8`` over Windows-1252 bytes, ``CHAR
    ANSI`` or ``ANSEL`` over UTF-8) are read as UTF-8, else Windows-1252, else Latin-1, with one
    warning in ``said`` naming the declared and the used encoding.

    >>> said = []
    >>> _prepare_bytes(b"0 HEAD\n1 CHAR UTF-8\n1 NOTE Ma\x92ruf\n", "x", said).decode()
    '0 HEAD\n1 CHAR UTF-8\n1 NOTE Ma’ruf\n'
    >>> said[0].split(": ", 1)[1]
    'the file declares CHAR UTF-8, but byte 0x92 on line 3 is not UTF-8: read as Windows-1252'
    """
    if _is_utf16(raw):  # made UTF-8 here, so the line clean-ups apply to it too
        codec = ("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else
                 "utf-16-be" if raw[:1] == b"\x00" else "utf-16-le")
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(f"the file looks like UTF-16 but byte {exc.start} is not: save it again as UTF-8",
                             record="HEAD", field="CHAR", source=source) from None
        text = _LINE_END.sub("\n", text)
        return _CHAR_LINE.sub(b"1 CHAR UTF-8", text.encode("utf-8"), count=1)
    if b"\r" in raw:  # CR LF, or CR alone (old Macintosh programs): every line end made LF
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    bom = raw.startswith(b"\xef\xbb\xbf")
    raw = raw[3:] if bom else raw
    match = _CHAR_LINE.search(raw[:8192])
    declared = match.group(1).decode("ascii", "replace").upper() if match else None
    if declared == "UNICODE" and not bom:
        return raw
    unknown = declared not in (None, "UTF-8", "UTF8", "UNICODE", "ANSEL", "ASCII") and declared not in CODE_PAGES
    if unknown and not bom:
        raise InputError(f"unknown character set '{declared}': use UTF-8, UNICODE, ANSEL or ANSI",
                         record="HEAD", field="CHAR", source=source)
    # an unknown CHAR after a UTF-8 byte-order mark: the mark says how the file is written
    want = "utf-8" if unknown else (CODE_PAGES.get(declared or "")
                                    or {"ANSEL": "ansel", "ASCII": "ascii"}.get(declared or "", "utf-8"))
    if want == "ansel" and not bom and not _is_utf8_text(raw) and _not_ansel_at(raw) is None:
        # an ANSEL accent comes before its letter; a program that splits a long text for CONC
        # between the two (Heredis) leaves the accent at the end of a line: it goes with the letter
        return _SPLIT_ACCENT.sub(rb"\n\2\1", raw)
    text, used, bad = _decode(raw, want)
    bad = _not_ansel_at(raw) if want == "ansel" and used != "utf-8" else bad
    if (unknown or (used != want and not (want == "ascii" and raw.isascii()))) and said is not None:
        shown = f"CHAR {declared}" if declared else "no CHAR (so UTF-8)"
        expected = _CODEC_NAMES.get(want, want.upper())
        if bad is None and used != "utf-8":  # a byte-order mark over bytes that are not UTF-8
            bad, expected = _decode(raw, "utf-8")[2], "UTF-8 (as the byte-order mark says)"
        if bad is not None:
            why = f"byte 0x{raw[bad]:02X} on line {_line_of(raw, bad)} is not {expected}"
        elif unknown:
            why = "that is no known character set and the file begins with a UTF-8 byte-order mark"
        else:
            why = f"its bytes are UTF-8{' (a byte-order mark)' if bom else ''}"
        said.append(f"HEAD, field 'CHAR': the file declares {shown}, but {why}: read as {_CODEC_NAMES[used]}")
    data = text.encode("utf-8")
    return _CHAR_LINE.sub(b"1 CHAR UTF-8", data, count=1) if match else data


def _not_ansel_at(raw: bytes) -> int | None:
    """The first byte that shows 8-bit text is not ANSEL, or None: a byte ANSEL leaves undefined
    (:func:`_not_ansel`) or an accent (0xE0-0xFE, written before its letter)
    before a space, a slash or a line end, as a Windows-1252 ``é`` in ``René /Halim/`` is (an
    accent before a ``CONC`` line is a split the reader mends)."""
    found = [m.start() for m in (_not_ansel().search(raw), _ACCENT_ALONE.search(raw)) if m]
    return min(found) if found else None


#: the encodings a GEDCOM file is read in, as messages name them
_CODEC_NAMES = {"ansel": "ANSEL", "ascii": "ASCII", "utf-8": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1",
                "cp850": "IBM code page 850", "mac_roman": "Mac Roman", "cp1250": "Windows-1250",
                "iso8859_2": "ISO-8859-2", "iso8859_15": "ISO-8859-15",
                "mixed": "UTF-8, and the lines that are not UTF-8 as Windows-1252"}


def _mixed_lines(raw: bytes) -> str | None:
    r"""A UTF-8 file with a few lines in an 8-bit code page (a name pasted from an old export, a line
    edited in Notepad): each line as UTF-8 where it is, the others as Windows-1252, so that the
    UTF-8 accents elsewhere are kept (read whole as Windows-1252, ``José`` became ``JosÃ©``).
    ``None`` when no line has UTF-8 text beyond ASCII (then the file is 8-bit throughout).

    >>> _mixed_lines("1 NAME José\n".encode() + b"1 NAME Ren\xe9\n")
    '1 NAME José\n1 NAME René\n'
    >>> _mixed_lines(b"1 NAME Ren\xe9\n") is None
    True
    """
    lines, utf8 = raw.split(b"\n"), False
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out) if utf8 else None


def _decode(raw: bytes, declared: str) -> tuple[str, str, int | None]:
    """The text, the codec it was read with and the first byte the declared codec could not read
    (None when it could): UTF-8 text is read as UTF-8 whatever was declared (an 8-bit code page
    practically never makes valid UTF-8 of accented text); then the declared code page, then
    Windows-1252, then Latin-1 (which reads any byte)."""
    bad = None
    if not raw.isascii():
        try:
            return raw.decode("utf-8"), "utf-8", None
        except UnicodeDecodeError as exc:
            if declared in ("utf-8", "ascii"):
                bad = exc.start
                mixed = _mixed_lines(raw)
                if mixed is not None:
                    return mixed, "mixed", bad
    first = declared if declared not in ("ansel", "ascii") else "cp1252"
    for codec in dict.fromkeys((first, "cp1252", "latin-1")):
        try:
            return raw.decode(codec), codec, bad
        except UnicodeDecodeError as exc:
            bad = exc.start if bad is None else bad
    raise AssertionError("Latin-1 reads any byte")  # pragma: no cover


def _is_utf8_text(raw: bytes) -> bool:
    """Non-ASCII bytes that decode as UTF-8: ANSEL text practically never does (its combining
    marks 0xE0-0xFE precede an ASCII letter, which is not a UTF-8 continuation byte)."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_document(raw: bytes, source: str | None, lenient: bool = False,
                    warnings: list[str] | None = None) -> Any:
    """The library's document tree, after our checks for encoding and truncation; with ``lenient``,
    a record whose xref an earlier one already has is read under a new one (:func:`split_duplicates`),
    and a file without ``0 TRLR`` is read as far as it goes. What is mended (a missing ``HEAD``,
    text lines without a level) or passed over is one line each in ``warnings``."""
    if not raw.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise InputError("the file is empty", source=source)
    said = warnings if warnings is not None else []
    data = _prepare_bytes(raw, source, said)
    # 5.5.1: readers ignore white space before the level; some programs indent lines by
    # level or put several spaces after it, or leave lines of white space only
    if data[:1] in (b" ", b"\t") or b"\n " in data or b"\n\t" in data:
        data = _BLANK_LINE.sub(b"", data)
        data = _LEADING_SPACE.sub(b"", data)
    if b"  " in data or b"\t" in data:  # (a scan for the pair is much cheaper than the substitution)
        data = _LEVEL_SPACES.sub(rb"\1 ", data)
    lower = _LOWER_TAG.search(data)
    if lower is not None:
        line = data.count(b"\n", 0, lower.start()) + 1
        count = 0

        def upper(m: re.Match[bytes]) -> bytes:
            nonlocal count
            count += 1
            return m.group(1) + m.group(2).upper()

        data = _LOWER_TAG.sub(upper, data)
        tag = lower.group(2).decode("ascii")
        said.append(f"line {line}: {count} tag{'s' if count > 1 else ''} written in lower case ('{tag}') "
                    f"read as upper case ('{tag.upper()}'), as GEDCOM writes them")
    if lenient:
        data, renamed = split_duplicates(data)
        said.extend(renamed)
    data, added = _mend_lines(data, said)
    bare = _BARE_XREF.search(data)
    if bare is not None:
        xref, tag = (g.decode("utf-8", "replace") for g in bare.groups())
        line = data.count(b"\n", 0, bare.start()) + 1 - added
        raise InputError(f"'0 {xref} {tag}': an xref is written between @ signs, '0 @{xref}@ {tag}' (and so is "
                         "every pointer to it)", record=f"line {line}", source=source)
    try:
        document = _library().parse(data)
    except ValueError as exc:
        raise InputError(f"not a GEDCOM file: {exc}", source=source) from None
    except (UnicodeDecodeError, LookupError) as exc:  # pragma: no cover - defensive
        raise InputError(f"cannot decode the file: {exc}", source=source) from None
    _number_as_in_file(document, data, added)
    for warning in document.parse_warnings:
        if warning == "missing TRLR record":
            last = document.records[-1] if document.records else document.header
            people = {r.xref: r for r in document.records if r.tag == "INDI" and r.xref}
            what = f"the file is truncated: it does not end with '0 TRLR' (last record {_label(last, people)})"
            if not lenient:
                raise InputError(what + " (read the file leniently to draw what it holds)", record="TRLR",
                                 source=source)
            said.append(f"TRLR: {what}; drawn as far as it goes")
        if warning.startswith("duplicate xref"):
            xref = warning.split()[-1]
            heads = [n - added for n, line in enumerate(data.split(b"\n"), start=1)
                     if (m := _RECORD.match(line)) and m.group(1).decode("utf-8", "replace") == xref]
            lines = f" (lines {heads[0]} and {heads[1]})" if len(heads) > 1 else ""
            raise InputError(f"{xref} is used by two records{lines} (read the file leniently to keep "
                             "both, the second under a new xref)", record=xref, field="xref", source=source)
        if warning.startswith("line "):
            where, _, what = warning.partition(": ")
            number = where.split()[-1]
            if number.isdigit():  # (a line the library counts past the end: a stray accent byte at the end)
                lines = _file_lines(data, added) or [int(number)]
                where = f"line {lines[min(int(number), len(lines)) - 1]}"
            raise InputError(f"malformed {where}: {what}", source=source)
    _level_jumps(document, said)
    return document


def _level_jumps(document: Any, said: list[str]) -> None:
    r"""One warning for each line whose level is more than one below its parent line's (``3 DATE``
    under ``1 SEX``): GEDCOM forbids it, the parser reads the line as part of that parent line, and
    a date or a place can end up where it means nothing. Ten warnings, then a count.

    >>> from gedcom_lite import parse
    >>> said = []
    >>> _level_jumps(parse(b"0 HEAD\n0 @I1@ INDI\n1 NAME Ari /W/\n1 BIRT\n3 DATE 1950\n0 TRLR\n"), said)
    >>> print(said[0].replace(": '", ":\n'"))
    person @I1@ (Ari /W/), line 2, field 'BIRT.DATE' (line 5):
    '3 DATE 1950' skips a level (level 3 under the level-1 line 4, BIRT): read as part of line 4
    """
    records = [document.header, *document.records] if document.header is not None else list(document.records)
    people: dict[str, Any] | None = None
    found = 0
    for record in records:
        stack = [(record, child) for child in record.children]
        while stack:
            parent, node = stack.pop()
            stack.extend((node, child) for child in node.children)
            if node.level <= parent.level + 1:
                continue
            found += 1
            if found > MAX_DATE_WARNINGS:
                continue
            if people is None:
                people = {r.xref: r for r in document.records if r.tag == "INDI" and r.xref}
            path, up = [node.tag], parent
            while up is not record and up is not None:
                path.insert(0, up.tag)
                up = up.parent
            text = f"{node.level} {node.tag} {node.payload or ''}".strip()
            text = text if len(text) <= 40 else text[:39] + "…"
            said.append(f"{_label(record, people)}, field '{'.'.join(path)}' (line {node.source_line_no}): "
                        f"'{text}' skips a level (level {node.level} under the level-{parent.level} line "
                        f"{parent.source_line_no}, {parent.tag}): read as part of line {parent.source_line_no}")
    if found > MAX_DATE_WARNINGS:
        said.append(f"... and {found - MAX_DATE_WARNINGS} more lines that skip a level")


def _file_lines(data: bytes, added: int) -> list[int]:
    """The file's line number of each line the library numbers: it skips empty lines (blank lines
    between records, as some programs and hand edits leave them) and counts the ``0 HEAD`` line
    put before a file without one."""
    return [n - added for n, line in enumerate(data.split(b"\n"), start=1) if line]


def _number_as_in_file(document: Any, data: bytes, added: int) -> None:
    """Every node's line number made the file's own (see :func:`_file_lines`), so that messages
    name the line a person opens in an editor."""
    if not added and b"\n\n" not in data and not data.startswith(b"\n"):
        return
    lines = _file_lines(data, added)
    stack = [document.header, *document.records] if document.header is not None else list(document.records)
    while stack:
        node = stack.pop()
        if 0 < node.source_line_no <= len(lines):
            node.source_line_no = lines[node.source_line_no - 1]
        stack.extend(node.children)


#: a person's field in the model → the GEDCOM tag it was read from, for messages
_FIELD_TAGS = {"name": "NAME", "occupation": "OCCU", "education": "EDUC", "religion": "RELI", "notes": "NOTE",
               "birthplace": "BIRT.PLAC", "place": "RESI.PLAC"}
_PEOPLE_PLACE = re.compile(r"^people\[(\d+)\](?:\.(\w+))?")
_MODEL_PLACE = re.compile(r"^(?:person '([^']+)'|unions\[(\d+)\](?: \(id '[^']*'\))?(\..*)?)$")
_BARE_XREF = re.compile(rb"^0 ([^@\s]+) (INDI|FAM)[ \t]*$", re.MULTILINE)
_NO_LEVEL = re.compile(rb"^(?![\d\n])[^\n]*\S", re.MULTILINE)
_LEVEL_TAG = re.compile(rb"(\d+) (?:@[^@\n]+@ )?(\S*) ?(.*)")
_FIRST_RECORD = re.compile(rb"(?:\xef\xbb\xbf)?0 @[^@\n]+@ [A-Z_][A-Z0-9_]*\b")


def _mend_lines(data: bytes, said: list[str]) -> tuple[bytes, int]:
    """A file without ``0 HEAD`` that starts with a record (a person, a family, a source ...) gets one; a line
    without a level that follows a line of text (a note's text that a program or a hand edit broke
    over lines without ``CONT``) is read as a ``CONT`` of that text. One warning each; and
    the number of lines added before the file's first (0 or 1).

    >>> said = []
    >>> _mend_lines(b"0 @I1@ INDI\\n1 NOTE a\\nb\\n2 CONT c\\nd\\n0 TRLR\\n", said)
    (b'0 HEAD\\n0 @I1@ INDI\\n1 NOTE a\\n2 CONT b\\n2 CONT c\\n2 CONT d\\n0 TRLR\\n', 1)
    >>> said[1]
    "line 3: 'b' has no level: read as a continuation (CONT) of line 2"
    """
    added = 0
    if _FIRST_RECORD.match(data):
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        data = data[:bom] + b"0 HEAD\n" + data[bom:]
        said.append("HEAD: the file has no '0 HEAD' record: read as GEDCOM 5.5.1")
        added = 1
    if b"\n" not in data or _NO_LEVEL.search(data, data.find(b"\n") + 1) is None:
        return data, added
    lines = data.split(b"\n")
    cont: bytes | None = None  # a continuation of the last line of text that is not itself one
    mended = 0
    for i, line in enumerate(lines):
        found = _LEVEL_TAG.match(line)
        if found is not None:
            if found.group(2) not in (b"CONT", b"CONC"):  # (a line without text, or a pointer, has none)
                text = found.group(3)
                cont = b"%d CONT " % (int(found.group(1)) + 1) if text and not text.startswith(b"@") else None
        elif cont is not None and line.strip():
            mended += 1
            if mended <= MAX_DATE_WARNINGS:
                text = line.strip().decode("utf-8", "replace")
                said.append(f"line {i + 1 - added}: '{text[:40]}{'...' if len(text) > 40 else ''}' has no level: "
                            f"read as a continuation (CONT) of line {i - added}")
            lines[i] = cont + line.strip()
    if mended > MAX_DATE_WARNINGS:
        said.append(f"... and {mended - MAX_DATE_WARNINGS} more lines without a level")
    return b"\n".join(lines), added


_RECORD = re.compile(rb"^\s*0\s+(@[^@\s]+@)\s+(\w+)")
_LINK = re.compile(rb"^\s*1\s+(FAMS|FAMC|HUSB|WIFE|CHIL)\s+(@[^@\s]+@)")


def split_duplicates(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` with every record whose xref an earlier record already has renamed (``@I5@`` →
    ``@I5_2@``), and the family records that its own FAMS/FAMC lines name pointed at the new
    xref, so two people a program wrote under one xref stay two people in their own families;
    and one warning per renamed record.

    >>> text = (b"0 @I1@ INDI\\n1 NAME A\\n1 FAMS @F1@\\n0 @I1@ INDI\\n1 NAME B\\n1 FAMS @F2@\\n"
    ...         b"0 @F1@ FAM\\n1 WIFE @I1@\\n0 @F2@ FAM\\n1 HUSB @I1@\\n0 TRLR\\n")
    >>> fixed, said = split_duplicates(text)
    >>> fixed.count(b"@I1_2@"), said
    (2, ['@I1@ is used by two records (lines 1 and 4): the second is read as @I1_2@, in its own families @F2@'])
    """
    lines = data.split(b"\n")
    heads = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _RECORD.match(line))]
    taken = {xref for _, xref in heads}
    bounds = {i: next((j for j in range(i + 1, len(lines)) if lines[j].lstrip()[:2] == b"0 "), len(lines))
              for i, _ in heads}
    first: dict[bytes, int] = {}
    families = {xref: i for i, xref in reversed(heads)}  # the first record of each xref
    said: list[str] = []
    for i, xref in heads:
        if xref not in first:
            first[xref] = i
            continue
        k = 2
        while (new := xref[:-1] + b"_%d@" % k) in taken:
            k += 1
        taken.add(new)
        lines[i] = lines[i].replace(xref, new, 1)
        # the family links (FAMS/FAMC) of this record that the first record does not have: in those
        # families the pointers of that role (partner, child) are this record's
        own = {(m.group(2), m.group(1)) for j in range(i + 1, bounds[i]) if (m := _LINK.match(lines[j]))
               and m.group(1) in (b"FAMS", b"FAMC")}
        theirs = {(m.group(2), m.group(1)) for j in range(first[xref] + 1, bounds[first[xref]])
                  if (m := _LINK.match(lines[j]))}
        for fam, link in sorted(own - theirs):
            start = families.get(fam)
            roles = (b"CHIL",) if link == b"FAMC" else (b"HUSB", b"WIFE")
            for j in range(start + 1, bounds[start]) if start is not None else ():
                if (m := _LINK.match(lines[j])) and m.group(2) == xref and m.group(1) in roles:
                    lines[j] = lines[j].replace(xref, new, 1)
        names = ", ".join(sorted({f.decode("ascii", "replace") for f, _ in own - theirs})) or "none"
        said.append(f"{xref.decode('ascii', 'replace')} is used by two records (lines {first[xref] + 1} and {i + 1}): "
                    f"the second is read as {new.decode('ascii', 'replace')}, in its own families {names}")
    return b"\n".join(lines), said


def _label(record: Any, people: dict[str, Any] | None = None) -> str:
    r"""A record as messages name it: its pointer, the name where the file gives one (a family's:
    its partners', when ``people`` holds their records), and its line.

    >>> from gedcom_lite import parse
    >>> doc = parse(b"0 HEAD\n1 CHAR UTF-8\n0 @I23@ INDI\n1 NAME Jan /Kowalski/\n0 @F1@ FAM\n"
    ...             b"1 HUSB @I23@\n0 @I24@ INDI\n0 TRLR\n")
    >>> people = {r.xref: r for r in doc.records if r.tag == "INDI"}
    >>> [_label(r, people) for r in doc.records]
    ['person @I23@ (Jan /Kowalski/), line 3', 'family @F1@ (Jan /Kowalski/), line 5', 'person @I24@ (line 7)']
    """
    kind = {"INDI": "person", "FAM": "family"}.get(record.tag, record.tag)
    xref = f" {record.xref}" if record.xref else ""
    if record.tag == "FAM":
        table = people or {}
        partners = [table[p] for node in record.children if node.tag in ("HUSB", "WIFE")
                    and (p := (node.payload or "").strip()) in table]
        names = list(dict.fromkeys(n for r in partners[:2] if (n := _shown_name(r))))
    else:
        names = [n] if record.tag == "INDI" and (n := _shown_name(record)) else []
    if names:
        return f"{kind}{xref} ({' and '.join(names)}), line {record.source_line_no}"
    return f"{kind}{xref} (line {record.source_line_no})"


def _shown_name(record: Any) -> str | None:
    """The first NAME of a person as the file writes it (``Jan /Kowalski/``), shortened to 40 characters."""
    text = " ".join((_value(record, "NAME") or "").split())
    if not text.strip("/ "):
        return None
    return text if len(text) <= 40 else text[:39] + "…"


# -- GEDCOM values → model values ---------------------------------------------------------------
def _strip_xref(xref: str) -> str:
    return xref.strip().strip("@")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text.replace("/", " "))
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))  # "Smith , Sr." from "/Smith/, Sr."
    return text.replace("@@", "@") or None


def _text(node: Any) -> str:
    """A line's text with its continuations: each ``CONC`` child joined on, each ``CONT`` child on
    a new line, wherever among the line's children they stand (a program that writes ``2 GIVN``
    before ``2 CONC`` is not followed by the library's own join, which stops at the first other tag).

    >>> doc = _library().parse(b"0 HEAD\\n0 @I1@ INDI\\n1 NAME Ana /Lefebvre-Dupon\\n2 CONC t/\\n0 TRLR\\n")
    >>> _text(doc.resolve("@I1@").find("NAME"))
    'Ana /Lefebvre-Dupont/'
    """
    out = node.payload or ""
    for child in node.children:
        if child.tag == "CONC":
            out += child.payload or ""
        elif child.tag == "CONT":
            out += "\n" + (child.payload or "")
    return out


def _value(node: Any, tag: str) -> str | None:
    child = node.find(tag)
    return (_text(child).strip() or None) if child is not None else None


def _event_date(node: Any, tag: str) -> tuple[bool, PartialDate | None]:
    happened, date = _event(node, tag)
    return happened, date.shown if date else None


def _moment(date: GedcomDate | None) -> PartialDate | None:
    """The date to show of a birth or death: a period (``FROM 1948 TO 1949``, GEDCOM 5.5.1 and 7)
    is about its start, as a range (``BET``) and a qualified date (``ABT``, ``BEF``) already are.

    >>> _moment(read_gedcom_date("FROM 1948 TO 1949")).display(), _moment(read_gedcom_date("1948")).display()
    ('~1948', '1948')
    """
    if date is None or date.shown is None:
        return None
    return replace(date.shown, approximate=True) if date.period else date.shown


def _event(node: Any, tag: str) -> tuple[bool, GedcomDate | None]:
    """Whether the event happened and its date: of the first of its records with a date (a
    ``1 DEAT Y`` followed by a ``1 DEAT`` with its ``DATE``, as merged trees write a death twice,
    keeps the date)."""
    event = node.find(tag)
    if event is None:
        return False, None
    happened = (event.payload or "").strip().upper() != "N"
    date = read_gedcom_date(_value(event, "DATE"))
    if date is None:
        for other in node.find_all_children(tag)[1:]:
            if (date := read_gedcom_date(_value(other, "DATE"))) is not None:
                happened = True
                break
    return happened, date


# GEDCOM's family events, and the words other programs write as an event's TYPE, as union kinds
_UNION_EVENT_TAGS = {"MARR": "married", "ENGA": "engaged", "DIV": "divorced", "ANUL": "annulled",
                     "_SEPR": "separated"}
_EVENT_TYPES = {"separation": "separated", "reconciliation": "reconciled", "widowhood": "widowed",
                "marriage": "married", "divorce": "divorced", "engagement": "engaged",
                "cohabitation": "cohabiting", "annulment": "annulled"}


#: the relationship status genealogy programs write on a family (``1 _STAT Partners``: Legacy, Family
#: Tree Maker; ``_MSTAT``) as union kinds; "Friends", "Single", "Unknown", "Private" say no kind
_STATUS_KINDS = {"married": "married", "partners": "cohabiting", "unmarried": "cohabiting",
                 "never married": "cohabiting", "common law": "cohabiting", "living together": "cohabiting",
                 "cohabiting": "cohabiting", "divorced": "divorced", "separated": "separated",
                 "engaged": "engaged", "annulled": "annulled", "widowed": "widowed"}


def _union_history(record: Any) -> list[tuple[str, GedcomDate, Any]]:
    """A family's dated events in file order (MARR, DIV, ... and ``EVEN`` with a ``TYPE`` such as
    ``separated`` or ``reconciled``) as (kind, date, node) — only when the history needs more than a
    start and an end, that is when an ``EVEN`` (or ``_SEPR``) of a union kind is among them or an
    event comes twice; else ``[]``."""
    events: list[tuple[str, GedcomDate, Any]] = []
    beyond = False
    for node in record.children:
        if node.tag == "EVEN":
            word = (_value(node, "TYPE") or "").strip().lower()
            kind = _EVENT_TYPES.get(word, word)
            if kind not in _UNION_KINDS:
                continue
        elif node.tag in _UNION_EVENT_TAGS and (node.payload or "").strip().upper() != "N":
            kind = _UNION_EVENT_TAGS[node.tag]
        else:
            continue
        date = read_gedcom_date(_value(node, "DATE"))
        if date is None or date.shown is None:
            continue
        # an EVEN, a separation or a second event of one kind (married twice): more than a start and an end
        beyond = beyond or node.tag in ("EVEN", "_SEPR") or any(e[0] == kind for e in events)
        events.append((kind, date, node))
    return events if beyond else []


def _union_extras(record: Any, data: dict[str, Any], shared: dict[str, Any], warnings: list[str],
                  people: dict[str, Any] | None = None) -> dict[str, Any]:
    """A union's notes and consanguinity added to its data. A note that points to a shared note
    record (``1 NOTE @N3@``, GEDCOM 7 ``1 SNOTE @N3@``: Gramps writes every note so) is that
    record's text (``shared``: the note records by xref; one that is missing is named in ``warnings``,
    the family by its partners' names from ``people``, the person records by xref)."""
    notes = []
    for node in record.children:
        if node.tag not in ("NOTE", "SNOTE"):
            continue
        pointer = (node.payload or "").strip()
        target = shared.get(pointer) if _POINTER.match(pointer) else node
        if target is None:
            warnings.append(f"{_label(record, people)}, field '{node.tag}' (line {node.source_line_no}): points to "
                            f"{pointer}, but there is no note record of that xref in the file; drawn without it")
        elif text := _clean(_text(target)):
            notes.append(text)
    if notes:
        data["notes"] = "; ".join(notes)
    if (_value(record, "_CONS") or "").upper() == "Y":
        data["consanguineous"] = True
    return data


#: kinds of person that are a pregnancy loss: written with a death on the birth date
LOSSES = ("miscarriage", "abortion", "stillbirth")


def _own_kind(record: Any, data: dict[str, Any]) -> dict[str, Any]:
    """A pregnancy, loss or pet written by socialtools (``_KIND``, ``_GEST``, ``_CNT``); a loss's
    death on its birth date (written for other programs) is the loss itself, not a second date."""
    kind = (_value(record, "_KIND") or "").strip().lower()
    if kind not in ("pregnancy", "pet", *LOSSES):
        return {}
    out: dict[str, Any] = {"kind": kind}
    for tag, key, low, high in (("_GEST", "gestation_weeks", 1, 45), ("_CNT", "count", 2, 10_000)):
        value = (_value(record, tag) or "").strip()
        if value.isdigit() and low <= int(value) <= high:
            out[key] = int(value)
    if kind in LOSSES:
        if data.get("death") is not None and data.get("death") == data.get("birth"):
            data.pop("death")
        data.pop("deceased", None)
    return out


_BAPTISM = ("CHR", "BAPM")
_BURIAL = ("BURI", "CREM")


def _about_tag(record: Any, tags: tuple[str, ...]) -> str | None:
    """The first of ``tags`` with a date that :func:`_about` reads (``BURI``), or ``None``."""
    return next((tag for tag in tags if (date := _event(record, tag)[1]) is not None and date.shown is not None),
                None)


def _about(record: Any, tags: tuple[str, ...]) -> PartialDate | None:
    """The year of the first of ``tags`` with a date, as an approximate date: a person whose
    birth is not written but whose christening (``CHR``, ``BAPM``) is, as in parish-register
    genealogies, is born about that year (``~1750``); likewise death by the burial (``BURI``,
    ``CREM``). Genealogy programs show these as the fallback dates too."""
    for tag in tags:
        _, date = _event(record, tag)
        if date is not None and date.shown is not None:
            return PartialDate(date.shown.year, approximate=True)
    return None


class _Reader:
    """Turns the library's record tree into Family data, checking every pointer."""

    def __init__(self, document: Any, source: str | None, lenient: bool = False) -> None:
        self.source = source
        self.lenient = lenient
        #: problems drawn anyway (with ``lenient``) and dates left out, one line each
        self.warnings: list[str] = []
        self.unread_dates = 0
        self.odd_sexes = 0  # SEX values that are not GEDCOM's: the first ten named, the rest counted
        self.dangling: set[tuple[str, str]] = set()  # (record, missing xref) already warned about
        self.own_families: set[tuple[str, str]] = set()  # FAMC links to a family of one's own, already warned about
        self.people: dict[str, Any] = {}
        self.families: dict[str, Any] = {}
        self.notes: dict[str, Any] = {}
        #: family id → the people whose FAMS names it (for a FAM record without HUSB/WIFE)
        self.spouses: dict[str, list[str]] = {}
        head = document.header
        # the genogram's title, as socialtools writes it (a HEAD note of another program is no title)
        own = head is not None and (_value(head, "SOUR") or "").strip().upper() == "SOCIALTOOLS"
        self.title = _clean(_value(head, "NOTE") or "") if own else None
        for record in document.records:
            if record.tag == "INDI" and record.xref:
                self.people[record.xref] = record
            elif record.tag == "FAM" and record.xref:
                self.families[record.xref] = record
            elif record.tag in ("NOTE", "SNOTE") and record.xref:
                self.notes[record.xref] = record

    def _label(self, record: Any) -> str:
        return _label(record, self.people)

    def _pointer(self, node: Any, owner: Any, table: dict[str, Any], kind: str) -> str | None:
        target = (node.payload or "").strip()
        if not target or target == "@VOID@":
            return None
        if target not in table:
            what = (f"points to {target} (line {node.source_line_no}), but there is no {kind} record {target} "
                    "in the file")
            if not self.lenient:
                raise InputError(what + " (read the file leniently to draw it without that link)",
                                 record=self._label(owner), field=node.tag, source=self.source)
            if (owner.xref, target) not in self.dangling:
                self.dangling.add((owner.xref, target))
                self.warnings.append(f"{self._label(owner)}, field '{node.tag}': {what}; drawn without that link")
            return None
        return _strip_xref(target)

    def check_dates(self, record: Any) -> None:
        """A warning for each date of an event the genogram draws that cannot be read (``31 FEBRUARI
        19x8``, a phrase) or shown (B.C., the Hebrew calendar): the event is drawn without it. After
        :data:`MAX_DATE_WARNINGS` of them, one line counts the rest."""
        if record.tag == "INDI":
            events = [record.find(tag) for tag in ("BIRT", "DEAT")]
        else:
            events = [record.find(tag) for tag in ("MARR", "DIV", "ANUL", "ENGA")]
            events += [node for node in record.children if node.tag in ("EVEN", "_SEPR")]
        for event in events:
            node = event.find("DATE") if event is not None else None
            if node is None or not (text := _text(node).strip()):
                continue
            if text.lower().rstrip(".") in _NO_DATE:  # 'DEAT / 2 DATE Deceased' (Ancestry, FTM): no date to tell
                continue
            date = read_gedcom_date(text)
            day = _DAY_MONTH.search(_FIRST_DATE.split(text.upper(), maxsplit=1)[0])  # (the start is the one shown)
            if date is not None and date.shown is not None:
                if not (day and date.shown.month is not None and date.shown.day is None):
                    continue
                why = f"has no day {int(day.group(1))} in its month (drawn as {date.shown.display()})"
            else:
                why = ("cannot be read as a date" if date is None
                       else "cannot be shown as a year (B.C., or a Hebrew or French calendar)")
            self.unread_dates += 1
            if self.unread_dates <= MAX_DATE_WARNINGS:
                self.warnings.append(f"{self._label(record)}, field '{event.tag}.DATE' (line {node.source_line_no}): "
                                     f"'{text}' {why}" + ("" if why.startswith("has no day") else
                                                          "; drawn without it"))

    def person(self, record: Any) -> dict[str, Any]:
        self.check_dates(record)
        name_node = record.find("NAME")
        name = _clean(_text(name_node)) if name_node is not None else None
        if name_node is not None and not name:
            given, surname = _value(name_node, "GIVN"), _value(name_node, "SURN")
            name = _clean(" ".join(x for x in (given, surname) if x))
        initials = _value(record, "_INIT")
        if initials and name == initials:
            name = None
        written = (_value(record, "SEX") or "U").strip() or "U"
        code = written[:1].upper()
        sex = SEX_CODES.get(code, "unknown")
        if code not in SEX_CODES and code not in ("U", "X"):  # 'W' (weiblich), 'L'/'P', 'Laki-laki', '1'
            from socialtools.genogram.model import _SEX_LOOKUP

            sex = _SEX_LOOKUP.get(written.lower(), _SEX_LOOKUP.get(code.lower(), "unknown"))
            self.odd_sexes += 1
            if self.odd_sexes <= MAX_DATE_WARNINGS:
                read = f"read as {sex}" if sex != "unknown" else "drawn as a sex not given"
                self.warnings.append(f"{self._label(record)}, field 'SEX': '{written[:20]}' is not a GEDCOM sex "
                                     f"(M, F, U or X): {read}")
        if code == "X":  # GEDCOM 7: neither only male nor only female; the model has no such sex
            self.warnings.append(f"{self._label(record)}, field 'SEX': 'X' (neither only male nor only female) is "
                                 "drawn as a diamond, like a sex not given")
        _, birth_date = _event(record, "BIRT")
        died, death_date = _event(record, "DEAT")
        birth = _moment(birth_date) if birth_date else _about(record, _BAPTISM)
        death = _moment(death_date) if death_date else _about(record, _BURIAL)
        if birth_date and death_date and (death_date.certainly_before(birth_date)
                                          or (birth and death and death.certainly_before(birth))):
            self._death_before_birth(record, birth_date, death_date)
            death = None
        elif birth and death and death.certainly_before(birth):  # one of them a christening's or burial's year
            said = [f"{what} ({date.display()}, the year of its {tag})" if tag else f"{what} ({date.display()})"
                    for what, date, tag in (("death", death, None if death_date else _about_tag(record, _BURIAL)),
                                            ("birth", birth, None if birth_date else _about_tag(record, _BAPTISM)))]
            self.warnings.append(f"{self._label(record)}: {said[0]} is before {said[1]}: drawn without the death date")
            death = None
        data: dict[str, Any] = {"id": _strip_xref(record.xref), "sex": sex}
        if name:
            data["name"] = name
        if initials:
            data["initials"] = initials
        if birth:
            data["birth"] = birth
        if death:
            data["death"] = death
        if died or _event_date(record, "BURI")[0] or _event_date(record, "CREM")[0]:
            data["deceased"] = True
        data.update(_own_kind(record, data))
        birth_node = record.find("BIRT")
        place = _value(birth_node, "PLAC") if birth_node is not None else None
        for key, value in (("birthplace", place), ("occupation", _value(record, "OCCU")),
                           ("religion", _value(record, "RELI")), ("education", _value(record, "EDUC"))):
            if value:
                data[key] = " ".join(value.split())  # (a CONT line is a new line; a label's text is one line)
        return data

    def _death_before_birth(self, record: Any, birth: GedcomDate, death: GedcomDate) -> None:
        """Death certainly before birth: refused (or, ``lenient``, drawn without the death date);
        death before birth only as written (an approximate date): the death date is left out."""
        what = f"death ({death.text}) is before birth ({birth.text})"
        if death.certainly_before(birth):
            if not self.lenient:
                raise InputError(what + ": correct one of the dates, or read the file leniently to draw it "
                                 "without the death date", record=self._label(record), field="DEAT.DATE",
                                 source=self.source)
            self.warnings.append(f"{self._label(record)}: {what}; drawn without the death date")
        else:
            self.warnings.append(f"{self._label(record)}: {what} as written (an approximate date); "
                                 "drawn without the death date")

    def _ends_before_start(self, record: Any, node: Any, kind: str, date: Any, begin: Any, begin_kind: str) -> bool:
        """Whether the event ``node`` (a divorce, a separation, a reconciliation) is certainly before
        the union's first start (``begin``): refused, or (``lenient``) left out with a warning."""
        if not date.certainly_before(begin):
            return False
        field = f"{node.tag}.DATE"
        what = (f"{kind} ({getattr(date, 'text', date)}) is before {begin_kind} ({getattr(begin, 'text', begin)}): "
                "a union cannot end or be taken up again before it begins")
        if not self.lenient:
            raise InputError(what + "; correct the date, or read the file leniently to draw the union without "
                             "that event", record=self._label(record), field=field, source=self.source)
        line = (node.find("DATE") or node).source_line_no
        self.warnings.append(f"{self._label(record)}, field '{field}' (line {line}): {what}; drawn without that event")
        return True

    def child_relations(self) -> dict[tuple[str, str], str]:
        """(family, child) → relation, from INDI.FAMC.PEDI and INDI.ADOP.FAMC."""
        relations: dict[tuple[str, str], str] = {}
        for xref, record in self.people.items():
            for famc in record.find_all_children("FAMC"):
                fam = self._pointer(famc, record, self.families, "family")
                if fam is None or self._own_family(record, famc):
                    continue
                pedi = (_value(famc, "_PEDI") or _value(famc, "PEDI") or "").lower()
                if pedi == "other":  # GEDCOM 7: PEDI OTHER with a PHRASE saying which
                    phrase = famc.find("PEDI").find("PHRASE")
                    pedi = (_text(phrase) if phrase is not None else "").strip().lower()
                relations[(fam, _strip_xref(xref))] = PEDIGREE.get(pedi, "biological")
            for adop in record.find_all_children("ADOP"):
                famc = adop.find("FAMC")
                fam = self._pointer(famc, record, self.families, "family") if famc is not None else None
                if fam is not None:
                    relations[(fam, _strip_xref(xref))] = "adopted"
            for fams in record.find_all_children("FAMS"):
                fam = self._pointer(fams, record, self.families, "family")
                if fam is not None:  # (a FAM record without HUSB/WIFE takes its partners from these)
                    self.spouses.setdefault(fam, []).append(_strip_xref(xref))
        return relations

    def _own_family(self, record: Any, famc: Any) -> bool:
        """A FAMC link to a family the person is a partner of, which the family's own record does
        not list as a child (Family Tree Maker for Mac writes one for every FAMS): passed over, with
        a warning."""
        family = self.families[famc.payload.strip()]
        partners = {(n.payload or "").strip() for tag in ("HUSB", "WIFE") for n in family.find_all_children(tag)}
        if record.xref not in partners or any((n.payload or "").strip() == record.xref
                                               for n in family.find_all_children("CHIL")):
            return False
        if (record.xref, family.xref) not in self.own_families:
            self.own_families.add((record.xref, family.xref))
            self.warnings.append(f"{self._label(record)}, field 'FAMC' (line {famc.source_line_no}): "
                                 f"names {family.xref} "
                                 "as the family they are a child of, but they are a partner there: link passed over")
        return True

    def union(self, record: Any, relations: dict[tuple[str, str], str],
              named_by_child: dict[str, list[str]]) -> dict[str, Any] | None:
        self.check_dates(record)
        fid = _strip_xref(record.xref)
        partners = [p for tag in ("HUSB", "WIFE") for node in record.find_all_children(tag)
                    if (p := self._pointer(node, record, self.people, "person")) is not None]
        if len(set(partners)) < len(partners):  # the same person as HUSB and WIFE, or named twice
            twice = next(p for p in partners if partners.count(p) > 1)
            what = f"names @{twice}@ twice as a partner (HUSB/WIFE)"
            if not self.lenient:
                raise InputError(what + " (read the file leniently to draw them once)", record=self._label(record),
                                 field="HUSB/WIFE", source=self.source)
            self.warnings.append(f"{self._label(record)}, field 'HUSB/WIFE': {what}; drawn once")
            partners = list(dict.fromkeys(partners))
        if len(partners) > 2:
            what = f"has {len(partners)} partners (HUSB/WIFE): a family has one or two"
            if not self.lenient:
                raise InputError(what + "; give each couple its own FAM record (read the file leniently to draw "
                                 "the first HUSB and the first WIFE)", record=self._label(record),
                                 field="HUSB/WIFE", source=self.source)
            husbands = [p for node in record.find_all_children("HUSB") if (p := _strip_xref(node.payload or ""))
                        in partners]
            wives = [p for node in record.find_all_children("WIFE") if (p := _strip_xref(node.payload or ""))
                     in partners]
            kept = [husbands[0], wives[0]] if husbands and wives else partners[:2]
            left = ", ".join(f"@{p}@" for p in partners if p not in kept)
            self.warnings.append(f"{self._label(record)}, field 'HUSB/WIFE': {what}: drawn as the union of "
                                 f"@{kept[0]}@ and @{kept[1]}@; {left} left out of it")
            partners = kept
        children: list[dict[str, Any]] = []
        listed: set[str] = set()  # (a set: a sibship of thousands stays linear)
        repeated: list[str] = []
        for node in record.find_all_children("CHIL"):
            child = self._pointer(node, record, self.people, "person")
            if child is None or child in listed:
                if child is not None and child not in repeated:
                    repeated.append(child)
                continue
            listed.add(child)
            relation = relations.get((fid, child))
            for tag in ("_FREL", "_MREL"):
                word = (_value(node, tag) or "").lower()
                if relation in (None, "biological") and PEDIGREE.get(word, "biological") != "biological":
                    relation = PEDIGREE[word]
            children.append({"id": child, "relation": relation or "biological"})
        if repeated:  # an export that merged two records of one child: drawn once, and said
            self.warnings.append(f"{self._label(record)}, field 'CHIL': "
                                 + ", ".join(f"@{c}@" for c in repeated)
                                 + " listed more than once: drawn once")
        for child in named_by_child.get(fid, ()):  # children named only on their own record
            if child not in listed:
                children.append({"id": child, "relation": relations[(fid, child)]})
        if not partners:  # no HUSB/WIFE (a test file, a hand-made export): the partners who name it in FAMS
            partners = list(dict.fromkeys(self.spouses.get(fid, ())))[:2]
        elif len(partners) == 1 and (claim := next((p for p in self.spouses.get(fid, ()) if p not in partners
                                                    and p not in listed), None)) is not None:
            # a HUSB without the WIFE whose FAMS names the family (a one-sided link): she is its partner
            who = self._label(self.people["@" + claim + "@"])
            self.warnings.append(f"{self._label(record)}, field 'HUSB/WIFE': {who} names it in FAMS, but the "
                                 "family does not list them as HUSB or WIFE: drawn as its partner")
            partners = [*partners, claim]
        if not partners:
            if children:  # siblings without a parent: nothing to hang them from; said, not dropped in silence
                names = ", ".join(f"@{c['id']}@" for c in children[:5]) + (" ..." if len(children) > 5 else "")
                self.warnings.append(f"{self._label(record)}, field 'CHIL': {len(children)} "
                                     f"child{'ren' if len(children) > 1 else ''} ({names}) with no parent in the "
                                     "family (no HUSB, WIFE or FAMS link to it): drawn without parents"
                                     + (", and that they are siblings is left out" if len(children) > 1 else ""))
            return None
        history = _union_history(record)
        starts = [(date, kind) for kind, date, _ in history if kind in STARTING_KINDS]
        begin = min(starts, key=lambda s: (s[0].earliest is not None, s[0].earliest or 0)) if starts else None
        events = [{"kind": kind, "year": date.shown} for kind, date, node in history
                  if begin is None or kind in STARTING_KINDS
                  or not self._ends_before_start(record, node, kind, date, *begin)]
        if events:  # a history with separations, reconciliations, ...: kind, start and end follow from it
            data: dict[str, Any] = {"id": fid, "partners": partners, "events": events, "children": children}
            return _union_extras(record, data, self.notes, self.warnings, self.people)
        married, start = _event_date(record, "MARR")
        divorced, end = _event_date(record, "DIV")
        annulled, annul_date = _event_date(record, "ANUL")
        engaged, engage_date = _event_date(record, "ENGA")
        kind = ("divorced" if divorced else "annulled" if annulled else "married" if married
                else "engaged" if engaged else "unknown")
        said = _value(record, "_STAT") or _value(record, "_MSTAT") or ""
        status = _STATUS_KINDS.get(" ".join(said.lower().split()))
        if status is not None and (kind == "unknown" or (kind == "married" and status in ("divorced", "separated"))):
            kind = status  # Legacy's and Family Tree Maker's relationship status, where no event says more
        own_kind = (_value(record, "_KIND") or "").lower()
        kind = own_kind if own_kind in _UNION_KINDS else kind  # another program's _KIND is not ours
        start = (start or (engage_date if kind == "engaged" else None)
                 or parse_gedcom_date(_value(record, "_STRT")))
        end = end or annul_date or parse_gedcom_date(_value(record, "_END"))
        data = {"id": fid, "partners": partners, "kind": kind, "children": children}
        if start:
            data["start"] = start
        ending = record.find("DIV" if divorced else "ANUL" if annulled else "_END")
        if end and start and ending is not None and end.certainly_before(start):  # a divorce before the marriage
            beginning = record.find("MARR") or record.find("ENGA")
            as_written = (read_gedcom_date(_value(ending, "DATE")),
                          read_gedcom_date(_value(beginning, "DATE")) if beginning is not None else None)
            dates = as_written if None not in as_written else (end, start)  # (compared alike: both or neither)
            self._ends_before_start(record, ending, "divorced" if divorced else "annulled" if annulled else "ended",
                                    dates[0], dates[1], "married" if married or not engaged else "engaged")
            end = None
        if end:
            data["end"] = end
        return _union_extras(record, data, self.notes, self.warnings, self.people)

    def family(self) -> Family:
        if not self.people:  # (a header alone, sources or families without people: a test or a cut-off file)
            n = len(self.families)
            what = f"{n} family record{'s' if n > 1 else ''} but " if n else ""
            raise InputError(f"the file has {what}no person (INDI) record: there is nobody to draw",
                             record="INDI", source=self.source)
        people = [self.person(record) for record in self.people.values()]
        relations = self.child_relations()
        named_by_child: dict[str, list[str]] = {}
        for fam, child in relations:
            named_by_child.setdefault(fam, []).append(child)
        unions = _one_union_per_couple([u for record in self.families.values()
                                        if (u := self.union(record, relations, named_by_child))], self.warnings)
        self._unread_notes()
        if self.odd_sexes > MAX_DATE_WARNINGS:
            self.warnings.append(f"... and {self.odd_sexes - MAX_DATE_WARNINGS} more SEX values that are not "
                                 "GEDCOM's, read likewise")
        if self.unread_dates > MAX_DATE_WARNINGS:
            self.warnings.append(f"... and {self.unread_dates - MAX_DATE_WARNINGS} more dates that cannot be read "
                                 "or shown")
        for child, first, later in _resolve_extra_biological_parents(unions):
            record = self.people.get(f"@{child}@")
            who = self._label(record) if record is not None else f"person @{child}@"
            self.warnings.append(f"{who}, field 'FAMC': {_two_birth_families(first, later)}")
        _sex_from_roles(people, self.families.values(), {_strip_xref(x): r for x, r in self.people.items()})
        title = {"title": self.title} if self.title else {}
        try:
            family = parse_model(Family, {"people": people, "unions": unions, **title})
        except InputError as exc:  # named by the GEDCOM record and its line, not by the model's place
            record, field = self._record_of(exc.record, unions), exc.field
            at = _PEOPLE_PLACE.match(exc.record or "")
            if at is not None and int(at.group(1)) < len(self.people):  # people[3].name: a text over the limit
                record = self._label(list(self.people.values())[int(at.group(1))])
                field = field or (_FIELD_TAGS.get(at.group(2), at.group(2)) if at.group(2) else None)
            raise InputError(exc.message, record=record, field=field, source=self.source) from None
        # its warnings name the records as the file does: person @I4@ (line 30), family @F5@ (line 262)
        origins = {_strip_xref(x): self._label(r) for x, r in self.people.items()}
        origins.update({f"union:{u['id']}": self._label(r) for u in unions
                        if u.get("id") and (r := self.families.get(f"@{u['id']}@")) is not None})
        return family.with_origins(origins)

    def _record_of(self, where: str | None, unions: list[dict[str, Any]]) -> str | None:
        """``person 'I4'`` → ``person @I4@ (line 30)``; ``unions[6] (id 'F07')...`` → ``family @F07@
        (line 262)...``; anything else as it is."""
        found = _MODEL_PLACE.match(where or "")
        if found is None:
            return where
        person, index, rest = found.group(1), found.group(2), found.group(3) or ""
        if person is not None:
            record = self.people.get(f"@{person}@")
        else:
            union = unions[int(index)] if int(index) < len(unions) else {}
            record = self.families.get(f"@{union.get('id')}@")
        return self._label(record) + rest if record is not None else where


    def _unread_notes(self) -> None:
        """One warning naming the people whose ``NOTE`` (a genealogy program's biography, often pages
        long) is not read, so no note is dropped unannounced (a family's notes are read: :func:`_union_extras`)."""
        noted = [self._label(r) for r in self.people.values()
                 if any(n.tag in ("NOTE", "SNOTE") and ((n.payload or "").strip() or n.children) for n in r.children)]
        if noted:
            who = ", ".join(noted[:3]) + (f" and {len(noted) - 3} more" if len(noted) > 3 else "")
            self.warnings.append(f"left out: the notes (NOTE) of {len(noted)} "
                                 f"{'person' if len(noted) == 1 else 'people'} ({who}): a person's notes are not "
                                 "read from GEDCOM; write what matters as the person's 'notes' in a case file")


def _one_union_per_couple(unions: list[dict[str, Any]], warnings: list[str]) -> list[dict[str, Any]]:
    """A couple who married, divorced and married again is two FAM records in GEDCOM (the GEDCOM 7
    remarriage example) but one union with a history here (else the two unions are drawn on top of
    each other): the later records are folded into the first, their children after its children,
    their events into its history in time order. One warning each."""
    first: dict[frozenset[str], dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for union in unions:
        couple = frozenset(union["partners"])
        earlier = first.get(couple) if len(couple) == 2 else None
        if earlier is None:
            first[couple] = union
            kept.append(union)
            continue
        events = _events_of(earlier) + _events_of(union)
        dated = all(e["year"] is not None for e in events) and events
        listed = {c["id"] for c in earlier["children"]}
        earlier["children"] += [c for c in union["children"] if c["id"] not in listed]
        if union.get("notes"):
            earlier["notes"] = "; ".join(n for n in (earlier.get("notes"), union["notes"]) if n)
        if dated:
            for key in ("kind", "start", "end"):
                earlier.pop(key, None)
            earlier["events"] = sorted(events, key=lambda e: e["year"])
            how = "one union with both histories"
        else:  # an undated marriage cannot be placed in a history: the later record's kind and dates
            earlier.pop("events", None)
            earlier.update({k: union[k] for k in ("kind", "start", "end") if k in union})
            how = f"one union, with the kind and dates of {union['id']} (the other's are undated)"
        warnings.append(f"family @{union['id']}@: the same couple as family @{earlier['id']}@: drawn as {how}")
    return kept


def _events_of(union: dict[str, Any]) -> list[dict[str, Any]]:
    """A union's history: its events, or its kind with its start and end as events."""
    if "events" in union:
        return list(union["events"])
    kind, start, end = union.get("kind", "unknown"), union.get("start"), union.get("end")
    if kind == "unknown":
        return [{"kind": "married", "year": None}]
    if kind in ("divorced", "annulled", "separated", "widowed") and end is not None:
        return [{"kind": "married", "year": start}, {"kind": kind, "year": end}]
    return [{"kind": kind, "year": start}]


def _sex_from_roles(people: list[dict[str, Any]], families: Any, records: dict[str, Any]) -> None:
    """Someone without a SEX line (or with an empty one) who is always HUSB is a man, always WIFE a
    woman (GEDCOM 5.5.1 roles)."""
    roles: dict[str, set[str]] = {}
    for record in families:
        for tag in ("HUSB", "WIFE"):
            for node in record.find_all_children(tag):
                roles.setdefault(_strip_xref(node.payload or ""), set()).add(tag)
    for person in people:
        tags = roles.get(person["id"], set())
        if person["sex"] == "unknown" and len(tags) == 1 and not (_value(records[person["id"]], "SEX") or "").strip():
            person["sex"] = "male" if tags == {"HUSB"} else "female"


def _resolve_extra_biological_parents(unions: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None]]:
    """A child in two families both marked 'birth' is biological in the first only: (child,
    first family, later family) of each such child, for a warning (a family without an id: None)."""
    seen: dict[str, str | None] = {}
    moved = []
    for union in unions:
        for child in union["children"]:
            if child["relation"] == "biological":
                if child["id"] in seen:
                    child["relation"] = "step"
                    moved.append((child["id"], seen[child["id"]], union.get("id")))
                seen.setdefault(child["id"], union.get("id"))
    return moved


def _two_birth_families(first: str | None, later: str | None) -> str:
    """What the warning about a birth child of two families says, the families by their pointers
    where both have one.

    >>> _two_birth_families("F1", "F2")
    'a birth child of two families (@F1@ and @F2@): drawn as the birth child of @F1@ and a step-child of @F2@'
    >>> _two_birth_families("F1", None)
    'a birth child of two families: drawn as the birth child of the first and a step-child of the second'
    """
    if first and later:
        return (f"a birth child of two families (@{first}@ and @{later}@): "
                f"drawn as the birth child of @{first}@ and a step-child of @{later}@")
    return "a birth child of two families: drawn as the birth child of the first and a step-child of the second"


# -- public API ------------------------------------------------------------------------------------
def parse_gedcom(data: bytes, source: str | None = None, *, lenient: bool = False,
                 warnings: list[str] | None = None) -> Family:
    """The whole family of a GEDCOM file's bytes (5.5.1 in UTF-8/UTF-16/ANSEL/ANSI, or 7).

    Raises :class:`InputError` naming the record and line for truncated files, bytes that
    do not match the declared character set, pointers to missing records, cycles and a
    death certainly before the birth (with ``lenient``, drawn without the death date).
    Problems passed over and dates left out are appended to ``warnings``, one line each.
    """
    with collector_paused():
        renamed: list[str] = []
        document = _parse_document(data, source, lenient, renamed)
        reader = _Reader(document, source, lenient)
        reader.warnings[:0] = renamed
        try:
            family = reader.family()
        finally:
            _unlink(document)
    if warnings is not None:
        warnings.extend(reader.warnings)
    return family


def _unlink(document: Any) -> None:
    """Cut the library's child → parent links, so the tree is freed at once when dropped rather
    than left for the cycle collector to scan (a tenth of the load time of a big file)."""
    stack = [document.header, *document.records, document.trailer]
    while stack:
        node = stack.pop()
        node.parent = None
        stack.extend(node.children)


def normalise_id(person_id: str) -> str:
    """A GEDCOM pointer or a plain id as the Family model spells it (``@I1@`` → ``I1``).

    >>> normalise_id("@I1@"), normalise_id("I1")
    ('I1', 'I1')
    """
    return _strip_xref(str(person_id))


def read_gedcom(path: str | Path, focus: str | None = None, generations: int | None = None, *,
                lenient: bool = False, warnings: list[str] | None = None) -> Family:
    """Read a GEDCOM file; with ``focus``, only the family around that person (see :func:`focus_family`).

    ``focus`` is the person's pointer (``@I1@`` or ``I1``); ``generations`` defaults to 2.

    >>> from socialtools.examples import example_path
    >>> path = example_path("keluarga.ged")
    >>> len(read_gedcom(path).people), len(read_gedcom(path, focus="I6", generations=1).people)
    (17, 9)
    """
    path = Path(path)
    if generations is not None and focus is None:
        raise UsageError("generations needs a focus: the person the genogram is about")
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    family = parse_gedcom(path.read_bytes(), source=str(path), lenient=lenient, warnings=warnings)
    if focus is None:
        return family
    try:
        return focus_family(family, focus, 2 if generations is None else generations)
    except InputError as exc:
        raise exc.located(str(path)) from None


def focus_family(family: Family, focus: str, generations: int = 2) -> Family:
    """The part of ``family`` a genogram of ``focus`` needs.

    Ancestors up to ``generations`` up and descendants up to ``generations`` down; the
    siblings and half-siblings of the focus and of every ancestor whose parents are kept
    (all children of a kept ancestor's unions); and the partners of everyone kept.
    The focus person becomes the index person.

    >>> big = Family.model_validate({
    ...     "people": [{"id": i} for i in ("GF", "GM", "F", "M", "C", "S", "CC", "X", "XP")],
    ...     "unions": [{"partners": ["GF", "GM"], "children": ["F"]},
    ...                {"partners": ["F", "M"], "children": ["C", "S"]},
    ...                {"partners": ["C"], "children": ["CC"]},
    ...                {"partners": ["X", "XP"], "children": ["GF"]}]})
    >>> small = focus_family(big, "C", generations=1)
    >>> sorted(p.id for p in small.people), small.person("C").index
    (['C', 'CC', 'F', 'M', 'S'], True)
    """
    focus = normalise_id(focus)
    if generations < 0:
        raise UsageError("generations must be 0 or more")
    ids = {p.id for p in family.people}
    if focus not in ids:
        raise InputError(f"there is no person '{focus}' (give the pointer of an INDI record, e.g. @I1@)",
                         field="focus")
    parent_unions: dict[str, list[Any]] = {}
    partner_unions: dict[str, list[Any]] = {}
    for union in family.unions:
        for child in union.children:
            parent_unions.setdefault(child.id, []).append(union)
        for pid in union.partners:
            partner_unions.setdefault(pid, []).append(union)

    def walk(start: str, step: Any) -> dict[str, int]:
        found, queue = {start: 0}, deque([start])
        while queue:
            pid = queue.popleft()
            if found[pid] == generations:
                continue
            for nxt in step(pid):
                if nxt not in found:
                    found[nxt] = found[pid] + 1
                    queue.append(nxt)
        return found

    def parents(pid: str) -> Iterable[str]:
        return (p for u in parent_unions.get(pid, ()) for p in u.partners)

    def children(pid: str) -> Iterable[str]:
        return (c.id for u in partner_unions.get(pid, ()) for c in u.children)

    ancestors = walk(focus, parents)
    keep = set(ancestors) | set(walk(focus, children))
    for pid, depth in ancestors.items():  # (half-)siblings of the focus and of the ancestors below the top
        if depth >= 1:
            keep.update(children(pid))
    for pid in list(keep):  # partners of everyone kept
        for union in partner_unions.get(pid, ()):
            keep.update(union.partners)

    data = family.model_dump(mode="json", exclude_none=True,
                             exclude={"people", "unions", "relationships", "households"})
    data["people"] = [p.model_dump(mode="json", exclude_none=True) for p in family.people if p.id in keep]
    for person in data["people"]:
        person["index"] = person["id"] == focus
    unions = []
    for union in (u.model_dump(mode="json", exclude_none=True) for u in family.unions
                  if any(p in keep for p in u.partners)):
        partners = [p for p in union["partners"] if p in keep]
        if not partners:
            continue
        union["partners"] = partners
        union["children"] = [c for c in union.get("children", []) if c["id"] in keep]
        unions.append(union)
    data["unions"] = unions
    data["relationships"] = [r.model_dump(mode="json", exclude_none=True) for r in family.relationships
                             if set(r.between) <= keep]
    households = []
    for household in (h.model_dump(mode="json", exclude_none=True) for h in family.households):
        household["members"] = [m for m in household["members"] if m in keep]
        if household["members"]:
            households.append(household)
    data["households"] = households
    return Family.model_validate(data).with_origins(family.origins)


# -- writing -------------------------------------------------------------------------------------
def _escape(text: str) -> str:
    return " ".join(text.replace("@", "@@").split())


def _xrefs(ids: Iterable[str], prefix: str, taken: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    counter = 0
    pending = []
    for item in ids:
        if _XREF.match(item) and item not in taken:
            out[item] = item
            taken.add(item)
        else:
            pending.append(item)
    for item in pending:
        counter += 1
        while f"{prefix}{counter}" in taken:
            counter += 1
        out[item] = f"{prefix}{counter}"
        taken.add(out[item])
    return out


def family_to_gedcom(family: Family) -> str:
    """The family as GEDCOM 5.5.1 text (UTF-8): people, unions, parent links with PEDI.

    Ids that are valid GEDCOM pointers are kept (``PK`` → ``@PK@``); others are numbered
    (``@I1@``, ...) with the original id in ``REFN``. Kinds of union GEDCOM has no event
    for (cohabiting, separated, ...) are kept in a ``_KIND`` tag, initials in ``_INIT``.
    Re-reading the text gives the same people, unions and parent links.
    """
    taken: set[str] = set()
    person_x = _xrefs((p.id for p in family.people), "I", taken)
    union_x = _xrefs((u.id or "" for u in family.unions), "F", taken)
    lines = ["0 HEAD", "1 SOUR SOCIALTOOLS", f"2 VERS {__version__}", "2 NAME socialtools",
             "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8"]
    if family.title:
        lines += [f"1 NOTE {_escape(family.title)}"]
    famc: dict[str, list[tuple[str, str]]] = {}
    fams: dict[str, list[str]] = {}
    for union in family.unions:
        fx = union_x[union.id or ""]
        for pid in union.partners:
            fams.setdefault(pid, []).append(fx)
        for child in union.children:
            famc.setdefault(child.id, []).append((fx, child.relation))
    for person in family.people:
        lines.append(f"0 @{person_x[person.id]}@ INDI")
        name = person.name or person.initials
        if name:
            lines.append(f"1 NAME {_escape(name)}")
        if person.initials:
            lines.append(f"1 _INIT {_escape(person.initials)}")
        lines.append(f"1 SEX {({'male': 'M', 'female': 'F'}).get(person.sex, 'U')}")
        if person_x[person.id] != person.id:
            lines.append(f"1 REFN {_escape(person.id)}")
        if person.birth or person.birthplace:
            lines.append("1 BIRT")
            if person.birth:
                lines.append(f"2 DATE {format_gedcom_date(person.birth)}")
            if person.birthplace:
                lines.append(f"2 PLAC {_escape(person.birthplace)}")
        died = person.death or (person.birth if person.kind in LOSSES else None)  # a loss: died when born
        if died:
            lines += ["1 DEAT", f"2 DATE {format_gedcom_date(died)}"]
        elif person.deceased or person.kind in LOSSES:
            lines.append("1 DEAT Y")
        lines += _kind_lines(person)
        for tag, value in (("OCCU", person.occupation), ("EDUC", person.education),
                           ("RELI", person.religion)):
            if value:
                lines.append(f"1 {tag} {_escape(value)}")
        for fx, relation in famc.get(person.id, []):
            lines.append(f"1 FAMC @{fx}@")
            if relation == "step":
                lines.append("2 _PEDI step")
            else:
                lines.append(f"2 PEDI {({'biological': 'birth'}).get(relation, relation)}")
        lines += [f"1 FAMS @{fx}@" for fx in fams.get(person.id, [])]
    for union in family.unions:
        lines.append(f"0 @{union_x[union.id or '']}@ FAM")
        partners = list(union.partners)
        if len(partners) == 2 and family.person(partners[0]).sex == "female" \
                and family.person(partners[1]).sex == "male":
            partners.reverse()
        roles = ["HUSB", "WIFE"] if len(partners) == 2 else \
            ["WIFE" if family.person(partners[0]).sex == "female" else "HUSB"]
        lines += [f"1 {role} @{person_x[pid]}@" for role, pid in zip(roles, partners, strict=True)]
        lines += [f"1 CHIL @{person_x[c.id]}@" for c in union.children]
        lines += _union_events(union)
    lines.append("0 TRLR")
    return "\n".join(lines) + "\n"


def _kind_lines(person: Any) -> list[str]:
    """A pregnancy, loss or pet in our own tags (``_KIND miscarriage``, ``_GEST 20``, ``_CNT 2``),
    read back as such; other programs see a loss as a person who died at birth."""
    if person.kind == "person" and not person.gestation_weeks and not person.count:
        return []
    out = [f"1 _KIND {person.kind}"] if person.kind != "person" else []
    out += [f"1 _GEST {person.gestation_weeks}"] if person.gestation_weeks else []
    return out + ([f"1 _CNT {person.count}"] if person.count else [])


def family_to_gedcom7(family: Family) -> str:
    """The family as GEDCOM 7.0 text: the 5.5.1 records with a 7.0 header (no ``CHAR``, UTF-8 is
    the rule), ``PEDI`` in upper case and step-children as ``PEDI OTHER`` with a ``PHRASE``.

    >>> text = family_to_gedcom7(Family.model_validate({"people": [{"id": "A"}, {"id": "B"}],
    ...     "unions": [{"partners": ["A"], "children": [{"id": "B", "relation": "step"}]}]}))
    >>> text.splitlines()[4:6], "2 PEDI OTHER" in text, parse_gedcom(text.encode()).unions[0].children[0].relation
    (['1 GEDC', '2 VERS 7.0'], True, 'step')
    """
    out = []
    for line in family_to_gedcom(family).splitlines():
        if line in ("2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8"):
            if line == "2 VERS 5.5.1":
                out.append("2 VERS 7.0")
            continue
        if line.startswith("2 PEDI "):
            line = line.upper()
        elif line == "2 _PEDI step":
            out += ["2 PEDI OTHER", "3 PHRASE step"]
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def _union_events(union: Any) -> list[str]:
    """A union's events as GEDCOM lines: the whole history when it has one (``MARR``, ``DIV``,
    ``ANUL``, ``ENGA``, and ``EVEN`` with a ``TYPE`` for separated, reconciled, widowed, ...),
    else its kind, start and end; then its notes and consanguinity."""
    out: list[str] = []

    def event(tag: str, date: PartialDate | None) -> None:
        out.append(f"1 {tag}" + ("" if date else " Y"))
        if date:
            out.append(f"2 DATE {format_gedcom_date(date)}")

    if union.events:
        tags = {kind: tag for tag, kind in _UNION_EVENT_TAGS.items() if not tag.startswith("_")}
        for e in union.events:
            if e.kind in tags:
                event(tags[e.kind], e.year)
            else:
                out += ["1 EVEN", f"2 TYPE {e.kind}", f"2 DATE {format_gedcom_date(e.year)}"]
        return out + _union_notes(union)

    start_written = end_written = False
    if union.kind in ("married", "divorced", "separated", "widowed", "annulled"):
        event("MARR", union.start)
        start_written = True
    elif union.kind == "engaged":
        event("ENGA", union.start)
        start_written = True
    if union.kind == "divorced":
        event("DIV", union.end)
        end_written = True
    elif union.kind == "annulled":
        event("ANUL", union.end)
        end_written = True
    if union.kind not in ("married", "divorced", "annulled", "engaged", "unknown"):
        out.append(f"1 _KIND {union.kind}")
    if union.start and not start_written:
        out.append(f"1 _STRT {format_gedcom_date(union.start)}")
    if union.end and not end_written:
        out.append(f"1 _END {format_gedcom_date(union.end)}")
    return out + _union_notes(union)


def _union_notes(union: Any) -> list[str]:
    out = [f"1 NOTE {_escape(union.notes)}"] if union.notes else []
    if union.consanguineous:
        out.append("1 _CONS Y")
    return out


def write_gedcom(family: Family, path: str | Path) -> Path:
    """Write ``family`` as a GEDCOM 5.5.1 UTF-8 file (whole or not at all).

    >>> import tempfile
    >>> from socialtools.genogram.model import Family
    >>> family = Family.model_validate({"people": [{"id": "A", "name": "Ani", "sex": "female"}]})
    >>> path = write_gedcom(family, Path(tempfile.mkdtemp()) / "ani.ged")
    >>> [p.name for p in read_gedcom(path).people]
    ['Ani']
    """
    from socialtools.io.output import write_atomic

    return write_atomic(Path(path), family_to_gedcom(family))
