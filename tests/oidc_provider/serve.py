"""python -m tests.oidc_provider.serve PORT: a fresh database, the client Torget is, the
people in PEOPLE, then serve on 127.0.0.1:PORT until stopped."""

import sys

import django
from django.core.management import call_command


def main(port: int) -> None:
    django.setup()
    from django.contrib.auth.models import User
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    from tests.oidc_provider import CALLBACKS, CLIENT_ID, CLIENT_SECRET, PASSWORD, PEOPLE

    call_command("migrate", verbosity=0)
    Application.objects.create(
        name="Torget",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(CALLBACKS),
        algorithm=Application.RS256_ALGORITHM,
    )
    for number in PEOPLE:
        User.objects.create_user(username=number, password=PASSWORD)
    run("127.0.0.1", port, get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
