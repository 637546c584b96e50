from django.apps import AppConfig


class ToyConfig(AppConfig):
    """A content app that exists only in the tests, to show that moderation works for any
    registered model (only the test settings install it)."""

    name = "moderation.tests.toy"
    label = "moderation_toy"
    default_auto_field = "django.db.models.BigAutoField"
