"""Claims carry a check-worthiness score (the shipped model's probability, 0..1)."""

SQL = """
ALTER TABLE claims ADD COLUMN check_worthiness REAL;
"""
