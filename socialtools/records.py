"""The base of every record a case file holds (people, ties, institutions, BPSS items, ...).

A record refuses fields it does not know (a misspelt key is an error, not silently dropped),
accepts each field by its name or its alias, reads a number written where a text belongs as that
text, and lets an :class:`~socialtools.errors.InputError`
that one of its validators raises come out as itself — naming its record and field — rather than
folded into pydantic's ``ValidationError`` (an ``InputError`` is a ``ValueError``, which pydantic
would otherwise take for its own).

>>> from pydantic import field_validator
>>> class Person(Record):
...     id: str
...     @field_validator("id")
...     @classmethod
...     def _known(cls, value: str) -> str:
...         if value == "X":
...             raise InputError("unknown person 'X'", record="people[0]", field="id")
...         return value
>>> Person(id="X")
Traceback (most recent call last):
...
socialtools.errors.InputError: people[0], field 'id': unknown person 'X'
>>> Person.model_validate({"id": "PK", "nmae": "Putri"})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Person
nmae
  Extra inputs are not permitted [type=extra_forbidden, input_value='Putri', input_type=str]
    For further information visit https://errors.pydantic.dev/...

(:class:`~socialtools.genogram.model.Family`, the entry point of the README, words pydantic's
errors as one :class:`InputError` too.)
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import AliasChoices, BaseModel, ConfigDict, ValidationError

from socialtools.errors import InputError


def raised_input_error(exc: ValidationError) -> InputError | None:
    """The first :class:`InputError` a validator raised inside ``exc`` (None when there is none)."""
    found = raised_input_error_at(exc)
    return found[0] if found else None


def raised_input_error_at(exc: ValidationError) -> tuple[InputError, tuple[int | str, ...]] | None:
    """The first :class:`InputError` a validator raised inside ``exc`` and where: the location of
    the record whose validator raised it (``("unions", 2)``; ``()`` for the outermost record)."""
    for error in exc.errors():
        raised = (error.get("ctx") or {}).get("error")
        if isinstance(raised, InputError):
            return raised, tuple(error["loc"])
    return None


def alias_properties(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """The JSON Schema of ``model`` accepts each other name a field is read by (``sejak`` for a
    condition's ``start``), as the loader does: the schema and the loader agree."""
    properties = schema.get("properties", {})
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        if not isinstance(alias, AliasChoices):
            continue
        names = [c for c in alias.choices if isinstance(c, str)]
        shown = next((n for n in (name, *names) if n in properties), None)
        if shown is None:
            continue
        for other in names:
            properties.setdefault(other, {**properties[shown], "title": other})


class Record(BaseModel):
    """A strict record of a case file (see the module)."""

    # a number written where a text belongs (name: 123, occupation: 2020, a spreadsheet's cell) is
    # that text, as a person's id is; a yes/no is never a text
    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra=alias_properties,
                              coerce_numbers_to_str=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise raised_input_error(exc) or exc from None

    # Nested records are validated by pydantic-core itself, not through this __init__ (as for
    # pydantic's RootModel): a Python call per nested record made reading a 20,000-person file
    # several times slower. Errors of nested records still reach the caller through the outer call.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Pydantic's ``model_validate``, with a validator's :class:`InputError` kept as it is."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as exc:
            raise raised_input_error(exc) or exc from None
