"""``socialtools gedcom``: convert between GEDCOM and case files, cut a family out of a big tree.

    socialtools gedcom kasus.yaml -o keluarga.ged              # case file → GEDCOM 5.5.1
    socialtools gedcom pohon.ged --focus @I1@ -o keluarga.yaml  # GEDCOM → family section (YAML)
    socialtools gedcom pohon.ged --focus @I1@ --generations 1 --info
    socialtools gedcom kasus.yaml -o keluarga.dot               # Graphviz DOT

>>> from socialtools.cli import build_parser
>>> build_parser().parse_args(["gedcom", "a.ged", "--info"]).info
True
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from socialtools.errors import UsageError
from socialtools.io.output import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

GEDCOM_SUFFIXES = (".ged", ".gedcom")
DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
DOT_SUFFIXES = (".dot", ".gv")


def load_family(path: str | Path, focus: str | None = None, generations: int | None = None) -> Family:
    """The family of a GEDCOM file or of the ``family`` section of a YAML/JSON case file.

    >>> from socialtools.examples import example_path
    >>> load_family(example_path("pk.yaml")).people[0].id
    'K'
    """
    from socialtools.genogram.model import Family
    from socialtools.io.gedcom import focus_family, read_gedcom

    path = Path(path)
    if path.suffix.lower() in GEDCOM_SUFFIXES:
        from socialtools.io.limits import MAX_TREE_MB
        from socialtools.io.loading import check_input_file

        check_input_file(path, MAX_TREE_MB)
        return read_gedcom(path, focus=focus, generations=generations)
    from socialtools.io.loading import load_document, parse_model
    from socialtools.io.sections import section

    document = load_document(path)
    family = parse_model(Family, section(document, "family", marker="people", source=str(path)), str(path))
    if focus is not None:
        return focus_family(family, focus, 2 if generations is None else generations)
    if generations is not None:
        raise UsageError("--generations needs --focus (the person the genogram is about)")
    return family


def family_document(family: Family) -> dict:
    """The family as a case document with one ``family`` section (defaults left out)."""
    return {"family": family.model_dump(mode="json", exclude_defaults=True)}


def family_text(family: Family, suffix: str) -> str:
    """The family as GEDCOM, YAML, JSON or Graphviz DOT text, by output file extension."""
    from socialtools.io.gedcom import family_to_gedcom

    suffix = suffix.lower()
    if suffix in GEDCOM_SUFFIXES:
        return family_to_gedcom(family)
    if suffix == ".json":
        return json.dumps(family_document(family), ensure_ascii=False, indent=2) + "\n"
    if suffix in (".yaml", ".yml"):
        data = family_document(family)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if yaml.safe_load(text) != data:  # PyYAML writes U+0085 raw, and reads it as a line break
            text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
        return text
    if suffix in DOT_SUFFIXES:
        from socialtools.genogram.dot import family_to_dot

        return family_to_dot(family)
    raise UsageError(f"cannot write '{suffix or 'no extension'}': use .ged, .yaml, .json or .dot")


def info_lines(family: Family) -> list[str]:
    """One line per person: pointer, sex, years, name, parents — for choosing ``--focus``."""
    lines = [f"{len(family.people)} people, {len(family.unions)} unions"]
    for person in family.people:
        years = f"{person.birth.year if person.birth else ''}-{person.death.year if person.death else ''}"
        parents = ",".join(family.parents_of(person.id))
        mark = "*" if person.index else " "
        lines.append(f"{mark}@{person.id}@\t{person.sex[0].upper()}\t{years}\t{person.name or ''}"
                     + (f"\t(parents {parents})" if parents else ""))
    return lines


def _run(args: argparse.Namespace) -> int:
    if not args.output and not args.info:
        raise UsageError("say what to do: -o FILE (.ged, .yaml or .json) and/or --info")
    family = load_family(args.input, focus=args.focus, generations=args.generations)
    if args.initials:
        from socialtools.privacy import hide_identifying

        family = hide_identifying(family)
    if args.output:
        path = Path(args.output)
        text = family_text(family, path.suffix)
        write_atomic(path, text)
        sys.stderr.write(f"socialtools gedcom: wrote {path} ({len(family.people)} people)\n")
    if args.info:
        sys.stdout.write("\n".join(info_lines(family)) + "\n")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    from socialtools.cli import add_initials

    parser = commands.add_parser(
        "gedcom", help="convert between GEDCOM and case files; cut a family out of a big tree",
        description="Read a GEDCOM file (5.5.1 in UTF-8, UTF-16, ANSEL or ANSI; or GEDCOM 7) or the "
                    "family section of a case file, optionally keep only the family around one "
                    "person, and write it as GEDCOM 5.5.1 (.ged), as a case file (.yaml/.json) "
                    "or as Graphviz DOT (.dot).",
    )
    parser.add_argument("input", metavar="INPUT", help="a .ged file or a .yaml/.json case file")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="output file: .ged (GEDCOM 5.5.1, UTF-8), .yaml, .json or .dot (Graphviz)")
    parser.add_argument("--focus", metavar="ID",
                        help="keep only the family around this person (e.g. @I1@)")
    parser.add_argument("--generations", type=int, metavar="N",
                        help="with --focus: generations up and down to keep (default 2)")
    add_initials(parser)
    parser.add_argument("--info", action="store_true",
                        help="list the people (pointer, sex, years, name, parents) on standard output")
    parser.set_defaults(run=_run)
