import factory

from forums.models import Association, AssociationMembership, Category, ForumPage
from home.tests.factories import PageFactory


class ForumPageFactory(PageFactory):
    title = "Forum"
    slug = "forum"
    show_in_menus = True

    class Meta:
        model = ForumPage


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    description = "Om livet här."

    class Meta:
        model = Category


class AssociationFactory(factory.django.DjangoModelFactory):
    name = "Föreningen Fittja Framåt"
    slug = factory.Sequence(lambda n: f"forening-{n}")
    verified = True

    class Meta:
        model = Association


class MembershipFactory(factory.django.DjangoModelFactory):
    role = AssociationMembership.Role.MEMBER

    class Meta:
        model = AssociationMembership
