"""Fonts for Chinese PDFs, one per role as government documents set them (GB/T 9704):
the title in 小标宋, the body in 仿宋, first-level headings in 黑体, second-level in 楷体.

Each role takes the office's own font when it is installed (Windows: 方正小标宋简体,
仿宋_GB2312/FangSong, SimHei, KaiTi; 信创 systems: their 方正 or CESI fonts), else a
free TrueType font with the same role from Debian (AR PL SungtiL GB, AR PL KaitiM GB,
WenQuanYi).  reportlab embeds TrueType outlines only (not the CFF outlines of most
.otf files), as a subset.  A character one role's font lacks is set in the most
complete font found (``fallback``).  Without any TrueType CJK font, reportlab's
built-in STSong-Light CID font (not embedded: the viewer supplies it) serves every
role, and the caller is told so.
"""

from __future__ import annotations

import os
import sys
import zlib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CID_FALLBACK = "STSong-Light"


class Role(StrEnum):
    TITLE = "title"  # 小标宋: the masthead and document titles
    BODY = "body"  # 仿宋: the text and the tables
    HEADING = "heading"  # 黑体: 一、二、… and table headers
    SUBHEADING = "subheading"  # 楷体: (一)(二)…

    @property
    def face_name(self) -> str:
        return ROLE_FACES[self]


ROLE_FACES: dict[Role, str] = {
    Role.TITLE: "小标宋",
    Role.BODY: "仿宋",
    Role.HEADING: "黑体",
    Role.SUBHEADING: "楷体",
}

