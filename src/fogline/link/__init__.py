"""Corpus-wide linking: actors, propositions, questions, stances and dependences."""

from fogline.link.config import Sides, load_questions, load_sides
from fogline.link.pipeline import LinkResult, link_corpus

__all__ = ["LinkResult", "Sides", "link_corpus", "load_questions", "load_sides"]
