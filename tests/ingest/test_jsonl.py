import json
from datetime import date

from fogline.ingest.documents import Defaults, document_id
from fogline.ingest.jsonl import read_jsonl
from fogline.ingest.problems import Problem

NO_DEFAULTS = Defaults()


def lines(*rows: object) -> str:
    return "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"


def test_good_lines_become_documents_with_their_metadata():
    text = lines(
        {
            "text": "The general said the troops hold.",
            "title": "Troops hold",
            "url": "https://example.org/1",
            "outlet": "Tarn Wire",
            "author": "Jane Roe",
            "published_at": "2025-03-10T22:15:00+03:00",
            "language": "en",
            "extra": {"ignored": True},
        },
        {"text": "Second report."},
    )
    documents, problems = read_jsonl(text, path="feed.jsonl", defaults=NO_DEFAULTS)
    assert problems == []
    first, second = documents
    assert first.text == "The general said the troops hold."
    assert first.id == document_id(first.text)
    assert (first.title, first.url, first.outlet, first.author, first.language) == (
        "Troops hold",
        "https://example.org/1",
        "Tarn Wire",
        "Jane Roe",
        "en",
    )
    assert first.published_at == date(2025, 3, 10)
    assert first.path == "feed.jsonl"
    assert second.title is None
    assert second.published_at is None


def test_bad_lines_are_reported_with_line_numbers_and_good_lines_still_come_through():
    text = lines(
        {"text": "Line one is fine."},
        "",
        "not json at all",
        "[1, 2, 3]",
        '"just a string"',
        {"title": "no text here"},
        {"text": "   \n  "},
        {"text": 42},
        '{"text": "cut off',
        "[" * 100_000,
        "   ",
        {"text": "Line twelve is fine too.", "published_at": "soon", "title": ["x"]},
    )
    documents, problems = read_jsonl(text, path="f.jsonl", defaults=NO_DEFAULTS)
    assert [d.text for d in documents] == ["Line one is fine.", "Line twelve is fine too."]
    assert documents[1].published_at is None
    assert [(p.path, p.reason) for p in problems] == [
        ("f.jsonl:3", "not valid JSON (Expecting value at column 1)"),
        ("f.jsonl:4", "not a JSON object (found an array)"),
        ("f.jsonl:5", "not a JSON object (found a string)"),
        ("f.jsonl:6", "no 'text' field"),
        ("f.jsonl:7", "'text' is empty"),
        ("f.jsonl:8", "'text' is not a string"),
        ("f.jsonl:9", "not valid JSON (Unterminated string starting at column 10)"),
        ("f.jsonl:10", "not valid JSON (too large or too deeply nested)"),
        ("f.jsonl:12", "title is not a string; ignored"),
        ("f.jsonl:12", "published_at 'soon' is not YYYY-MM-DD; date ignored"),
    ]
    assert str(problems[0]) == "f.jsonl:3: not valid JSON (Expecting value at column 1)"


def test_defaults_fill_only_missing_metadata():
    text = lines(
        {"text": "Own.", "outlet": "Own outlet", "published_at": "2025-03-10"},
        {"text": "Bare.", "outlet": None},
    )
    defaults = Defaults(published=date(2024, 1, 1), outlet="CLI outlet")
    own, bare = read_jsonl(text, path="f.jsonl", defaults=defaults)[0]
    assert (own.outlet, own.published_at) == ("Own outlet", date(2025, 3, 10))
    assert (bare.outlet, bare.published_at) == ("CLI outlet", date(2024, 1, 1))


def test_text_is_cleaned_and_unicode_line_separators_do_not_split_records():
    text = lines({"text": "donâ€™t\u2028stop\r\n\r\nnext paragraph  "}, {"text": "B"})
    documents, problems = read_jsonl(text, path="f.jsonl", defaults=NO_DEFAULTS)
    assert problems == []
    assert [d.text for d in documents] == ["don\u2019t\nstop\n\nnext paragraph", "B"]


def test_crlf_files_and_a_missing_final_newline_are_fine():
    text = '{"text": "A"}\r\n{"text": "B"}'
    documents, problems = read_jsonl(text, path="f.jsonl", defaults=NO_DEFAULTS)
    assert ([d.text for d in documents], problems) == (["A", "B"], [])


def test_hostile_text_stays_text():
    hostile = "<script>alert(1)</script> {{7*7}} __import__('os').system('x')"
    documents, _ = read_jsonl(lines({"text": hostile}), path="f.jsonl", defaults=NO_DEFAULTS)
    assert documents[0].text == hostile


def test_problem_type_is_the_shared_one():
    _, problems = read_jsonl("oops\n", path="f.jsonl", defaults=NO_DEFAULTS)
    assert problems == [Problem("f.jsonl:1", "not valid JSON (Expecting value at column 1)")]
