"""PNG and PDF output of diagrams: right format, size, fonts, text, determinism."""

from __future__ import annotations

import io
import os
import struct

import pytest

from socialtools.draw.svg import Exportable, SvgCanvas
from socialtools.io.convert import svg_to_pdf, svg_to_png
from socialtools.io.output import write_figure

TEXT = "Ibu Siti Aminah — anak ke-2, kakek (alm.)"


class Picture(Exportable):
    """A small diagram with Indonesian text, a dashed line and a circle."""

    def __init__(self, width: float = 400, height: float = 200) -> None:
        self.width, self.height = width, height

    def to_svg(self) -> str:
        canvas = SvgCanvas(self.width, self.height, title="Uji")
        canvas.text(canvas.root, self.width / 2, 40, TEXT, size=14)
        canvas.polyline(canvas.root, [(10, 100), (self.width - 10, 100)], dash="dashed")
        return canvas.to_string()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("dpi", [96, 150, 300])
def test_png_pixel_size_follows_dpi(dpi):
    data = Picture(400, 200).to_png(dpi=dpi)
    width, height = png_size(data)
    assert width == pytest.approx(400 * dpi / 96, abs=1)
    assert height == pytest.approx(200 * dpi / 96, abs=1)


def test_png_has_ink_where_the_text_is():
    from PIL import Image

    image = Image.open(io.BytesIO(Picture().to_png(dpi=96))).convert("L")
    band = image.crop((20, 25, 380, 45))
    assert band.getextrema()[0] < 100, "the text line has no dark pixels"
    blank = image.crop((20, 140, 380, 190))
    assert blank.getextrema() == (255, 255), "empty area is not white"


def test_pdf_is_one_page_of_the_figure_size():
    pypdf = pytest.importorskip("pypdf")
    data = Picture(400, 200).to_pdf()
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((300, 150))  # 0.75 pt per px


def test_pdf_text_is_real_text_in_the_bundled_font():
    pypdf = pytest.importorskip("pypdf")
    data = Picture().to_pdf()
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert TEXT in text
    assert b"/BaseFont /AAAAAA+DejaVuSans" in data


def test_pdf_uses_only_the_bundled_font_and_marks_bold(monkeypatch):
    import svglib.fonts

    def no_system_fonts(*args, **kwargs):
        raise AssertionError("svglib looked for a font on the machine")

    monkeypatch.setattr(svglib.fonts.FontMap, "use_fontconfig", no_system_fonts)
    canvas = SvgCanvas(300, 100)
    canvas.text(canvas.root, 150, 30, "Tebal", font_weight="bold")
    canvas.text(canvas.root, 150, 60, "Miring", font_style="italic")
    canvas.text(canvas.root, 150, 90, "Biasa", style="font-family: Courier")
    data = svg_to_pdf(canvas.to_string())
    fonts = {line.split()[1] for line in data.decode("latin-1").splitlines() if line.startswith("/BaseFont")}
    # Helvetica is ReportLab's initial font, set but never used for text
    assert {f.strip("/").split("+")[-1] for f in fonts} <= {"DejaVuSans", "Helvetica"}
    from reportlab.graphics.shapes import String
    from svglib.svglib import svg2rlg

    from socialtools.io.convert import _one_family, _use_bundled_font

    drawing = svg2rlg(io.BytesIO(_one_family(canvas.to_string()).encode()))
    _use_bundled_font(drawing)
    strings = []

    def collect(node):
        strings.extend([node] if isinstance(node, String) else [])
        for child in getattr(node, "contents", ()):
            collect(child)

    collect(drawing)
    assert {s.text: s.fontName for s in strings} == {"Tebal": "DejaVuSans", "Miring": "DejaVuSans",
                                                     "Biasa": "DejaVuSans"}
    bold = [s for s in strings if getattr(s, "textRenderMode", 0) == 2]
    assert [s.text for s in bold] == ["Tebal"] and bold[0].strokeWidth > 0


def test_pdf_is_vector_not_an_image():
    data = Picture().to_pdf()
    assert b"/Subtype /Image" not in data


def test_outputs_are_deterministic():
    svg = Picture().to_svg()
    assert svg_to_pdf(svg) == svg_to_pdf(svg)
    assert svg_to_png(svg) == svg_to_png(svg)


def test_save_and_to_pdf_write_files(tmp_path):
    picture = Picture()
    assert picture.save(tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")
    assert picture.save(tmp_path / "a.png").read_bytes().startswith(b"\x89PNG")
    written = picture.to_pdf(tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").read_bytes() == written
    picture.to_png(tmp_path / "b.png", dpi=96)
    assert png_size((tmp_path / "b.png").read_bytes()) == (400, 200)


def test_broken_svg_gives_a_clear_error_and_no_file(tmp_path):
    from socialtools.errors import SocialToolsError

    with pytest.raises(SocialToolsError, match="PDF"):
        write_figure("<svg", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_written_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = Picture().save(tmp_path / "a.svg")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_pk_genogram_pdf_has_its_labels_and_size():
    pypdf = pytest.importorskip("pypdf")
    import re

    from socialtools.examples import load_example
    from socialtools.genogram import Genogram

    genogram = Genogram.from_document(load_example("pk.yaml"))
    svg = genogram.to_svg()
    width, height = (float(v) for v in re.search(r'viewBox="0,0,([\d.]+),([\d.]+)"', svg).groups())
    page = pypdf.PdfReader(io.BytesIO(genogram.to_pdf())).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((width * 0.75, height * 0.75))
    text = page.extract_text()
    for label in ("Genogram Klien", "PK", "BNP", "Keterangan", "Laki-laki", "Perempuan"):
        assert label in text
