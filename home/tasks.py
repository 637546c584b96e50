from django_tasks import task

# Before Wagtail's own tasks (search and reference index updates, which publishing many pages
# queues by the thousand): a confirmation must not wait behind them.
EMAIL_PRIORITY = 50


@task(priority=EMAIL_PRIORITY)
def email_send(*, email_id: int) -> bool:
    from home.services import email_deliver

    return email_deliver(email_id=email_id)
