"""The ``socialtools`` command line: thin argument parsing over the library.

Each diagram kind registers its sub-command from its own ``cli`` module (listed in
:data:`COMMAND_MODULES`). Errors become one line on stderr and exit status 2; an
output file is only ever written whole.

>>> main(["quadrant", "no-such-case.yaml", "-o", "q.svg"])  # one line on stderr, status 2
2
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from socialtools import __version__
from socialtools.errors import InputError, SocialToolsError, UsageError, capped_warnings
from socialtools.i18n import LANGUAGES

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.draw.diagram import Diagram

#: the module of each sub-command: a command line naming one imports only its module (the
#: others' imports cost a tenth of a second in every run, on the folder job's serial path)
COMMAND_OF = {"genogram": "socialtools.genogram.cli", "demo": "socialtools.demo",
              "convert": "socialtools.io.convert_family", "gedcom": "socialtools.io.convert_family",
              "schema": "socialtools.schema", "venn": "socialtools.venn.cli", "quadrant": "socialtools.quadrant.cli",
              "ecomap": "socialtools.ecomap.cli", "report": "socialtools.report.cli"}
#: every module that registers sub-commands, once each, in the order of the help
COMMAND_MODULES = tuple(dict.fromkeys(COMMAND_OF.values()))


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
        raise argparse.ArgumentTypeError(str(exc).removeprefix(f"dpi {value}: ")) from None


def add_dpi(parser: argparse.ArgumentParser, default: float = 150) -> None:
    """The ``--dpi`` option of every command that can write PNG."""
    parser.add_argument("--dpi", type=dpi, default=default,
                        help=f"resolution of PNG output, 10 to 1200 (default {default:g})")


def add_command(commands: argparse._SubParsersAction, name: str, run: Callable[[argparse.Namespace], int], *,
                help: str, description: str, input_help: str, output_help: str, input_metavar: str = "INPUT",
                output_metavar: str | None = None, input_optional: bool = False) -> argparse.ArgumentParser:
    """A kind's sub-command ``socialtools NAME INPUT -o OUTPUT``, run by ``run``; the kind adds its own
    options to the parser returned, then :func:`add_drawing_options`."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help, description=description)
    parser.add_argument("input", metavar=input_metavar, nargs="?" if input_optional else None, help=input_help)
    parser.add_argument("-o", "--output", required=True, metavar=output_metavar, help=output_help)
    parser.set_defaults(run=run)
    return parser


def add_drawing_options(parser: argparse.ArgumentParser) -> None:
    """``--initials``, ``--lang`` and ``--dpi``: the options every drawing command ends with."""
    add_initials(parser)
    add_language(parser)
    add_dpi(parser)


def write_diagram(command: str, diagram: Diagram, output: str | Path, *, dpi: float,
                  also: Mapping[Path, bytes | str] | None = None) -> int:
    """Write ``diagram`` to ``output`` in the format its extension names (with the files ``also``,
    all or nothing, once everything has been built); its warnings and what was written go to stderr."""
    from socialtools.io.output import figure_bytes, font_warnings, write_files

    out = Path(output)
    said = diagram.warnings()
    if out.suffix.lower() in (".png", ".pdf"):  # (the SVG once: it is also searched for text the font lacks)
        svg = diagram.to_svg()
        data = figure_bytes(svg, out.suffix, dpi=dpi)
        said += font_warnings(svg, out.suffix)
    else:
        data = diagram.to_bytes(out.suffix, dpi=dpi)  # fails before anything is written
    for warning in capped_warnings(said):
        sys.stderr.write(f"socialtools {command}: warning: {warning}\n")
    files: dict[Path, bytes | str] = {out: data, **(also or {})}
    write_files(files)
    others = "".join(f" and {path}" for path in files if path != out)
    sys.stderr.write(f"socialtools {command}: wrote {out}{others}\n")  # as genogram and report say
    return 0


def _check_output_folder(args: argparse.Namespace) -> None:
    """An output file (``-o a/b/g.svg``) goes into a folder that exists: a typo in the path is an
    error, not a new tree of folders. A folder (``-o DIR/``, or a name without an extension
    where a command writes several files) is made when missing."""
    output = getattr(args, "output", None)
    if args.command == "demo" or not isinstance(output, str) or output.endswith(("/", "\\")):
        return
    path = Path(output)
    if path.suffix and not path.parent.is_dir():
        raise UsageError(f"folder '{path.parent}' does not exist: create it first, or check the path in -o")


def build_parser(command: str | None = None) -> Parser:
    """The command line's parser: every sub-command, or only ``command``'s (and those its module
    registers with it) where it is one of :data:`COMMAND_OF`.

    >>> sorted(build_parser("genogram")._subparsers._group_actions[0].choices)
    ['genogram']
    """
    parser = Parser(
        prog="socialtools",
        description="Genograms, ecomaps, Venn diagrams and case-report tables for social work.",
    )
    parser.add_argument("--version", action="version", version=f"socialtools {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in (COMMAND_OF[command],) if command in COMMAND_OF else COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


#: how the library says that reading a file leniently would draw it anyway (its errors name no flag)
LENIENTLY = "read the file leniently"


def error_line(exc: SocialToolsError, args: argparse.Namespace) -> str:
    """The error as the command line prints it: an input error that reading the file leniently would
    relax names ``--lenient`` where the command has it (the library's message names no flag).

    >>> from socialtools.errors import InputError
    >>> error = InputError("'A' is born after 'C' (read the file leniently to draw it anyway)", field="birth")
    >>> error_line(error, argparse.Namespace(lenient=False))
    "field 'birth': 'A' is born after 'C' (run again with --lenient to draw it anyway)"
    >>> str(error) == error_line(error, argparse.Namespace())  # a command without --lenient
    True
    """
    text = str(exc)
    if isinstance(exc, InputError) and getattr(args, "lenient", None) is False:
        text = text.replace(LENIENTLY, "run again with --lenient")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status. The program's own command line (``argv``
    not given) ends the process next: what the command made is left to the exit unscanned
    (:func:`gc.freeze`): the last collection of the cycle collector over it took a fifth of a
    second after a 400-family table was drawn, with nothing left to collect."""
    status = _main(argv)
    if argv is None:
        gc.freeze()
    return status


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    args = parser.parse_args(words)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        _check_output_folder(args)
        return int(args.run(args) or 0)
    except SocialToolsError as exc:
        sys.stderr.write(f"socialtools {args.command}: error: {error_line(exc, args)}\n")
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
