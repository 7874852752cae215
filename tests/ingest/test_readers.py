import json
import os
from datetime import date
from pathlib import Path

import pytest

from fogline.ingest import MAX_BYTES, Problem, ReadResult, document_id, read_path

from .samples import PAGE, PARAGRAPHS, PNG_BYTES


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_document(result: ReadResult):
    assert result.problems == ()
    (document,) = result.documents
    return document


def refusal(result: ReadResult) -> str:
    assert result.documents == ()
    (problem,) = result.problems
    return problem.reason


def test_plain_text_file(tmp_path):
    path = write(tmp_path, "report.txt", "The general said the troops hold.\n\nSecond paragraph.\n")
    document = only_document(read_path(path))
    assert document.text == "The general said the troops hold.\n\nSecond paragraph."
    assert document.id == document_id(document.text)
    assert document.path == str(path)
    assert (document.title, document.outlet, document.published_at, document.language) == (
        None,
        None,
        None,
        None,
    )


def test_text_front_matter_and_command_line_defaults(tmp_path):
    path = write(
        tmp_path,
        "a.txt",
        "---\ntitle: 'Troops hold'\noutlet: Tarn Wire\nauthor: Jane Roe\n"
        "published_at: 2025-03-10\nurl: https://example.org/a\nlanguage: en\n---\nBody text.",
    )
    document = only_document(read_path(path, published=date(2024, 1, 1), outlet="CLI"))
    assert document.text == "Body text."
    assert (document.title, document.outlet, document.author) == (
        "Troops hold",
        "Tarn Wire",
        "Jane Roe",
    )
    assert (document.published_at, document.url, document.language) == (
        date(2025, 3, 10),
        "https://example.org/a",
        "en",
    )
    bare = only_document(
        read_path(write(tmp_path, "b.txt", "Body text."), published=date(2024, 1, 1), outlet="CLI")
    )
    assert (bare.outlet, bare.published_at) == ("CLI", date(2024, 1, 1))
    assert bare.id == document.id  # same report text, same id


def test_bad_front_matter_date_keeps_the_document_and_reports_it(tmp_path):
    path = write(tmp_path, "a.md", "---\npublished_at: xyz\n---\nBody.")
    result = read_path(path, published=date(2024, 1, 1))
    (document,) = result.documents
    assert document.published_at == date(2024, 1, 1)
    assert result.problems == (
        Problem(str(path), "published_at 'xyz' is not YYYY-MM-DD; date ignored"),
    )


def test_markdown_is_stripped_and_its_heading_is_the_title(tmp_path):
    path = write(tmp_path, "a.md", "# Troops *hold*\n\nThe **general** said [so](https://x.org).\n")
    document = only_document(read_path(path))
    assert document.title == "Troops hold"
    assert document.text == "Troops hold\n\nThe general said so."


