"""Reads shared by every translatable snippet (forum categories, measure categories)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from home.languages import locale_codes


class TranslatedQuerySet(models.QuerySet):
    def in_language(self, locale):
        """One version of each thing: in `locale` where it is translated, otherwise in the
        default language (templates mark that text with its own `lang`)."""
        locale_id = getattr(locale, "pk", locale)
        ids = {code: pk for pk, code in locale_codes().items()}
        default_id = ids.get(settings.LANGUAGE_CODE)
        if locale_id == default_id or default_id is None:
            return self.filter(locale_id=locale_id)
        translated = self.model._default_manager.filter(locale_id=locale_id)
        return self.filter(
            Q(locale_id=locale_id)
            | Q(locale_id=default_id) & ~Q(translation_key__in=translated.values("translation_key"))
        )
