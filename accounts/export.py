"""Everything stored about one account, for "My data": read only, nothing of other people.
Each app declares its sections (home.personal_data); this only gathers them."""

from django.utils.translation import gettext

from home import personal_data as declared


def personal_data(user) -> list[dict]:
    """Sections in the order a person would look for them (the account first); each has a key
    (for the JSON), a heading, the labels of its values and rows of plain values."""
    return [
        {
            "key": section.key,
            "heading": section.heading,
            "labels": section.labels,
            "rows": list(section.rows(user)),
        }
        for section in declared.sections()
    ]


def readable(sections: list[dict]) -> list[dict]:
    """The same sections with labelled, printable values, for the page."""

    def shown(value):
        if value is None or value == "" or value == []:
            return "–"
        if value is True or value is False:
            return gettext("yes") if value else gettext("no")
        if isinstance(value, list):
            return " · ".join(str(item) for item in value)
        return value

    return [
        {
            **section,
            "rows": [
                [(section["labels"].get(key, key), shown(value)) for key, value in row.items()]
                for row in section["rows"]
            ],
        }
        for section in sections
    ]
