from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models.pages import ContentPage

# Words the forum's own addresses use; a category cannot take them as its slug.
RESERVED_SLUGS = {"sok", "foreningar", "inlagg", "trad"}


class ForumPage(RoutablePageMixin, ContentPage):
    """The forum, placed in the page tree by editors; categories, threads and posts are models
    served through these routes."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forum page")

    # Views live in forums.views; the page only routes to them.

    @path("", name="front")
    def front(self, request):
        from forums import views

        return views.front(request, self)

    @path("sok/", name="search")
    def search(self, request):
        from forums import views

        return views.search(request, self)

    @path("foreningar/<slug:slug>/", name="association")
    def association(self, request, slug):
        from forums import views

        return views.association(request, self, slug)

    @path("foreningar/<slug:slug>/medlemmar/", name="association_members")
    def association_members(self, request, slug):
        from forums import views

        return views.association_members(request, self, slug)

    @path("inlagg/<int:post_id>/", name="post")
    def post(self, request, post_id):
        from forums import views

        return views.post_permalink(request, self, post_id)

    @path("inlagg/<int:post_id>/redigera/", name="post_edit")
    def post_edit(self, request, post_id):
        from forums import views

        return views.post_edit(request, self, post_id)

    @path("inlagg/<int:post_id>/ta-bort/", name="post_delete")
    def post_delete(self, request, post_id):
        from forums import views

        return views.post_delete(request, self, post_id)

    @path("inlagg/<int:post_id>/tack/", name="post_thanks")
    def post_thanks(self, request, post_id):
        from forums import views

        return views.post_thanks(request, self, post_id)

    @path("trad/<int:thread_id>/", name="thread")
    def thread(self, request, thread_id):
        from forums import views

        return views.thread(request, self, thread_id)

    @path("trad/<int:thread_id>/svara/", name="reply")
    def reply(self, request, thread_id):
        from forums import views

        return views.reply(request, self, thread_id)

    @path("trad/<int:thread_id>/folj/", name="follow_thread")
    def follow_thread(self, request, thread_id):
        from forums import views

        return views.follow_thread(request, self, thread_id)

    @path("<slug:category_slug>/", name="category")
    def category(self, request, category_slug):
        from forums import views

        return views.category(request, self, category_slug)

    @path("<slug:category_slug>/ny-trad/", name="new_thread")
    def new_thread(self, request, category_slug):
        from forums import views

        return views.new_thread(request, self, category_slug)

    @path("<slug:category_slug>/folj/", name="follow_category")
    def follow_category(self, request, category_slug):
        from forums import views

        return views.follow_category(request, self, category_slug)

    # Addresses, so that templates and emails never assemble them by hand.

    def thread_url(self, thread) -> str:
        return f"{self.url}trad/{thread.pk}/"

    def category_url(self, category) -> str:
        return f"{self.url}{category.slug}/"

    def post_url(self, post) -> str:
        return f"{self.url}inlagg/{post.pk}/"

    def association_url(self, association) -> str:
        return f"{self.url}foreningar/{association.slug}/"
