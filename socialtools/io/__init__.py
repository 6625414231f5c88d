"""Shared input and output: YAML/JSON documents, validated models, family files (GEDCOM, pedigree
tables and the rest), atomic writes, conversions to PNG and PDF.

>>> from socialtools.io import load_document, read_families, read_gedcom, write_atomic
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.io.convert import svg_to_pdf, svg_to_png
    from socialtools.io.convert_family import convert, load_family
    from socialtools.io.families import read_families
    from socialtools.io.gedcom import focus_family, read_gedcom, write_gedcom
    from socialtools.io.loading import load_document, parse_model
    from socialtools.io.output import write_atomic
    from socialtools.io.pedigree import read_pedigree
    from socialtools.io.sections import parse_section

__all__ = ["convert", "focus_family", "load_document", "load_family", "parse_model", "parse_section",
           "read_families", "read_gedcom", "read_pedigree", "svg_to_pdf", "svg_to_png", "write_atomic",
           "write_gedcom"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["svg_to_pdf", "svg_to_png"], "socialtools.io.convert"),
    **dict.fromkeys(["convert", "load_family"], "socialtools.io.convert_family"),
    "read_families": "socialtools.io.families",
    **dict.fromkeys(["focus_family", "read_gedcom", "write_gedcom"], "socialtools.io.gedcom"),
    **dict.fromkeys(["load_document", "parse_model"], "socialtools.io.loading"),
    "write_atomic": "socialtools.io.output",
    "read_pedigree": "socialtools.io.pedigree",
    "parse_section": "socialtools.io.sections",
})
