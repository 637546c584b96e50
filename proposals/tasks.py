from django_tasks import task


@task()
def status_change_send(*, proposal_id: int, status: str, verdict: str) -> int:
    from proposals.notifications import status_change_send as send

    return send(proposal_id=proposal_id, status=status, verdict=verdict)
