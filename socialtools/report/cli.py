"""``socialtools report CASE.yaml -o report.docx``: the case report chapter as DOCX, HTML or Markdown.

>>> import argparse
>>> sub = argparse.ArgumentParser().add_subparsers()
>>> register(sub)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from socialtools.errors import InputError, UsageError, capped_warnings


def _columns(values: list[str] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for value in values or []:
        table, sep, cols = value.partition("=")
        if not sep or not cols.strip():
            raise UsageError(f"--columns '{value}': write TABLE=COL,COL (e.g. bpss=no,aspect,finding,source)")
        out[table.strip()] = [c.strip() for c in cols.split(",") if c.strip()]
    return out


def _run(args: argparse.Namespace) -> int:
    from socialtools.io.loading import load_document
    from socialtools.io.output import write_files
    from socialtools.report.case import Case
    from socialtools.report.document import build_report, check_report_suffix, report_bytes
    from socialtools.report.model import Heading, ReportOptions

    out = Path(args.output)
    check_report_suffix(out.suffix)
    options = ReportOptions(lang=args.lang, include_private=args.show_private, initials=args.initials,
                            columns=_columns(args.columns), figures=not args.no_figures, dpi=args.dpi,
                            only=tuple(k.strip() for k in (args.only or "").split(",") if k.strip()),
                            source=args.source)
    if args.bpss_form:
        document = load_document(args.input) if args.input else {}
        bpss = dict(document.get("bpss") or {})
        bpss["defaults"] = True
        case = Case.from_document({**document, "bpss": bpss}, source=args.input, lenient=args.lenient)
        options.only = ("bpss",)
    elif args.input is None:
        raise UsageError("give a CASE file (or --bpss-form for a blank BPSS form)")
    else:
        case = Case.load(args.input, lenient=args.lenient)
    report = build_report(case, options)
    if all(isinstance(b, Heading) for b in report.blocks):  # headings alone: nothing the file holds is printed
        what = f"for --only {','.join(options.only)}" if options.only else "in it (no people in 'family', no case, " \
            "bpss, ecomap, plan, sessions, ...)"
        raise InputError(f"nothing to report {what}", source=str(args.input) if args.input else None)
    family_warnings = case.family.warnings() if case.family is not None else []
    for warning in capped_warnings(case.warnings + family_warnings + report.warnings):
        sys.stderr.write(f"socialtools report: warning: {warning}\n")
    data, images = report_bytes(report, out.suffix, image_prefix=out.stem)
    write_files({**{out.parent / name: png for name, png in sorted(images.items())}, out: data})
    sys.stderr.write(f"socialtools report: wrote {out}" + (f" and {len(images)} image(s)" if images else "")
                     + "\n")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    from socialtools.cli import add_command, add_dpi, add_initials, add_language

    parser = add_command(
        commands, "report", _run,
        help="write the case report chapter (tables and figures) as DOCX, HTML or Markdown",
        description="Write the assessment-to-termination chapter of a case report from one case file: "
                    "client and family identity, BPSS, genogram and ecomap figures, intervention plan, "
                    "schedule, process log, behaviour change. Phone numbers, addresses and exact dates "
                    "of birth are left out unless --show-private is given.",
        input_metavar="CASE", input_optional=True, input_help="case file (.yaml, .yml or .json)",
        output_metavar="FILE", output_help="output file: .docx, .html or .md (Markdown images are written beside it)",
    )
    add_language(parser)
    add_initials(parser)
    parser.add_argument("--show-private", action="store_true",
                        help="include phone numbers, addresses and full dates of birth")
    parser.add_argument("--columns", action="append", metavar="TABLE=COL,...",
                        help="columns of one table, e.g. bpss=no,aspect,finding,source (repeatable)")
    parser.add_argument("--only", metavar="PART,...",
                        help="just these parts, numbered as in the whole report: client, family, bpss, "
                             "genogram, ecomap, plan, systems, schedule, process, evaluation, behaviour, "
                             "termination (the narrative keys identity, comparison, ... and Indonesian words work too)")
    parser.add_argument("--bpss-form", action="store_true",
                        help="a BPSS table with every default item (a blank form without CASE; "
                             "with CASE, its findings filled in)")
    parser.add_argument("--source", metavar="TEXT",
                        help="the 'Sumber:' line under every table and figure, e.g. "
                             "\"Hasil asesmen praktikan, 2024\" (else the case file's case.source)")
    parser.add_argument("--no-figures", action="store_true", help="leave out the genogram and ecomap")
    parser.add_argument("--lenient", action="store_true",
                        help="report dates that cannot all be true anyway (a marriage before a partner's birth, "
                             "a session after the termination), with one warning per problem")
    add_dpi(parser, default=200)
