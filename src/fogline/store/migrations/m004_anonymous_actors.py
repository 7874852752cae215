"""Actors say whether they are anonymous: a speaker that names no one."""

SQL = """
ALTER TABLE actors ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
"""
