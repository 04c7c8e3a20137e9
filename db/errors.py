"""Errors that reach the user: each says what went wrong, in Chinese and English."""

from __future__ import annotations


class UserError(Exception):
    """A problem a user can fix; ``str()`` is one line, Chinese first, then English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class UnitFileError(UserError):
    """The unit file cannot be opened or created."""


class ValidationError(UserError):
    """A record or a value breaks a rule of the ledger."""
