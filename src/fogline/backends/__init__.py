"""Model backends behind small protocols, registered by name."""

from fogline.backends.embedders import Embedder, get_embedder, register_embedder
from fogline.backends.parser import load_parser

__all__ = ["Embedder", "get_embedder", "load_parser", "register_embedder"]
