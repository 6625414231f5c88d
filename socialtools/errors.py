"""The whole error vocabulary of socialtools.

Every error names what is wrong in words a case worker can act on: the section,
the record and the field. The command line prints ``str(error)`` on one line and
exits with status 2. Like Python's own errors, bad input is a ``ValueError`` and a
wrong call (an unknown option, an output format that cannot be written) a ``TypeError``,
so a caller's generic handler catches them too. Messages name options as the library
spells them, never as command-line flags.

>>> from socialtools.errors import InputError
>>> str(InputError("unknown person 'X'", record="union 2", field="partners"))
"union 2, field 'partners': unknown person 'X'"
>>> isinstance(InputError("x"), ValueError), isinstance(UsageError("x"), TypeError)
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class SocialToolsError(Exception):
    """Base class of every error socialtools raises on purpose.

    >>> from socialtools import Family
    >>> try:
    ...     Family.model_validate({"people": [{"id": "A"}], "unions": [{"partners": ["A", "B"]}]})
    ... except SocialToolsError as error:
    ...     print(type(error).__name__, error.field, "unknown person 'B'" in str(error))
    InputError partners True
    """


class InputError(SocialToolsError, ValueError):
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


class UsageError(SocialToolsError, TypeError):
    """A wrong call: an unknown output format, a missing option, an option out of range.

    >>> from socialtools import Family, Genogram
    >>> Genogram(Family.model_validate({"people": [{"id": "A"}]}), lagn="en")
    Traceback (most recent call last):
    ...
    socialtools.errors.UsageError: Genogram has no option 'lagn' (did you mean 'lang'?): its options are lang, ...
    """


class MissingDependencyError(SocialToolsError):
    """An optional program or package is needed for this call; the message says how to get it.

    >>> str(MissingDependencyError("the graphviz engine needs the 'dot' program: apt-get install graphviz"))
    "the graphviz engine needs the 'dot' program: apt-get install graphviz"
    """


#: warnings of one kind written out for one file; the rest are counted on one line
MAX_WARNINGS_OF_A_KIND = 10
_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|@[^@\s]+@|\d+")
#: a detail in brackets (a list of children and their years, of any length) varies like a name
_DETAIL = re.compile(r"\([^()]*\)")


def capped_warnings(warnings: Iterable[str], most: int = MAX_WARNINGS_OF_A_KIND) -> list[str]:
    """At most ``most`` warnings of each kind (the same words once names, ids, quoted values,
    numbers and details in brackets are set aside), then one line per kind counting the rest: a studbook's 2,000 lines
    ``person '85' would be 9 at the birth of '112'`` become ten and ``... and 1990 more like ...``.

    >>> lines = [f"line {n}: '{n}' has no row of its own" for n in range(1, 14)] + ["a date"]
    >>> capped_warnings(lines)[9:]
    ["line 10: '10' has no row of its own", 'a date', "... and 3 more like: line 11: '11' has no row of its own"]
    """
    counts: dict[str, int] = {}
    first_left: dict[str, str] = {}
    out = []
    for warning in warnings:
        kind = _DETAIL.sub("(#)", _VARYING.sub("#", warning))
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= most:
            out.append(warning)
        else:
            first_left.setdefault(kind, warning)
    out += [f"... and {counts[kind] - most} more like: {example}" for kind, example in first_left.items()]
    return out
