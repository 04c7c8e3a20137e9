"""Making sure Chinese text renders: a CJK font must exist before any window shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

# In order of preference: Windows, macOS, then the common Linux families.
PREFERRED_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "SimHei",
    "SimSun",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)


@dataclass(frozen=True)
class FontStatus:
    family: str | None  # None: no font that can show Chinese was found

    @property
    def ok(self) -> bool:
        return self.family is not None


def chinese_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(configured_file: str | None = None) -> FontStatus:
    """Find (or load from ``configured_file``) a CJK font and make it the application font."""
    from PySide6.QtWidgets import QApplication

    if configured_file and Path(configured_file).is_file():
        font_id = QFontDatabase.addApplicationFont(configured_file)
        if font_id >= 0:
            loaded = QFontDatabase.applicationFontFamilies(font_id)
            if loaded:
                QApplication.setFont(QFont(loaded[0], QApplication.font().pointSize()))
                return FontStatus(loaded[0])
    available = chinese_families()
    if not available:
        return FontStatus(None)
    family = next((f for f in PREFERRED_FAMILIES if f in available), available[0])
    font = QApplication.font()
    font.setFamilies([family, *font.families()])
    QApplication.setFont(font)
    return FontStatus(family)
