from .notices import DisruptionNotice
from .outbox import OutgoingEmail
from .pages import DistrictContact, DistrictIndexPage, DistrictPage, HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "DisruptionNotice",
    "DistrictContact",
    "DistrictIndexPage",
    "DistrictPage",
    "HomePage",
    "OutgoingEmail",
    "SiteSettings",
    "StandardPage",
]
