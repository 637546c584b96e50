from django.apps import AppConfig


class ToyConfig(AppConfig):
    """A content app that exists only in the tests, to show that moderation works for any
    registered model (test settings install it; its table is made without migrations)."""

    name = "moderation.tests.toy"
    label = "moderation_toy"
    default_auto_field = "django.db.models.BigAutoField"
