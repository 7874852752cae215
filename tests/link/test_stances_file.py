"""``stances.toml``: the analyst's stance corrections, written whole and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.errors import ConfigError
from fogline.link.stances_file import load_stance_corrections, set_stances
from fogline.records import StanceLabel


def test_set_replace_and_drop(tmp_path: Path) -> None:
    path = tmp_path / "stances.toml"
    assert load_stance_corrections(path) == {} and load_stance_corrections(None) == {}
    set_stances(path, ["c1", " c2 ", ""], "q", "h1", "Refutes")
    set_stances(path, ["c1"], "q", "h1", "supports")
    assert load_stance_corrections(path) == {
        ("c1", "q", "h1"): StanceLabel.SUPPORTS,
        ("c2", "q", "h1"): StanceLabel.REFUTES,
    }
    set_stances(path, ["c2"], "q", "h1", None)  # back to the model's reading
    assert list(load_stance_corrections(path)) == [("c1", "q", "h1")]
    set_stances(path, ['c"]]\n[[x'], "q", "h1", "unrelated")  # ids stay text
    assert load_stance_corrections(path)[('c"]]\n[[x', "q", "h1")] is StanceLabel.UNRELATED


@pytest.mark.parametrize(
    ("claims", "label", "message"),
    [([], "supports", "needs the claims"), (["c"], "agrees", "not one of supports")],
)
def test_bad_corrections_are_refused(
    tmp_path: Path, claims: list[str], label: str, message: str
) -> None:
    path = tmp_path / "stances.toml"
    with pytest.raises(ConfigError, match=message):
        set_stances(path, claims, "q", "h", label)
    assert not path.exists()


BAD_LABEL = '[[stances]]\nclaim = "c"\nquestion = "q"\nhypothesis = "h"\nlabel = "x"\n'


@pytest.mark.parametrize(
    "text", ["[[stances]\n", 'stances = "x"\n', '[[stances]]\nclaim = "c"\n', BAD_LABEL]
)
def test_a_damaged_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "stances.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_stance_corrections(path)
