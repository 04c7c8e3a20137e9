"""Where briefings, project briefs, listings and exported ledgers go, and how the user
finds them: a visible folder (文档/招商台账 by default, or the last one chosen), and
after each file is written a message that opens the file or its folder — or, when no
program can open it, says so and shows where it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

OUTPUT_KEY = "output_folder"
FOLDER_NAME = "招商台账"

# How a file or folder is shown: QDesktopServices, replaced in tests.
UrlOpener = Callable[[QUrl], bool]


def default_output_folder() -> Path:
    """文档/招商台账 (~/Documents/招商台账, or the desktop's own name for 文档)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / FOLDER_NAME


def output_folder(settings: QSettings) -> Path:
    """The folder offered for the next output: the last one the user chose while it
    still exists, else the default (created, so that the dialogs can offer it)."""
    chosen = str(settings.value(OUTPUT_KEY, "") or "")
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    folder = default_output_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def remember_output_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(OUTPUT_KEY, str(folder))


def fit_path_field(field: QLineEdit) -> None:
    """A 保存为 field as wide as its path (up to most of the screen), with the whole
    path as its tooltip and its end (the file's name) in view when it is longer."""

    def show_whole(text: str) -> None:
        screen = field.screen()
        cap = int(screen.availableGeometry().width() * 0.8) if screen else 900
        field.setMinimumWidth(min(field.fontMetrics().horizontalAdvance(text) + 24, cap))
        field.setToolTip(text)
        if not field.hasFocus():
            field.setCursorPosition(len(text))

    field.textChanged.connect(show_whole)
    show_whole(field.text())


class OutputNotice(QMessageBox):
    """已生成: the file's name and folder, with 打开, 打开所在文件夹 and 关闭."""

    def __init__(
        self,
        written: Path,
        parent: QWidget | None,
        open_url: UrlOpener,
        extra: str = "",
        is_folder: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("outputNotice")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("已生成"))
        self.written = written
        self.open_url = open_url
        folder = written if is_folder else written.parent
        lines = [] if is_folder else [self.tr("已生成:%1").replace("%1", written.name)]
        lines.append(self.tr("保存在:%1").replace("%1", str(folder)))
        if extra:
            lines.append(extra)
        self.setText("\n".join(lines))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = None
        if not is_folder:
            self.open_button = self.addButton(self.tr("打开"), QMessageBox.ButtonRole.AcceptRole)
            self.open_button.setObjectName("openOutput")
            self.open_button.clicked.connect(lambda: self._show(written, self.tr("文件")))
        self.folder_button = self.addButton(
            self.tr("打开所在文件夹") if not is_folder else self.tr("打开文件夹"),
            QMessageBox.ButtonRole.ActionRole,
        )
        self.folder_button.setObjectName("openOutputFolder")
        self.folder_button.clicked.connect(lambda: self._show(folder, self.tr("文件夹")))
        close = self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button or self.folder_button)
        self.setEscapeButton(close)

    def _show(self, target: Path, what: str) -> None:
        if self.open_url(QUrl.fromLocalFile(str(target))):
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("无法打开"),
            self.tr(
                "没有找到可以打开此%1的程序。%1保存在:\n%2\n\n"
                "可以在文件管理器中找到它,或者安装一个 PDF 阅读器后再打开。"
            )
            .replace("%1", what)
            .replace("%2", str(target)),
            parent=self.parentWidget(),
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("cannotOpenOutput")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.failure = box


def desktop_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)
