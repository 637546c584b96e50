"""What a page's polls show differently for the person reading them."""

from django.db import connection

from home.cache import reader_part
from polls.models import Vote


def polls_voted_in(user, polls) -> set[int]:
    """Which of `polls` the person has voted in: one small written-out query on every page
    with polls that signed-in residents read (the ORM takes longer to build it than the
    database to answer it), kept for them until a vote or anything else changes."""
    ids = [poll.pk for poll in polls]
    if not ids or not user.is_authenticated:
        return set()

    def asked():
        table = Vote._meta.db_table
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT poll_id FROM {table} WHERE user_id = %s AND poll_id IN ({marks})",  # noqa: S608 - our table, numbers as parameters
                [user.pk, *ids],
            )
            return {row[0] for row in cursor.fetchall()}

    return reader_part(user, "polls-voted", asked, *ids)
