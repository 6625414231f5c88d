"""One contract for every diagram class: built from a case document, typed keyword-only options
(a misspelt one is a UsageError, a TypeError), a ``layout`` property, ``quality()``, ``warnings()``,
``to_svg()``, ``save(path)`` in every format, ``_repr_svg_``, and exported from ``socialtools``."""

from __future__ import annotations

import inspect
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

import socialtools
from socialtools.draw.diagram import Diagram
from socialtools.errors import UsageError
from socialtools.examples import load_example

#: Each diagram class with a case document it draws, what else it needs to draw it (the years of
#: a comparison) and an option every one of them has.
CASES: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    "Genogram": ("pk.yaml", {}, {"lang": "en"}),
    "GenogramComparison": ("family-history.yaml", {"before": 2000, "after": 2024}, {"lang": "en"}),
    "EcomapDiagram": ("pk.yaml", {}, {"lang": "en"}),
    "VennDiagram": ("village.yaml", {}, {"lang": "en"}),
    "QuadrantDiagram": ("pk.yaml", {}, {"lang": "en"}),
}
#: Parameters that say what is drawn rather than how: given by position too.
MODEL_PARAMETERS = {"family", "before", "after", "options"}
MAGIC = {".svg": (b"<?xml",), ".png": (b"\x89PNG",), ".pdf": (b"%PDF",), ".dot": (b"digraph", b"graph")}


def diagram_classes() -> dict[str, type[Diagram]]:
    return {name: obj for name in socialtools.__all__
            if isinstance(obj := getattr(socialtools, name), type) and issubclass(obj, Diagram)}


def test_every_exported_diagram_class_is_covered_here() -> None:
    assert set(diagram_classes()) == set(CASES)


@pytest.fixture(params=sorted(CASES))
def kind(request: pytest.FixtureRequest) -> tuple[type[Diagram], Diagram]:
    name = request.param
    cls = getattr(socialtools, name)
    example, needs, options = CASES[name]
    return cls, cls.from_document(load_example(example), source=example, **needs, **options)


def test_exported_from_socialtools_and_listed_in_all(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, _ = kind
    assert cls.__name__ in socialtools.__all__
    assert getattr(socialtools, cls.__name__) is cls


def test_from_document_takes_the_source_by_keyword(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, _ = kind
    parameters = inspect.signature(cls.from_document).parameters
    assert parameters["source"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["source"].default is None


def test_options_are_typed_and_keyword_only(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, _ = kind
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    model, *rest = parameters
    assert model.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    for p in rest:
        assert p.annotation is not inspect.Parameter.empty, f"{cls.__name__}({p.name}) has no type"
        if p.kind is not inspect.Parameter.VAR_KEYWORD and p.name not in MODEL_PARAMETERS:
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{cls.__name__}({p.name}) is positional"


def test_a_misspelt_option_is_a_usage_error_naming_it(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, _ = kind
    example, needs, _ = CASES[cls.__name__]
    with pytest.raises(UsageError, match=r"has no option 'lagn' \(did you mean 'lang'\?\)") as caught:
        cls.from_document(load_example(example), **needs, lagn="en")
    assert isinstance(caught.value, TypeError)
    assert cls.__name__ in str(caught.value)


def test_layout_is_a_property_with_its_quality(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, diagram = kind
    assert isinstance(inspect.getattr_static(cls, "layout"), property | cached_property)
    assert diagram.layout is diagram.layout
    quality = diagram.quality()
    assert quality.ok, getattr(quality, "examples", None) or getattr(quality, "problems", None)
    assert diagram.warnings() == []


def test_svg_is_deterministic_and_shown_inline(kind: tuple[type[Diagram], Diagram]) -> None:
    cls, diagram = kind
    svg = diagram.to_svg()
    assert svg.startswith("<?xml") and "<svg" in svg
    example, needs, options = CASES[cls.__name__]
    assert cls.from_document(load_example(example), source=example, **needs, **options).to_svg() == svg
    assert diagram._repr_svg_() == svg


def test_save_writes_every_format_it_names(kind: tuple[type[Diagram], Diagram], tmp_path: Path) -> None:
    _, diagram = kind
    formats = [".svg", ".png", ".pdf", *type(diagram).TEXT_FORMATS]
    for suffix in formats:
        path = diagram.save(tmp_path / f"figure{suffix}")
        assert path.read_bytes().startswith(MAGIC[suffix]), suffix
    with pytest.raises(UsageError, match=r"cannot write '\.gif'.*\.svg, \.png, \.pdf"):
        diagram.save(tmp_path / "figure.gif")
    assert not (tmp_path / "figure.gif").exists()


def test_an_unknown_layout_engine_is_an_error() -> None:
    from socialtools.genogram.placements import LayoutConfig

    family = socialtools.Family.model_validate({"people": [{"id": "A"}]})
    with pytest.raises(UsageError, match="unknown layout engine 'dott'"):
        socialtools.Genogram(family, engine="dott")
    with pytest.raises(UsageError, match="unknown layout engine 'dott'"):
        LayoutConfig(engine="dott")


def test_genogram_keywords_are_the_fields_of_genogram_options() -> None:
    """Every field of GenogramOptions is a typed keyword of Genogram (and of the comparison,
    whose years replace ``as_of``); a keyword given wins over the options bundle."""
    from dataclasses import fields

    from socialtools.genogram import GenogramComparison, GenogramOptions

    def keywords(cls: type) -> set[str]:
        return {name for name, p in inspect.signature(cls.__init__).parameters.items()
                if p.kind is inspect.Parameter.KEYWORD_ONLY}

    names = {f.name for f in fields(GenogramOptions)} | {"engine"}
    assert keywords(socialtools.Genogram) == names
    assert keywords(GenogramComparison) == names - {"as_of"}
    family = socialtools.Family.model_validate({"people": [{"id": "A"}]})
    genogram = socialtools.Genogram(family, GenogramOptions(lang="en", initials=True), lang="id", labels=["name"])
    assert (genogram.options.lang, genogram.options.initials, genogram.options.labels) == ("id", True, ("name",))
