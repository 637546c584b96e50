"""Reads about one account."""

from home import personal_data


def deletion_summary(user) -> dict[str, list[str]]:
    """What deleting the account touches, in the sentences each app declared, counted, so the
    page can say it plainly: `consequences` happen whatever the person chooses; `writing` is
    what they wrote, whose fate they choose on the page."""
    summary = {"consequences": [], "writing": []}
    for item in personal_data.counts():
        if item.count is None:
            sentence = str(item.sentence)
        else:
            counter = item.count(user)
            if not counter:
                continue
            sentence = item.sentence % {"counter": counter}
        summary["writing" if item.writing else "consequences"].append(sentence)
    return summary
