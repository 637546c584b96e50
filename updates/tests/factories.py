from django.utils.text import slugify

from home.tests.factories import PageFactory
from updates.models import UpdateIndexPage, UpdatePage


class UpdateIndexPageFactory(PageFactory):
    title = "Trygghet"
    slug = "trygghet"

    class Meta:
        model = UpdateIndexPage


def update(index, title, districts, **fields):
    """Written and published in one go, with its districts, as an editor does."""
    values = {"summary": "Kort om insatsen.", "kind": "measure", "status": "ongoing", **fields}
    page = UpdatePage(title=title, slug=slugify(title), **values)
    index.add_child(instance=page)
    page.districts.set(districts)
    page.save_revision().publish()
    return UpdatePage.objects.get(pk=page.pk)
