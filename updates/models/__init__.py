from .index import UpdateIndexPage
from .pages import ProgressEntry, UpdatePage, UpdatePageQuerySet, UpdateTag
from .snippets import MeasureCategory, Responsible
from .subscriptions import AlertSent, NoticeAlert, Subscription, SubscriptionQuerySet

__all__ = [
    "AlertSent",
    "MeasureCategory",
    "NoticeAlert",
    "ProgressEntry",
    "Responsible",
    "Subscription",
    "SubscriptionQuerySet",
    "UpdateIndexPage",
    "UpdatePage",
    "UpdatePageQuerySet",
    "UpdateTag",
]
