"""``speakers.toml``: the analyst's speaker corrections, written whole, read back, applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.errors import ConfigError
from fogline.link.speakers_file import (
    ANALYST,
    MAX_NAME,
    apply_speakers,
    load_speaker_corrections,
    set_speaker,
)
from tests.link.test_actors import statement


def test_set_replace_and_drop(tmp_path: Path) -> None:
    path = tmp_path / "speakers.toml"
    assert load_speaker_corrections(path) == {} and load_speaker_corrections(None) == {}
    set_speaker(path, " s1 ", "  Gen.   Ilse Marren ")
    set_speaker(path, "s2", "the Defence Ministry")
    set_speaker(path, "s2", "Tarn Wire")
    assert load_speaker_corrections(path) == {"s1": "Gen. Ilse Marren", "s2": "Tarn Wire"}
    set_speaker(path, "s1", None)  # back to the parse's reading
    assert load_speaker_corrections(path) == {"s2": "Tarn Wire"}
    set_speaker(path, "s3", 'X"]]\n[[speakers]]\nstatement = "s2"')  # a name stays text
    assert load_speaker_corrections(path)["s2"] == "Tarn Wire"
    assert load_speaker_corrections(path)["s3"].startswith('X"]]')


@pytest.mark.parametrize(
    ("statement", "name", "message"),
    [
        ("", "Marren", "needs the statement"),
        ("s", "  ", "needs a name"),
        ("s", "x" * 201, "at most"),
    ],
)
def test_bad_corrections_are_refused(
    tmp_path: Path, statement: str, name: str, message: str
) -> None:
    path = tmp_path / "speakers.toml"
    assert len("x" * 201) > MAX_NAME
    with pytest.raises(ConfigError, match=message):
        set_speaker(path, statement, name)
    assert not path.exists()


@pytest.mark.parametrize(
    "text", ["[[speakers]\n", 'speakers = "x"\n', '[[speakers]]\nstatement = "s"\n']
)
def test_a_damaged_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "speakers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_speaker_corrections(path)


def test_applied_corrections_replace_the_resolved_speaker_only() -> None:
    kept, corrected = (
        statement(sid, "d", "He", hint="He", resolved="Colonel Brann", resolution="pronoun")
        for sid in ("s1", "s2")
    )
    out = apply_speakers([kept, corrected], {"s2": "Gen. Ilse Marren", "gone": "Nobody"})
    assert out[0] is kept
    assert out[1].resolved_speaker == "Gen. Ilse Marren" and out[1].resolution == ANALYST
    assert out[1].speaker == "He" and out[1].content == corrected.content
    assert out[1].speaker_hint is None
