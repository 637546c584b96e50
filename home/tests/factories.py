from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from accounts.services import staff_groups_ensure
from home.models import (
    DisruptionNotice,
    DistrictContact,
    DistrictIndexPage,
    DistrictPage,
    HomePage,
    StandardPage,
)


def site_root_ensure() -> HomePage:
    """The Swedish home page as the default site's root, rebuilt after a transactional flush."""
    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=swedish).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=swedish)
        )
        home = root.add_child(instance=HomePage(title="Torget", slug="home", locale=swedish))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    if Collection.get_first_root_node() is None:  # a flush removes it too
        Collection.add_root(name="Root")
    # After a flush the groups were rebuilt before the root page existed to grant pages on.
    staff_groups_ensure()
    return home


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` and publishes it, as an editor would."""

    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = factory.LazyAttribute(lambda page: f"<p>Om {page.title}.</p>")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or site_root_ensure()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class DistrictIndexPageFactory(PageFactory):
    title = "Stadsdelar"
    slug = "stadsdelar"
    show_in_menus = True

    class Meta:
        model = DistrictIndexPage


class DistrictPageFactory(PageFactory):
    title = factory.Iterator(["Fittja", "Alby", "Tumba", "Tullinge", "Grödinge"])

    class Meta:
        model = DistrictPage


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


class DistrictContactFactory(factory.django.DjangoModelFactory):
    name = "Samira Haddad"
    role = "Trygghetssamordnare"
    email = "samira@example.org"
    phone = "08-530 610 01"

    class Meta:
        model = DistrictContact


class DisruptionNoticeFactory(factory.django.DjangoModelFactory):
    message = "Eldningsförbud i hela länet."
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ends_at = factory.LazyAttribute(lambda notice: notice.starts_at + timedelta(days=7))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = DisruptionNotice


def translate(page, language_code="en", **fields):
    """Copy `page` into another language, set its fields and publish, as an editor would."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
