"""Presenting a result: the terminal summary, the self-contained HTML report, JSON and CSV.

Every presenter reads the result document described in notes/RESULT_SCHEMA.md and treats
all of its text as untrusted. Files are written atomically.
"""

from fogline.present.exports import write_csv, write_json
from fogline.present.html_report import render_html, write_html
from fogline.present.terminal import render_questions_summary, render_summary

__all__ = [
    "render_html",
    "render_questions_summary",
    "render_summary",
    "write_csv",
    "write_html",
    "write_json",
]
