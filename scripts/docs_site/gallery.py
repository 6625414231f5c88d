"""The symbol gallery of the documentation, drawn by socialtools from its own catalogues.

Nothing here lists a symbol. The values come from the models (every ``Literal`` choice of a
field: person kinds, union kinds, child relations, relationship kinds, tie strengths, qualities
and flows, Venn kinds and valences, ...), the drawings and their Indonesian and English names
come from the very functions that build each diagram's legend, once per language. A value added
to a model and its legend appears here at the next build, without anyone editing the docs.

    PYTHONPATH=. python scripts/docs_site/gallery.py OUT_DIR    # writes OUT_DIR/gallery.md + pictures
"""

from __future__ import annotations

import html
import sys
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from socialtools.draw.geometry import Box
from socialtools.draw.legend import SAMPLE_H, SAMPLE_W, LegendEntry
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.theme import Theme

LANGS = ("id", "en")
PAD = 4.0
SCALE = 2  # samples are shown at twice the size they have in a legend


# -- the catalogues -------------------------------------------------------------------------------


def choices(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """Every value a ``Literal`` field of a pydantic model accepts (``None`` left out), in order.

    >>> from socialtools.genogram.model import ChildLink
    >>> choices(ChildLink, "relation")[0]
    'biological'
    """
    out: list[Any] = []

    def walk(tp: Any) -> None:
        origin = typing.get_origin(tp)
        if origin is typing.Literal:
            out.extend(a for a in typing.get_args(tp) if a not in out)
        elif origin is typing.Annotated:
            walk(typing.get_args(tp)[0])
        else:  # X | None, list[X], tuple[X, ...]
            for arg in typing.get_args(tp):
                walk(arg)

    walk(model.model_fields[field].annotation)
    if not out:
        raise TypeError(f"{model.__name__}.{field} is not a choice of fixed values")
    return tuple(out)


@dataclass
class Item:
    """One gallery line: a sample drawing and its name in each language."""

    key: str
    names: dict[str, str]
    draw: Callable[[SvgCanvas, Any, Box], None]


@dataclass
class Section:
    """A titled group of items (``title`` in English, ``title_id`` in Indonesian)."""

    title: str
    title_id: str
    note: str
    items: list[Item]


def _items(keys: list[str], entries: dict[str, list[LegendEntry]]) -> list[Item]:
    """Zip the legend entries of each language (the same document gives the same order)."""
    counts = {lang: len(es) for lang, es in entries.items()}
    if len(set(counts.values())) != 1:
        raise RuntimeError(f"the legends differ in length between languages: {counts}")
    return [
        Item(key, {lang: entries[lang][i].label for lang in LANGS}, entries["en"][i].draw)
        for i, key in enumerate(keys)
    ]


# -- genogram -------------------------------------------------------------------------------------


def _genogram_entries(family_data: dict[str, Any]) -> dict[str, list[LegendEntry]]:
    """The genogram legend of a family, in each language, as the genogram draws it."""
    from socialtools.genogram import Family, Genogram
    from socialtools.genogram.render import GenogramRenderer

    family = Family.model_validate(family_data)
    layout = Genogram(family).layout
    return {
        lang: GenogramRenderer(family, layout, lang=lang, title=None, inner={}, theme=Theme(),
                               legend=True).legend_entries()
        for lang in LANGS
    }


def _pair(n: int, kind_a: str = "male", kind_b: str = "female") -> list[dict[str, Any]]:
    return [{"id": f"a{n}", "sex": kind_a}, {"id": f"b{n}", "sex": kind_b}]


def _plain_child_lines(relations: Iterable[str], seen: set[str]) -> list[Item]:
    """Child lines a legend leaves out because every genogram has them (the biological child)."""
    from socialtools.genogram.labels import TEXT
    from socialtools.genogram.render import CHILD_DASH
    from socialtools.i18n import translate

    def line(dash: str) -> Callable[[SvgCanvas, Any, Box], None]:
        def draw(canvas: SvgCanvas, g: Any, box: Box) -> None:
            canvas.polyline(g, [(box.x + 2, box.y + box.h / 2), (box.right - 2, box.y + box.h / 2)], dash=dash)
        return draw

    names = {r: {lang: translate(TEXT, r, lang) for lang in LANGS} for r in relations}
    return [Item(r, names[r], line(CHILD_DASH[r])) for r in relations if names[r]["en"] not in seen]


def genogram_sections() -> list[Section]:
    """People, condition fills, unions, children and emotional relationships of the genogram."""
    from socialtools.genogram.model import ChildLink, Condition, Person, Relationship, Union

    sections: list[Section] = []
    seen: set[str] = set()  # a legend line shown once, in the first section that needs it

    def section(title: str, title_id: str, note: str, family: dict[str, Any]) -> None:
        entries = _genogram_entries(family)
        keep = [i for i, e in enumerate(entries["en"]) if e.label not in seen]
        seen.update(e.label for e in entries["en"])
        kept = {lang: [es[i] for i in keep] for lang, es in entries.items()}
        sections.append(Section(title, title_id, note, _items([kept["en"][i].label for i in range(len(keep))], kept)))

    people: list[dict[str, Any]] = [{"id": f"s-{s}", "sex": s} for s in choices(Person, "sex")]
    people += [{"id": f"g-{g}", "sex": "female", "gender": g} for g in choices(Person, "gender")]
    people += [{"id": f"k-{k}", "sex": "unknown", "kind": k} for k in choices(Person, "kind") if k != "person"]
    people += [{"id": "index", "sex": "female", "index": True}, {"id": "dead", "sex": "male", "deceased": True}]
    section("People", "Orang", "`sex`, `gender`, `kind`, `index`, `deceased` of a person.", {"people": people})

    conditions = [{"id": f"c-{k}", "sex": "unknown", "conditions": [{"name": k, "kind": k}]}
                  for k in choices(Condition, "kind")]
    conditions += [{"id": f"c-{s}", "sex": "unknown", "conditions": [{"name": f"{s}", "kind": "mental", "status": s}]}
                   for s in choices(Condition, "status") if s != "confirmed"]
    section("Condition fills", "Isian kondisi",
            "One condition of each `kind` (named after its kind here; a case names the condition) and each "
            "`status`: a fill per condition, substance use in the lower half, hatched when suspected, "
            "outlined when in recovery.", {"people": conditions})

    unions_people: list[dict[str, Any]] = []
    unions: list[dict[str, Any]] = []
    for n, kind in enumerate(choices(Union, "kind")):
        unions_people += _pair(n)
        unions.append({"partners": [f"a{n}", f"b{n}"], "kind": kind})
    n = len(unions)
    unions_people += _pair(n)
    unions.append({"partners": [f"a{n}", f"b{n}"], "consanguineous": True})
    section("Unions", "Hubungan pasangan", "`kind` of a union, and `consanguineous: true`.",
            {"people": unions_people, "unions": unions})
    seen.add("Married")  # shown above in the entry it shares with the `unknown` kind (drawn alike)

    children: list[dict[str, Any]] = [{"id": f"ch-{r}", "sex": "female", "relation": r}
                                      for r in choices(ChildLink, "relation")]
    kids_people = [*_pair(0), *({"id": c["id"], "sex": "female"} for c in children),
                   {"id": "t1", "sex": "male"}, {"id": "t2", "sex": "male"},
                   {"id": "i1", "sex": "female"}, {"id": "i2", "sex": "female"}]
    links = [{"id": c["id"], "relation": c["relation"]} for c in children]
    links += [{"id": "t1", "twin": "t"}, {"id": "t2", "twin": "t"},
              {"id": "i1", "twin": "i", "identical": True}, {"id": "i2", "twin": "i", "identical": True}]
    section("Children", "Anak", "`relation` of a child link, `twin` and `identical`.",
            {"people": kids_people, "unions": [{"partners": ["a0", "b0"], "children": links}]})
    sections[-1].items[:0] = _plain_child_lines(choices(ChildLink, "relation"), seen)

    rel_people: list[dict[str, Any]] = []
    rels: list[dict[str, Any]] = []
    for n, kind in enumerate(choices(Relationship, "kind")):
        rel_people += _pair(n)
        rels.append({"between": [f"a{n}", f"b{n}"], "kind": kind})
    section("Emotional relationships", "Hubungan emosional",
            "`kind` of a relationship; the arrow of a directional kind points from the first person to the second.",
            {"people": rel_people, "relationships": rels})

    section("Households", "Rumah tangga", "`households`: a dashed boundary round the members.",
            {"people": _pair(0), "households": [{"label": "A", "members": ["a0", "b0"]}]})
    return sections


def union_event_rows() -> list[tuple[str, dict[str, str]]]:
    """How each union event is written on the union line: (events, text in each language)."""
    from socialtools.genogram.labels import union_text
    from socialtools.genogram.model import Union, UnionEvent

    rows = []
    for kind in choices(UnionEvent, "kind"):
        events = [f"{kind} 1990"] if kind in ("married", "cohabiting", "engaged", "committed", "affair") \
            else ["married 1990", f"{kind} 2005"]
        if kind == "reconciled":
            events = ["married 1990", "separated 2001", "reconciled 2005"]
        try:
            union = Union.model_validate({"partners": ["A", "B"], "events": events})
        except ValueError:
            continue  # not an event a history can hold
        texts = {lang: union_text(union, lang) for lang in LANGS}
        if events[-1].split()[-1] in texts["en"]:  # an event the label writes
            rows.append((", ".join(events), texts))
    return rows


# -- ecomap ---------------------------------------------------------------------------------------


def ecomap_sections() -> list[Section]:
    """Tie strengths, qualities, flows, signs, the changed-tie mark and the system categories."""
    from socialtools.ecomap.model import CATEGORIES, SIGN_SCHEMA, Ecomap, Tie
    from socialtools.ecomap.render import Style, legend_entries

    level_max = Tie.model_fields["level"].metadata
    levels = next((m.le for m in level_max if getattr(m, "le", None) is not None), 1)
    ties: list[dict[str, Any]] = []
    for strength in choices(Tie, "strength"):
        for level in range(1, (levels if strength == "strong" else 1) + 1):
            ties.append({"strength": strength, "level": level})
    ties += [{"quality": q} for q in choices(Tie, "quality")]
    ties += [{"flow": f} for f in choices(Tie, "flow")]
    schema: dict[str, Any] = SIGN_SCHEMA.json_schema or {}
    signs = [s for s in schema["anyOf"][0]["enum"] if s.isascii()]
    ties += [{"sign": s} for s in signs]
    names = list(CATEGORIES)
    systems = [{"id": f"s{i}", "category": names[i % len(names)]} for i in range(max(len(ties), len(names)))]
    ties = [{**t, "system": f"s{i}"} for i, t in enumerate(ties)]
    eco = Ecomap.model_validate({"focal": "K", "systems": systems, "ties": ties})

    def entries(mono: bool) -> dict[str, list[LegendEntry]]:
        return {lang: legend_entries([eco], Style(Theme(monochrome=mono), lang), changed=True) for lang in LANGS}

    lines = entries(mono=True)  # without the category circles
    colour = entries(mono=False)
    n = len(lines["en"])
    categories = {lang: colour[lang][n:] for lang in LANGS}
    line_items = _items([e.label for e in lines["en"]], {lang: colour[lang][:n] for lang in LANGS})
    return [
        Section("Ties", "Ikatan", "`strength` (and `level` of a strong tie), `quality`, `flow` and `sign` of a tie; "
                "the mark of a tie that changed between the assessment and the evaluation.", line_items),
        Section("System categories", "Kategori sistem", "`category` of a system: its circle's colour "
                "(black and white drawings leave colour out).",
                _items([e.label for e in categories["en"]], categories)),
    ]


# -- Venn -----------------------------------------------------------------------------------------


def venn_sections() -> list[Section]:
    """Sizes, distances, overlap, institution kinds and valences of the institutional Venn diagram."""
    from socialtools.venn import InstitutionalVenn
    from socialtools.venn.institutional.model import KINDS, VALENCES
    from socialtools.venn.institutional.render import institutional_legend

    importance = InstitutionalVenn.model_fields["institutions"].annotation
    inst_model = typing.get_args(importance)[0] if typing.get_args(importance) else None
    levels = 4
    if inst_model is not None and "importance" in getattr(inst_model, "model_fields", {}):
        meta = inst_model.model_fields["importance"].metadata
        levels = next((int(m.json_schema.get("maximum", 4)) for m in meta if hasattr(m, "json_schema")
                       and isinstance(m.json_schema, dict)), 4)
    institutions = [{"name": f"{k}-{v}", "kind": k, "valence": v, "importance": 1 + (i % levels)}
                    for i, (k, v) in enumerate((k, v) for k in KINDS for v in VALENCES)]
    institutions += [{"name": f"size-{lvl}", "importance": lvl} for lvl in range(1, levels + 1)]
    venn = InstitutionalVenn.model_validate({
        "centre": "K", "institutions": institutions,
        "cooperation": [{"between": [institutions[0]["name"], institutions[1]["name"]]}],
    })
    by_kind = {lang: institutional_legend(venn, lang) for lang in LANGS}
    by_valence = {lang: institutional_legend(venn, lang, colour_by="valence") for lang in LANGS}
    common = 0  # sizes, distances and overlap come first in both legends
    while by_kind["en"][common].label == by_valence["en"][common].label:
        common += 1
    valence_fills = {lang: by_valence[lang][common:] for lang in LANGS}
    return [
        Section("Institutional Venn diagram", "Diagram Venn kelembagaan",
                "`importance` (circle size), `closeness` (distance from the centre), `cooperation` (overlap), "
                "`kind` (fill colour and pattern) and `valence` (outline) of an institution.",
                _items([e.label for e in by_kind["en"]], by_kind)),
        Section("Institutional Venn diagram coloured by valence", "Diagram Venn kelembagaan menurut pengaruh",
                "`colour_by: valence`: the fill tells the valence too.",
                _items([e.label for e in valence_fills["en"]], valence_fills)),
    ]


def set_venn_figures(out: Path) -> list[tuple[str, str, str]]:
    """One small set Venn diagram per way of showing its regions (``show``), in each language."""
    from socialtools.venn import SetVenn, VennDiagram

    figures: list[tuple[str, str, str]] = []
    for show in choices(SetVenn, "show"):
        for lang in LANGS:
            sets = {"A": ["a1", "a2", "ab", "abc"], "B": ["b1", "ab", "bc", "abc"],
                    "C": ["c1", "c2", "c3", "bc", "abc"]}
            venn = SetVenn.model_validate({"title": f"show: {show}", "show": show, "sets": sets})
            name = f"gallery/venn-sets-{show}-{lang}.svg"
            (out / name).write_text(VennDiagram(venn, lang=lang).to_svg(), encoding="utf-8")
            figures.append((show, lang, name))
    return figures


# -- quadrant -------------------------------------------------------------------------------------


def quadrant_figures(out: Path) -> tuple[list[tuple[str, dict[str, str]]], dict[str, str]]:
    """The strengths quadrant with every cell filled, in each language, and the cells' names."""
    from socialtools.i18n import translate
    from socialtools.quadrant.diagram import QuadrantDiagram
    from socialtools.quadrant.layout import CATALOGUE
    from socialtools.quadrant.model import CELLS, StrengthsQuadrant

    quadrant = StrengthsQuadrant.model_validate({"client": "K", **{cell: [f"{cell} 1", f"{cell} 2"] for cell in CELLS}})
    files = {}
    for lang in LANGS:
        name = f"gallery/quadrant-{lang}.svg"
        (out / name).write_text(QuadrantDiagram(quadrant, lang=lang).to_svg(), encoding="utf-8")
        files[lang] = name
    return [(cell, {lang: translate(CATALOGUE, cell, lang) for lang in LANGS}) for cell in CELLS], files


# -- the page -------------------------------------------------------------------------------------


def sample_svg(item: Item) -> str:
    """One legend sample as a standalone SVG (the size it has in a legend, plus a margin)."""
    canvas = SvgCanvas(SAMPLE_W + 2 * PAD, SAMPLE_H + 2 * PAD, Theme())
    item.draw(canvas, canvas.group(), Box(PAD, PAD, SAMPLE_W, SAMPLE_H))
    return canvas.to_string()


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _table(section: Section, prefix: str, out: Path) -> list[str]:
    width = int((SAMPLE_W + 2 * PAD) * SCALE)
    lines = [f"### {section.title} — *{section.title_id}*", "", section.note, "",
             "| | Bahasa Indonesia | English |", "|---|---|---|"]
    for n, item in enumerate(section.items):
        name = f"gallery/{prefix}-{_slug(section.title)}-{n:02d}.svg"
        (out / name).write_text(sample_svg(item), encoding="utf-8")
        alt = html.escape(item.names["en"], quote=True)
        cells = [f'<img src="../{name}" alt="{alt}" width="{width}">',
                 *(item.names[lang].replace("|", "\\|") for lang in LANGS)]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _figure_row(files: Iterable[tuple[str, str]]) -> list[str]:
    """Drawings side by side: one table row, a column per language."""
    cells = [f"![{alt}](../{name}){{ loading=lazy }}" for alt, name in files]
    return ["| Bahasa Indonesia | English |", "|---|---|", "| " + " | ".join(cells) + " |", ""]


def gallery_markdown(out: Path) -> str:
    """Write every sample under ``out/gallery/`` and return the gallery page (``gallery/index.md``)."""
    (out / "gallery").mkdir(parents=True, exist_ok=True)
    lines = [
        "# Gallery — *Galeri simbol*",
        "",
        "Every symbol, line and fill that socialtools draws, with the name its legends give it in "
        "Indonesian and in English. This page is drawn by socialtools itself each time the site is "
        "built, from the choices its models accept and the functions that draw its legends — so it "
        "always shows what the code draws today. The field names (`kind`, `relation`, ...) are the "
        "ones a case file uses.",
        "",
        "## Genogram",
        "",
    ]
    for section in genogram_sections():
        lines += _table(section, "genogram", out)
    lines += ["### Union events — *Peristiwa hubungan pasangan*", "",
              "`events` of a union, its history in time order: each is written on the union line as an "
              "abbreviation and a year.", "",
              "| `events` | Bahasa Indonesia | English |", "|---|---|---|",
              *(f"| `{events}` | {t['id']} | {t['en']} |" for events, t in union_event_rows()), ""]
    lines += ["## Ecomap — *Ekomap*", ""]
    for section in ecomap_sections():
        lines += _table(section, "ecomap", out)
    lines += ["## Venn diagrams — *Diagram Venn*", ""]
    for section in venn_sections():
        lines += _table(section, "venn", out)
    lines += ["### Set Venn diagram — *Diagram Venn himpunan*", "",
              "`show` of a set Venn diagram: what is written in each region, in Indonesian and in English.", ""]
    figures = set_venn_figures(out)
    for show in dict.fromkeys(s for s, _, _ in figures):
        lines += [f"`show: {show}`", ""]
        lines += _figure_row((f"show {show}, {lang}", name) for s, lang, name in figures if s == show)
    cells, files = quadrant_figures(out)
    lines += ["## Strengths quadrant — *Kuadran kekuatan*", "",
              "| cell | Bahasa Indonesia | English |", "|---|---|---|",
              *(f"| `{cell}` | {names['id']} | {names['en']} |" for cell, names in cells), ""]
    lines += _figure_row((f"strengths quadrant, {lang}", name) for lang, name in files.items())
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    (target / "gallery").mkdir(parents=True, exist_ok=True)
    (target / "gallery" / "index.md").write_text(gallery_markdown(target), encoding="utf-8")
    print(target / "gallery" / "index.md")
