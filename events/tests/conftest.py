import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the emails) when the block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
