"""Word (DOCX) output through python-docx: A4, report fonts, bordered tables, sized figures.

Tables have a header row that repeats on every page, borders on every cell ('Table Grid'),
rows that do not split across pages, and a numbered caption above; figures are centred,
never wider than the text, with the caption below. The bytes are deterministic (fixed
document dates and zip timestamps).

>>> from socialtools.report.tables import Table
>>> import io, docx
>>> data = tables_docx([Table("Contoh", ["A", "B"], [["1", "2"]], number="1.1")])
>>> [t.rows[1].cells[1].text for t in docx.Document(io.BytesIO(data)).tables]
['2']
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from itertools import takewhile
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from socialtools.draw.text import text_width
from socialtools.errors import MissingDependencyError
from socialtools.io.limits import shorten
from socialtools.report.labels import word
from socialtools.report.model import Figure, Heading, Paragraph, Report
from socialtools.report.print_size import (
    CAPTION_CM,
    HEADING_CM,
    MARGINS_CM,
    PAGE_HEIGHT_CM,
    PAGE_WIDTH_CM,
    PORTRAIT,
    TEXT_WIDTH_CM,
    Page,
    figure_page,
    legend_on_page,
    print_width_cm,
)
from socialtools.report.tables import SectionRow, Table, clean_text

FONT = "Times New Roman"
HEADER_FILL = "D9D9D9"
SECTION_FILL = "F2F2F2"
CELL_MARGIN_CM = 0.15
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _docx() -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise MissingDependencyError("DOCX output needs python-docx: pip install python-docx") from None
    return docx


def new_document(lang: str = "id", title: str = "") -> Any:
    """An empty A4 document with the report's fonts, margins and caption style."""
    docx = _docx()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:  # pragma: no cover - set by font.name above
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), "id-ID" if lang == "id" else "en-GB")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for level, size in ((1, 14), (2, 13), (3, 12)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        hr = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if hr is not None:
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia", "w:asciiTheme", "w:hAnsiTheme"):
                if attr.endswith("Theme"):
                    hr.attrib.pop(qn(attr), None)
                else:
                    hr.set(qn(attr), FONT)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(11)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(12)
    caption.paragraph_format.space_after = Pt(6)

    props = document.core_properties
    props.title = shorten(title, 255)  # the DOCX core property limit; the heading keeps the whole title
    props.author = "socialtools"
    props.last_modified_by = "socialtools"
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.language = "id-ID" if lang == "id" else "en-GB"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    pkg = document.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rid]
    return document


def _cell_margins(table: Any, cm: float) -> None:
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    margins = tblpr.makeelement(qn("w:tblCellMar"), {})
    twips = str(round(cm / 2.54 * 1440))
    for side in ("left", "right"):
        margins.append(margins.makeelement(qn(f"w:{side}"), {qn("w:w"): twips, qn("w:type"): "dxa"}))
    # the schema fixes the order of tblPr's children: tblCellMar comes before tblLook (Word is strict)
    later = [tblpr.find(qn(f"w:{tag}")) for tag in ("tblLook", "tblCaption", "tblDescription")]
    following = next((el for el in later if el is not None), None)
    if following is not None:
        following.addprevious(margins)
    else:
        tblpr.append(margins)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _cell_xml(text: str, width: int, *, bold: bool = False, fill: str | None = None, span: int = 1,
              size_pt: float = 10, keep_next: bool = False) -> str:
    """One ``w:tc``: width, optional span and shading, the text with line breaks; ``keep_next``
    keeps its row on the page of the next row (a header or a section row is never stranded)."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    rpr = ("<w:b/>" if bold else "") + f'<w:sz w:val="{round(size_pt * 2)}"/><w:szCs w:val="{round(size_pt * 2)}"/>'
    lines = [xml_escape(line) for line in clean_text(text).split("\n")]
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    keep = "<w:keepNext/>" if keep_next else ""
    return (f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr>{keep}<w:spacing w:after=\"0\" w:line=\"240\" "
            f'w:lineRule="auto"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr>{runs}</w:r></w:p></w:tc>')


def _rows_xml(table: Table, widths: list[int], *, keep_last: bool = False) -> str:
    """Every ``w:tr`` of ``table``: the header (repeated on each page), then the body rows;
    ``keep_last`` keeps the last row on the page of the paragraph after the table (its source line)."""
    rows = ["<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + "".join(_cell_xml(h, w, bold=True, fill=HEADER_FILL, keep_next=True)
                      for h, w in zip(table.headings, widths, strict=True))
            + "</w:tr>"]
    for i, row in enumerate(table.rows):
        if isinstance(row, SectionRow):
            cells = _cell_xml(row.label, sum(widths), bold=True, fill=SECTION_FILL, span=len(widths), keep_next=True)
        else:
            last = keep_last and i == len(table.rows) - 1
            cells = "".join(_cell_xml(text, w, keep_next=last) for text, w in zip(row, widths, strict=True))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    return f'<w:tbl xmlns:w="{_W_NS}">' + "".join(rows) + "</w:tbl>"


def _caption(document: Any, label: str, number: str | None, caption: str) -> Any:
    para = document.add_paragraph(style="Caption")
    if number:
        para.add_run(clean_text(f"{label} {number} ")).bold = True
    para.add_run(clean_text(caption))
    return para


#: Times New Roman (and Liberation Serif, which LibreOffice sets in its place) is about this much narrower
#: than DejaVu Sans, whose glyph widths the library carries: the width of a word in the Word file.
SERIF_PER_DEJAVU = 0.8


def _longest_word_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width a cell needs for the longest word of ``text`` at ``size_pt`` (with the cell's margins
    and a little room): measured glyph by glyph, so 'Agama' needs more than 'Usia' plus a letter."""
    words = text.replace("/", "/ ").replace("-", "- ").split()
    widest = max((text_width(w, size_pt, bold=bold) for w in words), default=0.0)
    return widest * SERIF_PER_DEJAVU / 72 * 2.54 + 2 * CELL_MARGIN_CM + 0.15


