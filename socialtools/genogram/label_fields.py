"""The fields that can be written under each person of a genogram (kept light: the command
line lists them in its help without loading the drawing code), and the Indonesian words for them.

>>> "years" in LABEL_FIELDS, label_field("Umur"), label_field("tempat lahir"), label_field("nmae")
(True, 'age', 'birthplace', None)
>>> label_fields("nama, umur")
('name', 'age')
"""

import difflib
from collections.abc import Iterable

from socialtools.errors import UsageError

LABEL_FIELDS = ("name", "role", "years", "age", "occupation", "education", "religion", "birthplace",
                "place", "ethnicity", "conditions", "notes")
#: Indonesian (and a few English) words for the label fields, as a case file writes its fields
LABEL_ALIASES = {
    "nama": "name", "peran": "role", "tahun": "years", "umur": "age", "usia": "age", "pekerjaan": "occupation",
    "pendidikan": "education", "agama": "religion", "tempat_lahir": "birthplace", "tempat": "place",
    "suku": "ethnicity", "etnis": "ethnicity", "kondisi": "conditions", "penyakit": "conditions",
    "catatan": "notes", "keterangan": "notes", "dates": "years", "job": "occupation",
}


def label_field(word: str) -> str | None:
    """The label field ``word`` names (a field, or an Indonesian word for one), else ``None``."""
    key = word.strip().lower().replace(" ", "_").replace("-", "_")
    return key if key in LABEL_FIELDS else LABEL_ALIASES.get(key)


def label_fields(words: str | Iterable[str]) -> tuple[str, ...]:
    """The label fields ``words`` name, in their order without repeats: a sequence of fields or
    Indonesian words, or one comma-separated string (as ``--labels`` takes them).

    Raises :class:`~socialtools.errors.UsageError` naming an unknown word, with a suggestion.
    """
    items = words.split(",") if isinstance(words, str) else list(words)
    fields: list[str] = []
    for word in items:
        if not isinstance(word, str):
            raise UsageError(f"a label field is a word, got {type(word).__name__} {word!r}: "
                             f"choose from {', '.join(LABEL_FIELDS)}")
        if not word.strip():
            continue
        found = label_field(word)
        if found is None:
            close = difflib.get_close_matches(word.strip().lower(), [*LABEL_FIELDS, *LABEL_ALIASES], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise UsageError(f"unknown label field '{word.strip()}'{hint}: choose from {', '.join(LABEL_FIELDS)} "
                             "(or in Indonesian: nama, peran, tahun, umur, pekerjaan, ...)")
        fields.append(found)
    return tuple(dict.fromkeys(fields))
