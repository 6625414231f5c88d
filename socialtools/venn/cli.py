"""``socialtools venn INPUT -o OUT.svg``: draw an institutional or set Venn diagram.

The kind comes from the file (``kind: institutional`` / ``kind: sets``, or a ``venn:``
section of a case document). ``--table FILE.md|.html|.csv`` also writes the companion table.

>>> import argparse
>>> sub = argparse.ArgumentParser().add_subparsers()
>>> register(sub)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from socialtools.cli import add_command, add_drawing_options, write_diagram
from socialtools.errors import InputError, UsageError
from socialtools.io.escape import csv_cell
from socialtools.io.loading import load_document

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.venn.diagram import VennDiagram


def _table_text(diagram: VennDiagram, path: Path) -> str:
    table = diagram.table()
    suffix = path.suffix.lower()
    if suffix == ".md":
        return table.to_markdown() + "\n"
    if suffix in (".html", ".htm"):
        return table.to_html() + "\n"
    if suffix == ".csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([csv_cell(h) for h in table.header])
        writer.writerows([csv_cell(c) for c in row] for row in table.rows)
        return buffer.getvalue()
    raise UsageError(f"cannot write a table as '{suffix or 'no extension'}': use .md, .html or .csv")


def run(args: argparse.Namespace) -> int:
    from socialtools.venn.diagram import VennDiagram  # here: --help stays quick

    source = str(args.input)
    document = load_document(args.input)
    if args.initials:
        from socialtools.privacy import hide_document

        document = hide_document(document, source)
    diagram = VennDiagram.from_document(document, source=source, lang=args.lang,
                                        colour_by=args.colour_by, legend=not args.no_legend)
    if args.initials:
        from socialtools.privacy import hide_venn

        diagram.model = hide_venn(diagram.model)
    try:
        table = {Path(args.table): _table_text(diagram, Path(args.table))} if args.table else {}
    except InputError as error:
        raise error.located(source) from None
    return write_diagram("venn", diagram, args.output, dpi=args.dpi, also=table)


def register(commands: argparse._SubParsersAction) -> None:
    parser = add_command(
        commands, "venn", run, help="draw an institutional (PRA) or set Venn diagram",
        description="Draw a Venn diagram from a YAML/JSON file: an institutional Venn (kind: institutional; "
                    "circle size = importance, distance from the centre = closeness, overlap = cooperation) "
                    "or a set Venn/Euler diagram of 2-3 sets (kind: sets). The format follows the output "
                    "extension (.svg, .png).",
        input_help="YAML or JSON file (or a case document with a 'venn:' section)",
        output_metavar="OUT", output_help="output file: .svg or .png",
    )
    parser.add_argument("--colour-by", choices=("kind", "valence"), default="kind",
                        help="fill institutional circles by kind (default) or by valence")
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    parser.add_argument("--table", metavar="FILE", help="also write the companion table (.md, .html or .csv)")
    add_drawing_options(parser)
