"""Reading and writing the stage records in the workspace.

Per-document records are written one document per transaction (``save_analysis``);
the corpus-wide link and assess results replace the previous ones in a single
transaction (``save_assessment``), so a reader never sees half of either.
"""

from __future__ import annotations

import json
from datetime import date

from fogline.assess.run import AssessOutput
from fogline.link.pipeline import LinkResult
from fogline.records import (
    Actor,
    Claim,
    Dependence,
    Document,
    DocumentAnalysis,
    Mention,
    Proposition,
    Sentence,
    Stance,
    Statement,
    StatementKind,
    TimeRef,
)
from fogline.store.rows import insert, select
from fogline.store.workspace import Workspace

CORPUS_TABLES = (
    "contributions",
    "evidence",
    "posteriors",
    "reliability",
    "stances",
    "dependences",
    "hypotheses",
    "questions",
    "propositions",
    "statement_actors",
    "document_actors",
    "actors",
)


def has_document(ws: Workspace, document_id: str) -> bool:
    """True when the document and its analysis are both stored."""
    row = ws.conn.execute("SELECT 1 FROM analyses WHERE document_id = ?", (document_id,))
    return row.fetchone() is not None


_UNASSESSED = "DELETE FROM meta WHERE key = 'assessed'"


def save_analysis(
    ws: Workspace, document: Document, analysis: DocumentAnalysis, analyzer: str
) -> None:
    """Store one document with everything analyze found in it, atomically."""
    with ws.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
        insert(conn, "documents", [document])
        insert(conn, "sentences", analysis.sentences)
        insert(conn, "mentions", analysis.mentions)
        insert(conn, "times", analysis.times, {"document_id": document.id})
        insert(conn, "statements", analysis.statements)
        insert(conn, "claims", analysis.claims)
        conn.execute("INSERT INTO analyses VALUES (?, ?)", (document.id, analyzer))
        conn.execute(_UNASSESSED)


def mark_unassessed(ws: Workspace) -> None:
    """The last assessment no longer matches the workspace (the analyst's files changed):
    ``report`` and ``export`` ask for a new one."""
    with ws.transaction() as conn:
        conn.execute(_UNASSESSED)


def save_problems(ws: Workspace, problems: list[tuple[str, str]]) -> None:
    with ws.transaction() as conn:
        conn.executemany("INSERT OR REPLACE INTO problems VALUES (?, ?)", problems)


def load_documents(ws: Workspace) -> list[Document]:
    return select(
        ws.conn,
        "documents",
        Document,
        "id IN (SELECT document_id FROM analyses)",
        order="published_at, id",
    )


def load_statements(ws: Workspace, attitudes: bool = False) -> list[Statement]:
    """The stored statements, in insertion order: speech only unless ``attitudes``, since
    the link and assess stages read a statement as something its speaker asserted."""
    if attitudes:
        return select(ws.conn, "statements", Statement)
    return select(ws.conn, "statements", Statement, "kind = ?", (StatementKind.SPEECH.value,))


def load_claims(ws: Workspace) -> list[Claim]:
    return select(ws.conn, "claims", Claim)


def load_sentences(ws: Workspace) -> list[Sentence]:
    return select(ws.conn, "sentences", Sentence)


def load_mentions(ws: Workspace) -> list[Mention]:
    return select(ws.conn, "mentions", Mention)


def load_times(ws: Workspace, document_id: str) -> list[TimeRef]:
    return select(ws.conn, "times", TimeRef, "document_id = ?", (document_id,))


def save_assessment(ws: Workspace, link: LinkResult, out: AssessOutput) -> None:
    """Replace the corpus-wide results with ``link`` and ``out`` in one transaction."""
    with ws.transaction() as conn:
        for table in CORPUS_TABLES:
            conn.execute(f'DELETE FROM "{table}"')
        insert(conn, "actors", link.actors.actors)
        conn.executemany(
            "INSERT INTO statement_actors VALUES (?, ?)", sorted(link.actors.by_statement.items())
        )
        conn.executemany(
            "INSERT INTO document_actors VALUES (?, ?)", sorted(link.actors.by_document.items())
        )
        insert(conn, "propositions", link.propositions)
        for question in link.questions:
            conn.execute(
                "INSERT INTO questions VALUES (?, ?, ?, ?)",
                (question.id, question.text, int(question.derived), json.dumps(question.about)),
            )
            for position, hyp in enumerate(question.hypotheses):
                conn.execute(
                    "INSERT INTO hypotheses VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        hyp.id,
                        question.id,
                        position,
                        hyp.text,
                        hyp.favours,
                        json.dumps(hyp.phrasings),
                    ),
                )
        insert(conn, "stances", link.stances)
        insert(conn, "dependences", link.dependences)
        for assessment in out.assessments:
            insert(conn, "evidence", assessment.evidence)
            conn.executemany(
                "INSERT INTO contributions VALUES (?, ?, ?)",
                [(e, h, v) for (e, h), v in sorted(assessment.contributions.items())],
            )
            majority = out.majority.get(assessment.question_id)
            for h, p in assessment.probabilities.items():
                low, high = assessment.intervals.get(h, (p, p))
                conn.execute(
                    "INSERT INTO posteriors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        assessment.question_id,
                        h,
                        p,
                        low,
                        high,
                        assessment.log_prior_c[h],
                        int(h == majority),
                        out.votes.get(assessment.question_id, {}).get(h, 0),
                    ),
                )
        for source, (acc, low, high) in out.reliability.items():
            conn.execute(
                "INSERT INTO reliability VALUES (?, ?, ?, ?, ?)",
                (source, acc, low, high, out.independence.get(source, 1.0)),
            )
        params = out.assessments[0].params if out.assessments else {}
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('params', ?)",
            (json.dumps(params, sort_keys=True),),
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('assessed', ?)", (date.today().isoformat(),)
        )


def load_actors(ws: Workspace) -> list[Actor]:
    return select(ws.conn, "actors", Actor)


def load_propositions(ws: Workspace) -> list[Proposition]:
    return select(ws.conn, "propositions", Proposition)


def load_stances(ws: Workspace) -> list[Stance]:
    return select(ws.conn, "stances", Stance)


def load_dependences(ws: Workspace) -> list[Dependence]:
    return select(ws.conn, "dependences", Dependence)
