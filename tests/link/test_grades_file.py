"""``grades.toml``: the analyst's grade corrections, written whole and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.errors import ConfigError
from fogline.link.grades_file import load_grades, set_grade

HOSTILE = 'Bob "the" [grades]\n = "A"\x1b'


def test_set_change_and_clear(tmp_path: Path) -> None:
    path = tmp_path / "grades.toml"
    assert load_grades(path) == {} and load_grades(None) == {}
    assert set_grade(path, "  Kerevian   military bloggers ", "e") == {
        "Kerevian military bloggers": "E"
    }
    set_grade(path, HOSTILE, "B")
    set_grade(path, "KEREVIAN MILITARY BLOGGERS", "D")  # one correction per name, any case
    assert load_grades(path) == {"KEREVIAN MILITARY BLOGGERS": "D", " ".join(HOSTILE.split()): "B"}
    set_grade(path, "kerevian military bloggers", None)
    assert list(load_grades(path)) == [" ".join(HOSTILE.split())]
    assert path.read_text(encoding="utf-8").startswith("# fogline grades")


@pytest.mark.parametrize(
    ("name", "grade", "message"),
    [("", "A", "name the source"), ("X", "G", "not one of A-F"), ("X", "AB", "not one of")],
)
def test_bad_corrections_are_refused(tmp_path: Path, name: str, grade: str, message: str) -> None:
    path = tmp_path / "grades.toml"
    with pytest.raises(ConfigError, match=message):
        set_grade(path, name, grade)
    assert not path.exists()


@pytest.mark.parametrize(
    "text", ['[grades]\nX = "Z"\n', "grades = 3\n", "[grades\n", "[grades]\nX = 1\n"]
)
def test_a_damaged_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "grades.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"grades\.toml"):
        load_grades(path)
