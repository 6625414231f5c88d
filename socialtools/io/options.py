"""Command-line options every command that reads a family file takes: ``--from`` and ``--lenient``.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_input_options(parser)
>>> parser.parse_args(["--from", "madeline", "--lenient"]).input_kind
'madeline'
"""

from __future__ import annotations

import argparse

#: the kinds of family file (see :mod:`socialtools.io.families`), listed here so that ``--help``
#: does not import the readers
KIND_NAMES = ("case", "pedigree", "plink", "madeline", "gedcom", "canrisk", "pedigreejs", "fhir")


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """``--from KIND`` (override the kind found from the content) and ``--lenient``."""
    parser.add_argument("--from", dest="input_kind", choices=KIND_NAMES, metavar="KIND",
                        help="read the input as this kind instead of the one found from its content: "
                             + ", ".join(KIND_NAMES))
    parser.add_argument("--lenient", action="store_true",
                        help="draw inconsistent input anyway (a father whose row says female, a child born "
                             "before a parent, death before birth), with one warning per problem")
