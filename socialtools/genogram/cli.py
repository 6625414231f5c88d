"""``socialtools genogram``: draw a genogram from a family/case file or a pedigree table."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import json
import os
import sys
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from socialtools.cli import add_dpi, add_initials, add_language
from socialtools.errors import InputError, UsageError, capped_warnings
from socialtools.genogram.label_fields import LABEL_FIELDS, label_fields
from socialtools.io.options import add_input_options
from socialtools.io.output import (
    FIGURE_FORMATS,
    Written,
    beside,
    figure_bytes,
    font_warnings,
    write_beside,
    write_files,
)
from socialtools.io.sanitize import clean_text

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.diagram import GenogramOptions
    from socialtools.genogram.model import Family

PARALLEL_FROM = 16  # families in one file from which both cores draw


def load_families(path: Path, family_id: str | None, focus: str | None = None,
                  generations: int | None = None, *, kind: str | None = None,
                  lenient: bool = False) -> Mapping[str, Family]:
    """Families in ``path`` by name, whatever kind of family file it is (found from the content;
    ``kind`` overrides): one for a case file or a GEDCOM file, one per family of a pedigree table.
    Warnings (problems drawn anyway with ``lenient``) go to stderr, one line each."""
    from socialtools.io.families import read_families

    found = read_families(path, kind=kind, family=family_id, focus=focus, generations=generations,
                          lenient=lenient)
    for warning in capped_warnings(found.warnings):
        sys.stderr.write(f"socialtools genogram: warning: {warning}\n")
    return _drawable(found.families, path)


def _drawable(families: Mapping[str, Family], path: Path) -> Mapping[str, Family]:
    """A genogram needs someone to draw: an empty family is an input error, not an empty picture.

    The families of a pedigree table stay unmade (a :class:`~socialtools.io.pedigree.Pedigree`
    validates a family when it is first asked for), so that many families are made in parallel."""
    for name, count in _sizes(families).items():
        if not count:
            record = f"family '{name}'" if name != path.stem else "family"
            raise InputError("there are no people to draw", record=record, field="people", source=str(path))
    return families


def _options(args: argparse.Namespace) -> GenogramOptions:
    from socialtools.genogram.diagram import GenogramOptions
    from socialtools.genogram.placements import LayoutConfig

    labels = (label_fields(args.labels) if args.labels else ()) or GenogramOptions().labels
    if args.as_of is not None and args.compare is not None:
        raise UsageError("give either --as-of or --compare, not both")
    return GenogramOptions(lang=args.lang, labels=labels, initials=args.initials, full_dates=args.full_dates,
                           show_age=not args.no_age, title=None if args.title is None else clean_text(args.title),
                           legend=not args.no_legend,
                           monochrome=args.monochrome, layout=LayoutConfig(engine=args.engine), as_of=args.as_of,
                           duplicate_loops=args.duplicate_loops)


def run(args: argparse.Namespace) -> int:
    source = Path(args.input)
    options = _options(args)
    out = Path(args.output)
    families = load_families(source, args.family, args.focus, args.generations, kind=args.input_kind,
                             lenient=args.lenient)
    from socialtools.io.limits import MAX_PEOPLE_DRAWN, limit

    most = limit("SOCIALTOOLS_MAX_PEOPLE", MAX_PEOPLE_DRAWN)
    for name, count in _sizes(families).items():
        if count > most:
            raise UsageError(f"family '{name}' has {count:,} people, more than one genogram can show "
                             f"(at most {most:,}): draw the part around one person with --focus ID --generations N, "
                             "or raise SOCIALTOOLS_MAX_PEOPLE")
    many = len(families) > 1
    to_dir = args.output.endswith(("/", "\\")) or out.is_dir() or (many and not out.suffix)
    if many and not to_dir:
        raise UsageError(f"'{source}' holds {len(families)} families: give a folder (-o DIR/) or --family ID")
    suffix = f".{args.format}" if to_dir else out.suffix.lower()
    if suffix not in (*FIGURE_FORMATS, ".dot"):
        raise UsageError(f"cannot write '{out.suffix or out.name}': use one of {', '.join(FIGURE_FORMATS)}, .dot")
    # everything is drawn before anything is written: bad input leaves no file behind
    year = args.as_of if args.as_of is not None else args.compare[1] if args.compare else None
    option = "--as-of" if args.as_of is not None else "--compare"
    said: list[str] = []  # printed once everything is drawn: an error is then the one line said
    if year is not None:
        from socialtools.genogram.history import as_of_warnings

        for name, family in _made(families, args.initials).items():
            last = family.reference_date().year  # nothing is known after the family's as_of (or this year)
            if max(args.compare or (year,)) > last:
                later = max(args.compare or (year,))
                raise InputError(f"{later} is after the family's date ({'as_of ' if family.as_of else 'this year, '}"
                                 f"{last}): nothing is known of the family after it; give {last} or an earlier "
                                 "year", record=f"family '{name}'", field=option, source=str(source))
            said.extend(capped_warnings(as_of_warnings(family, args.as_of or args.compare[0])))
    if args.compare is not None and suffix == ".dot":
        raise UsageError("--compare draws a figure: write .svg, .png or .pdf")
    if args.stats and (suffix == ".dot" or args.compare is not None):  # (it had printed nothing at all)
        raise UsageError("--stats measures one drawn genogram: write .svg, .png or .pdf, without --compare")
    targets = [out / f"{_file_name(name)}-genogram{suffix}" if to_dir else out for name in families]
    settings: Settings = (options, suffix, args.dpi, args.stats, args.compare, args.initials)
    made = _folders_for(out) if to_dir and _pooled(families) else None  # the workers write beside the targets
    try:
        try:
            rendered = _draw_all(families, settings,
                                 None if made is None else dict(zip(families, targets, strict=True)))
        except InputError as exc:  # the library's "nobody born by" a year before every birth (an empty drawing)
            if year is None or exc.field not in ("as_of", "before"):
                raise
            raise InputError(exc.message, record=exc.record, field=option, source=str(source)) from None
        for warning in said:
            sys.stderr.write(f"socialtools genogram: warning: {warning}\n")
        for warning in capped_warnings(w for _, _, warnings in rendered for w in warnings):
                sys.stderr.write(f"socialtools genogram: warning: {warning}\n")
        write_files({target: data for target, (data, _, _) in zip(targets, rendered, strict=True)})
    except BaseException:
        for target in targets:  # what the workers wrote before the failure (write_files removes the rest)
            beside(target, os.getpid()).unlink(missing_ok=True)
        for folder in made or ():
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for target, (_, stats, _) in zip(targets, rendered, strict=True):
        if stats is not None:
            print(json.dumps({"file": str(target), **stats}, ensure_ascii=False))
    if not args.stats:
        sys.stderr.write(f"socialtools genogram: wrote {len(rendered)} file(s) to {out}\n")
    _hint_focus(families, args.focus)
    return 0


#: a family this large makes a drawing too wide to read whole on a page or screen
LARGE_FAMILY = 300


def _hint_focus(families: Mapping[str, Family], focus: str | None) -> None:
    """After a whole genealogy file is drawn, one line on how to draw a readable part of it: a
    2,000-person export becomes a drawing tens of thousands of units wide."""
    sizes = _sizes(families)
    name = max(sizes, key=lambda n: sizes[n], default=None)
    if focus is None and name is not None and sizes[name] >= LARGE_FAMILY:
        sys.stderr.write(f"socialtools genogram: note: family '{name}' has {sizes[name]:,} people, too many to "
                         "read in one drawing: --focus ID --generations N draws the part around one person\n")


Settings = tuple["GenogramOptions", str, float, bool, "list[int] | None", bool]
Drawn = tuple["bytes | Written", "dict[str, object] | None", list[str]]

# the families of the running command, for the forked workers of the process pool to inherit
# (a family is then neither made nor pickled in the parent: each worker makes the ones it draws)
_FAMILIES: Mapping[str, Family] = {}
# ... and the file each one goes to, with the id of the command's process (see _draw_all)
_TARGETS: Mapping[str, tuple[Path, int]] = {}


def _sizes(families: Mapping[str, Family]) -> dict[str, int]:
    sizes = getattr(families, "sizes", None)
    return sizes() if callable(sizes) else {name: len(family.people) for name, family in families.items()}


def _made(families: Mapping[str, Family], initials: bool) -> dict[str, Family]:
    """Every family made (validated), with names as initials when asked."""
    if not initials:
        return dict(families)
    from socialtools.privacy import hide_identifying

    return {name: hide_identifying(family) for name, family in families.items()}


def _pooled(families: Mapping[str, Family]) -> bool:
    """Are these families drawn by forked worker processes (see :func:`_draw_all`)?"""
    import multiprocessing

    return (len(families) >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods())


def _folders_for(out: Path) -> list[Path] | None:
    """The output folder made (when missing) before the workers write into it: the folders made,
    deepest first, to be removed if the job fails; ``None`` when it cannot be made (the error is
    then met, and named, when the files are written)."""
    missing = [d for d in (out, *out.parents) if not d.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return missing


def _draw_all(families: Mapping[str, Family], settings: Settings,
              targets: Mapping[str, Path] | None = None) -> list[Drawn]:
    """Every family drawn, in order; from :data:`PARALLEL_FROM` families on, in a process pool.
    With ``targets`` (each family's file), a forked worker writes each file beside its target
    (:func:`~socialtools.io.output.write_beside`) while the other draws, and hands back its name:
    the files are then only moved into place (:func:`~socialtools.io.output.write_files`)."""
    import multiprocessing

    global _FAMILIES, _TARGETS
    names = list(families)
    if len(names) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [_draw_as(name, families[name], settings) for name in names]
    if "fork" not in multiprocessing.get_all_start_methods():  # the families travel to the workers
        made = _made(families, False)
        with ProcessPoolExecutor() as pool:
            return list(pool.map(_draw_as, made.keys(), made.values(), [settings] * len(made), chunksize=8))
    # the largest families first, a few at a time: no worker is left with a big one at the end
    sizes = _sizes(families)
    biggest_first = sorted(names, key=lambda name: -sizes[name])
    _FAMILIES = families
    _TARGETS = {name: (path, os.getpid()) for name, path in (targets or {}).items()}
    importlib.import_module("socialtools.genogram.diagram")  # imported once, here: the forked workers share it
    gc.freeze()  # what the workers inherit is never scanned by their cycle collector (nor copied for it)
    try:
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork"), initializer=_worker_start) as pool:
            drawn = dict(zip(biggest_first, pool.map(_draw_named, biggest_first, [settings] * len(names),
                                                     chunksize=2), strict=True))
    finally:
        _FAMILIES, _TARGETS = {}, {}
        gc.unfreeze()
    return [drawn[name] for name in names]


def _worker_start() -> None:
    """A worker's cycle collector does not run while it draws: a drawing makes tens of thousands
    of small objects that live while it is made and hardly any reference cycles (a hundred
    families leave a few thousand objects in cycles), yet the collector, set off by the number of
    objects alive, scanned them again and again (7% of the drawing time). :func:`_draw_named`
    collects what one drawing left in cycles, after it."""
    gc.disable()


def _draw_named(name: str, settings: Settings) -> Drawn:
    try:
        data, stats, warnings = _draw_as(name, _FAMILIES[name], settings)
        target = _TARGETS.get(name)
        if target is not None and isinstance(data, bytes):
            data = write_beside(target[0], data, target[1]) or data
        return data, stats, warnings
    finally:
        gc.collect(0)  # the youngest objects only: what this drawing left (the collector is off in a worker)


def _draw_as(name: str, family: Family, settings: Settings) -> Drawn:
    """:func:`_draw`, with an error about the family as a whole naming it (``family 'F1'``)."""
    try:
        return _draw(family, settings)
    except InputError as exc:
        if exc.record != "family":
            raise
        raise InputError(exc.message, record=f"family '{name}'", field=exc.field, source=exc.source) from None


def _draw(family: Family, settings: Settings) -> Drawn:
    """One family to file bytes, its quality measures (``--stats``) and its warnings: a unit of
    work for the process pool."""
    from socialtools.genogram.diagram import Genogram

    options, suffix, dpi, stats, compare, initials = settings
    if initials:
        from socialtools.privacy import hide_identifying

        family = hide_identifying(family)
    warnings = family.warnings()
    if compare is not None:
        from socialtools.genogram.compare import GenogramComparison

        comparison = GenogramComparison(family, compare[0], compare[1], options)
        svg = comparison.to_svg()
        data = figure_bytes(svg, suffix, dpi=dpi)
        return data, None, warnings + comparison.layout.warnings + font_warnings(svg, suffix)
    genogram = Genogram(family, options)
    if suffix == ".dot":
        return genogram.to_dot().encode("utf-8"), None, warnings
    svg = genogram.to_svg()
    data = figure_bytes(svg, suffix, dpi=dpi)
    return (data, genogram.quality().as_dict() if stats else None,
            warnings + genogram.layout.warnings + font_warnings(svg, suffix))


def _year(text: str) -> int:
    """A year on the command line (``2015``)."""
    if not text.strip().isdigit() or not 1000 <= int(text) <= 2999:
        raise argparse.ArgumentTypeError(f"'{text}' is not a year: write four digits, e.g. 2015")
    return int(text)


def _file_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "family"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "genogram", help="draw a genogram",
        description="Draw a genogram from a family or case file (YAML/JSON) or a pedigree table "
                    "(.ped/.fam/.csv/.tsv: columns id, father, mother, sex, ...) or a GEDCOM file. The output "
                    "format follows the extension (.svg, .png, .pdf, or .dot for Graphviz); a folder (-o DIR/) "
                    "takes one file per family.",
    )
    parser.add_argument("input", help="family/case file (YAML/JSON), pedigree table (kinship2, LINKAGE/PLINK, "
                                      "Madeline, CanRisk, pedigreejs) or GEDCOM file; the kind is found from "
                                      "the content, whatever the extension")
    parser.add_argument("-o", "--output", required=True, help="output file (.svg/.png/.pdf) or folder ending in /")
    parser.add_argument("--family", help="draw only this family of a pedigree table")
    parser.add_argument("--focus", metavar="ID", help="only the family around this person (e.g. @I1@ or I1)")
    parser.add_argument("--generations", type=int, metavar="N",
                        help="generations of ancestors and descendants around --focus (default 2)")
    add_input_options(parser)
    parser.add_argument("--format", choices=("svg", "png", "pdf", "dot"), default="svg",
                        help="file format when writing into a folder (default svg)")
    add_language(parser)
    parser.add_argument("--labels", help=f"comma-separated fields under each person, from: {', '.join(LABEL_FIELDS)} "
                                         "or in Indonesian: nama, peran, tahun, umur, pekerjaan, pendidikan, agama, "
                                         "tempat lahir, suku, kondisi, catatan (default: name,role,years,occupation)")
    add_initials(parser)
    parser.add_argument("--full-dates", action="store_true", help="show full dates (default: years only)")
    parser.add_argument("--no-age", action="store_true", help="no age inside the symbols")
    parser.add_argument("--title", help="title above the drawing (default: the family's title; '' for none)")
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--monochrome", action="store_true", help="black and white only")
    parser.add_argument("--engine", choices=("own", "graphviz"), default="own",
                        help="layout engine: own (default) or graphviz (the system 'dot' program orders the rows)")
    parser.add_argument("--as-of", type=_year, metavar="YEAR",
                        help="draw the family as it was in YEAR: people born by then, ages then, unions, deaths, "
                             "households and relationships in their state then")
    parser.add_argument("--compare", type=_year, nargs=2, metavar=("YEAR1", "YEAR2"),
                        help="two panels, the family in YEAR1 and in YEAR2, everyone in the same place and the "
                             "changes highlighted")
    parser.add_argument("--duplicate-loops", action="store_true",
                        help="draw one partner of a union of blood relatives (cousin marriage, pedigree collapse) a "
                             "second time beside the other partner, joined to the original by a dashed line "
                             "(default: everyone drawn once)")
    parser.add_argument("--stats", action="store_true",
                        help="print the layout's quality measures (overlaps, crossings, width, ...) as JSON")
    add_dpi(parser)
    parser.set_defaults(run=run)
