"""Starting the desktop application: display, fonts, language, the last file."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.main_window import MainWindow

HEADLESS_MESSAGE = (
    "没有可用的图形显示,无法打开桌面程序。可以使用命令行:\n"
    "  zhaoshang init FILE --unit 名称      创建单位数据文件\n"
    "  zhaoshang import-ledger FILE 台账.xlsx\n"
    "  zhaoshang export-ledger FILE 台账.xlsx\n"
    "  zhaoshang figures FILE --from 2023-01-01 --to 2023-07-31 [--json]\n"
    "  zhaoshang demo FILE                  创建示例数据\n"
    "No display is available for the desktop app; use the commands above "
    "(zhaoshang --help)."
)


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_font_file(window: QWidget, settings: QSettings) -> None:
    """No font can show Chinese: say so plainly and offer to pick a font file."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.fonts import ensure_cjk_font

    answer = QMessageBox.question(
        window,
        "招商台账",
        "未找到可显示中文的字体,界面和简报中的中文会显示为方框。\n"
        "请安装中文字体(如 Windows 的微软雅黑/宋体,Linux 的 fonts-wqy-microhei),"
        "或者现在选择一个字体文件(.ttf/.ttc)。是否现在选择?\n"
        "No font that can show Chinese was found. Choose a font file now?",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        "选择中文字体文件",
        "",
        "字体文件 (*.ttf *.ttc *.otf)",
    )
    if chosen and ensure_cjk_font(chosen).ok:
        settings.setValue("cjk_font_file", chosen)
        os.environ["ZHAOSHANG_FONT_FILE"] = chosen
    elif chosen:
        QMessageBox.warning(window, "招商台账", f"无法使用该字体文件:{chosen}")


def report_unexpected_errors(window: QWidget, log: Path) -> None:
    """An exception no code caught (in a slot, a timer, an event) is written to ``log``
    and said in a message, instead of a traceback on a terminal nobody watches."""
    import traceback
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        try:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n{text}")
        except OSError:
            sys.__excepthook__(kind, error, trace)
        what = f"{kind.__name__}: {error}"[:300]
        QMessageBox.critical(
            window,
            "招商台账",
            f"程序遇到意外错误({what})。已保存的数据不受影响;刚才的操作可能没有完成,"
            f"请检查后再试。详细信息已记录在:\n{log}\n请把此文件交给技术人员。\n\n"
            f"Unexpected error ({what}); saved data is not affected. Details: {log}",
        )

    sys.excepthook = hook


def main(argv: Sequence[str] = ()) -> int:
    started = start(argv)
    if started is None:
        return 2
    app, _window = started  # the window is kept while the application runs
    return app.exec()


def start(argv: Sequence[str] = ()) -> tuple[QApplication, MainWindow] | None:
    """The application and its window, shown, with the file asked for (else the last
    one) open, before any event is processed; None without a display (said on
    standard error).  ``main`` runs it; the start-up bench times it."""
    if not has_display():
        print(HEADLESS_MESSAGE, file=sys.stderr)
        return None

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.paths import data_dir, default_file, is_network_path
    from ui import i18n
    from ui.fonts import ensure_cjk_font
    from ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setOrganizationName("zhaoshang")
    app.setApplicationName("zhaoshang")
    app.setApplicationDisplayName("招商台账")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(Path(__file__).with_name("data") / "zhaoshang.svg")))
    app.setDesktopFileName("zhaoshang")  # Wayland matches the window to its menu entry
    settings = QSettings()
    i18n.install(str(settings.value("language", "zh_CN")))

    font_file = str(settings.value("cjk_font_file", "") or "")
    if font_file:
        os.environ["ZHAOSHANG_FONT_FILE"] = font_file  # the PDFs use it too
    fonts = ensure_cjk_font(font_file or None)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(folder, settings, is_network_path)

    def switch_language(language: str) -> None:
        i18n.install(language)
        window.retranslate()

    window.language_change_requested.connect(switch_language)
    report_unexpected_errors(window, folder / "errors.log")
    window.show()
    if not fonts.ok:
        choose_font_file(window, settings)
    crashed = window.note_crash_while_opening()
    if argv:  # the file asked for is opened, or the user is told why not
        window.open_file(Path(str(argv[0])))
    elif crashed is None:
        # The last file again, never one that failed: the start screen says why it did.
        last = str(settings.value("last_file", "") or "")
        target = Path(last) if last else default_file()
        if target.exists() and str(target) not in window.failed_files():
            window.open_file(target)
    return app, window
