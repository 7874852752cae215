"""Errors that carry a message a user can act on.

The CLI prints ``str(error)`` as one line on stderr and exits with ``error.exit_code``.
"""

from __future__ import annotations


class FoglineError(Exception):
    """Base class: anything fogline raises on purpose."""

    exit_code = 1


class InputError(FoglineError):
    """A file or argument that cannot be used as given (empty, binary, too big, unreadable)."""

    exit_code = 2


class WorkspaceError(FoglineError):
    """The workspace is missing, locked, corrupt or from a newer fogline."""

    exit_code = 3


class ConfigError(FoglineError):
    """A sides or questions file that cannot be read."""

    exit_code = 4


class ModelError(FoglineError):
    """A model backend that is not installed or cannot load."""

    exit_code = 5
