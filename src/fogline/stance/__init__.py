"""Stance of a text toward a claim: agree, disagree, discuss or unrelated.

A two-stage model the project trains itself (``fogline train stance``): a relatedness
classifier over similarity features, then a cross-encoder fine-tuned from MiniLM that
tells agree / disagree / discuss apart on related pairs.
"""

from __future__ import annotations

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED_LABELS = LABELS[:3]
