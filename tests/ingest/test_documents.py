from datetime import date

import pytest

from fogline.ingest import document_id
from fogline.ingest.documents import (
    Defaults,
    Fields,
    build_document,
    parse_published,
    take_fields,
)
from fogline.ingest.problems import Problem


def test_document_id_is_stable_across_whitespace_and_unicode_composition():
    one = document_id("The general said the troops hold.\n\nThey advanced.")
    assert one == document_id("  The general  said the troops hold.\r\n They\tadvanced.\n")
    assert one == document_id("The general said the troops hold. They advanced.")
    assert document_id("Caf\u00e9") == document_id("Cafe\u0301")


def test_document_id_is_a_short_hex_content_hash():
    ident = document_id("Some report.")
    assert len(ident) == 16
    assert int(ident, 16) >= 0
    assert ident != document_id("Some other report.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-10", date(2025, 3, 10)),
        (" 2025-03-10 ", date(2025, 3, 10)),
        ("2025-03-10T08:00:00Z", date(2025, 3, 10)),
        ("2025-03-10T23:30:00-05:00", date(2025, 3, 10)),
        ("2025-03-10 08:00", date(2025, 3, 10)),
        ("2025-13-40", None),
        ("20250310", None),
        ("10 March 2025", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published_keeps_the_date_of_iso_dates_and_datetimes(value, expected):
    assert parse_published(value) == expected


def test_take_fields_reads_known_keys_and_ignores_the_rest():
    fields, problems = take_fields(
        {
            "title": "  Troops  hold ",
            "outlet": "Tarn Wire",
            "author": "Jane Roe",
            "published_at": "2025-03-10",
            "url": "https://example.org/a",
            "language": "en",
            "tags": ["x"],
            "id": 7,
        },
        "a.jsonl:1",
    )
    assert problems == []
    assert fields == Fields(
        title="Troops hold",
        outlet="Tarn Wire",
        author="Jane Roe",
        published_at=date(2025, 3, 10),
        url="https://example.org/a",
        language="en",
    )


def test_take_fields_reports_wrong_types_and_bad_dates_but_keeps_the_rest():
    fields, problems = take_fields(
        {"title": 5, "author": None, "outlet": "", "published_at": "xyz"}, "f.jsonl:3"
    )
    assert fields == Fields()
    assert problems == [
        Problem("f.jsonl:3", "title is not a string; ignored"),
        Problem("f.jsonl:3", "published_at 'xyz' is not YYYY-MM-DD; date ignored"),
    ]


def test_defaults_fill_only_what_the_file_does_not_give():
    defaults = Defaults(published=date(2024, 1, 1), outlet="CLI outlet")
    given = Fields(outlet="Own outlet", published_at=date(2025, 3, 10))
    document = build_document("Text.", given, path="a.txt", defaults=defaults)
    assert (document.outlet, document.published_at) == ("Own outlet", date(2025, 3, 10))
    document = build_document("Text.", Fields(), path="a.txt", defaults=defaults)
    assert (document.outlet, document.published_at) == ("CLI outlet", date(2024, 1, 1))
    assert document.id == document_id("Text.")
    assert document.path == "a.txt"
    assert document.language is None
