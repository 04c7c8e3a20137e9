"""Views refresh when something they show has changed, and only when visible.

A ``RefreshGuard`` listens to the session's ``changed`` signal for one view: a
change to one of the tables the view shows reloads it at once when it is on
screen, else marks it stale so that it reloads the next time it is shown (the
overview's figures are not recomputed after every edit made in the ledger).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from db.records.ops import Changes
from ui.session import Session


class RefreshGuard(QObject):
    def __init__(
        self,
        view: QWidget,
        session: Session,
        tables: frozenset[str],
        reload: Callable[[], None],
        reload_changed: Callable[[Changes], None] | None = None,
    ) -> None:
        """``reload_changed``, when given, reloads a view on screen after a change it is
        told of (what it can read again of only the changed projects); ``reload``
        reloads it whole (shown again after changes unseen)."""
        super().__init__(view)  # lives and dies with the view
        self.view = view
        self.tables = tables
        self.reload = reload
        self.reload_changed = reload_changed
        self.stale = False
        view.installEventFilter(self)
        session.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self.tables):
            return
        if self.view.isVisible():
            self.stale = False
            if self.reload_changed is not None:
                self.reload_changed(changes)
            else:
                self.reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.reload()
        return False
