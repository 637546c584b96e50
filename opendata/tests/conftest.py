from surveys.tests.conftest import question  # noqa: F401 - a survey question for the downloads

# The published SHACL shapes, their licences and sources: data for test_dcat_shapes.py.
collect_ignore = ["shapes"]
