"""The forum's views, routed by ForumPage (forums/models/pages.py) and forums/urls.py."""

from forums.views.associations import association, association_members
from forums.views.common import WAITING_MESSAGE, localize_categories, require_poster
from forums.views.following import follow_category, follow_remove, follow_thread, unfollow
from forums.views.reading import category, front, post_permalink, search, thread
from forums.views.writing import new_thread, post_delete, post_edit, post_thanks, reply

__all__ = [
    "WAITING_MESSAGE",
    "association",
    "association_members",
    "category",
    "follow_category",
    "follow_remove",
    "follow_thread",
    "front",
    "localize_categories",
    "new_thread",
    "post_delete",
    "post_edit",
    "post_permalink",
    "post_thanks",
    "reply",
    "require_poster",
    "search",
    "thread",
    "unfollow",
]
