from django_tasks import task

# Before Wagtail's own tasks (search and reference index updates, which publishing many pages
# queues by the thousand): a confirmation must not wait behind them.
EMAIL_PRIORITY = 50


@task(priority=EMAIL_PRIORITY)
def email_send(*, email_id: int) -> bool:
    from home.services import email_deliver

    return email_deliver(email_id=email_id)


@task()
def renditions_make(*, image_id: int) -> int:
    """Every rendition the templates show of an image (home.images)."""
    from wagtail.images import get_image_model

    from home import images

    image = get_image_model().objects.filter(pk=image_id).first()
    return images.renditions_encode(image) if image else 0
