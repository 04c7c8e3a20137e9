"""Languages: Chinese (the source strings) by default, English from a compiled .qm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
LANGUAGES = {"zh_CN": "中文", "en": "English"}

# Installed translators must outlive this module's functions: Qt keeps only a
# pointer, and a garbage-collected QTranslator silently stops translating.
_installed: list[QTranslator] = []
_language = "zh_CN"


def install(language: str) -> str:
    """Install the translators of ``language`` (replacing earlier ones); returns it."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "zh_CN"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        own = QTranslator()
        if own.load(str(TRANSLATIONS_DIR / "zhaoshang_en.qm")):
            _installed.append(own)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        # Qt's own words (file dialogs, standard buttons, a line edit's menu): the meta
        # catalog qt_zh_CN where it loads (it needs each module's file), else qtbase's;
        # then ours for the few strings Qt's catalog leaves in English.  Installed last
        # is asked first.
        qt = QTranslator()
        if qt.load("qt_zh_CN", qt_dir) or qt.load("qtbase_zh_CN", qt_dir):
            _installed.append(qt)
        gaps = QTranslator()
        if gaps.load(str(TRANSLATIONS_DIR / "qt_gaps_zh_CN.qm")):
            _installed.append(gaps)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for translator in _installed:
        app.installTranslator(translator)
    if isinstance(app, QGuiApplication):
        # Qt ends every window title with this name: it must be in the same language.
        QGuiApplication.setApplicationDisplayName(
            QCoreApplication.translate("MainWindow", "招商台账")
        )
    global _language
    _language = language
    return language


def language() -> str:
    """The language installed last: "zh_CN" (the default) or "en"."""
    return _language


def either(zh: str, en: str) -> str:
    """A message the data layer gives in both languages (it cannot call tr()), in the
    interface's language; the Chinese when no English is given."""
    return en if _language == "en" and en else zh
