"""The questions draft: what `fogline questions --draft` writes reads back the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fogline.errors import ConfigError
from fogline.link.config import load_questions
from fogline.link.questions_file import (
    DERIVED_TEXT,
    append_question,
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


def test_asking_creates_the_file_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    qid = append_question(path, "  Who holds\nKell? ", ["The north holds it.", HOSTILE], ["Kell"])
    (q,) = load_questions(path)
    assert (qid, q.id, q.text, q.about) == ("q1", "q1", "Who holds Kell?", ("Kell",))
    assert [h.id for h in q.hypotheses] == ["q1-h1", "q1-h2"]
    assert q.hypotheses[1].text == " ".join(HOSTILE.split())


def test_asking_again_keeps_the_analysts_file(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    write_questions(path, render_questions([question()], PROPOSITIONS))
    path.write_text(path.read_text() + "# my own note\n")
    qid = append_question(path, "Was the bridge destroyed?", ["Yes, by floods.", "No."])
    assert qid == "q2" and "# my own note" in path.read_text()
    first, second = load_questions(path)
    assert first.id == "kell" and len(first.hypotheses) == 2
    assert (second.id, [h.text for h in second.hypotheses]) == ("q2", ["Yes, by floods.", "No."])


@pytest.mark.parametrize(
    ("text", "hypotheses", "message"),
    [
        ("", ["a", "b"], "question is empty"),
        ("Q?", ["only one"], "at least two"),
        ("Q?", ["a", "  "], "at least two"),
        ("Q?", ["Same.", "same."], "same wording"),
        ("Who holds the bridge at Kell?", ["a", "b"], "already asks"),
    ],
)
def test_a_bad_question_is_refused_and_the_file_kept(
    tmp_path: Path, text: str, hypotheses: list[str], message: str
) -> None:
    path = tmp_path / "questions.toml"
    write_questions(path, render_questions([question()], PROPOSITIONS))
    before = path.read_text()
    with pytest.raises(ConfigError, match=message):
        append_question(path, text, hypotheses)
    assert path.read_text() == before


def test_a_damaged_file_is_not_appended_to(tmp_path: Path) -> None:
    path = tmp_path / "questions.toml"
    path.write_text("[[questions]\n")
    with pytest.raises(ConfigError):
        append_question(path, "Q?", ["a", "b"])
    assert path.read_text() == "[[questions]\n"
