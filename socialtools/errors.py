"""The whole error vocabulary of socialtools.

Every error names what is wrong in words a case worker can act on: the section,
the record and the field. The command line prints ``str(error)`` on one line and
exits with status 2.

>>> from socialtools.errors import InputError
>>> str(InputError("unknown person 'X'", record="union 2", field="partners"))
"union 2, field 'partners': unknown person 'X'"
"""

from __future__ import annotations


class SocialToolsError(Exception):
    """Base class of every error socialtools raises on purpose.

    >>> from socialtools import Family
    >>> try:
    ...     Family.model_validate({"people": [{"id": "A"}], "unions": [{"partners": ["A", "B"]}]})
    ... except SocialToolsError as error:
    ...     print(type(error).__name__, error.field, "unknown person 'B'" in str(error))
    InputError partners True
    """


class InputError(SocialToolsError):
    """Bad input data: names the record (e.g. ``person 'PK'``) and the field.

    >>> error = InputError("not a date", record="person 'PK'", field="birth")
    >>> str(error), error.field
    ("person 'PK', field 'birth': not a date", 'birth')
    """

    def __init__(
        self,
        message: str,
        *,
        record: str | None = None,
        field: str | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.record = record
        self.field = field
        self.source = source
        super().__init__(self._text())

    def _text(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.record:
            where.append(self.record)
        if self.field:
            where.append(f"field '{self.field}'")
        return (", ".join(where) + ": " if where else "") + self.message

    def located(self, source: str) -> InputError:
        """Return the same error with the input file named in front."""
        return InputError(self.message, record=self.record, field=self.field, source=source)


class UsageError(SocialToolsError):
    """A wrong call: an unknown output format, a missing option, an option out of range."""


class MissingDependencyError(SocialToolsError):
    """An optional program or package is needed for this call; the message says how to get it."""
