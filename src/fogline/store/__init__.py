"""The workspace store: SQLite with migrations, and the queries the stages use."""

from fogline.store.workspace import Workspace

__all__ = ["Workspace"]
