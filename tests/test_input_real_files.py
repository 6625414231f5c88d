"""Files made by other programs and people: anonymised CanRisk exports, GEDCOM files whose
declared character set is wrong, messages naming the record, rows of unconnected families."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.errors import InputError
from socialtools.io.canrisk import EXAMPLE, read_canrisk_text
from socialtools.io.gedcom import parse_gedcom


def _anonymised(names: tuple[str, str, str]) -> str:
    lines = EXAMPLE.splitlines()
    for i, name in zip((2, 3, 4), names, strict=True):
        cells = lines[i].split("\t")
        cells[1] = name
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n"


def test_canrisk_numbers_in_the_name_column_are_not_names() -> None:
    """An anonymised CanRisk export writes numbers or codes as names: none is read, one warning."""
    warnings: list[str] = []
    family = read_canrisk_text(_anonymised(("1", "2", "P3")), warnings=warnings)["XX"]
    assert [p.name for p in family.people] == [None, None, None]
    said = [w for w in warnings if "Name column" in w]
    assert len(said) == 1 and "only numbers" in said[0]


def test_canrisk_initials_stay_names() -> None:
    warnings: list[str] = []
    family = read_canrisk_text(_anonymised(("AB", "2", "Siti")), warnings=warnings)["XX"]
    assert [p.name for p in family.people] == ["AB", "2", "Siti"]
    assert not [w for w in warnings if "Name column" in w]


KOWALSKI = (b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I23@ INDI\n1 NAME Jan /Kowalski/\n1 SEX M\n"
            b"1 BIRT\n2 DATE 31 FEBRUARI 19x8\n0 @I24@ INDI\n1 NAME Anna /Nowak/\n1 SEX F\n"
            b"0 @F1@ FAM\n1 HUSB @I23@\n1 WIFE @I24@\n1 CHIL @I99@\n0 TRLR\n")


def test_gedcom_messages_name_the_record_by_pointer_and_name() -> None:
    """Errors and warnings say ``@I23@ (Jan /Kowalski/)``, not only the pointer, and the field."""
    with pytest.raises(InputError) as err:
        parse_gedcom(KOWALSKI, "k.ged")
    assert "family @F1@ (Jan /Kowalski/ and Anna /Nowak/), line 13, field 'CHIL': points to @I99@" in str(err.value)
    warnings: list[str] = []
    parse_gedcom(KOWALSKI.replace(b"1 CHIL @I99@\n", b""), "k.ged", warnings=warnings)
    assert [w for w in warnings if "BIRT.DATE" in w] == [
        "person @I23@ (Jan /Kowalski/), line 5, field 'BIRT.DATE' (line 9): '31 FEBRUARI 19x8' cannot be read as a "
        "date; drawn without it"]


def test_gedcom_ansel_accent_at_the_end_of_the_file_is_no_crash() -> None:
    """An ANSEL accent byte before the last line end: the library counted a line past the end and
    naming it raised IndexError (benchmarks/fuzz_formats.py, seed 11); an accent before no letter
    is no ANSEL, so the file is read as Windows-1252 with a warning."""
    warnings: list[str] = []
    family = parse_gedcom(b"0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME A\n1 NOTE x\xe3\n0 TRLR\n", "x.ged",
                          warnings=warnings)
    assert len(family.people) == 1
    assert any("declares CHAR ANSEL, but byte 0xE3 on line 5 is not ANSEL: read as Windows-1252" in w for w in warnings)


NAMES = "0 HEAD\r\n1 GEDC\r\n2 VERS 5.5.1\r\n1 CHAR {}\r\n0 @I1@ INDI\r\n1 NAME Ma’ruf /Müller/\r\n0 TRLR\r\n"


@pytest.mark.parametrize(("declared", "codec", "said"), [
    ("UTF-8", "cp1252", "declares CHAR UTF-8, but byte 0x92 on line 6 is not UTF-8: read as Windows-1252"),
    ("ANSI", "utf-8", "declares CHAR ANSI, but its bytes are UTF-8: read as UTF-8"),
    ("ANSEL", "utf-8", "declares CHAR ANSEL, but its bytes are UTF-8: read as UTF-8"),
    ("ANSEL", "cp1252", "declares CHAR ANSEL, but byte 0x92 on line 6 is not ANSEL: read as Windows-1252"),
    ("UTF-8", "latin-1", "declares CHAR UTF-8, but byte 0xFC on line 6 is not UTF-8: read as Windows-1252"),
])
def test_gedcom_bytes_that_are_not_the_declared_char_are_read_with_one_warning(declared, codec, said) -> None:
    """A CHAR line that does not match the bytes was refused (UTF-8) or read as mojibake (ANSI,
    ANSEL): the bytes are read as UTF-8, else Windows-1252, else Latin-1, and one warning says so."""
    text = NAMES.format(declared)
    raw = (text.replace("’", "'") if codec == "latin-1" else text).encode(codec)
    warnings: list[str] = []
    family = parse_gedcom(raw, "x.ged", warnings=warnings)
    assert family.people[0].name == ("Ma'ruf Müller" if codec == "latin-1" else "Ma’ruf Müller")
    assert [w for w in warnings if "CHAR" in w] == [f"HEAD, field 'CHAR': the file {said}"]


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbf" + NAMES.format("UTF-8").encode(),
                                 NAMES.format("UNICODE").encode("utf-16"), NAMES.format("UTF-8").encode("utf-16-le")])
def test_gedcom_byte_order_mark_and_utf16_load_without_a_warning(raw: bytes) -> None:
    warnings: list[str] = []
    assert parse_gedcom(raw, "x.ged", warnings=warnings).people[0].name == "Ma’ruf Müller"
    assert not [w for w in warnings if "CHAR" in w]


def test_gedcom_wrong_encoding_file_loads_on_the_command_line(tmp_path, capsys) -> None:
    from socialtools.cli import main

    out = tmp_path / "g.svg"
    ged = Path(__file__).parent / "data" / "gedcom" / "wrong-encoding.ged"  # (not the working folder's)
    assert main(["genogram", str(ged), "-o", str(out)]) == 0 and out.exists()
    err = capsys.readouterr().err
    assert err.count("field 'CHAR'") == 1 and "read as Windows-1252" in err


# -- rows of unconnected parts --------------------------------------------------------------------
def _person(xref: str, name: str, year: int, links: str = "") -> str:
    return f"0 @{xref}@ INDI\n1 NAME {name}\n1 BIRT\n2 DATE {year}\n{links}"


UNLINKED = ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
            + _person("I1", "Karto /Wiryo/", 1880, "1 SEX M\n1 FAMS @F1@\n")
            + _person("I2", "Sumi /Wiryo/", 1884, "1 SEX F\n1 FAMS @F1@\n")
            + _person("I3", "Harto /Wiryo/", 1910, "1 SEX M\n1 FAMC @F1@\n1 FAMS @F2@\n")
            + _person("I4", "Rini /Sari/", 1913, "1 SEX F\n1 FAMS @F2@\n")
            + _person("I5", "Budi /Wiryo/", 1940, "1 SEX M\n1 FAMC @F2@\n")
            + _person("I6", "Dewi /Lestari/", 1945, "1 SEX F\n")  # linked to nobody
            + _person("I7", "Tono /Hadi/", 1908, "1 SEX M\n1 FAMS @F3@\n")  # another family, not linked
            + _person("I8", "Ani /Hadi/", 1912, "1 SEX F\n1 FAMS @F3@\n")
            + _person("I9", "Eko /Hadi/", 1938, "1 SEX M\n1 FAMC @F3@\n")
            + "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n0 @F2@ FAM\n1 HUSB @I3@\n1 WIFE @I4@\n1 CHIL @I5@\n"
            + "0 @F3@ FAM\n1 HUSB @I7@\n1 WIFE @I8@\n1 CHIL @I9@\n0 TRLR\n").encode()


def test_unconnected_parts_stand_on_the_rows_of_their_birth_years() -> None:
    """A person linked to nobody (born 1945) and a family not linked to the first (born 1908-1938)
    stood on the top row beside the people born 1880; they stand with their generation."""
    from socialtools.genogram.layout import layout_family

    family = parse_gedcom(UNLINKED, "u.ged")
    y = {pid: node.y for pid, node in layout_family(family).nodes.items()}
    assert y["I1"] == y["I2"] < y["I3"] == y["I4"] == y["I7"] == y["I8"] < y["I5"] == y["I6"] == y["I9"]



def test_gedcom_truncated_file_names_its_last_record_with_the_partners_names() -> None:
    with pytest.raises(InputError, match=r"last record family @F1@ \(Jan /Kowalski/ and Anna /Nowak/\), line 13"):
        parse_gedcom(KOWALSKI.replace(b"1 CHIL @I99@\n0 TRLR\n", b""), "k.ged")


def test_gedcom_child_of_two_families_is_said_not_silently_a_step_child() -> None:
    text = KOWALSKI.replace(b"1 CHIL @I99@\n", b"1 CHIL @I25@\n0 @F2@ FAM\n1 HUSB @I23@\n1 CHIL @I25@\n"
                            b"0 @I25@ INDI\n1 NAME Ewa /Kowalska/\n")
    warnings: list[str] = []
    parse_gedcom(text, "k.ged", warnings=warnings)
    assert [w for w in warnings if "FAMC" in w] == [
        "person @I25@ (Ewa /Kowalska/), line 20, field 'FAMC': a birth child of two families (@F1@ and @F2@): "
        "drawn as the birth child of @F1@ and a step-child of @F2@"]


def test_birth_child_of_two_families_without_ids_is_not_named_at_none() -> None:
    from socialtools.io.gedcom import _resolve_extra_biological_parents, _two_birth_families

    unions = [{"id": "F1", "children": [{"id": "I3", "relation": "biological"}]},
              {"children": [{"id": "I3", "relation": "biological"}]}]
    [(child, first, later)] = _resolve_extra_biological_parents(unions)
    assert (child, first, later) == ("I3", "F1", None) and unions[1]["children"][0]["relation"] == "step"
    assert "None" not in _two_birth_families(first, later)
