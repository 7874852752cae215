"""Ingest: files on disk (.txt, .md, .html, .htm, .jsonl, web archives) and web pages the
user names to ``Document`` records.

Pure: no database. ``discover`` finds the files to read, ``read_path`` reads one file into
documents plus the problems met, ``document_id`` is the content id that makes re-adding
the same report a no-op; ``read_url`` fetches one page (bounded) and reads it the same way.
"""

from fogline.ingest.discover import SUPPORTED_SUFFIXES, discover
from fogline.ingest.documents import document_id
from fogline.ingest.formats import read_data
from fogline.ingest.pages import read_url
from fogline.ingest.problems import Problem, ReadResult
from fogline.ingest.readers import MAX_BYTES, read_path

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Problem",
    "ReadResult",
    "discover",
    "document_id",
    "read_data",
    "read_path",
    "read_url",
]
