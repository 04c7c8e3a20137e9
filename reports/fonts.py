"""Fonts for Chinese PDFs: a TrueType CJK font found on the machine, embedded as a
subset; without one, reportlab's built-in STSong-Light CID font (not embedded:
the reader's viewer supplies it), and the caller is told so."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CID_FALLBACK = "STSong-Light"

# (file name, subfont index in a .ttc) in order of preference per platform.
_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0),
    ("simhei.ttf", 0),
    ("msyh.ttc", 0),
    ("msyh.ttf", 0),
    ("simsun.ttf", 0),
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("uming.ttc", 0),
    ("ukai.ttc", 0),
    ("DroidSansFallbackFull.ttf", 0),
)


def _font_dirs() -> list[Path]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windir / "Fonts", local]
    if sys.platform == "darwin":
        return [
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local/share/fonts",
        Path.home() / ".fonts",
    ]


def find_cjk_font_file() -> tuple[Path, int] | None:
    """The first known CJK TrueType font on this machine, with its subfont index."""
    wanted = {name.lower(): index for name, index in _CANDIDATES}
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                key = name.lower()
                if key in wanted and key not in found:
                    found[key] = Path(root) / name
    for name, index in _CANDIDATES:
        if name.lower() in found:
            return found[name.lower()], index
    return None


@dataclass(frozen=True)
class PdfFont:
    """The font the PDFs use; ``notice`` is set when a fallback is in use."""

    name: str
    embedded: bool
    source: str
    notice: str | None = None


_registered: dict[tuple[str | None, bool], PdfFont] = {}


def pdf_font(configured_file: str | None = None, *, allow_system: bool = True) -> PdfFont:
    """Register (once) and return the CJK font for the PDFs.

    ``configured_file`` defaults to $ZHAOSHANG_FONT_FILE, which the desktop app
    sets from the font file the user chose when the machine had none."""
    configured_file = configured_file or os.environ.get("ZHAOSHANG_FONT_FILE") or None
    key = (configured_file, allow_system)
    if key in _registered:
        return _registered[key]
    choice: PdfFont | None = None
    candidates: list[tuple[Path, int]] = []
    if configured_file:
        candidates.append((Path(configured_file), 0))
    if allow_system:
        found = find_cjk_font_file()
        if found:
            candidates.append(found)
    for path, index in candidates:
        name = f"CJK-{path.stem}"
        try:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        except (TTFError, OSError, ValueError):
            continue
        choice = PdfFont(name, True, str(path))
        break
    if choice is None:
        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        choice = PdfFont(
            CID_FALLBACK,
            False,
            "reportlab",
            notice=(
                "未找到可嵌入的中文 TrueType 字体,PDF 使用内置宋体(STSong-Light),"
                "在未安装中文字体的电脑上可能显示不全;请安装宋体/黑体/文泉驿字体。"
            ),
        )
    _registered[key] = choice
    return choice
