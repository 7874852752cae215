"""Id lookups over a result document, and where in a report each piece of evidence comes from.

Presenters get the result as a plain dict (see notes/RESULT_SCHEMA.md). ``ResultIndex`` reads
it defensively: missing lists are empty, rows without an id are skipped, and a link is only
offered when its target will exist in the report, so that anchors never dangle.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_UNSAFE_ID_CHAR = re.compile(r"[^A-Za-z0-9_-]")


def anchor(prefix: str, *parts: Any) -> str:
    """An HTML id such as ``st-cd34`` or ``doc-ab12-s3``; unusual characters are hex-escaped."""

    def clean(part: Any) -> str:
        return _UNSAFE_ID_CHAR.sub(lambda m: f".{ord(m.group()):x}.", str(part))

    return "-".join([prefix, *(clean(p) for p in parts)])


def rows(result: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The list ``result[key]`` keeping only mapping rows; [] when absent or malformed."""
    value = result.get(key)
    if not isinstance(value, list | tuple):
        return []
    return [row for row in value if isinstance(row, Mapping)]


def evidence_claims(evidence: Mapping[str, Any]) -> list[Any]:
    """The claim ids behind one evidence row; [] when absent or malformed."""
    claims = evidence.get("claims")
    return list(claims) if isinstance(claims, list | tuple) else []


def text(value: Any) -> str:
    """A value as display text: None -> "", lists joined with ", ", anything else str()."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text(v) for v in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Target:
    """An in-report link: the element id it lands on and a short label (``S3``, ``D2 s4``)."""

    anchor: str
    label: str


class ResultIndex:
    """Lookups by id over one result document, built once per presentation."""

    def __init__(self, result: Mapping[str, Any]) -> None:
        self.documents = rows(result, "documents")
        self.statements = rows(result, "statements")
        self.claims_list = rows(result, "claims")
        self.sources_list = rows(result, "sources")
        self.questions = rows(result, "questions")
        self.doc_by_id = {str(d["id"]): d for d in self.documents if "id" in d}
        self.doc_number = {str(d["id"]): n for n, d in enumerate(self.documents, 1) if "id" in d}
        self.statement_by_id = {str(s["id"]): s for s in self.statements if "id" in s}
        self.statement_number = {
            str(s["id"]): n for n, s in enumerate(self.statements, 1) if "id" in s
        }
        self.claim_by_id = {str(c["id"]): c for c in self.claims_list if "id" in c}
        self.source_by_id = {str(s["id"]): s for s in self.sources_list if "id" in s}
        self.sentences: dict[str, dict[int, str]] = {}
        for doc_id, doc in self.doc_by_id.items():
            by_index: dict[int, str] = {}
            for sentence in rows(doc, "sentences"):
                index = sentence.get("index")
                if isinstance(index, int) and not isinstance(index, bool):
                    by_index.setdefault(index, text(sentence.get("text")))
            self.sentences[doc_id] = by_index

    def source_name(self, source_id: Any, fallback: Any = None) -> str:
        """The source's name, else ``fallback``, else its id."""
        source = self.source_by_id.get(str(source_id))
        if source is not None and source.get("name"):
            return text(source["name"])
        return text(fallback) if fallback else text(source_id)

    def document_target(self, doc_id: Any) -> Target | None:
        number = self.doc_number.get(str(doc_id))
        if number is None:
            return None
        return Target(anchor("doc", doc_id), f"D{number}")

    def sentence_target(self, doc_id: Any, index: Any) -> Target | None:
        """The sentence's element when the document lists it, else the document, else None."""
        doc_id = str(doc_id)
        number = self.doc_number.get(doc_id)
        if number is None:
            return None
        if isinstance(index, int) and index in self.sentences.get(doc_id, {}):
            return Target(anchor("doc", doc_id, f"s{index}"), f"D{number} s{index}")
        return self.document_target(doc_id)

    def statement_target(self, statement_id: Any) -> Target | None:
        number = self.statement_number.get(str(statement_id))
        if number is None:
            return None
        return Target(anchor("st", statement_id), f"S{number}")

    def claim_target(self, claim_id: Any) -> Target | None:
        """Where a claim can be read: its statement, else its sentence, else its document."""
        claim = self.claim_by_id.get(str(claim_id))
        if claim is None:
            return None
        target = self.statement_target(claim.get("statement"))
        if target is not None:
            return target
        doc_id = str(claim.get("document"))
        wanted = text(claim.get("text")).strip()
        if wanted:
            for index, sentence in self.sentences.get(doc_id, {}).items():
                if wanted in sentence:
                    return self.sentence_target(doc_id, index)
        return self.document_target(doc_id)

    def claim_quote(self, claim_id: Any) -> str:
        """What was said: the statement's content when the claim has one, else the claim text."""
        claim = self.claim_by_id.get(str(claim_id))
        if claim is None:
            return ""
        statement = self.statement_by_id.get(str(claim.get("statement")))
        if statement is not None and statement.get("content"):
            return text(statement["content"])
        return text(claim.get("text"))

    def evidence_targets(self, evidence: Mapping[str, Any]) -> list[Target]:
        """Distinct link targets behind one evidence row, in claim order."""
        seen: dict[str, Target] = {}
        for claim_id in evidence_claims(evidence):
            target = self.claim_target(claim_id)
            if target is not None:
                seen.setdefault(target.anchor, target)
        return list(seen.values())


def source_kind(source: Mapping[str, Any]) -> str:
    """A source's kind as shown: "group", or "group, anonymous" for one that names no one."""
    kind = text(source.get("kind"))
    return f"{kind}, anonymous" if source.get("anonymous") is True else kind
