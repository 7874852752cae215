"""Statements say whether they are mixed: indirect speech with a quoted fragment."""

SQL = """
ALTER TABLE statements ADD COLUMN mixed INTEGER NOT NULL DEFAULT 0;
"""
