"""Privacy by default: phone numbers, street addresses and exact dates of birth stay out of reports.

The hidden values are searched in the raw bytes of every output (every part of the DOCX zip).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.examples import load_example
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import ReportOptions

PHONE = "0812-3456-7890"
ADDRESS = "Jl. Melati Nomor 17"
BIRTH = "1998-03-04"
BIRTH_WORDS = ("4 Maret 1998", "4 March 1998", "1998-03-04", "04-03-1998")
NAMES = ("Putri Kirana", "Kusnadi", "Sulastri")
SECRETS = (PHONE, ADDRESS, *BIRTH_WORDS)


def _case_document() -> dict:
    doc = load_example("pk.yaml")
    doc["case"].update({"phone": PHONE, "address": ADDRESS, "name": "Putri Kirana"})
    people = {p["id"]: p for p in doc["family"]["people"]}
    people["PK"].update({"birth": BIRTH, "phone": PHONE, "address": ADDRESS, "name": "Putri Kirana"})
    people["K"].update({"name": "Kusnadi", "phone": "0813-1111-2222", "address": ADDRESS})
    people["S"].update({"name": "Sulastri", "birth": "1975-11-30"})
    return doc


def _all_bytes(data: bytes, suffix: str) -> bytes:
    if suffix != ".docx":
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(name) for name in z.namelist())


def _outputs(opts: ReportOptions) -> dict[str, bytes]:
    report = build_report(Case.from_document(_case_document()), opts)
    text, _images = report_markdown(report, "r")
    return {".docx": _all_bytes(report_docx(report), ".docx"), ".html": report_html(report).encode(),
            ".md": text.encode()}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_private_values_appear_nowhere_by_default(lang: str) -> None:
    for suffix, data in _outputs(ReportOptions(lang=lang, figures=False)).items():
        for secret in (*SECRETS, "0813-1111-2222", "30 November 1975"):
            assert secret.encode() not in data, (suffix, secret)
        assert b"1998" in data  # the year of birth stays


def test_show_private_includes_them() -> None:
    """The same search finds the values when the user asks for them: the test can fail."""
    for suffix, data in _outputs(ReportOptions(include_private=True, figures=False)).items():
        assert PHONE.encode() in data, suffix
        assert ADDRESS.encode() in data, suffix
        assert b"4 Maret 1998" in data, suffix


def test_initials_option_hides_names() -> None:
    shown = _outputs(ReportOptions(figures=False))
    assert all(b"Kusnadi" in data for data in shown.values())
    for suffix, data in _outputs(ReportOptions(initials=True, figures=False)).items():
        for name in NAMES:
            assert name.encode() not in data, (suffix, name)
        assert b"PK" in data


def test_cli_files_hold_no_private_values(tmp_path: Path) -> None:
    import yaml

    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(_case_document(), allow_unicode=True), encoding="utf-8")
    for suffix in (".docx", ".html", ".md"):
        out = tmp_path / f"r{suffix}"
        assert main(["report", str(case), "-o", str(out), "--no-figures"]) == 0
        data = _all_bytes(out.read_bytes(), suffix)
        for secret in SECRETS:
            assert secret.encode() not in data, (suffix, secret)


def test_the_genogram_figure_follows_the_privacy_options() -> None:
    from socialtools.genogram import Genogram
    from socialtools.report.document import genogram_options

    family = Case.from_document(_case_document()).family
    assert family is not None
    default = Genogram(family, genogram_options(ReportOptions())).to_svg()
    assert "Kusnadi" in default and "1998" in default
    assert "1998-03-04" not in default and "4 Maret 1998" not in default
    hidden = Genogram(family, genogram_options(ReportOptions(initials=True))).to_svg()
    for name in NAMES:
        assert name not in hidden
    shown = Genogram(family, genogram_options(ReportOptions(include_private=True))).to_svg()
    assert "1998-03-04" in shown
