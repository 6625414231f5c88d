"""The fields that can be written under each person of a genogram (kept light: the command
line lists them in its help without loading the drawing code), and the Indonesian words for them.

>>> "years" in LABEL_FIELDS, label_field("Umur"), label_field("tempat lahir"), label_field("nmae")
(True, 'age', 'birthplace', None)
"""

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
