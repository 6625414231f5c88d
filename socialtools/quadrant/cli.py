"""``socialtools quadrant INPUT -o OUT.svg``: draw the strengths quadrant of a case.

>>> import argparse
>>> register(argparse.ArgumentParser().add_subparsers())
"""

from __future__ import annotations

import argparse

from socialtools.cli import add_command, add_drawing_options, write_diagram
from socialtools.io.loading import load_document


def run(args: argparse.Namespace) -> int:
    from socialtools.quadrant.diagram import QuadrantDiagram  # here: --help stays quick

    document = load_document(args.input)
    if args.initials:
        from socialtools.privacy import hide_document

        document = hide_document(document, str(args.input))
    diagram = QuadrantDiagram.from_document(document, source=str(args.input), lang=args.lang, width=args.width)
    if args.initials:
        from socialtools.privacy import hide_client

        diagram.model = diagram.model.model_copy(update={"client": hide_client(document)})
    return write_diagram("quadrant", diagram, args.output, dpi=args.dpi)


def register(commands: argparse._SubParsersAction) -> None:
    parser = add_command(
        commands, "quadrant", run, help="draw a strengths quadrant (kuadran kekuatan)",
        description="Draw the strengths quadrant (personal strengths, personal limitations, environmental "
                    "resources, environmental obstacles) from the 'strengths:' section of a case document. "
                    "The format follows the output extension (.svg, .png).",
        input_help="YAML or JSON case document", output_metavar="OUT", output_help="output file: .svg or .png",
    )
    parser.add_argument("--width", type=float, default=760.0, help="width of the grid (default 760)")
    add_drawing_options(parser)