# Font files by role, in order of preference: the office's fonts (Windows, 方正, the
# CESI fonts of 信创 systems, 华文 from Office), then free ones with the same role.
_SONG = ("simsun.ttc", "gbsn00lp.ttf", "uming.ttc")
_SANS = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "msyh.ttc", "DroidSansFallbackFull.ttf")
_CANDIDATES: dict[Role, tuple[str, ...]] = {
    Role.TITLE: (
        "方正小标宋简体.ttf",
        "FZXBSJW.TTF",
        "FZXBSK.TTF",
        "FZXiaoBiaoSong-B05S.ttf",
        "CESI_XBS_GB2312.TTF",
        "CESI_XBS_GB18030.TTF",
        "STZHONGS.TTF",
        *_SONG,
        *_SANS,
    ),
    Role.BODY: (
        "仿宋_GB2312.ttf",
        "FS_GB2312.ttf",
        "FZFSJW.TTF",
        "FZFSK.TTF",
        "CESI_FS_GB2312.TTF",
        "CESI_FS_GB18030.TTF",
        "simfang.ttf",
        "STFANGSO.TTF",
        *_SONG,
        *_SANS,
    ),
    Role.HEADING: (
        "simhei.ttf",
        "黑体.ttf",
        "FZHTJW.TTF",
        "FZHTK.TTF",
        "CESI_HT_GB2312.TTF",
        "CESI_HT_GB18030.TTF",
        "STHEITI.TTF",
        *_SANS,
        *_SONG,
    ),
    Role.SUBHEADING: (
        "楷体_GB2312.ttf",
        "KT_GB2312.ttf",
        "FZKTJW.TTF",
        "FZKTK.TTF",
        "CESI_KT_GB2312.TTF",
        "CESI_KT_GB18030.TTF",
        "simkai.ttf",
        "STKAITI.TTF",
        "gkai00mp.ttf",
        "ukai.ttc",
        *_SONG,
        *_SANS,
    ),
}
# The most complete fonts, for a character a role's font has no glyph for.
_FALLBACK: tuple[str, ...] = (
    "simsun.ttc",
    "msyh.ttc",
    "simhei.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "uming.ttc",
    "DroidSansFallbackFull.ttf",
    "gbsn00lp.ttf",
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


@cache
def _installed() -> dict[str, Path]:
    """Font files on this machine by lower-case file name (the first found wins)."""
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def find_cjk_font_file() -> tuple[Path, int] | None:
    """The most complete CJK TrueType font on this machine, with its subfont index."""
    installed = _installed()
    for name in _FALLBACK:
        if name.lower() in installed:
            return installed[name.lower()], 0
    return None


@dataclass(frozen=True)
class PdfFont:
    """A registered font; ``notice`` is set when a fallback is in use."""

    name: str
    embedded: bool
    source: str
    notice: str | None = None
    family: str = ""  # as the font names itself: AR PL SungtiL GB, SimHei …

    def covers(self, char: str) -> bool:
        """Whether the font has a glyph for ``char`` (a CID font: the viewer's)."""
        if not self.embedded:
            return True
        face = getattr(pdfmetrics.getFont(self.name), "face", None)
        return face is None or ord(char) in face.charToGlyph


_NOTICE = (
    "未找到可嵌入的中文 TrueType 字体,PDF 使用内置宋体(STSong-Light),"
    "在未安装中文字体的电脑上可能显示不全;请安装宋体/仿宋/黑体/楷体或文泉驿字体。"
)


def _register(path: Path, index: int = 0) -> PdfFont | None:
    # The path's checksum in the name: two files of one name (in two folders) are two fonts.
    name = f"CJK-{path.stem}-{index}-{zlib.crc32(str(path).encode()):08x}"
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except (TTFError, OSError, ValueError):
        return None
    face = getattr(pdfmetrics.getFont(name), "face", None)
    family = face.familyName if face is not None else b""
    text = family.decode("utf-8", "replace") if isinstance(family, bytes) else str(family)
    return PdfFont(name, True, str(path), family=text)


def _cid_font() -> PdfFont:
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return PdfFont(CID_FALLBACK, False, "reportlab", notice=_NOTICE, family=CID_FALLBACK)


@dataclass(frozen=True)
class Typefaces:
    """The font of each role, and the one for glyphs a role's font lacks."""

    title: PdfFont
    body: PdfFont
    heading: PdfFont
    subheading: PdfFont
    fallback: PdfFont

    @property
    def notice(self) -> str | None:
        return self.body.notice or self.fallback.notice

    def of(self, role: Role) -> PdfFont:
        font: PdfFont = getattr(self, role)  # the fields are named as the roles
        return font

    def by_name(self, name: str) -> PdfFont:
        for font in (self.title, self.body, self.heading, self.subheading, self.fallback):
            if font.name == name:
                return font
        raise KeyError(name)

    def described(self) -> dict[str, str]:
        """Which font each role found: {"小标宋": "AR PL SungtiL GB", …}."""
        return {role.face_name: self.of(role).family for role in Role}


_registered: dict[tuple[str | None, bool], Typefaces] = {}


def typefaces(configured_file: str | None = None, *, allow_system: bool = True) -> Typefaces:
    """Register (once) and return the fonts of the PDFs.

    ``configured_file`` defaults to $ZHAOSHANG_FONT_FILE, which the desktop app sets
    from the font file the user chose when the machine had none: it then serves
    every role."""
    configured_file = configured_file or os.environ.get("ZHAOSHANG_FONT_FILE") or None
    key = (configured_file, allow_system)
    if key in _registered:
        return _registered[key]
    configured = _register(Path(configured_file)) if configured_file else None
    installed = _installed() if allow_system else {}

    def first(names: tuple[str, ...]) -> PdfFont | None:
        if configured is not None:
            return configured
        for name in names:
            path = installed.get(name.lower())
            if path is not None and (font := _register(path)) is not None:
                return font
        return None

    fallback = first(_FALLBACK)
    chosen = {role: first(_CANDIDATES[role]) for role in Role}
    if fallback is None:
        fallback = next((font for font in chosen.values() if font is not None), None)
    if fallback is None:
        fallback = _cid_font()
    faces = Typefaces(
        title=chosen[Role.TITLE] or fallback,
        body=chosen[Role.BODY] or fallback,
        heading=chosen[Role.HEADING] or fallback,
        subheading=chosen[Role.SUBHEADING] or fallback,
        fallback=fallback,
    )
    _registered[key] = faces
    return faces


def pdf_font(configured_file: str | None = None, *, allow_system: bool = True) -> PdfFont:
    """The font of the PDFs' text (仿宋's role), with the notice when it is a fallback."""
    return typefaces(configured_file, allow_system=allow_system).body
