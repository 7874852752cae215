from fogline.ingest.frontmatter import split_front_matter


def test_front_matter_fields_are_read_and_the_body_follows():
    text = (
        "---\n"
        'title: "Troops: holding on"\n'
        "Outlet: 'Tarn Wire'\n"
        "author: Jane Roe\n"
        "published_at: 2025-03-10\n"
        "url: https://example.org/a?x=1\n"
        "language: en\n"
        "category: war\n"
        "---\n"
        "\n"
        "Body line.\n"
    )
    fields, body = split_front_matter(text)
    assert fields == {
        "title": "Troops: holding on",
        "outlet": "Tarn Wire",
        "author": "Jane Roe",
        "published_at": "2025-03-10",
        "url": "https://example.org/a?x=1",
        "language": "en",
    }
    assert body == "\nBody line.\n"


def test_text_without_front_matter_is_unchanged():
    text = "Plain report.\n---\ntitle: not front matter\n---\n"
    assert split_front_matter(text) == ({}, text)


def test_unclosed_front_matter_is_just_text():
    text = "---\ntitle: Never closed\nBody."
    assert split_front_matter(text) == ({}, text)


def test_a_leading_rule_around_prose_is_not_front_matter():
    text = "---\nThe general said: we hold the line.\n---\nMore prose."
    assert split_front_matter(text) == ({}, text)


def test_yaml_comments_lists_and_blank_lines_are_tolerated():
    text = "---\n# a comment\ntags:\n  - war\n- loose item\n\ntitle: T\n---\nBody"
    assert split_front_matter(text) == ({"title": "T"}, "Body")


def test_date_is_an_alias_for_published_at_which_wins():
    assert split_front_matter("---\ndate: 2025-03-10\n---\nB")[0] == {"published_at": "2025-03-10"}
    fields, _ = split_front_matter("---\ndate: 2025-01-01\npublished_at: 2025-03-10\n---\nB")
    assert fields == {"published_at": "2025-03-10"}


def test_quotes_empty_values_and_repeated_keys():
    text = "---\ntitle: 'It''s over'\nauthor:\noutlet: \"\"\ntitle: second\n---\nB"
    assert split_front_matter(text)[0] == {"title": "It's over"}


def test_values_are_never_evaluated():
    text = "---\ntitle: !!python/object/apply:os.system ['echo hi']\nurl: {{7*7}}\n---\nB"
    assert split_front_matter(text)[0] == {
        "title": "!!python/object/apply:os.system ['echo hi']",
        "url": "{{7*7}}",
    }


def test_empty_front_matter_leaves_only_the_body():
    assert split_front_matter("---\n---\nBody") == ({}, "Body")
