"""``socialtools ecomap INPUT -o OUT.svg``: draw the ecomap of a case document.

>>> import argparse
>>> commands = argparse.ArgumentParser().add_subparsers()
>>> register(commands)
"""

from __future__ import annotations

import argparse
import sys

from socialtools.cli import add_command, add_drawing_options, write_diagram
from socialtools.io.loading import load_document
from socialtools.io.output import FIGURE_FORMATS


def _run(args: argparse.Namespace) -> int:
    from socialtools.ecomap.diagram import EcomapDiagram  # here: --help stays quick

    said: list[str] = []  # (a file indented with tabs is read, and said)
    document = load_document(args.input, warnings=said)
    for warning in said:
        sys.stderr.write(f"socialtools ecomap: warning: {warning}\n")
    diagram = EcomapDiagram.from_document(
        document, source=str(args.input), lang=args.lang, monochrome=args.monochrome, compare=args.compare,
        initials=args.initials,
    )
    if args.group:
        diagram.ecomap.group_by_category = True
    return write_diagram("ecomap", diagram, args.output, dpi=args.dpi)


def register(commands: argparse._SubParsersAction) -> None:
    parser = add_command(
        commands, "ecomap", _run, help="draw an ecomap (Hartman) from a case document",
        description="Draw the ecomap of a case document (its 'ecomap' section; focal members are person "
        "ids of its 'family' section) or of a bare ecomap file. The output format follows "
        f"the extension of OUTPUT ({', '.join(FIGURE_FORMATS)}, or .dot for Graphviz).",
        input_help="case document or ecomap file (.yaml, .yml, .json)",
        output_metavar="OUTPUT", output_help="file to write, e.g. ecomap.svg",
    )
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
    add_drawing_options(parser)