def column_widths_cm(table: Table, total: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths filling ``total`` by the table's weights, each wide enough for its longest
    word (so that no word breaks inside a narrow column) whenever the page allows it.

    >>> column_widths_cm(Table("t", ["No", "Keterangan"], [["1", "x"]], widths=[0.1, 5]), 14)
    [0.88, 13.12]
    """
    n = len(table.headings)
    weights = list(table.widths or [1.0] * n)
    floors = [_longest_word_cm(h, 10, bold=True) for h in table.headings]
    for row in table.rows:
        if not isinstance(row, SectionRow):
            floors = [max(f, _longest_word_cm(c, 10)) for f, c in zip(floors, row, strict=True)]
    floors = [round(min(f, total / 2), 2) for f in floors]
    if sum(floors) >= total:
        return [round(total * f / sum(floors), 2) for f in floors]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(weights[i] for i in free)
        widths = {i: room * weights[i] / weight for i in free}
        short = [i for i in free if widths[i] < floors[i]]
        if not short:
            break
        for i in short:
            fixed[i] = floors[i]
    widths.update(fixed)
    return [round(widths[i], 2) for i in range(n)]


def add_table(document: Any, table: Table, *, text_width_cm: float | None = None) -> Any:
    """Append ``table`` (caption above) to ``document``; return the python-docx table."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt

    caption = _caption(document, table.label, table.number, table.caption)
    caption.paragraph_format.keep_with_next = True
    ncols = len(table.headings)
    out = document.add_table(rows=0, cols=ncols)
    out.style = document.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    _cell_margins(out, CELL_MARGIN_CM)
    widths_cm = column_widths_cm(table, text_width_cm or TEXT_WIDTH_CM)
    for col, width in zip(out.columns, widths_cm, strict=True):
        col.width = Cm(width)
    # rows are written as XML in one go: python-docx's cell API is slow for long tables
    built = parse_xml(_rows_xml(table, [_twips(w) for w in widths_cm], keep_last=bool(table.source)))
    for tr in list(built):
        out._tbl.append(tr)
    if table.source:
        _source(document, table.source)
    else:
        spacer = document.add_paragraph()  # Word needs a paragraph between two tables; keep it small
        spacer.paragraph_format.space_after = Pt(6)
        spacer.paragraph_format.line_spacing = Pt(6)
    return out


def _source(document: Any, text: str) -> Any:
    """The ``Sumber: ...`` line under a table or figure: small, left-aligned, close to it."""
    from docx.shared import Pt

    para = document.add_paragraph()
    para.paragraph_format.space_before = Pt(2)
    para.paragraph_format.space_after = Pt(10)
    run = para.add_run(clean_text(text))
    run.font.size = Pt(10)
    run.italic = True
    return para


def add_figure(document: Any, figure: Figure, lang: str = "id", *, page_open: bool = False,
               last: bool = False, text_after: tuple[str, ...] = (), headings: int = 0) -> bool:
    """Append a centred picture at its print size (:func:`~socialtools.report.print_size.figure_page`:
    a figure too wide for a portrait page gets a landscape page of its own, which ``page_open`` says
    is already begun, e.g. by the figure's heading), its caption and source line below it, then its
    legend when printed apart and its numbered notes; the pages after it are portrait again, unless
    it is the ``last`` thing of the document (but for ``text_after``) and nothing follows it. The notes of a figure on a
    landscape page, and the paragraphs ``text_after`` it (its narrative), go onto that page when they
    fit there (under the ``headings`` on the page above it); returns whether ``text_after`` was written."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    page = figure_page(figure)
    if page is not PORTRAIT and not page_open:
        _new_section(document, page)
    on_page = legend_on_page(figure)
    _picture(document, figure, page)
    if on_page and figure.legend is not None:  # a strip as wide as the drawing, its title at its start
        _picture(document, figure.legend, page)
    caption = _caption(document, figure.label, figure.number, figure.caption)
    if figure.source:
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_after = Pt(0)
        _source(document, figure.source).alignment = WD_ALIGN_PARAGRAPH.CENTER
    name = f"{figure.label} {figure.number}" if figure.number else figure.label
    notes = "\n".join([f"{word('figure_notes', lang)} {name}:", *figure.notes]) if figure.notes else ""
    wrote_after = False
    if page is not PORTRAIT and figure.legend is None and _notes_fit(figure, page, notes, headings=headings):
        if notes:
            _small(document, notes)  # on the figure's own landscape page, which has room for them
        if text_after and _notes_fit(figure, page, notes, text_after, headings):
            for text in text_after:
                document.add_paragraph(clean_text(text))
            wrote_after = True
        notes = ""
    if page is not PORTRAIT and not (last and figure.legend is None and not notes
                                     and (wrote_after or not text_after)):
        _new_section(document, PORTRAIT)
    if figure.legend is not None and not on_page:
        head = _small(document, f"{figure.legend.caption} {name}:")
        head.paragraph_format.keep_with_next = True
        _picture(document, figure.legend, figure_page(figure.legend))
    if notes:
        _small(document, notes)
    return wrote_after


#: What a line of the 10 pt notes takes (cm): its height, and the width of an average character.
NOTE_LINE_CM, NOTE_CHAR_CM = 10 / 72 * 2.54 * 1.2, 10 / 72 * 2.54 * 0.55


def _notes_fit(figure: Figure, page: Page, notes: str, text_after: tuple[str, ...] = (), headings: int = 0) -> bool:
    """Whether a figure's notes and the paragraphs after it fit on its page under it, its caption and
    source line and the ``headings`` above it (a generous count of their wrapped lines, so they never
    spill onto a page of their own).

    >>> from socialtools.report.print_size import LANDSCAPE
    >>> png = b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR" + (1200).to_bytes(4, "big") + (300).to_bytes(4, "big")
    >>> wide = Figure("genogram", "", png, dpi=96)
    >>> _notes_fit(wide, LANDSCAPE, "Catatan:\\n1. Menikah siri"), _notes_fit(wide, LANDSCAPE, "x\\n" * 40)
    (True, False)
    """
    w_px, h_px = figure.size_px
    used = print_width_cm(figure, page) * h_px / w_px + headings * HEADING_CM + CAPTION_CM
    return used + _text_cm(notes, text_after, page.text_width_cm) + 0.5 <= page.text_height_cm


def _text_cm(notes: str, paragraphs: tuple[str, ...], width_cm: float) -> float:
    """A generous estimate of the height a figure's 10 pt ``notes`` and the 12 pt ``paragraphs`` after
    it take in a column ``width_cm`` wide."""
    per_line = max(1, int(width_cm / NOTE_CHAR_CM))
    lines = sum(-(-max(1, len(line)) // per_line) for line in notes.split("\n")) if notes else 0
    # the narrative's 12 pt lines (1.2 times as wide and as high as the notes'), each paragraph with its spacing
    narrative = sum(1.2 * NOTE_LINE_CM * -(-max(1, len(text)) * 6 // (5 * per_line)) + 0.35 for text in paragraphs)
    return lines * NOTE_LINE_CM + narrative


def _picture(document: Any, figure: Figure, page: Page) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    para = document.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.paragraph_format.line_spacing = 1.0  # a multiple of the picture's height otherwise
    para.paragraph_format.space_after = Pt(0)
    para.add_run().add_picture(io.BytesIO(figure.png), width=Cm(print_width_cm(figure, page)))


def _small(document: Any, text: str) -> Any:
    """A 10 pt paragraph (a figure's notes, the heading of its legend), its lines kept apart."""
    from docx.shared import Pt

    para = document.add_paragraph()
    para.paragraph_format.space_after = Pt(10)
    para.paragraph_format.line_spacing = 1.0
    lines = clean_text(text).split("\n")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        run.font.size = Pt(10)
        if i < len(lines) - 1:
            run.add_break()
    return para


def _new_section(document: Any, page: Page) -> None:
    """Start a new page in ``page``'s orientation, size and margins (the first page itself when the
    document is still empty, e.g. a report of just one figure)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    empty = not document.paragraphs and not document.tables
    section = document.sections[-1] if empty else document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if page.width_cm > page.height_cm else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(page.width_cm), Cm(page.height_cm)
    section.left_margin, section.right_margin = Cm(page.margins_cm["left"]), Cm(page.margins_cm["right"])
    section.top_margin, section.bottom_margin = Cm(page.margins_cm["top"]), Cm(page.margins_cm["bottom"])


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def save_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def tables_docx(tables: Iterable[Table], *, lang: str = "id", title: str = "") -> bytes:
    """A DOCX holding only ``tables``, each under its caption."""
    document = new_document(lang, title)
    for table in tables:
        add_table(document, table)
    return save_bytes(document)


#: The height of the text area of a portrait page.
TEXT_HEIGHT_CM = PORTRAIT.text_height_cm
#: A portrait figure whose headings, picture, caption and source line take more than this share of
#: the text area starts a new page with its headings (it would not fit under much text anyway).
TALL_FIGURE = 0.5


def _tall_figure_breaks(blocks: list[Any]) -> set[int]:
    """The headings that start a new page: the first of the headings right above a tall portrait
    figure (not the first block of the report). Keep-with-next alone is not enough: LibreOffice
    drops it on a page after a table that runs across pages, and the heading is left at the foot
    of the page with its figure on the next."""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        if not isinstance(block, Figure) or figure_page(block) is not PORTRAIT:
            continue
        first = i
        while first > 0 and isinstance(blocks[first - 1], Heading):
            first -= 1
        w_px, h_px = block.size_px
        height = print_width_cm(block, PORTRAIT) * h_px / w_px + (i - first) * HEADING_CM + CAPTION_CM
        above = _after_landscape_cm(blocks, first)
        if above is not None and above + height + 1.0 <= TEXT_HEIGHT_CM:
            continue  # the top of the portrait page after a landscape one: it stays with what little is above it
        if 0 < first < i and height > TALL_FIGURE * TEXT_HEIGHT_CM:
            out.add(first)
    return out


def _after_landscape_cm(blocks: list[Any], first: int) -> float | None:
    """How much of a portrait page lies above ``blocks[first]`` when that page is the one after a
    figure's landscape page and only the figure's notes, its legend and its narrative are above it
    (``None`` otherwise): a generous estimate, as :func:`_notes_fit`'s."""
    start = first
    while start > 0 and isinstance(blocks[start - 1], Paragraph):
        start -= 1
    figure = blocks[start - 1] if start > 0 else None
    if not isinstance(figure, Figure) or figure_page(figure) is PORTRAIT:
        return None
    paragraphs = tuple(b.text for b in blocks[start:first])
    notes = "\n".join(["x", *figure.notes]) if figure.notes else ""
    used = _text_cm(notes, paragraphs, TEXT_WIDTH_CM)
    if figure.legend is not None and not legend_on_page(figure):
        w_px, h_px = figure.legend.size_px
        used += NOTE_LINE_CM + print_width_cm(figure.legend, PORTRAIT) * h_px / w_px
    return used


def report_docx(report: Report) -> bytes:
    """The whole report as DOCX bytes. A heading keeps with its figure (:func:`_tall_figure_breaks`)."""
    document = new_document(report.lang, clean_text(report.title))
    landscape_open = False
    breaks = _tall_figure_breaks(report.blocks)
    written: set[int] = set()  # paragraphs already written on the landscape page of the figure before them
    for i, block in enumerate(report.blocks):
        if i in written:
            continue
        if isinstance(block, Heading):
            # the headings right before a figure on a landscape page go onto that page with it
            following = next((b for b in report.blocks[i:] if not isinstance(b, Heading)), None)
            if (not landscape_open and isinstance(following, Figure)
                    and figure_page(following) is not PORTRAIT):
                _new_section(document, figure_page(following))
                landscape_open = True
            heading = document.add_heading(clean_text(block.text), level=block.level)
            if i in breaks:
                heading.paragraph_format.page_break_before = True
        elif isinstance(block, Paragraph):
            document.add_paragraph(clean_text(block.text))
        elif isinstance(block, Table):
            add_table(document, block)
        elif isinstance(block, Figure):
            # the paragraphs right after the figure (its narrative), and the headings right before it
            after = list(takewhile(lambda j: isinstance(report.blocks[j], Paragraph), range(i + 1, len(report.blocks))))
            texts = tuple(b.text for j in after if isinstance(b := report.blocks[j], Paragraph))
            headings = sum(1 for _ in takewhile(lambda b: isinstance(b, Heading), reversed(report.blocks[:i])))
            if add_figure(document, block, report.lang, page_open=landscape_open,
                          last=i + len(after) == len(report.blocks) - 1, text_after=texts,
                          headings=headings if landscape_open else 0):
                written.update(after)
            landscape_open = False
    return save_bytes(document)
