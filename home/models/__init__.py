from .notices import DisruptionNotice
from .outbox import OutgoingEmail
from .pages import (
    AccessibilityStatementPage,
    DistrictContact,
    DistrictIndexPage,
    DistrictPage,
    HomePage,
    KnownProblem,
    StandardPage,
)
from .settings import SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "KnownProblem",
    "DisruptionNotice",
    "DistrictContact",
    "DistrictIndexPage",
    "DistrictPage",
    "HomePage",
    "OutgoingEmail",
    "SiteSettings",
    "StandardPage",
]
