"""Assessment tools of the helping process: BPSS (:mod:`.bpss`) and measures (:mod:`.measures`).

>>> from socialtools.assessment import Bpss, bmi
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.assessment.bpss import Bpss
    from socialtools.assessment.measures import IQ, SocialAge, bmi, bmi_category, iq_category

__all__ = ["IQ", "Bpss", "SocialAge", "bmi", "bmi_category", "iq_category"]
__getattr__ = lazy_exports(__name__, {
    "Bpss": "socialtools.assessment.bpss",
    **dict.fromkeys(["IQ", "SocialAge", "bmi", "bmi_category", "iq_category"], "socialtools.assessment.measures"),
})