def test_front_matter_title_wins_over_the_heading(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Given\n---\n# Heading\n\nBody.")
    assert only_document(read_path(path)).title == "Given"


def test_text_files_keep_markdown_characters(tmp_path):
    path = write(tmp_path, "a.txt", "# not a heading in .txt\n*kept*")
    document = only_document(read_path(path))
    assert document.text == "# not a heading in .txt\n*kept*"
    assert document.title is None


def test_html_file(tmp_path):
    document = only_document(read_path(write(tmp_path, "page.html", PAGE), outlet="CLI"))
    assert PARAGRAPHS[1] in document.text
    assert "PAYLOAD" not in document.text
    assert (document.title, document.outlet, document.author) == (
        "Troops hold terrain near Belgorod",
        "Tarn Wire",
        "Jane Roe",
    )
    assert document.published_at == date(2025, 3, 10)
    assert document.url == "https://tarnwire.example/world/belgorod"


def test_legacy_encoded_html_uses_its_meta_charset(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        PARAGRAPHS[0], "Генерал заявил: войска держат оборону. " + PARAGRAPHS[0]
    )
    path = write(tmp_path, "page.htm", page.encode("cp1251"))
    assert "Генерал заявил: войска держат оборону." in only_document(read_path(path)).text


def test_html_without_main_text_is_a_problem(tmp_path):
    path = write(
        tmp_path, "empty.html", "<html><body><nav>Home</nav><script>x()</script></body></html>"
    )
    assert refusal(read_path(path)) == "no main text found in HTML"


def test_jsonl_file_gives_many_documents_and_line_problems(tmp_path):
    rows = [json.dumps({"text": "One."}), "broken", json.dumps({"text": "Two.", "outlet": "W"})]
    path = write(tmp_path, "feed.jsonl", "\n".join(rows))
    result = read_path(path, outlet="CLI")
    assert [(d.text, d.outlet) for d in result.documents] == [("One.", "CLI"), ("Two.", "W")]
    assert result.problems == (
        Problem(f"{path}:2", "not valid JSON (Expecting value at column 1)"),
    )


def test_utf8_bom_is_stripped(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf---\ntitle: T\n---\nText.")
    document = only_document(read_path(path))
    assert (document.title, document.text) == ("T", "Text.")


def test_windows_1252_file(tmp_path):
    text = "Café naïve — it\u2019s “fine”.\r\nSecond line."
    path = write(tmp_path, "cp.txt", text.encode("cp1252"))
    assert only_document(read_path(path)).text == "Café naïve — it\u2019s “fine”.\nSecond line."


def test_latin1_file(tmp_path):
    path = write(tmp_path, "l1.txt", "Die Straße in München ist schön.".encode("latin-1"))
    assert only_document(read_path(path)).text == "Die Straße in München ist schön."


def test_mojibake_is_repaired(tmp_path):
    path = write(tmp_path, "moji.txt", "The minister said he donâ€™t know â€” yet.")
    assert only_document(read_path(path)).text == "The minister said he don\u2019t know — yet."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t \r\n", "empty file"),
        ("image.txt", PNG_BYTES, "binary file, not text"),
        ("nul.txt", b"Some text\x00with a NUL byte", "binary file, not text"),
        ("nul.jsonl", b'{"text": "a"}\n\x00\x00', "binary file, not text"),
        ("only-front-matter.txt", b"---\ntitle: T\n---\n\n", "no text after the front matter"),
        ("only-markup.md", b"---\n\n***\n", "no text, only markup"),
    ],
)
def test_unusable_files_are_problems_not_errors(tmp_path, name, content, reason):
    assert refusal(read_path(write(tmp_path, name, content))) == reason


def test_over_size_file_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 2048)
    assert refusal(read_path(path, max_bytes=1024)) == "file is 2 KB, over the 1 KB limit"
    assert only_document(read_path(path, max_bytes=2048)).text == "x" * 2048


def test_over_size_message_in_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: nothing is written, and nothing must be read
        handle.truncate(int(25.3 * 1024 * 1024))
    assert refusal(read_path(path)) == "file is 25.3 MB, over the 20 MB limit"
    assert MAX_BYTES == 20 * 1024 * 1024


def test_missing_file_folder_and_unsupported_suffix(tmp_path):
    assert refusal(read_path(tmp_path / "nope.txt")) == "no such file or folder"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert refusal(read_path(folder)) == "is a folder, not a file"
    path = write(tmp_path, "sides.toml", "x = 1")
    assert refusal(read_path(path)).startswith("unsupported file type .toml; fogline reads .txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refusal(read_path(fifo)) == "not a regular file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_problem(tmp_path):
    path = write(tmp_path, "secret.txt", "text")
    path.chmod(0)
    assert refusal(read_path(path)) == "cannot read file (permission denied)"


def test_hostile_text_stays_text(tmp_path):
    hostile = "<script>alert(1)</script> {{7*7}} ${HOME} `rm -rf /` __import__('os')"
    assert only_document(read_path(write(tmp_path, "h.txt", hostile))).text == hostile


def test_same_report_in_different_spacing_gets_the_same_id(tmp_path):
    one = only_document(read_path(write(tmp_path, "one.txt", "A  report.\r\n\r\nTwo.")))
    two = only_document(
        read_path(write(tmp_path, "two.md", "---\ntitle: T\n---\nA report.\nTwo.\n"))
    )
    assert one.id == two.id
    assert one.text != two.text
