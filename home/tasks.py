from django_tasks import task


@task()
def email_send(*, email_id: int) -> bool:
    from home.services import email_deliver

    return email_deliver(email_id=email_id)
