"""The site's languages as Wagtail locales, and the facts a page shares with its translations.

Texts are translated with wagtail-localize. Facts (a meeting's time, place and capacity, a
measure's status and dates, the districts) are the model's synchronised fields in
wagtail-localize's terms (`override_translatable_fields`), which its translation editor shows
as not translatable; whenever the page in the default language or a translation of it is
published, they are copied from the default-language page to every translation. (Not with
wagtail-localize's `copy_synchronised_fields`: outside a full re-translation it would also copy
the untranslated structure of every StreamField over the translated text.)"""

import copy

from django.conf import settings
from django.db import models, transaction
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields


def locales_ensure(**kwargs) -> None:
    """A locale for every language in LANGUAGES. With TORGET_SYNC_LANGUAGE_TREES each one
    syncs from the default language: wagtail-localize keeps an alias of every page in every
    language until it is translated, so no page that exists in Swedish is ever a 404."""
    from wagtail_localize.models import LocaleSynchronization

    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale != default and settings.TORGET_SYNC_LANGUAGE_TREES:
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )


def synchronised_fields(model) -> list[str]:
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField)
    ]


def _in_locale(obj, locale):
    """The version of a translatable object (a district page, a category) in `locale`."""
    if isinstance(obj, TranslatableMixin) and obj.locale_id != locale.pk:
        return obj.get_translation_or_none(locale) or obj
    return obj


def _copy_facts(source, translation) -> None:
    """Copy the synchronised fields; keys to translatable things (districts, a category) point
    at their version in the translation's language."""
    for name in synchronised_fields(type(source)):
        field = source._meta.get_field(name)
        if isinstance(field, ParentalManyToManyField):
            values = [_in_locale(obj, translation.locale) for obj in getattr(source, name).all()]
            setattr(translation, name, values)
        elif isinstance(field, models.ForeignKey):
            value = getattr(source, name)
            setattr(translation, name, _in_locale(value, translation.locale) if value else None)
        elif field.concrete:
            setattr(translation, name, getattr(source, name))


def default_language_version(page):
    """The page in the default language (the source of its facts), as published."""
    default = Locale.get_default()
    source = page if page.locale_id == default.pk else page.get_translation_or_none(default)
    return type(page).objects.get(pk=(source or page).pk)


@transaction.atomic
def translations_synchronise(*, page):
    """Copy the facts of `page`'s default-language version to all its translations (aliases
    follow their source by themselves). Returns that default-language version."""
    source = default_language_version(page)
    translations = (
        type(source)
        .objects.filter(translation_key=source.translation_key, alias_of__isnull=True)
        .exclude(pk=source.pk)
        .select_related("locale")
    )
    for translation in translations:
        _copy_facts(source, translation)
        translation.save(clean=False)
    return source


@transaction.atomic
def translation_import(*, instance, locale, strings: dict[str, str], user=None, publish=True):
    """Translate a page or snippet into `locale` through wagtail-localize, as an editor does:
    "Translate" (wagtail_localize.operations.translate_object), then the translation agency's
    PO file (`strings`: each source text and its translation; a text without one stays in the
    source language), then publish. Returns the translation.

    The PO file goes in first, so that the version "Translate" saves, and publishes when the
    transaction commits, already holds the agency's texts: one in the source language would be
    published over them then, with a slug that another page may have taken meanwhile."""
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    catalog = translation.export_po()
    for entry in catalog:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr)
    translation.import_po(catalog, user=user)
    translate_object(instance, [locale], user=user)
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)


def translation_strings(*, instance, fields: dict) -> dict[str, str]:
    """The translation agency's strings for `translation_import` (each source text and its
    translation), read from `instance` and a copy of it that carries the translated `fields`,
    written as on the source (a title, rich text with its <p>, a StreamField's blocks): their
    texts are paired in wagtail-localize's own order, so each is the segment it extracts (rich
    text without its block tags, an inline link as <a id="a1">). Facts are left out, and the
    slug unless `fields` changes it: the translation keeps the source's."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    translated = copy.copy(instance)
    for name, value in fields.items():
        setattr(translated, name, value)
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            # Its blocks get their ids, as when saved: a segment's path names its block.
            setattr(translated, name, field.get_prep_value(getattr(translated, name)))

    def texts(obj):
        return [
            (segment.path.split(".")[0], segment.string.data)
            for segment in extract_segments(obj)
            if isinstance(segment, StringSegmentValue)
        ]

    source_texts, translated_texts = texts(instance), texts(translated)
    if [name for name, _text in source_texts] != [name for name, _text in translated_texts]:
        raise ValueError(f"The texts of {instance!r} and its translation do not line up.")
    strings = {}
    for (name, text), (_name, translation) in zip(source_texts, translated_texts, strict=True):
        if name == "slug" and translation == text:
            continue
        if strings.setdefault(text, translation) != translation:
            raise ValueError(f"{text!r} in {instance!r} has two translations.")
    return strings


def trees_synchronise() -> None:
    """Alias every page not yet in each synced language (after pages were made in code, not in
    the admin, where wagtail-localize aliases each new page at once)."""
    from wagtail_localize.models import LocaleSynchronization

    for synchronization in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronization.sync_trees()


def sources_out_of_date():
    """Pages whose source was published after wagtail-localize last took its text for
    translation: their translations wait for "Sync translated pages". Most recent first."""
    from django.db.models import Exists, F, OuterRef, Subquery
    from wagtail.models import Page
    from wagtail_localize.models import Translation, TranslationSource

    published = Page.objects.filter(
        translation_key=OuterRef("object_id"), locale=OuterRef("locale"), alias_of__isnull=True
    ).values("last_published_at")[:1]
    translated = Translation.objects.filter(source=OuterRef("pk"), enabled=True)
    return (
        TranslationSource.objects.filter(Exists(translated))
        .annotate(changed_at=Subquery(published))
        .filter(changed_at__gt=F("last_updated_at"))
        .order_by("-changed_at", "-pk")
    )
