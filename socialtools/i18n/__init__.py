"""Label catalogues for the languages socialtools speaks (Indonesian ``id`` and English ``en``).

Each diagram kind keeps its own small catalogue (a dict of key → {lang: text}) next to
its renderer; :func:`translate` looks a key up and falls back to English, then the key.

>>> translate({"legend": {"id": "Keterangan", "en": "Legend"}}, "legend", "id")
'Keterangan'
"""

from __future__ import annotations

from typing import Literal

from socialtools.errors import UsageError

__all__ = ["LANGUAGES", "Catalogue", "Language", "check_language", "translate"]

Language = Literal["id", "en"]
LANGUAGES: tuple[str, ...] = ("id", "en")

Catalogue = dict[str, dict[str, str]]

COMMON: Catalogue = {
    "legend": {"id": "Keterangan", "en": "Legend"},
    "drawn_by": {"id": "Digambar oleh", "en": "Drawn by"},
    "date": {"id": "Tanggal", "en": "Date"},
}


def check_language(lang: str) -> Language:
    """Return ``lang`` if socialtools speaks it, else raise :class:`UsageError`.

    >>> check_language("en")
    'en'
    >>> check_language("fr")
    Traceback (most recent call last):
    ...
    socialtools.errors.UsageError: unknown language 'fr': choose one of id, en
    """
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language '{lang}': choose one of {', '.join(LANGUAGES)}")
    return lang  # type: ignore[return-value]


def translate(catalogue: Catalogue, key: str, lang: str) -> str:
    """Text of ``key`` in ``lang`` (English, then the key itself, when missing).

    >>> translate({"client": {"en": "Client"}}, "client", "id"), translate({}, "drawn_by", "id")
    ('Client', 'Digambar oleh')
    """
    entry = catalogue.get(key) or COMMON.get(key)
    if entry is None:
        return key.replace("_", " ")
    return entry.get(lang) or entry.get("en") or key
