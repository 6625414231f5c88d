"""The fields that can be written under each person of a genogram (kept light: the command
line lists them in its help without loading the drawing code).

>>> "years" in LABEL_FIELDS
True
"""

LABEL_FIELDS = ("name", "role", "years", "age", "occupation", "education", "religion", "birthplace",
                "place", "ethnicity", "conditions", "notes")
