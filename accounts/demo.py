from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.services import (
    EDITORS,
    MODERATORS,
    ORGANISERS,
    SAFETY_COORDINATORS,
    staff_groups_ensure,
)

DEMO_PASSWORD = "demo"  # noqa: S105 - printed by `make run`, refused without DEBUG

DEMO_USERS = [
    # email, display name, groups, superuser
    ("admin@example.org", "Administratör", [], True),
    ("redaktor@example.org", "Redaktör Rut", [EDITORS], False),
    ("moderator@example.org", "Moderator Mo", [MODERATORS], False),
    ("arrangor@example.org", "Arrangör Ali", [ORGANISERS], False),
    ("samordnare@example.org", "Samordnare Sam", [SAFETY_COORDINATORS], False),
    ("boende@example.org", "Boende Bo", [], False),
    ("forening@example.org", "Föreningsmedlem Fia", [], False),
    ("ny@example.org", "Nyinflyttad Nora", [], False),
]


def roles() -> list[tuple[str, str]]:
    """Each demo account's email and what it may do, for `make run` to print."""
    return [
        (email, "superuser" if superuser else ", ".join(groups) or "resident")
        for email, _, groups, superuser in DEMO_USERS
    ]


def seed() -> None:
    """Create the demo accounts with verified emails."""
    staff_groups_ensure()
    for email, display_name, group_names, superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={"email": email, "display_name": display_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_superuser = superuser
        user.is_staff = superuser
        # The demo's people post directly, except the newcomer whose posts show the queue.
        new = email.startswith("ny@")
        user.trust = User.Trust.AUTOMATIC if new else User.Trust.TRUSTED
        user.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
