"""The ``socialtools`` command line: thin argument parsing over the library.

Each diagram kind registers its sub-command from its own ``cli`` module (listed in
:data:`COMMAND_MODULES`). Errors become one line on stderr and exit status 2; an
output file is only ever written whole.

>>> main(["--version"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from socialtools import __version__
from socialtools.errors import SocialToolsError, UsageError
from socialtools.i18n import LANGUAGES

COMMAND_MODULES = (
    "socialtools.genogram.cli",
    "socialtools.demo",
    "socialtools.io.convert_family",
    "socialtools.schema",
    "socialtools.venn.cli",
    "socialtools.quadrant.cli",
    "socialtools.ecomap.cli",
    "socialtools.report.cli",
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def add_language(parser: argparse.ArgumentParser) -> None:
    """The ``--lang`` option every drawing command takes."""
    parser.add_argument("--lang", choices=LANGUAGES, default="id",
                        help="language of labels and legend: id (Indonesian, default) or en (English)")


def add_initials(parser: argparse.ArgumentParser) -> None:
    """The privacy switch every command takes (see :mod:`socialtools.privacy`)."""
    parser.add_argument("--initials", action="store_true",
                        help="privacy: people by their initials, dates as years, no address, phone, "
                             "birthplace or notes of a person (every output format)")


def dpi(value: str) -> float:
    """``--dpi`` as a number in the allowed range (an argparse type: out of range is a usage error)."""
    from socialtools.io.limits import check_dpi

    try:
        return check_dpi(value)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix(f"--dpi {value}: ")) from None


def add_dpi(parser: argparse.ArgumentParser, default: float = 150) -> None:
    """The ``--dpi`` option of every command that can write PNG."""
    parser.add_argument("--dpi", type=dpi, default=default,
                        help=f"resolution of PNG output, 10 to 1200 (default {default:g})")


def build_parser() -> Parser:
    parser = Parser(
        prog="socialtools",
        description="Genograms, ecomaps, Venn diagrams and case-report tables for social work.",
    )
    parser.add_argument("--version", action="version", version=f"socialtools {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except SocialToolsError as exc:
        sys.stderr.write(f"socialtools {args.command}: error: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"socialtools {args.command}: error: {exc.strerror or exc}: {exc.filename or ''}\n")
        return 2
    except RecursionError:
        sys.stderr.write(f"socialtools {args.command}: error: the input is nested too deeply\n")
        return 2
    except MemoryError:
        sys.stderr.write(f"socialtools {args.command}: error: out of memory: the input or the figure is "
                         "too large\n")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
