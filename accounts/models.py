from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account; residents sign in with their email address."""

    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown next to what you write. Leave empty to stay anonymous."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails we send you."),
    )

    class ReplyEmails(models.TextChoices):
        HOURLY = "hourly", _("Right away, at most once an hour for each thread")
        DAILY = "daily", _("One summary a day")
        NEVER = "never", _("No emails about replies")

    reply_emails = models.CharField(
        _("emails about what you follow in the forum"),
        max_length=10,
        choices=ReplyEmails.choices,
        default=ReplyEmails.HOURLY,
    )

    reminder_emails = models.BooleanField(
        _("meeting reminders"),
        default=True,
        help_text=_("An email about a day before a meeting you are registered for."),
    )
    proposal_emails = models.BooleanField(
        _("emails about proposals"),
        default=True,
        help_text=_("When a proposal you made or support changes status or gets an answer."),
    )

    class Trust(models.TextChoices):
        AUTOMATIC = "auto", _("Automatic: trusted after enough approved posts")
        TRUSTED = "trusted", _("Trusted: posts directly")
        UNTRUSTED = "untrusted", _("Not trusted: every post waits for a moderator")

    trust = models.CharField(
        _("trust"), max_length=10, choices=Trust.choices, default=Trust.AUTOMATIC
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        return self.display_name or _("Resident")


def user_display(user):
    return user.display_name or user.email


def verified_email():
    """True for a user (in a query over users) whose email address is confirmed."""
    from allauth.account.models import EmailAddress

    # Lower() on both sides: `iexact` against a column would not escape "_" in a LIKE pattern.
    return models.Exists(
        EmailAddress.objects.alias(lowered=Lower("email")).filter(
            user=models.OuterRef("pk"), lowered=Lower(models.OuterRef("email")), verified=True
        )
    )


def has_verified_email(user) -> bool:
    """Whether this visitor may take part: logged in with a confirmed email address."""
    return user.is_authenticated and User.objects.filter(verified_email(), pk=user.pk).exists()


class VerificationQuerySet(models.QuerySet):
    def held_by(self, person_hash: str):
        """The verification an e-identified person gave, with its account, if any."""
        return self.select_related("user").filter(person_hash=person_hash).first()

    def listed(self, query: str = ""):
        """Newest first with their accounts, matching an email address or name when asked."""
        found = self.select_related("user").order_by("-verified_at", "-pk")
        if query:
            found = found.filter(
                models.Q(user__email__icontains=query)
                | models.Q(user__display_name__icontains=query)
            )
        return found


class Verification(models.Model):
    """That a person is known to be one person (issue 20): how and when, and for
    e-identification a keyed hash of the provider's person claim, so that one person cannot
    verify two accounts. Nothing else from the provider or from an identity document is
    kept. Deleted with the account, or by the person."""

    class Method(models.TextChoices):
        EID = "eid", _("e-identification")
        IN_PERSON = "in_person", _("in person")

    class Document(models.TextChoices):
        """What an organiser saw at the door; kept only in the registration log."""

        PASSPORT = "passport", _("Passport")
        NATIONAL_ID = "national_id", _("National identity card")
        DRIVING_LICENCE = "driving_licence", _("Swedish driving licence")
        TAX_AGENCY_ID = "tax_agency_id", _("Identity card from the Swedish Tax Agency")
        RESIDENCE_PERMIT = "residence_permit", _("Residence permit card")
        OTHER = "other", _("Other identity document with a photo")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="verification",
        verbose_name=_("account"),
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    verified_at = models.DateTimeField(_("verified"))
    # HMAC-SHA256 of the person claim with TORGET_VERIFICATION_SECRET; never shown to anyone.
    person_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    objects = VerificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.get_method_display()} {self.verified_at:%Y-%m-%d}"


class Session(AbstractBaseSession):
    """A session kept with the account signed in to it (accounts.sessions): a signed-in
    request reads both in one query. Deleted with the account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )

    @classmethod
    def get_session_store_class(cls):
        from accounts.sessions import SessionStore

        return SessionStore
