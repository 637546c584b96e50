from django_tasks import task


@task()
def notifications_send() -> int:
    from forums.notifications import notifications_send as send

    return send()
