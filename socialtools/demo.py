"""``socialtools demo``: write the figures of the bundled cases into a folder.

Each diagram kind contributes a ``demo_files()`` function (listed in :data:`DEMO_SOURCES`)
returning ``{file name: content}``; file names are ``<case>-<kind>.<ext>``.

>>> import tempfile
>>> written = write_demo(tempfile.mkdtemp())
>>> any(p.name == "pk-genogram.svg" for p in written)
True
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from socialtools.io.output import write_atomic

DEMO_SOURCES = (
    "socialtools.genogram.demo",
    "socialtools.venn.demo",
    "socialtools.quadrant.demo",
    "socialtools.ecomap.demo",
    "socialtools.report.demo",
)


def demo_files() -> dict[str, str | bytes]:
    """Every demo file of every diagram kind, by file name."""
    files: dict[str, str | bytes] = {}
    for name in DEMO_SOURCES:
        files.update(importlib.import_module(name).demo_files())
    return files


def write_demo(out_dir: str | Path) -> list[Path]:
    """Write every demo file into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    return [write_atomic(out / name, content) for name, content in sorted(demo_files().items())]


def _run(args: argparse.Namespace) -> int:
    written = write_demo(args.output)
    for path in written:
        print(path)
    sys.stderr.write(f"socialtools demo: wrote {len(written)} files into {args.output}\n")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo", help="write the figures of the bundled example cases",
        description="Write the figures of the bundled PK case (and the other bundled examples) "
                    "into a folder, each named after its case and kind (pk-genogram.svg, ...).",
    )
    parser.add_argument("-o", "--output", default="figures", metavar="DIR",
                        help="folder to write into (default: ./figures)")
    parser.set_defaults(run=_run)
