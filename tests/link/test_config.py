from __future__ import annotations

from pathlib import Path

import pytest

from fogline.errors import ConfigError
from fogline.link.config import load_questions, load_sides

SIDES = """
[sides.north]
label = "The North"
keywords = ["Northern", "Norr"]

[sides.south]
keywords = ["Southern"]

[[actors]]
name = "Ada Quill"
aliases = ["General Quill"]
side = "north"
grade = "b"

[[outlets]]
name = "South Daily"
side = "south"
"""


def test_sides_file(tmp_path: Path) -> None:
    path = tmp_path / "sides.toml"
    path.write_text(SIDES)
    sides = load_sides(path)
    assert sides.labels == {"north": "The North", "south": "south"}
    quill, daily = sides.actors
    assert (quill.name, quill.side, quill.grade, quill.aliases) == (
        "Ada Quill",
        "north",
        "B",
        ("General Quill",),
    )
    assert daily.kind == "outlet"
    assert sides.side_of_text("a Southern commander") == "south"
    assert sides.side_of_text("the Northerners") is None  # whole words only


def test_missing_files_mean_nothing_known(tmp_path: Path) -> None:
    assert load_sides(tmp_path / "none.toml").actors == ()
    assert load_questions(None) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[actors]]\nname = 'X'\nside = 'nowhere'\n", "no \\[sides.nowhere\\]"),
        ("[[actors]]\nname = 'X'\ngrade = 'Z'\n", "not one of A-F"),
        ("not toml = = =", "not valid TOML"),
    ],
)
def test_bad_sides_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sides.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_sides(path)


def test_questions_need_two_distinct_hypotheses(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    path.write_text("[[questions]]\nid='q'\ntext='?'\n[[questions.hypotheses]]\nid='a'\ntext='A'\n")
    with pytest.raises(ConfigError, match="at least two"):
        load_questions(path)
    path.write_text(
        "[[questions]]\nid='q'\ntext='?'\n[[questions.hypotheses]]\nid='a'\ntext='A'\n"
        "favours='north'\nphrasings=['A too']\n[[questions.hypotheses]]\nid='b'\ntext='B'\n"
    )
    (question,) = load_questions(path)
    assert [h.id for h in question.hypotheses] == ["a", "b"]
    assert question.hypotheses[0].phrasings == ("A too",)
