"""``socialtools quadrant INPUT -o OUT.svg``: draw the strengths quadrant of a case.

>>> import argparse
>>> register(argparse.ArgumentParser().add_subparsers())
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialtools.io.loading import load_document
from socialtools.io.output import write_figure


def run(args: argparse.Namespace) -> int:
    from socialtools.quadrant.diagram import QuadrantDiagram  # here: --help stays quick

    document = load_document(args.input)
    diagram = QuadrantDiagram.from_document(document, str(args.input), lang=args.lang, width=args.width)
    if args.initials:
        from socialtools.privacy import hide_client

        diagram.model = diagram.model.model_copy(update={"client": hide_client(document)})
    write_figure(diagram.to_svg(), Path(args.output), dpi=args.dpi)
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    from socialtools.cli import add_dpi, add_initials, add_language

    parser = commands.add_parser(
        "quadrant", help="draw a strengths quadrant (kuadran kekuatan)",
        description="Draw the strengths quadrant (personal strengths, personal limitations, environmental "
                    "resources, environmental obstacles) from the 'strengths:' section of a case document. "
                    "The format follows the output extension (.svg, .png).",
    )
    parser.add_argument("input", type=Path, metavar="INPUT", help="YAML or JSON case document")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output file: .svg or .png")
    parser.add_argument("--width", type=float, default=760.0, help="width of the grid (default 760)")
    add_initials(parser)
    add_language(parser)
    add_dpi(parser)
    parser.set_defaults(run=run)
