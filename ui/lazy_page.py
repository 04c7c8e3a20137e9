"""Tabs whose views are built when first shown or asked for.

A file opens on one tab (the ledger, usually); the overview, 待跟进, 签约活动 and
交接 each cost their module's import and some widgets, which the first paint of the
file need not wait for.  A ``LazyPage`` stands in the tab bar for its view and
builds it the first time the page is shown (on the next turn of the event loop, so
that a page shown only while the window sets its tabs up builds nothing) or the
first time code asks for it (``view``).  ``WorkspaceTabs`` lets callers name the
views themselves: ``setCurrentWidget(window.dashboard)`` shows the dashboard's page,
and ``currentWidget()`` answers with the view, not its stand-in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyPage(QWidget):
    """A tab's page that builds its view (``build``) when first needed."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._view: QWidget | None = None
        self._pending: list[Callable[[Any], None]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._view is not None

    def view(self) -> QWidget:
        """The view, built now if it was not yet."""
        if self._view is None:
            self._view = self._build()
            self._layout.addWidget(self._view)
            self._view.show()  # a child added to a page already shown stays hidden else
            pending, self._pending = self._pending, []
            for step in pending:
                step(self._view)
        return self._view

    def when_built(self, step: Callable[[Any], None]) -> None:
        """Run ``step(view)`` now if the view exists, else once it is built."""
        if self._view is not None:
            step(self._view)
        else:
            self._pending.append(step)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._view is None:
            QTimer.singleShot(0, self._build_if_shown)

    def _build_if_shown(self) -> None:
        if self.isVisible() and self._view is None:
            self.view()


class WorkspaceTabs(QTabWidget):
    """A tab widget whose pages may be ``LazyPage``s, named by their views."""

    def _page_of(self, widget: QWidget) -> QWidget:
        for index in range(self.count()):
            page = super().widget(index)
            if isinstance(page, LazyPage) and page.built and page.view() is widget:
                return page
        return widget

    def setCurrentWidget(self, widget: QWidget) -> None:
        super().setCurrentWidget(self._page_of(widget))

    def currentWidget(self) -> QWidget:
        """The current tab's view (built now if it was not yet)."""
        page = super().currentWidget()
        return page.view() if isinstance(page, LazyPage) else page

    def current_page(self) -> QWidget | None:
        """The current tab's page as it is: a view not built yet stays so."""
        return super().currentWidget()

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._page_of(widget))
