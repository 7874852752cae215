from __future__ import annotations

from datetime import date

import pytest

from fogline.link.actors import core_name, is_anonymous, link_actors, name_key
from fogline.link.config import KnownActor, Sides
from fogline.records import ActorKind, Document, Statement


def statement(
    sid: str,
    doc: str,
    speaker: str,
    hint: str | None = None,
    resolved: str | None = None,
    resolution: str = "name",
) -> Statement:
    return Statement(
        id=sid,
        document_id=doc,
        sentence_index=0,
        speaker=speaker,
        speaker_start=0,
        speaker_end=len(speaker),
        cue="said",
        cue_start=0,
        cue_end=0,
        content="x",
        content_start=0,
        content_end=1,
        direct=False,
        speaker_hint=hint,
        resolved_speaker=resolved,
        resolution=resolution,
    )


def test_name_key_strips_titles_and_possessives() -> None:
    assert name_key("Gen. Jane Doe") == "jane doe"
    assert name_key("the General Staff's") == "staff"
    assert name_key("President Oskar Vell") == "oskar vell"


def test_speakers_merge_across_forms_and_documents() -> None:
    sides = Sides(labels={"k": "K"}, keywords={"k": ("Kerevian",)})
    docs = [
        Document(id="d1", text="", outlet="Wire", published_at=date(2025, 3, 1)),
        Document(id="d2", text="", outlet="Daily"),
    ]
    statements = [
        statement("s1", "d1", "General Jane Doe", hint="General Jane Doe, the Kerevian chief"),
        statement("s2", "d2", "Doe"),
        statement("s3", "d2", "the general", resolved="General Jane Doe", resolution="descriptor"),
        statement("s4", "d2", "He", resolution="unresolved"),
        statement("s5", "d1", "Kerevian military bloggers"),
    ]
    index = link_actors(docs, statements, sides)
    assert index.by_statement["s1"] == index.by_statement["s2"] == index.by_statement["s3"]
    assert "s4" not in index.by_statement
    actors = {a.id: a for a in index.actors}
    doe = actors[index.by_statement["s1"]]
    assert doe.kind == ActorKind.PERSON and doe.side == "k"
    assert "Doe" in doe.aliases
    bloggers = actors[index.by_statement["s5"]]
    assert bloggers.kind == ActorKind.GROUP and bloggers.side == "k"
    assert bloggers.anonymous and not doe.anonymous
    assert actors[index.by_document["d1"]].kind == ActorKind.OUTLET
    assert not actors[index.by_document["d1"]].anonymous


def test_known_actor_aliases_and_grade() -> None:
    sides = Sides(
        labels={"n": "N"},
        keywords={},
        actors=(KnownActor("Ada Quill", ActorKind.PERSON, "n", "B", ("Quill",)),),
    )
    docs = [Document(id="d1", text="")]
    index = link_actors(docs, [statement("s1", "d1", "Gen. Quill")], sides)
    actor = next(a for a in index.actors if a.id == index.by_statement["s1"])
    assert (actor.name, actor.side, actor.grade) == ("Ada Quill", "n", "B")


def test_the_analysts_grade_correction_wins() -> None:
    known = (KnownActor("Ada Quill", ActorKind.PERSON, "n", "B", ("Quill",)),)
    docs = [Document(id="d1", text="")]
    statements = [statement("s1", "d1", "Gen. Quill"), statement("s2", "d1", "Kell Courier")]
    sides = Sides(labels={"n": "N"}, actors=known, grades={"quill": "E", "The Kell Courier": "A"})
    index = link_actors(docs, statements, sides)
    grades = {a.name: a.grade for a in index.actors}
    assert grades["Ada Quill"] == "E"  # by an alias, over sides.toml's B
    assert grades["Kell Courier"] == "A"  # an actor found in the corpus, by its name key


def test_core_name_drops_the_role_in_front() -> None:
    from fogline.link.actors import core_name

    assert core_name("Selm Region governor Rostan Vereko") == "Rostan Vereko"
    assert core_name("Military expert Yarin Kostelets") == "Yarin Kostelets"
    assert core_name("Defence Ministry spokesman Major General Arkady Tolm") == (
        "Major General Arkady Tolm"
    )
    assert core_name("Kerevian military bloggers") == "Kerevian military bloggers"
    assert core_name("General Ilse Marren") == "General Ilse Marren"
    assert core_name("the chief of the General Staff") == "the chief of the General Staff"


@pytest.mark.parametrize(
    ("speaker", "anonymous"),
    [
        ("officials", True),
        ("Officials in the south", True),
        ("a source close to the ministry", True),
        ("Kerevian military bloggers", True),
        ("a senior official", True),
        ("people familiar with the matter", True),
        ("Western diplomats", True),
        ("Ilse Marren", False),
        ("the Defence Ministry", False),
        ("Kerevia's chief of staff", False),
        ("Selm Region governor Rostan Vereko", False),
        ("spokesman of the ministry", False),
    ],
)
def test_anonymity_is_a_speaker_that_names_no_one(speaker: str, anonymous: bool) -> None:
    sides = Sides()
    index = link_actors([Document(id="d1", text="")], [statement("s1", "d1", speaker)], sides)
    actor = next(a for a in index.actors if a.id == index.by_statement["s1"])
    assert actor.anonymous is anonymous
    assert is_anonymous(core_name(speaker), actor.kind) is anonymous


def test_a_known_actor_is_never_anonymous() -> None:
    sides = Sides(actors=(KnownActor("Military bloggers", ActorKind.GROUP),))
    index = link_actors(
        [Document(id="d1", text="")], [statement("s1", "d1", "military bloggers")], sides
    )
    assert not next(a for a in index.actors if a.id == index.by_statement["s1"]).anonymous
