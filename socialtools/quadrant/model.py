"""The strengths quadrant (*kuadran kekuatan*): the four-front assessment of a client.

A 2×2 grid: personal strengths, personal limitations, environmental resources and
environmental obstacles (internal vs external × strengths vs weaknesses), with bullet text.
Keys may be given in English or Indonesian (``kekuatan_personal``, ``keterbatasan_personal``,
``sumber_lingkungan``, ``hambatan_lingkungan``).

>>> q = StrengthsQuadrant(client="PK", kekuatan_personal=["rajin beribadah"])
>>> q.personal_strengths
['rajin beribadah']
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from socialtools.errors import InputError

CELLS = ("personal_strengths", "personal_limitations", "environmental_resources", "environmental_obstacles")
ALIASES = {"personal_strengths": "kekuatan_personal", "personal_limitations": "keterbatasan_personal",
           "environmental_resources": "sumber_lingkungan", "environmental_obstacles": "hambatan_lingkungan"}
CELL_SCHEMA = WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}},
                                        {"type": "null"}]})
Cell = Annotated[list[str], CELL_SCHEMA]


def _schema_aliases(schema: dict[str, Any]) -> None:
    """The JSON Schema accepts the Indonesian keys too."""
    properties = schema.get("properties", {})
    for name, alias in ALIASES.items():
        if name in properties:
            properties[alias] = dict(properties[name], title=alias)


def _items(alias_id: str, alias_en: str) -> Any:
    return Field(default_factory=list, validation_alias=AliasChoices(alias_en, alias_id))


class StrengthsQuadrant(BaseModel):
    """The four cells of the quadrant, each a list of short statements.

    >>> q = StrengthsQuadrant(client="PK", personal_strengths="jujur", hambatan_lingkungan=["jauh dari keluarga"])
    >>> q.personal_strengths, q.environmental_obstacles
    (['jujur'], ['jauh dari keluarga'])"""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra=_schema_aliases)

    title: str = ""
    client: str = ""
    personal_strengths: Cell = _items("kekuatan_personal", "personal_strengths")
    personal_limitations: Cell = _items("keterbatasan_personal", "personal_limitations")
    environmental_resources: Cell = _items("sumber_lingkungan", "environmental_resources")
    environmental_obstacles: Cell = _items("hambatan_lingkungan", "environmental_obstacles")

    @model_validator(mode="before")
    @classmethod
    def _keys(cls, data: Any) -> Any:
        """Keys as students type them (``Kekuatan Personal``); a cell given twice is an error."""
        if not isinstance(data, dict):
            return data
        known = {"title", "client", *CELLS, *ALIASES.values()}
        english = {alias: name for name, alias in ALIASES.items()}
        out: dict[Any, Any] = {}
        written: dict[str, Any] = {}
        for key, value in data.items():
            word = str(key).strip().lower().replace(" ", "_").replace("-", "_")
            if word not in known:
                out[key] = value
                continue
            cell = english.get(word, word)
            if cell in written:
                raise InputError(f"given twice, as '{written[cell]}' and as '{key}': keep one",
                                 record="strengths", field=str(key))
            written[cell] = key
            out[cell] = value
        return out

    @field_validator(*CELLS, mode="before")
    @classmethod
    def _list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, dict | list):
                    raise ValueError(f"item {i + 1} is a {'mapping' if isinstance(v, dict) else 'list'}: "
                                     "write each statement as plain text after '- '")
            # an empty bullet ("- ") is null in YAML: it stays empty and is reported below
            return ["" if v is None else str(v).strip() for v in value]
        return value

    @model_validator(mode="after")
    def _check(self) -> StrengthsQuadrant:
        for name in CELLS:
            for i, item in enumerate(getattr(self, name)):
                if not item:
                    raise InputError("empty statement", record=f"strengths.{name}[{i}]", field=name)
        if not any(getattr(self, name) for name in CELLS):
            raise InputError("all four cells are empty: nothing to draw", record="strengths",
                             field="personal_strengths")
        return self

    def cell(self, name: str) -> list[str]:
        """The statements of one cell by its name in :data:`CELLS`."""
        return list(getattr(self, name))
