"""The data layer (no Qt): the unit file and everything read from it or written to it.

Subpackages import only those below them (an import-linter contract):
``io`` → ``records`` and ``reads`` (independent of each other) → ``rules`` → ``store``.
"""
