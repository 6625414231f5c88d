"""``socialtools ecomap INPUT -o OUT.svg``: draw the ecomap of a case document.

>>> import argparse
>>> commands = argparse.ArgumentParser().add_subparsers()
>>> register(commands)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from socialtools.cli import add_dpi, add_initials, add_language
from socialtools.io.loading import load_document
from socialtools.io.output import FIGURE_FORMATS, figure_bytes, write_atomic


def _run(args: argparse.Namespace) -> int:
    from socialtools.ecomap.diagram import EcomapDiagram  # here: --help stays quick

    out = Path(args.output)
    document = load_document(args.input)
    diagram = EcomapDiagram.from_document(
        document, source=str(args.input), lang=args.lang, monochrome=args.monochrome, compare=args.compare,
        initials=args.initials,
    )
    if args.group:
        diagram.ecomap.group_by_category = True
    if out.suffix.lower() == ".dot":
        data = diagram.to_dot().encode("utf-8")
    else:
        data = figure_bytes(diagram.to_svg(), out.suffix, dpi=args.dpi)  # fails before anything is written
    write_atomic(out, data)
    for warning in diagram.warnings():
        sys.stderr.write(f"socialtools ecomap: warning: {warning}\n")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "ecomap",
        help="draw an ecomap (Hartman) from a case document",
        description="Draw the ecomap of a case document (its 'ecomap' section; focal members are person "
        "ids of its 'family' section) or of a bare ecomap file. The output format follows "
        f"the extension of OUTPUT ({', '.join(FIGURE_FORMATS)}, or .dot for Graphviz).",
    )
    parser.add_argument("input", metavar="INPUT", help="case document or ecomap file (.yaml, .yml, .json)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="file to write, e.g. ecomap.svg")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="draw before and after side by side (needs an 'after' block of tie changes)",
    )
    parser.add_argument("--monochrome", "--bw", action="store_true", help="black and white, for printed reports")
    parser.add_argument(
        "--group",
        action="store_true",
        help="place systems of one category side by side (like 'group_by_category: true')",
    )
    add_initials(parser)
    add_language(parser)
    add_dpi(parser)
    parser.set_defaults(run=_run)
