"""``socialtools convert``: any family file to any other, the output's extension picking the format.

    socialtools convert keluarga.yaml -o keluarga.ped          # LINKAGE/kinship2 table
    socialtools convert pohon.ged --focus @I1@ -o klien.fhir.json
    socialtools convert sample.ped.tab --family 3 -o f3.canrisk.txt
    socialtools gedcom kasus.yaml -o keluarga.ged              # the older command: GEDCOM 5.5.1

Formats written: ``.yaml``/``.yml`` and ``.json`` (case file: everything), ``.ged`` (GEDCOM 7;
``socialtools gedcom`` writes 5.5.1), ``.ped`` (LINKAGE/kinship2 columns), ``.canrisk.txt``
or ``.canrisk`` (CanRisk 2.0), ``.pedigreejs.json``, ``.fhir.json`` (a FHIR R4 Bundle of
FamilyMemberHistory, relative to the index person) and ``.dot`` (Graphviz). What the output
format cannot hold is never dropped silently: the command prints one line
(``left out: 3 emotional relationships, 1 household``) and :class:`Conversion` lists it.

>>> from socialtools.cli import build_parser
>>> build_parser().parse_args(["convert", "a.ged", "-o", "b.ped"]).output
'b.ped'
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from socialtools.errors import InputError, UsageError, capped_warnings
from socialtools.io.options import add_input_options
from socialtools.io.output import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

#: output format by file name ending (longest first wins)
ENDINGS = {
    ".fhir.json": "fhir", ".pedigreejs.json": "pedigreejs", ".canrisk.txt": "canrisk", ".canrisk": "canrisk",
    ".ped": "ped", ".ged": "gedcom7", ".gedcom": "gedcom7", ".json": "json", ".yaml": "yaml", ".yml": "yaml",
    ".dot": "dot", ".gv": "dot",
}


def output_format(path: str | Path, gedcom_version: str = "7") -> str:
    """The format a file name asks for (``.ged`` is GEDCOM 7, or 5.5.1 with ``gedcom_version``).

    >>> output_format("klien.fhir.json"), output_format("x.GED"), output_format("x.ged", "5.5.1")
    ('fhir', 'gedcom7', 'gedcom')
    """
    name = Path(path).name.lower()
    for ending in sorted(ENDINGS, key=len, reverse=True):
        if name.endswith(ending):
            found = ENDINGS[ending]
            return "gedcom" if found == "gedcom7" and gedcom_version.startswith("5") else found
    endings = ", ".join(sorted(ENDINGS))
    raise UsageError(f"cannot write '{Path(path).suffix or 'no extension'}': use one of {endings}")


def family_document(family: Family) -> dict:
    """The family as a case document with one ``family`` section (defaults left out)."""
    return {"family": family.model_dump(mode="json", exclude_defaults=True)}


def family_text(family: Family, suffix: str) -> str:
    """The family as text of the format ``suffix`` names (a file name or extension: ``.ged`` is
    GEDCOM 5.5.1 here, as ``socialtools gedcom`` writes it); see :func:`write_family_text`."""
    return write_family_text(family, output_format(suffix if "." in suffix else f"x{suffix}", "5.5.1"))[0]


def write_family_text(family: Family, fmt: str) -> tuple[str, list[str]]:
    """The family in format ``fmt`` (a value of :data:`ENDINGS`) and what it left out."""
    from socialtools.io.fidelity import left_out

    if fmt in ("gedcom", "gedcom7"):
        from socialtools.io.gedcom import family_to_gedcom, family_to_gedcom7

        return (family_to_gedcom7 if fmt == "gedcom7" else family_to_gedcom)(family), left_out(family, fmt)
    if fmt == "json":
        return json.dumps(family_document(family), ensure_ascii=False, indent=2) + "\n", []
    if fmt == "yaml":
        data = family_document(family)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if yaml.safe_load(text) != data:  # PyYAML writes U+0085 raw, and reads it as a line break
            text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
        return text, []
    if fmt == "dot":
        from socialtools.genogram.dot import family_to_dot

        return family_to_dot(family), left_out(family, "dot")
    if fmt == "ped":
        from socialtools.io.pedfile import family_to_ped

        return family_to_ped(family)
    if fmt == "canrisk":
        from socialtools.io.canrisk import family_to_canrisk

        return family_to_canrisk(family)
    if fmt == "pedigreejs":
        from socialtools.io.pedigreejs import family_to_pedigreejs

        return family_to_pedigreejs(family)
    if fmt == "fhir":
        from socialtools.io.fhir import family_to_fhir

        return family_to_fhir(family)
    raise UsageError(f"unknown output format '{fmt}'")


@dataclass
class Conversion:
    """The result of :func:`convert`: the file written, how many people, the kind read, warnings
    about the input and what the output format could not hold (``left_out``)."""

    path: Path
    people: int
    kind: str
    left_out: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def convert(source: str | Path, target: str | Path, *, kind: str | None = None, family: str | None = None,
            focus: str | None = None, generations: int | None = None, lenient: bool = False,
            gedcom_version: str = "7", initials: bool = False) -> Conversion:
    """Read any family file and write it in the format of ``target``'s extension.

    ``initials`` is the privacy switch (:func:`socialtools.privacy.hide_identifying`).

    >>> import tempfile
    >>> from socialtools.examples import example_path
    >>> out = Path(tempfile.mkdtemp()) / "pk.ped"
    >>> result = convert(example_path("pk.yaml"), out)
    >>> result.people, result.left_out[:2]
    (5, ['2 households', '5 birth dates'])
    """
    from socialtools.io.families import read_families

    fmt = output_format(target, gedcom_version)
    found = read_families(source, kind=kind, family=family, focus=focus, generations=generations, lenient=lenient)
    sizes = getattr(found.families, "sizes", None)  # (a pedigree table's families are made when asked for)
    counts = sizes() if callable(sizes) else {name: len(f.people) for name, f in found.families.items()}
    for name, count in counts.items():  # nothing to convert: refused, no file (as genogram refuses)
        if not count:
            record = "family" if len(found.families) == 1 else f"family '{name}'"
            raise InputError("there are no people to convert", record=record, field="people", source=str(source))
    if initials:
        from socialtools.privacy import hide_identifying

        found.families = {name: hide_identifying(f) for name, f in found.families.items()}
    if fmt == "ped" and len(found.families) > 1:
        from socialtools.io.pedfile import family_to_ped

        parts = [family_to_ped(f, famid=name) for name, f in found.families.items()]
        text = parts[0][0] + "".join(t.split("\n", 1)[1] for t, _ in parts[1:])
        lost = _sum_left_out([items for _, items in parts])
        people = sum(len(f.people) for f in found.families.values())
    else:
        one = found.family
        text, lost = write_family_text(one, fmt)
        people = len(one.people)
    path = write_atomic(Path(target), text)
    return Conversion(path, people, found.kind, lost, found.warnings)


def _sum_left_out(lists: list[list[str]]) -> list[str]:
    """'2 names' and '3 names' → '5 names', in order of first appearance."""
    totals: dict[str, int] = {}
    for items in lists:
        for item in items:
            count, _, what = item.partition(" ")
            if count.isdigit():
                totals[what] = totals.get(what, 0) + int(count)
            else:
                totals[item] = 0
    return [f"{n} {what}" if n else what for what, n in totals.items()]


def info_lines(family: Family) -> list[str]:
    """One line per person: pointer, sex, years, name, parents — for choosing ``--focus``."""
    lines = [f"{len(family.people)} people, {len(family.unions)} unions"]
    for person in family.people:
        years = (f"{person.birth.display(full=False) if person.birth else ''}-"  # '~1933' keeps 'about'
                 f"{person.death.display(full=False) if person.death else ''}")
        parents = ",".join(family.parents_of(person.id))
        mark = "*" if person.index else " "
        lines.append(f"{mark}@{person.id}@\t{person.sex[0].upper()}\t{years}\t{person.name or ''}"
                     + (f"\t(parents {parents})" if parents else ""))
    return lines


def load_family(path: str | Path, focus: str | None = None, generations: int | None = None, *,
                kind: str | None = None, lenient: bool = False) -> Family:
    """The family of any family file (the kind is found from the content), optionally only the
    part around ``focus``.

    >>> from socialtools.examples import example_path
    >>> load_family(example_path("pk.yaml")).people[0].id
    'K'
    """
    from socialtools.io.families import read_families

    found = read_families(path, kind=kind, focus=focus, generations=generations, lenient=lenient)
    for warning in capped_warnings(found.warnings):
        sys.stderr.write(f"socialtools: warning: {warning}\n")
    return found.family


def _run(args: argparse.Namespace) -> int:
    name = args.command
    if not args.output and not getattr(args, "info", False):
        raise UsageError("say what to do: -o FILE" + (" and/or --info" if name == "gedcom" else ""))
    if args.output:
        result = convert(args.input, args.output, kind=args.input_kind, family=args.family, focus=args.focus,
                         generations=args.generations, lenient=args.lenient,
                         gedcom_version="5.5.1" if name == "gedcom" else "7", initials=args.initials)
        for warning in capped_warnings(result.warnings):
            sys.stderr.write(f"socialtools {name}: warning: {warning}\n")
        sys.stderr.write(f"socialtools {name}: wrote {result.path} ({result.people} people)\n")
        if result.left_out:
            sys.stderr.write(f"socialtools {name}: left out: {', '.join(result.left_out)}\n")
    if getattr(args, "info", False):
        family = load_family(args.input, args.focus, args.generations, kind=args.input_kind, lenient=args.lenient)
        if args.initials:
            from socialtools.privacy import hide_identifying

            family = hide_identifying(family)
        sys.stdout.write("\n".join(info_lines(family)) + "\n")
    return 0


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT",
                        help="any family file: case file (YAML/JSON), pedigree table, PLINK, Madeline, GEDCOM, "
                             "CanRisk, pedigreejs, FHIR bundle (the kind is found from the content)")
    parser.add_argument("--family", help="the family to convert, of a file that holds several")
    parser.add_argument("--focus", metavar="ID", help="keep only the family around this person (e.g. @I1@)")
    parser.add_argument("--generations", type=int, metavar="N",
                        help="with --focus: generations up and down to keep (default 2)")
    add_input_options(parser)
    from socialtools.cli import add_initials

    add_initials(parser)
    parser.set_defaults(run=_run)


def register(commands: argparse._SubParsersAction) -> None:
    convert_parser = commands.add_parser(
        "convert", help="convert a family file to another format (the output's extension picks it)",
        description="Read any family file and write it as " + ", ".join(sorted(ENDINGS)) + ". "
                    ".ged is GEDCOM 7; .fhir.json a FHIR R4 Bundle of FamilyMemberHistory relative to the "
                    "index person. What the output format cannot hold is listed on one line ('left out: ...').")
    convert_parser.add_argument("-o", "--output", metavar="FILE", required=True,
                                help="output file; its extension picks the format")
    _arguments(convert_parser)
    gedcom = commands.add_parser(
        "gedcom", help="convert between GEDCOM and case files; cut a family out of a big tree",
        description="The older name of 'socialtools convert', with --info; .ged output is GEDCOM 5.5.1.")
    gedcom.add_argument("-o", "--output", metavar="FILE",
                        help="output file: .ged (GEDCOM 5.5.1, UTF-8), .yaml, .json, .dot, or any 'convert' format")
    gedcom.add_argument("--info", action="store_true",
                        help="list the people (pointer, sex, years, name, parents) on standard output")
    _arguments(gedcom)
