from .associations import Association, AssociationMembership
from .categories import Category
from .pages import ForumPage
from .threads import Follow, Post, PostRevision, Reaction, Thread

__all__ = [
    "Association",
    "AssociationMembership",
    "Category",
    "Follow",
    "ForumPage",
    "Post",
    "PostRevision",
    "Reaction",
    "Thread",
]
