"""Structured BPSS measurements: body-mass index, IQ category, social maturity age.

Each function states the scale it uses; categories are given in Indonesian (``id``) or English.

>>> round(bmi(152, 33.5), 1)
14.5
>>> bmi_category(14.5, age=26)
'kurus berat'
>>> iq_category(50, 55)
'debil bawah (tunagrahita ringan)'
>>> str(SocialAge.parse("15;8"))
'15 tahun 8 bulan'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

BmiScale = Literal["who", "kemenkes"]

#: WHO adult classification (WHO Technical Report Series 854, 1995 and 894, 2000): upper bound
#: (exclusive), Indonesian, English. Applies from age 18.
WHO_ADULT: tuple[tuple[float, str, str], ...] = (
    (16.0, "kurus berat", "severe thinness"),
    (17.0, "kurus sedang", "moderate thinness"),
    (18.5, "kurus ringan", "mild thinness"),
    (25.0, "normal", "normal range"),
    (30.0, "berat badan lebih", "pre-obese (overweight)"),
    (35.0, "obesitas kelas I", "obese class I"),
    (40.0, "obesitas kelas II", "obese class II"),
    (float("inf"), "obesitas kelas III", "obese class III"),
)

#: Indonesian Ministry of Health (Kemenkes, P2PTM) adult thresholds: upper bound (inclusive after
#: rounding to one decimal), Indonesian, English.
KEMENKES_ADULT: tuple[tuple[float, str, str], ...] = (
    (16.9, "kurus tingkat berat", "thin (severe)"),
    (18.4, "kurus tingkat ringan", "thin (mild)"),
    (25.0, "normal", "normal"),
    (27.0, "gemuk tingkat ringan", "overweight (mild)"),
    (float("inf"), "gemuk tingkat berat", "overweight (severe)"),
)

CHILD_NOTE = {
    "id": "di bawah 18 tahun: IMT-menurut-umur perlu grafik pertumbuhan WHO (z-skor), tanpa kategori dewasa",
    "en": "under 18: BMI-for-age needs the WHO growth charts (z-scores), no adult category",
}


def bmi(height_cm: float, weight_kg: float) -> float:
    """Body-mass index: weight in kg divided by the square of the height in metres.

    >>> round(bmi(170, 65), 1)
    22.5
    """
    if height_cm <= 0 or weight_kg <= 0:
        raise ValueError("height and weight must be positive")
    metres = height_cm / 100.0
    return weight_kg / (metres * metres)


def bmi_category(value: float, *, age: int | None = None, scale: BmiScale = "who",
                 lang: str = "id") -> str | None:
    """Category of a BMI ``value`` for an adult (18 or older, or age unknown).

    Under 18 the adult cut-offs do not apply: BMI-for-age must be read from the WHO growth
    charts (z-scores), so this returns ``None`` (see :data:`CHILD_NOTE`).

    >>> bmi_category(22.5, lang="en"), bmi_category(26.0, scale="kemenkes")
    ('normal range', 'gemuk tingkat ringan')
    >>> bmi_category(14.0, age=12) is None
    True
    """
    if age is not None and age < 18:
        return None
    if scale == "who":
        for upper, id_text, en_text in WHO_ADULT:
            if value < upper:
                return id_text if lang == "id" else en_text
    else:
        rounded = round(value, 1)
        for upper, id_text, en_text in KEMENKES_ADULT:
            if rounded <= upper:
                return id_text if lang == "id" else en_text
    raise ValueError(f"BMI {value} cannot be classified")  # pragma: no cover


#: IQ bands on a deviation-IQ scale (mean 100, SD 15; Wechsler-type descriptive bands, with the
#: ICD-10 levels of intellectual disability F70–F73 below 70). Lower bound (inclusive), Indonesian
#: term as used in Indonesian reports (old terms debil/imbesil/idiot with today's tunagrahita),
#: English term.
IQ_BANDS: tuple[tuple[int, str, str], ...] = (
    (130, "sangat superior", "very superior"),
    (120, "superior", "superior"),
    (110, "di atas rata-rata", "high average"),
    (90, "rata-rata", "average"),
    (80, "di bawah rata-rata", "low average"),
    (70, "batas (borderline)", "borderline"),
    (50, "debil (tunagrahita ringan)", "mild intellectual disability"),
    (35, "imbesil (tunagrahita sedang)", "moderate intellectual disability"),
    (20, "idiot (tunagrahita berat)", "severe intellectual disability"),
    (0, "idiot (tunagrahita sangat berat)", "profound intellectual disability"),
)

IQ_SCALE_NOTE = {
    "id": "skala IQ deviasi (rerata 100, SB 15), tingkat disabilitas intelektual menurut ICD-10; "
          "debil 50–69 dibagi debil bawah (50–59) dan debil atas (60–69)",
    "en": "deviation IQ scale (mean 100, SD 15), levels of intellectual disability after ICD-10; "
          "mild (debil) 50–69 split into lower (50–59) and upper (60–69) range",
}


def _iq_single(value: float, lang: str) -> str:
    for lower, id_text, en_text in IQ_BANDS:
        if value >= lower:
            if lower == 50:  # the debil band, split in halves as Indonesian reports do
                upper = value >= 60
                if lang == "id":
                    return f"debil {'atas' if upper else 'bawah'} (tunagrahita ringan)"
                return f"mild intellectual disability ({'upper' if upper else 'lower'} range)"
            return id_text if lang == "id" else en_text
    raise ValueError(f"IQ {value} must not be negative")


def iq_category(low: float, high: float | None = None, *, lang: str = "id") -> str:
    """Category of an IQ value or range (see :data:`IQ_BANDS` and :data:`IQ_SCALE_NOTE`).

    >>> iq_category(100, lang="en")
    'average'
    >>> iq_category(65, 75)
    'debil atas (tunagrahita ringan) – batas (borderline)'
    """
    if high is None or high == low:
        return _iq_single(low, lang)
    a, b = _iq_single(low, lang), _iq_single(high, lang)
    return a if a == b else f"{a} – {b}"


_IQ_PREFIX = re.compile(r"^\s*(?:skor\s+|nilai\s+)?iq\s*[:=]?\s*", re.I)
_IQ_NOTE = re.compile(r"^\s*([\d.,]+(?:\s*(?:[-–—]|s\.?d\.?|to|sampai)\s*[\d.,]+)?)\s*\(([^()]+)\)\s*$")
_RANGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–—]|s\.?d\.?|to|sampai)\s*(\d+(?:[.,]\d+)?)\s*$")


@dataclass(frozen=True)
class IQ:
    """An IQ value or range, with the category reported by the psychologist (if any).

    >>> IQ.parse("50-55")
    IQ(low=50.0, high=55.0, category=None, test=None)
    >>> IQ.parse("50-55").describe()
    '50–55 (debil bawah (tunagrahita ringan))'
    """

    low: float
    high: float | None = None
    category: str | None = None
    test: str | None = None

    @classmethod
    def parse(cls, value: Any) -> IQ:
        if isinstance(value, IQ):
            return value
        if isinstance(value, bool):
            raise ValueError("expected an IQ value (52) or range (50-55)")
        if isinstance(value, int | float):
            return cls._checked(float(value), None)
        if isinstance(value, str):
            text = _IQ_PREFIX.sub("", value.strip())
            note = _IQ_NOTE.match(text)
            if note:  # "50-55 (debil bawah)": the psychologist's category in brackets
                iq = cls.parse(note[1])
                return cls(iq.low, iq.high, note[2].strip(), iq.test)
            m = _RANGE.match(text)
            if m:
                return cls._checked(float(m[1].replace(",", ".")), float(m[2].replace(",", ".")))
            try:
                return cls._checked(float(text.replace(",", ".")), None)
            except ValueError:
                pass
        if isinstance(value, dict):
            extra = set(value) - {"value", "low", "high", "min", "max", "category", "test"}
            if extra:
                raise ValueError(f"unknown IQ field(s) {', '.join(sorted(extra))}: "
                                 "use value, low, high, category, test")
            low = value.get("low", value.get("min", value.get("value")))
            high = value.get("high", value.get("max"))
            if low is None:
                raise ValueError("an IQ needs 'value' or 'low'")
            base = cls.parse(low)
            iq = cls._checked(base.low, float(high) if high is not None else None)
            cat = value.get("category")
            test = value.get("test")
            return cls(iq.low, iq.high, str(cat) if cat is not None else None,
                       str(test) if test is not None else None)
        raise ValueError(f"'{value}' is not an IQ: write a value (52) or a range (50-55)")

    @classmethod
    def _checked(cls, low: float, high: float | None) -> IQ:
        if not 0 <= low <= 200 or (high is not None and not 0 <= high <= 200):
            raise ValueError("IQ must be between 0 and 200")
        if high is not None and high < low:
            raise ValueError(f"IQ range {low:g}-{high:g} runs backwards")
        return cls(low, high)

    def text(self) -> str:
        """The value or range, e.g. ``50–55``."""
        if self.high is None or self.high == self.low:
            return f"{self.low:g}"
        return f"{self.low:g}–{self.high:g}"

    def computed_category(self, lang: str = "id") -> str:
        return iq_category(self.low, self.high, lang=lang)

    def describe(self, lang: str = "id") -> str:
        """Value and category: the reported category if given, else the computed one."""
        return f"{self.text()} ({self.category or self.computed_category(lang)})"


_AGE = re.compile(
    r"^\s*(\d{1,3})\s*(?:[;:]|th|thn|tahun|y|yr|yrs|years?)?\s*[,;]?\s*"
    r"(?:(\d{1,2})\s*(?:bl|bln|bulan|m|mo|months?)?)?\s*\.?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SocialAge:
    """An age in years and months, such as a social maturity age (Vineland) of 15;8.

    >>> SocialAge.parse("15 tahun 8 bulan"), SocialAge.parse({"years": 15, "months": 8}).text("en")
    (SocialAge(years=15, months=8), '15 years 8 months')
    """

    years: int
    months: int = 0

    @classmethod
    def parse(cls, value: Any) -> SocialAge:
        if isinstance(value, SocialAge):
            return value
        if isinstance(value, bool):
            raise ValueError("expected an age such as 15;8 or 15 tahun 8 bulan")
        if isinstance(value, int):
            return cls._checked(value, 0)
        if isinstance(value, dict):
            extra = set(value) - {"years", "months"}
            if extra:
                raise ValueError(f"unknown field(s) {', '.join(sorted(extra))}: use years and months")
            return cls._checked(int(value.get("years", 0)), int(value.get("months", 0)))
        if isinstance(value, str):
            m = _AGE.match(value)
            if m:
                return cls._checked(int(m[1]), int(m[2] or 0))
        raise ValueError(f"'{value}' is not an age: write 15;8, '15 tahun 8 bulan' or years/months")

    @classmethod
    def _checked(cls, years: int, months: int) -> SocialAge:
        if not 0 <= years <= 120:
            raise ValueError(f"{years} years is out of range")
        if not 0 <= months <= 11:
            raise ValueError(f"{months} months is out of range (0–11)")
        return cls(years, months)

    def text(self, lang: str = "id") -> str:
        if lang == "id":
            return f"{self.years} tahun {self.months} bulan" if self.months else f"{self.years} tahun"
        y = f"{self.years} year{'s' if self.years != 1 else ''}"
        return f"{y} {self.months} month{'s' if self.months != 1 else ''}" if self.months else y

    def __str__(self) -> str:
        return self.text("id")


def number(value: float, lang: str = "id", digits: int = 1) -> str:
    """A number with a decimal comma in Indonesian and a point in English (``33,5`` / ``33.5``).

    >>> number(33.5), number(152.0, "en")
    ('33,5', '152')
    """
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") if lang == "id" else text
