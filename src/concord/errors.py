"""Concord's one error type: what went wrong, and with which file."""

from __future__ import annotations


class ConcordError(Exception):
    """A problem a user can act on: bad input, a missing file, an unreadable store.

    ``source`` names the file (or ``-`` for standard input) when there is one; ``status``
    is the HTTP status an API answer would carry.
    """

    def __init__(self, message: str, source: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.status = status

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def with_source(self, source: str) -> ConcordError:
        """The same error, naming ``source`` when it did not name a file yet."""
        if self.source:
            return self
        return ConcordError(self.message, source, self.status)
