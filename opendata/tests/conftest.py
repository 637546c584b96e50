from surveys.tests.conftest import question  # noqa: F401 - a survey question for the downloads
