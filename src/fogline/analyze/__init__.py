"""Per-document analysis: sentences, entities, attributed statements, claims, time."""

from fogline.analyze.pipeline import ANALYZER_VERSION, analyze_documents, analyze_parsed

__all__ = ["ANALYZER_VERSION", "analyze_documents", "analyze_parsed"]
