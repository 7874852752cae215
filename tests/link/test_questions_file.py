"""The questions draft: what `fogline questions --draft` writes reads back the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fogline.errors import ConfigError
from fogline.link.config import load_questions
from fogline.link.questions_file import (
    DERIVED_TEXT,
    candidates,
    render_questions,
    toml_string,
    write_questions,
)

HOSTILE = 'He said "no"\n]]\n[[questions]]\nid = "x" \\ \x7f \x1b[31m \u2028 end'


def question(**extra: Any) -> dict[str, Any]:
    return {
        "id": "kell",
        "text": "Who holds the bridge at Kell?",
        "derived": False,
        "about": ["Kell"],
        "hypotheses": [
            {"id": "north", "text": "The north holds it.", "favours": "north", "phrasings": []},
            {"id": "south", "text": HOSTILE, "favours": None, "phrasings": ["The south won."]},
        ],
        **extra,
    }


PROPOSITIONS = [
    {"id": "p1", "text": "The north holds it.", "n_sources": 5},
    {"id": "p2", "text": "The bridge was destroyed.", "n_sources": 3},
    {"id": "p3", "text": "A lone voice.", "n_sources": 1},
    {"id": "p4", "text": "Reinforcements arrived.", "n_sources": 4},
]


def test_hostile_text_round_trips_through_a_toml_string() -> None:
    import tomllib

    assert tomllib.loads(f"v = {toml_string(HOSTILE)}")["v"] == HOSTILE


def test_a_draft_reads_back_as_the_same_questions(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    write_questions(path, render_questions([question()], PROPOSITIONS))
    (loaded,) = load_questions(path)
    assert (loaded.id, loaded.text, loaded.about) == ("kell", question()["text"], ("Kell",))
    assert [(h.id, h.text, h.favours, h.phrasings) for h in loaded.hypotheses] == [
        ("north", "The north holds it.", "north", ()),
        ("south", HOSTILE, None, ("The south won.",)),
    ]
    assert not loaded.derived


def test_candidates_are_commented_out_and_skip_the_hypotheses() -> None:
    chosen = candidates(question(), PROPOSITIONS, limit=8)
    assert [(c["id"], c["text"]) for c in chosen] == [
        ("c1", "Reinforcements arrived."),
        ("c2", "The bridge was destroyed."),
    ]
    text = render_questions([question()], PROPOSITIONS)
    assert '# text = "Reinforcements arrived."' in text
    assert candidates(question(), PROPOSITIONS, limit=1)[0]["text"] == "Reinforcements arrived."


def test_uncommenting_a_candidate_adds_a_hypothesis(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    text = render_questions([question()], PROPOSITIONS)
    lines = text.splitlines()
    at = lines.index('# text = "Reinforcements arrived."')
    edited = [line[2:] if at - 2 <= i <= at else line for i, line in enumerate(lines)]
    path.write_text("\n".join(edited))
    (loaded,) = load_questions(path)
    assert [h.id for h in loaded.hypotheses] == ["north", "south", "c1"]


def test_a_derived_question_gets_a_neutral_text(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    derived = question(id="derived", text="Which ... (derived; edit questions.toml)", derived=True)
    write_questions(path, render_questions([derived], []))
    (loaded,) = load_questions(path)
    assert loaded.text == DERIVED_TEXT and not loaded.derived


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    path.write_text("# mine\n")
    with pytest.raises(ConfigError, match="already exists"):
        write_questions(path, render_questions([question()], []))
    assert path.read_text() == "# mine\n"
    write_questions(path, render_questions([question()], []), force=True)
    assert load_questions(path)[0].id == "kell"
    assert not (tmp_path / "questions.toml.tmp").exists()
