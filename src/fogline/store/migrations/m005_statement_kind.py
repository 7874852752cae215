"""Statements say their kind: speech ("X said C") or an attitude ("X wants C")."""

SQL = """
ALTER TABLE statements ADD COLUMN kind TEXT NOT NULL DEFAULT 'speech';
"""
