"""A small but complete result document (see notes/RESULT_SCHEMA.md) for the presenters.

Three reports on the Selm front: a wire story on a parliamentary hearing, a Kerevian TV
report and a think-tank update. Some text is hostile on purpose: a statement whose content is
a script injection, a speaker whose name carries HTML, a statement with Rich markup, and URLs
with ``&`` and ``<`` in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HTML_SPEAKER = '"Bob" <b>bold</b>'
MARKUP = "[bold red]x[/]"

D_WIRE, D_TV, D_TANK = "a1b2c3d4e5f60718", "b2c3d4e5f6071829", "c3d4e5f60718293a"
S_MARREN, S_VELD, S_TAMM, S_BLOGS, S_ISC, S_BOB = (
    "5a01",
    "5a02",
    "5a03",
    "5a04",
    "5a05",
    "5a06",
)
A_MARREN, A_VELD, A_TAMM, A_BLOGS, A_ISC = "ac01", "ac02", "ac03", "ac04", "ac05"


def _sentences(*texts: str) -> list[dict[str, Any]]:
    out, start = [], 0
    for index, text in enumerate(texts):
        out.append({"index": index, "start": start, "end": start + len(text), "text": text})
        start += len(text) + 1
    return out


def _statement(sid: str, doc: str, index: int, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": sid,
        "document": doc,
        "sentence_index": index,
        "speaker": "",
        "actor": None,
        "actor_name": None,
        "resolution": "unresolved",
        "cue": "said",
        "content": "",
        "direct": False,
        "venue": None,
        "addressee": None,
        "said_at": None,
        "said_at_text": None,
        "event_at": None,
        "event_at_text": None,
        "via": None,
        "hedges": [],
    }
    base.update(fields)
    return base


def make_result() -> dict[str, Any]:
    """A fresh copy of the fixture result, safe to mutate."""
    documents = [
        {
            "id": D_WIRE,
            "title": "General tells hearing Aldmark holds ground in Selm",
            "outlet": "Tarn Wire",
            "author": "Mira Holt",
            "published_at": "2025-03-13",
            "url": "https://tarnwire.example/selm-hearing?ref=rss&x=1",
            "path": "corpus/03-hearing.md",
            "language": "en",
            "n_statements": 2,
            "sentences": _sentences(
                "Fighting continued along the Selm front this week.",
                "General Ilse Marren told a parliamentary defence hearing on Tuesday that "
                "Aldmarkian forces hold good defensive terrain in Selm.",
                '"We hold our positions in Selm," President Oskar Veld said in his nightly '
                "address.",
                "The front line has not moved since February.",
            ),
        },
        {
            "id": D_TV,
            "title": "Kerev TV: breakthrough attempt failed",
            "outlet": "Kerev National TV",
            "author": None,
            "published_at": "2025-03-12",
            "url": None,
            "path": "corpus/05-kerev.html",
            "language": "en",
            "n_statements": 2,
            "sentences": _sentences(
                "Colonel-General Arvo Tamm told national TV that an attempted breakthrough two "
                "weeks ago failed and the areas are being cleared.",
                "Officials gave no casualty figures.",
                f"Kerevian military bloggers claimed the units were repelled {MARKUP} near Kordo.",
            ),
        },
        {
            "id": D_TANK,
            "title": "Selm update <March 14>",
            "outlet": "Institute for Conflict Study",
            "author": None,
            "published_at": "2025-03-14",
            "url": "http://isc.example/update?id=1&x=<y>",
            "path": "corpus/07-isc.html",
            "language": "en",
            "n_statements": 2,
            "sentences": _sentences(
                "This update covers March 13-14.",
                "The Institute assessed that Aldmark likely still holds a sliver of Selm but has "
                "not advanced.",
                "Reports of a major breakthrough are unconfirmed.",
                f"{HTML_SPEAKER} wrote: {SCRIPT}",
            ),
        },
    ]
    statements = [
        _statement(
            S_MARREN,
            D_WIRE,
            1,
            speaker="General Ilse Marren",
            actor=A_MARREN,
            actor_name="Ilse Marren",
            resolution="name",
            cue="told",
            content="Aldmarkian forces hold good defensive terrain in Selm",
            venue="a parliamentary defence hearing",
            said_at="2025-03-11",
            said_at_text="on Tuesday",
        ),
        _statement(
            S_VELD,
            D_WIRE,
            2,
            speaker="President Oskar Veld",
            actor=A_VELD,
            actor_name="Oskar Veld",
            resolution="name",
            cue="said",
            content="We hold our positions in Selm",
            direct=True,
            venue="his nightly address",
        ),
        _statement(
            S_TAMM,
            D_TV,
            0,
            speaker="Colonel-General Arvo Tamm",
            actor=A_TAMM,
            actor_name="Arvo Tamm",
            resolution="name",
            cue="told",
            content="an attempted breakthrough two weeks ago failed and the areas are being "
            "cleared",
            venue="national TV",
            event_at="2025-02-26",
            event_at_text="two weeks ago",
        ),
        _statement(
            S_BLOGS,
            D_TV,
            2,
            speaker="Kerevian military bloggers",
            actor=A_BLOGS,
            actor_name="Kerevian military bloggers",
            resolution="name",
            cue="claimed",
            content=f"the units were repelled {MARKUP} near Kordo",
            via="Kerev National TV",
        ),
        _statement(
            S_ISC,
            D_TANK,
            1,
            speaker="The Institute",
            actor=A_ISC,
            actor_name="Institute for Conflict Study",
            resolution="descriptor",
            cue="assessed",
            content="Aldmark likely still holds a sliver of Selm but has not advanced",
            hedges=["likely"],
        ),
        _statement(
            S_BOB,
            D_TANK,
            3,
            speaker=HTML_SPEAKER,
            cue="wrote",
            content=SCRIPT,
            direct=True,
        ),
    ]
    claims = [
        {
            "id": "c1",
            "document": D_WIRE,
            "statement": S_MARREN,
            "text": "Aldmarkian forces hold good defensive terrain in Selm",
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "check_worthiness": 0.734,
            "proposition": "p1",
        },
        {
            "id": "c2",
            "document": D_WIRE,
            "statement": S_VELD,
            "text": "We hold our positions in Selm",
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "proposition": "p1",
        },
        {
            "id": "c3",
            "document": D_TV,
            "statement": S_TAMM,
            "text": "an attempted breakthrough two weeks ago failed",
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "proposition": "p2",
        },
        {
            "id": "c4",
            "document": D_TV,
            "statement": S_BLOGS,
            "text": "the units were repelled near Kordo",
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "proposition": "p2",
        },
        {
            "id": "c5",
            "document": D_TANK,
            "statement": S_ISC,
            "text": "Aldmark still holds a sliver of Selm",
            "modality": "hedged",
            "hedges": ["likely"],
            "loaded": [],
            "proposition": "p1",
        },
        {
            "id": "c6",
            "document": D_TANK,
            "statement": S_BOB,
            "text": SCRIPT,
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "proposition": None,
        },
        {
            "id": "c7",
            "document": D_WIRE,
            "statement": None,
            "text": "The front line has not moved since February",
            "modality": "asserted",
            "hedges": [],
            "loaded": [],
            "proposition": "p1",
        },
    ]
    hypotheses = [
        {
            "id": "foothold",
            "text": "Aldmark holds a foothold in Selm",
            "favours": "aldmark",
            "probability": 0.71,
            "interval": [0.55, 0.84],
            "majority_vote_share": 0.4,
        },
        {
            "id": "breakthrough",
            "text": "Aldmark broke through in Selm",
            "favours": "aldmark",
            "probability": 0.09,
            "interval": [0.03, 0.2],
            "majority_vote_share": 0.0,
        },
        {
            "id": "repelled",
            "text": "Aldmark was repelled from Selm",
            "favours": "kerev",
            "probability": 0.2,
            "interval": [0.1, 0.35],
            "majority_vote_share": 0.6,
        },
    ]

    def evidence(
        eid: str,
        source: str,
        name: str,
        hyp: str,
        label: str,
        weight: float,
        factors: dict[str, float],
        claim_ids: list[str],
        contrib: list[float],
        absent: bool = False,
    ) -> dict[str, Any]:
        return {
            "id": eid,
            "source": source,
            "source_name": name,
            "hypothesis": hyp,
            "label": label,
            "absent": absent,
            "weight": weight,
            "factors": factors,
            "claims": claim_ids,
            "contributions": dict(
                zip(["foothold", "breakthrough", "repelled"], contrib, strict=True)
            ),
        }

    questions = [
        {
            "id": "selm",
            "text": "Where do Aldmarkian forces stand in Selm Region?",
            "derived": False,
            "hypotheses": hypotheses,
            "majority_vote": "repelled",
            "evidence": [
                evidence(
                    "e1",
                    A_MARREN,
                    "Ilse Marren",
                    "foothold",
                    "supports",
                    0.48,
                    {"reliability": 0.8, "hedging": 1.0, "interest": 0.6, "independence": 1.0},
                    ["c1"],
                    [0.41, -0.2, -0.21],
                ),
                evidence(
                    "e2",
                    A_VELD,
                    "Oskar Veld",
                    "foothold",
                    "supports",
                    0.18,
                    {"reliability": 0.6, "hedging": 1.0, "interest": 0.6, "independence": 0.5},
                    ["c2"],
                    [0.15, -0.07, -0.08],
                ),
                evidence(
                    "e3",
                    A_TAMM,
                    "Arvo Tamm",
                    "repelled",
                    "supports",
                    0.3,
                    {"reliability": 0.5, "hedging": 1.0, "interest": 0.6, "independence": 1.0},
                    ["c3"],
                    [-0.12, -0.13, 0.25],
                ),
                evidence(
                    "e4",
                    A_BLOGS,
                    "Kerevian military bloggers",
                    "repelled",
                    "supports",
                    0.09,
                    {"reliability": 0.3, "hedging": 1.0, "interest": 0.6, "independence": 0.5},
                    ["c4"],
                    [-0.14, 0.02, 0.12],
                ),
                evidence(
                    "e5",
                    A_ISC,
                    "Institute for Conflict Study",
                    "foothold",
                    "supports",
                    0.45,
                    {"reliability": 0.9, "hedging": 0.5, "interest": 1.0, "independence": 1.0},
                    ["c5", "c7"],
                    [0.52, -0.3, -0.22],
                ),
                evidence(
                    "e6",
                    A_VELD,
                    "Oskar Veld",
                    "breakthrough",
                    "refutes",
                    0.21,
                    {"reliability": 0.6, "absence": 0.35},
                    [],
                    [0.05, -0.1, 0.05],
                    absent=True,
                ),
            ],
        }
    ]
    sources = [
        {
            "id": A_MARREN,
            "name": "Ilse Marren",
            "kind": "person",
            "side": "aldmark",
            "grade": "B",
            "reliability": 0.78,
            "reliability_interval": [0.6, 0.9],
            "independence": 1.0,
            "depends_on": [],
            "n_statements": 1,
            "aliases": ["General Ilse Marren", "General Marren", "the general"],
        },
        {
            "id": A_VELD,
            "name": "Oskar Veld",
            "kind": "person",
            "side": "aldmark",
            "grade": "C",
            "reliability": 0.6,
            "reliability_interval": [0.4, 0.77],
            "independence": 0.5,
            "depends_on": [A_MARREN],
            "n_statements": 1,
            "aliases": ["President Oskar Veld"],
        },
        {
            "id": A_TAMM,
            "name": "Arvo Tamm",
            "kind": "person",
            "side": "kerev",
            "grade": "C",
            "reliability": 0.52,
            "reliability_interval": [0.33, 0.7],
            "independence": 1.0,
            "depends_on": [],
            "n_statements": 1,
            "aliases": ["Colonel-General Arvo Tamm"],
        },
        {
            "id": A_BLOGS,
            "name": "Kerevian military bloggers",
            "kind": "group",
            "side": "kerev",
            "grade": "E",
            "reliability": 0.31,
            "reliability_interval": [0.12, 0.55],
            "independence": 0.5,
            "depends_on": [A_TAMM],
            "n_statements": 1,
            "aliases": [],
        },
        {
            "id": A_ISC,
            "name": "Institute for Conflict Study",
            "kind": "organisation",
            "side": None,
            "grade": "A",
            "reliability": 0.88,
            "reliability_interval": [0.74, 0.96],
            "independence": 1.0,
            "depends_on": [],
            "n_statements": 1,
            "aliases": ["The Institute", "ISC"],
        },
    ]
    return {
        "fogline_version": "0.1.0",
        "workspace": None,
        "params": {"absence_strength": 0.35, "interest_discount": 0.6, "seed": 0},
        "documents": documents,
        "statements": statements,
        "claims": claims,
        "propositions": [
            {
                "id": "p1",
                "text": "Aldmarkian forces hold ground in Selm",
                "claims": ["c1", "c2", "c5", "c7"],
                "n_sources": 3,
            },
            {
                "id": "p2",
                "text": "The Aldmarkian breakthrough attempt was repelled",
                "claims": ["c3", "c4"],
                "n_sources": 2,
            },
        ],
        "questions": questions,
        "hypotheses": [
            {
                **{k: h[k] for k in ("id", "text", "probability", "interval", "favours")},
                "question": "selm",
            }
            for h in hypotheses
        ],
        "sources": sources,
        "source_dependences": [
            {"source": A_VELD, "depends_on": A_MARREN, "kinds": {"echo": 1}},
            {"source": A_BLOGS, "depends_on": A_TAMM, "kinds": {"echo": 1}},
        ],
        "dependences": [
            {"claim": "c2", "depends_on": "c1", "kind": "echo", "score": 0.9},
            {"claim": "c4", "depends_on": "c3", "kind": "echo", "score": 0.81},
            {"claim": "c7", "depends_on": "c5", "kind": "near_duplicate", "score": 0.88},
        ],
        "stances": [
            {"question": "selm", "claim": c, "hypothesis": h, "label": label, "confidence": p}
            for c, h, label, p in (
                ("c1", "foothold", "supports", 0.91),
                ("c2", "foothold", "supports", 0.84),
                ("c3", "repelled", "supports", 0.77),
                ("c4", "repelled", "supports", 0.7),
                ("c5", "foothold", "supports", 0.8),
                ("c6", "foothold", "unrelated", 0.95),
            )
        ],
        "skipped": [{"path": "corpus/bad.bin", "reason": "binary file, not text"}],
    }


@dataclass(frozen=True)
class Hostile:
    """The hostile strings planted in the fixture, for tests to look for."""

    script: str = SCRIPT
    html_speaker: str = HTML_SPEAKER
    markup: str = MARKUP
    script_statement: str = S_BOB
    markup_statement: str = S_BLOGS


@pytest.fixture
def result() -> dict[str, Any]:
    """The fixture result document (a fresh copy per test)."""
    return make_result()


@pytest.fixture
def hostile() -> Hostile:
    return Hostile()
