"""BPSS measures and model: BMI, IQ, social maturity, items, sources, template."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.assessment.bpss import DEFAULT_ITEMS, DOMAINS, Bpss, BpssItem
from socialtools.assessment.measures import (
    IQ,
    KEMENKES_ADULT,
    WHO_ADULT,
    SocialAge,
    bmi,
    bmi_category,
    iq_category,
)
from socialtools.errors import InputError
from socialtools.io.loading import parse_model


def test_bmi_of_pk() -> None:
    assert bmi(152, 33.5) == pytest.approx(33.5 / 1.52**2)
    assert bmi_category(bmi(152, 33.5), age=26) == "kurus berat"
    assert bmi_category(bmi(152, 33.5), age=26, lang="en") == "severe thinness"


@pytest.mark.parametrize(("value", "expected"), [
    (15.99, "severe thinness"), (16.0, "moderate thinness"), (18.49, "mild thinness"),
    (18.5, "normal range"), (24.99, "normal range"), (25.0, "pre-obese (overweight)"),
    (30.0, "obese class I"), (39.99, "obese class II"), (40.0, "obese class III"),
])
def test_who_adult_boundaries(value: float, expected: str) -> None:
    assert bmi_category(value, lang="en") == expected


@pytest.mark.parametrize(("value", "expected"), [
    (16.94, "kurus tingkat berat"), (17.0, "kurus tingkat ringan"), (18.44, "kurus tingkat ringan"),
    (18.5, "normal"), (25.0, "normal"), (25.1, "gemuk tingkat ringan"), (27.0, "gemuk tingkat ringan"),
    (27.1, "gemuk tingkat berat"),
])
def test_kemenkes_boundaries(value: float, expected: str) -> None:
    assert bmi_category(value, scale="kemenkes") == expected


def test_children_get_no_adult_category() -> None:
    assert bmi_category(14.0, age=17) is None
    assert bmi_category(14.0, age=18) == "kurus berat"
    rows = Bpss.model_validate({"measurements": {"height_cm": 140, "weight_kg": 30}}).measurement_rows(age=12)
    assert "grafik pertumbuhan" in rows[2][1]


def test_bad_body_values() -> None:
    with pytest.raises(ValueError):
        bmi(0, 50)
    with pytest.raises(InputError, match="height_cm"):
        parse_model(Bpss, {"measurements": {"height_cm": -3}})


@settings(max_examples=80, deadline=None)
@given(st.floats(10, 60), st.floats(10, 60), st.sampled_from(["who", "kemenkes"]))
def test_bmi_categories_are_ordered(a: float, b: float, scale: str) -> None:
    table = WHO_ADULT if scale == "who" else KEMENKES_ADULT
    order = [en for _, _, en in table]
    lo, hi = sorted((a, b))
    assert order.index(bmi_category(lo, scale=scale, lang="en")) <= order.index(  # type: ignore[arg-type]
        bmi_category(hi, scale=scale, lang="en"))  # type: ignore[arg-type]


@pytest.mark.parametrize(("low", "high", "expected"), [
    (50, 55, "debil bawah (tunagrahita ringan)"), (62, None, "debil atas (tunagrahita ringan)"),
    (100, None, "rata-rata"), (72, 78, "batas (borderline)"), (40, None, "imbesil (tunagrahita sedang)"),
    (25, None, "idiot (tunagrahita berat)"), (10, None, "idiot (tunagrahita sangat berat)"),
    (135, None, "sangat superior"), (65, 75, "debil atas (tunagrahita ringan) – batas (borderline)"),
])
def test_iq_categories(low: float, high: float | None, expected: str) -> None:
    assert iq_category(low, high) == expected


@pytest.mark.parametrize("text", ["50-55", "50 – 55", "50 s.d. 55", "50 sampai 55", {"low": 50, "high": 55}])
def test_iq_range_forms(text: object) -> None:
    iq = IQ.parse(text)
    assert (iq.low, iq.high) == (50, 55)


def test_iq_reported_category_wins_and_errors() -> None:
    iq = IQ.parse({"value": 52, "category": "debil", "test": "WISC"})
    assert iq.describe() == "52 (debil)"
    for bad in ("abc", "60-50", 250, True, {"low": 50, "foo": 1}):
        with pytest.raises(ValueError):
            IQ.parse(bad)


@pytest.mark.parametrize("text", ["15;8", "15 tahun 8 bulan", "15 th 8 bl", "15y 8m",
                                  {"years": 15, "months": 8}])
def test_social_age_forms(text: object) -> None:
    assert SocialAge.parse(text) == SocialAge(15, 8)


def test_social_age_errors_and_text() -> None:
    for bad in ("15;13", "lima belas", {"years": 1, "days": 2}):
        with pytest.raises(ValueError):
            SocialAge.parse(bad)
    assert SocialAge(1, 1).text("en") == "1 year 1 month"
    assert SocialAge(7, 0).text("id") == "7 tahun"


def test_aspects_known_in_both_languages() -> None:
    for word in ("kebersihan diri", "personal hygiene", "hygiene", "Kebersihan Diri"):
        item = BpssItem(aspect=word)
        assert item.key == "hygiene"
        assert item.label("id") == "kebersihan diri"
        assert item.label("en") == "personal hygiene"
    own = BpssItem(aspect="hobi menggambar")
    assert own.key is None and own.label("en") == "hobi menggambar"


def test_indonesian_domains_sources_and_shorthand() -> None:
    b = Bpss.model_validate({
        "sosial": {"kerjasama": "baik"},
        "spiritual": [{"aspect": "ibadah", "finding": "taat", "source": "triangulasi dengan psikolog"}],
    })
    assert b.social[0].finding == "baik"
    assert b.spiritual[0].source is not None
    assert b.spiritual[0].source.text("en") == "triangulation with psikolog"
    with pytest.raises(InputError, match="source"):
        parse_model(Bpss, {"social": [{"aspect": "a", "source": "mimpi"}]})
    indonesian = Bpss.model_validate({"social": [{"aspek": "a", "hasil": "b", "sumber": "tes"}]})
    assert indonesian.social[0].finding == "b"
    with pytest.raises(InputError, match=r"social\[0\], field 'aspect': is required"):
        parse_model(Bpss, {"social": [{"finding": "a"}]})
    with pytest.raises(InputError, match="'findng': is not a known field"):
        parse_model(Bpss, {"social": [{"aspect": "a", "findng": "b"}]})


def test_template_has_every_default_item_and_extensions() -> None:
    form = Bpss.template(lang="en", extra={"social": ["online friends"]})
    for domain in DOMAINS:
        aspects = [i.aspect for i in form.items(domain)]
        assert aspects[: len(DEFAULT_ITEMS[domain])] == [en for _, en in DEFAULT_ITEMS[domain].values()]
        assert all(i.finding is None for i in form.items(domain))
    assert form.social[-1].aspect == "online friends"
