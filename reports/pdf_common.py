"""Shared PDF machinery: the page of a government document (GB/T 9704-2012, adapted to
a 简报), the styles of each font role, Chinese punctuation, table cells that break at
word and code boundaries, headings kept with what follows, a 报尾 kept at the foot of
the last page, page numbers and the file's metadata."""

from __future__ import annotations

import functools
import gc
import os
import re
import secrets
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, ParamSpec, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Table,
    TableStyle,
)

from db.rules.money import plain
from db.version import app_version
from reports.fonts import PdfFont, Role, Typefaces

RED = colors.HexColor("#C00000")
GRID = colors.black
HEAD_BG = colors.HexColor("#F2F2F2")
GREY = colors.HexColor("#555555")

# 字号 in points.
CHU = 42.0  # 初号
ER = 22.0  # 二号
SAN = 16.0  # 三号: the body
XIAO_SAN = 15.0  # 小三: tables
SI = 14.0  # 四号: the 报尾
XIAO_SI = 12.0  # 小四
WU = 10.5  # 五号

# The page of GB/T 9704-2012: A4, text block 156 × 225 mm, top margin 37 mm, left 28 mm.
MM: float = mm
PAGE_WIDTH: float = A4[0]
PAGE_HEIGHT: float = A4[1]
TOP_MARGIN = 37 * MM
LEFT_MARGIN = 28 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
# A landscape page (a wide 附表) turns the same block on its side.
LANDSCAPE_LEFT = 37 * MM
LANDSCAPE_TOP = 28 * MM
# The page number sits 7 mm under the text block.
NUMBER_GAP = 7 * MM
# Lines of the body: 22 to the text block, as the standard counts them.
BODY_LEADING = BLOCK_HEIGHT / 22

if TYPE_CHECKING:
    # reportlab ships no type information, and mypy --strict refuses a class built on
    # an untyped base; this states the part of Canvas that NumberedCanvas relies on.
    class _CanvasBase:
        _pagesize: tuple[float, float]
        _pageNumber: int

        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
        def _startPage(self) -> None: ...
        def showPage(self) -> None: ...
        def save(self) -> None: ...
        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None: ...
        def setFillColor(self, aColor: colors.Color, alpha: float | None = None) -> None: ...
        def drawCentredString(self, x: float, y: float, text: str) -> None: ...

    class _FlowableBase:
        canv: Any

        def __init__(self) -> None: ...
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]: ...
        def split(self, availWidth: float, availHeight: float) -> list[Any]: ...
        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None: ...
else:
    _CanvasBase = Canvas
    _FlowableBase = Flowable


# -- words ---------------------------------------------------------------------------

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[,:](?=\d)")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HALF_WIDTH_MARK = re.compile(r"[,;:()!?]")
_SPACE_BY_MARK = re.compile(r"(?<=[，；：（）！？、。])[ \t]+|[ \t]+(?=[，；：（）！？、。])")


def cn(words: str) -> str:
    """Text with the full-width punctuation of Chinese: “主要领导,分管领导” →
    “主要领导，分管领导”.  Text without Chinese characters is left as it is, and so
    are 1,000 and 10:30 between digits."""
    if not _CJK.search(words):
        return words
    if _HALF_WIDTH_MARK.search(words):
        kept = {m.start() for m in _BETWEEN_DIGITS.finditer(words)}
        out = []
        for i, ch in enumerate(words):
            if ch in _FULL_WIDTH and i not in kept:
                out.append(_FULL_WIDTH[ch])
            else:
                out.append(ch)
        words = "".join(out)
    if " " not in words and "\t" not in words:
        return words
    # Full-width marks carry their own space.
    return _SPACE_BY_MARK.sub("", words)


def text(value: object) -> str:
    """User text made safe for a Paragraph: Chinese punctuation, escaped, empty a dash."""
    if value is None or value == "":
        return "—"
    return escape(cn(str(value)))


def date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def iso(day: date | None) -> str:
    return day.isoformat() if day else "—"


def wan(value: Decimal | None) -> str:
    """An amount in 万 with thousands separators: 300,000 or 4.3."""
    if value is None:
        return "—"
    integral, _, fraction = plain(value).partition(".")
    grouped = f"{int(integral):,}"
    return f"{grouped}.{fraction}" if fraction else grouped


# -- fonts in use --------------------------------------------------------------------


class Ink:
    """The fonts of a document, and for each character the font that has its glyph:
    the role's own, or the fallback (so no glyph is a box)."""

    # Shared by every document of the process: a registered font does not change.
    _covers: ClassVar[dict[tuple[str, str], bool]] = {}
    _widths: ClassVar[dict[tuple[str, float], dict[str, float]]] = {}
    # Per font, the characters set in it (those it has, and spaces): a text made only
    # of them is one run, measured without looking at each character again.
    _own: ClassVar[dict[str, set[str]]] = {}

    def __init__(self, faces: Typefaces) -> None:
        self.faces = faces
        # The widths of the texts measured for this document, by font, size and text.
        self._measured: dict[tuple[str, float, str], float] = {}

    def covers(self, font: PdfFont, char: str) -> bool:
        key = (font.name, char)
        known = self._covers.get(key)
        if known is None:
            known = self._covers[key] = font.covers(char)
        return known

    def runs(self, words: str, font: PdfFont) -> list[tuple[PdfFont, str]]:
        """``words`` in runs of one font: the role's, or the fallback's where it lacks one."""
        own = self._own.get(font.name)
        if own is not None and words and own.issuperset(words):
            return [(font, words)]
        fallback = self.faces.fallback
        runs: list[tuple[PdfFont, str]] = []
        for ch in words:
            chosen = font if ch.isspace() or self.covers(font, ch) else fallback
            if runs and runs[-1][0] is chosen:
                runs[-1] = (chosen, runs[-1][1] + ch)
            else:
                runs.append((chosen, ch))
        return runs

    def width(self, words: str, font: PdfFont, size: float) -> float:
        """The width of ``words`` in ``font`` (character widths cached, and the
        document's texts)."""
        key = (font.name, size, words)
        known = self._measured.get(key)
        if known is None:
            known = self._measured[key] = self._width(words, font, size)
        return known

    def _width(self, words: str, font: PdfFont, size: float) -> float:
        cache = self._widths.get((font.name, size))
        own = self._own.get(font.name)
        if cache is not None and own is not None and own.issuperset(words):
            try:
                return sum(map(cache.__getitem__, words), 0.0)
            except KeyError:
                pass  # a character not measured at this size yet
        total = 0.0
        for run_font, run in self.runs(words, font):
            if run_font is font:
                self._own.setdefault(font.name, set()).update(run)
            cache = self._widths.setdefault((run_font.name, size), {})
            for ch in run:
                w = cache.get(ch)
                if w is None:
                    w = cache[ch] = pdfmetrics.stringWidth(ch, run_font.name, size)
                total += w
        return total


# -- breaking lines ------------------------------------------------------------------

# A code, a date, a number or a Latin word: never broken inside.
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_./:%+·'~]*")
# Marks that may not begin a line, and those that may not end one (禁则).
_NO_START = frozenset("，。、；：？！）》」』”’%％…·,.;:?!)]")
_NO_END = frozenset("（《「『“‘([")
SOFT_BREAK = "\u200b"  # where a header may break
_BREAKS = re.compile(r"[\s\u200b]")  # what a line may break at besides words
SHORT_TEXT = 6  # characters: a cell this short keeps to one line

# Words of the ledger's names that a line should not break inside.
BREAK_WORDS: frozenset[str] = frozenset(
    {
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "集团",
        "公司",
        "科技",
        "技术",
        "新材料",
        "新能源",
        "材料",
        "电子",
        "智能",
        "装备",
        "设备",
        "汽车",
        "零部件",
        "项目",
        "生产线",
        "产业园",
        "工业园",
        "驻点招商办",
        "开发区",
        "在手在谈",
        "新签约",
        "储能",
        "电池",
        "光学",
        "医疗",
        "信息",
        "工具",
        "纺织",
        "食品",
        "精密",
        "高端",
        "亿元",
        "亿美元",
        "万元",
        "万美元",
        "平方米",
        "工作日",
    }
)


class Lexicon:
    """Words a line should not break inside, matched longest first by one regular
    expression with the other pieces a text is cut into.

    One made for a document may ``remember`` how it cut each text: a table measured at
    several sizes until one fits, a name in two tables (the cuts do not depend on the
    size)."""

    def __init__(self, words: Iterable[str], *, remember: bool = False) -> None:
        longest_first = [w for w in sorted(set(words), key=len, reverse=True) if len(w) > 1]
        # At each place, in this order: a line break, a space or soft break, a code or
        # number, the longest word of the lexicon, one character.
        known = "".join(f"{re.escape(w)}|" for w in longest_first)
        self.pieces = re.compile(
            rf"(\n)|([^\S\n]|{SOFT_BREAK})|({_WORD.pattern})|{known}.", re.DOTALL
        )
        self.cuts: dict[str, list[str]] | None = {} if remember else None


DEFAULT_LEXICON = Lexicon(BREAK_WORDS)
# Running text breaks between any two Chinese characters (as Chinese is set), keeping
# only the 禁则 and numbers with their characters: no words, or a justified line
# would open wide gaps before a long name.
RUNNING_TEXT = Lexicon(())


def tokens(words: str, lexicon: Lexicon | None) -> list[str]:
    """``words`` cut where a line may break: between Chinese characters and words, never
    inside a code, date or number (nor between a number and the character after it:
    42个, 2023年), a known word, before a closing mark or after an opening one.
    Without a lexicon only spaces, SOFT_BREAK and line breaks are break points."""
    cuts = lexicon.cuts if lexicon is not None else None
    if cuts is None:
        return _cut(words, lexicon)
    known = cuts.get(words)
    if known is None:
        known = cuts[words] = _cut(words, lexicon)
    return known


def _cut(words: str, lexicon: Lexicon | None) -> list[str]:
    if lexicon is None:
        return _cut_at_spaces(words)
    out: list[str] = []
    glue = False  # the next piece joins the previous token
    n = len(words)
    for match in lexicon.pieces.finditer(words):
        line_break, space, number, token = match.group(1, 2, 3, 0)
        if line_break:
            out.append("\n")
            glue = False
            continue
        if space:
            if space == SOFT_BREAK:
                out.append("")
            elif out and out[-1] not in (" ", "\n"):
                out.append(" ")
            glue = False
            continue
        if out and out[-1] not in (" ", "\n", "") and (glue or token[0] in _NO_START):
            out[-1] += token
        else:
            out.append(token)
        end = match.end()
        glue = token[-1] in _NO_END or (
            number is not None and end < n and _CJK.match(words, end) is not None
        )
    return [t for t in out if t]


def _cut_at_spaces(words: str) -> list[str]:
    """Without a lexicon: pieces between spaces, soft breaks and line breaks."""
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        ch = words[i]
        if ch == "\n":
            out.append("\n")
            i += 1
            continue
        if ch.isspace() or ch == SOFT_BREAK:
            if ch != SOFT_BREAK and out and out[-1] not in (" ", "\n"):
                out.append(" ")
            elif ch == SOFT_BREAK:
                out.append("")
            i += 1
            continue
        j = i
        while j < n and not words[j].isspace() and words[j] != SOFT_BREAK:
            j += 1
        token = words[i:j]
        i = j
        if out and out[-1] not in (" ", "\n", "") and token[0] in _NO_START:
            out[-1] += token
        else:
            out.append(token)
    return [t for t in out if t]


@dataclass(frozen=True)
class TextStyle:
    """How a block of text is set: its role's font, size, lines and indents."""

    role: Role
    size: float
    leading: float
    align: str = "LEFT"  # LEFT, RIGHT, CENTER or JUSTIFY
    first_indent: float = 0.0
    left_indent: float = 0.0
    color: colors.Color = colors.black
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False

    def clone(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


class Text(_FlowableBase):
    """A block of Chinese text: lines broken at word and code boundaries with the
    禁则 of Chinese (no 、，。 at the start of a line), no single character alone on
    the last line, justified by spacing the characters, an optional hanging label
    (1.), characters the font lacks in the fallback font; split across pages with at
    least two lines on each side.  Table cells are Texts too."""

    def __init__(
        self,
        words: str,
        style: TextStyle,
        ink: Ink,
        *,
        lexicon: Lexicon | None = DEFAULT_LEXICON,
        label: str | None = None,
        label_indent: float = 0.0,
    ) -> None:
        super().__init__()
        self.words = cn(words)
        self.style = style
        self.ink = ink
        self.font = ink.faces.of(style.role)
        self.label = label
        self.label_indent = label_indent
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self.lexicon = lexicon
        # One piece of text (no space, line break or soft break): it is measured whole,
        # and cut into tokens only when it has to be broken.
        self._plain = _BREAKS.search(self.words) is None
        self._cut: tuple[list[str], list[float]] | None = None
        self._natural: float | None = None
        # (text, width, justified) per line, once wrapped; a split part has them fixed.
        self._lines: list[tuple[str, float, bool]] = []
        self._fixed = False
        self._first = True  # this part holds the paragraph's first line
        self._width = 0.0
        self._block: tuple[Any, str] | None = None  # (document, what set_on writes)

    def _measure(self, words: str) -> float:
        return self.ink.width(words, self.font, self.style.size)

    def _pieces(self) -> tuple[list[str], list[float]]:
        """The tokens and their widths."""
        if self._cut is None:
            cut = tokens(self.words, self.lexicon)
            self._cut = cut, [0.0 if t == "\n" else self._measure(t) for t in cut]
        return self._cut

    @property
    def min_width(self) -> float:
        """The widest piece that cannot be broken; a short text (up to six characters:
        现代服务业, 2023-07-31) is not broken at all."""
        natural = self.natural_width
        if natural <= SHORT_TEXT * self.style.size:
            return natural
        cut, widths = self._pieces()
        pieces = (w for t, w in zip(cut, widths, strict=True) if t != " ")
        return max(pieces, default=0.0) + self.style.left_indent

    @property
    def natural_width(self) -> float:
        """The width on one line (per explicit line)."""
        return self._line_width() + self.style.left_indent + self.style.first_indent

    def _line_width(self) -> float:
        """The widest explicit line's text, on one line."""
        if self._natural is None:
            if self._plain:
                widest = self._measure(self.words)
            else:
                widest = current = 0.0
                for t, w in zip(*self._pieces(), strict=True):
                    if t == "\n":
                        widest, current = max(widest, current), 0.0
                    else:
                        current += w
                widest = max(widest, current)
            self._natural = widest
        return self._natural

    def _break(self, width: float) -> list[tuple[str, float, bool]]:
        first_width = width - self.style.left_indent - self.style.first_indent
        rest_width = width - self.style.left_indent
        fuzz = 0.01
        if self._plain and self._line_width() <= first_width + fuzz:
            return [(self.words, self._line_width(), False)]  # one piece on one line
        line: list[tuple[str, float]] = []
        lines = [line]
        hard: list[bool] = []  # the line ends at an explicit line break
        used = 0.0
        limit = first_width + fuzz  # the room on the line being filled

        def new_line(forced: bool) -> None:
            nonlocal line, used, limit
            while line and line[-1][0] == " ":
                line.pop()
            hard.append(forced)
            line = []
            lines.append(line)
            used = 0.0
            limit = rest_width + fuzz

        for token, w in zip(*self._pieces(), strict=True):
            if token == "\n":
                new_line(True)
                continue
            if token == " ":
                if line:
                    line.append((token, w))
                    used += w
                continue
            if line and used + w > limit:
                new_line(False)
            if w > limit:
                # Longer than the line: only here is a word broken, by characters.
                for ch in token:
                    cw = self._measure(ch)
                    if line and used + cw > limit:
                        new_line(False)
                    line.append((ch, cw))
                    used += cw
                continue
            line.append((token, w))
            used += w
        hard.append(True)
        # No line of a single character at the end (a lone 司, 实。): take one more down.
        last = lines[-1]
        lone = len(last) == 1 and len(last[0][0].rstrip("".join(_NO_START))) == 1
        if len(lines) > 1 and not hard[-2] and lone:
            previous = lines[-2]
            if len(previous) > 2:
                lines[-1].insert(0, previous.pop())
        justify = self.style.align == "JUSTIFY"
        return [
            ("".join([t for t, _ in part]).rstrip(), sum([w for _, w in part]), justify and not end)
            for part, end in zip(lines, hard, strict=True)
        ]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._fixed and (not self._lines or availWidth != self._width):
            self._lines = self._break(availWidth)
            self._block = None
        self._width = availWidth
        return availWidth, self.style.leading * len(self._lines)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.wrap(availWidth, availHeight)
        fits = int((availHeight + 0.01) // self.style.leading)
        total = len(self._lines)
        if fits >= total:
            return [self]
        fits = min(fits, total - 2)  # two lines at least go on, and two stay
        if fits < 2:
            return []
        head, tail = (
            self._part(self._lines[:fits], first=self._first),
            self._part(self._lines[fits:], first=False),
        )
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def _part(self, lines: list[tuple[str, float, bool]], first: bool) -> Text:
        part = Text.__new__(Text)
        part.__dict__.update(self.__dict__)
        part._lines = lines
        part._fixed = True
        part._first = first
        if not first:
            part.label = None
        return part

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        size = style.size
        canv.setFillColor(style.color)
        for index, line, x, y, spacing in self._placed_lines():
            if index == 0 and self._first and self.label:
                canv.setFont(self.font.name, size)
                canv.drawString(self.label_indent, y, self.label)
            text = canv.beginText(x, y)
            text.setCharSpace(spacing)
            for run_font, run in self.ink.runs(line, self.font):
                text.setFont(run_font.name, size)
                text.textOut(run)
            canv.drawText(text)

    def set_on(self, page: PageText, x: float, y: float) -> None:
        """The lines as ``draw`` sets them, written into ``page`` with the text's
        origin at (x, y).  What they write does not depend on where: it is made once
        per document (a header on every page, a unit's name in many rows)."""
        if self._block is None or self._block[0] is not page.doc:
            self._block = (page.doc, self._written(page))
        page.place(x, y, self._block[1])

    def _placed_lines(self) -> Iterator[tuple[int, str, float, float, float]]:
        """Each line with where it starts (x, the baseline's y) and its character
        spacing (a justified line spread to the full width), top line first."""
        style = self.style
        size, leading = style.size, style.leading
        # The baseline sits a little above the foot of the line's box.
        y = leading * (len(self._lines) - 1) + (leading - size) / 2 + 0.2 * size
        for index, (line, width, justified) in enumerate(self._lines):
            start = style.left_indent + (style.first_indent if self._first and index == 0 else 0.0)
            room = self._width - start
            if style.align == "RIGHT":
                x = start + room - width
            elif style.align == "CENTER":
                x = start + (room - width) / 2
            else:
                x = start
            spacing = 0.0
            if justified and len(line) > 1 and room > width:
                spacing = (room - width) / (len(line) - 1)
            yield index, line, x, y, spacing
            y -= leading

    def _written(self, page: PageText) -> str:
        style = self.style
        lines = [
            (x, y, self.ink.runs(line, self.font), spacing)
            for _index, line, x, y, spacing in self._placed_lines()
        ]
        return page.block(lines, style.size, style.leading, style.color)


class Styles:
    """The text styles of the documents, each on its role's font (GB/T 9704 sizes)."""

    def __init__(self, faces: Typefaces, cell_size: float = XIAO_SAN) -> None:
        self.faces = faces
        self.ink = Ink(faces)
        self.cell_size = cell_size
        indent = SAN * 2  # two characters
        self.masthead = TextStyle(Role.TITLE, CHU, CHU * 1.3, "CENTER", color=RED)
        self.title = TextStyle(Role.TITLE, ER, ER * 1.5, "CENTER", space_after=ER * 0.3)
        self.issue = TextStyle(Role.BODY, SAN, SAN * 1.5, "CENTER")
        self.meta_left = TextStyle(Role.BODY, SAN, SAN * 1.5, "LEFT")
        self.meta_right = TextStyle(Role.BODY, SAN, SAN * 1.5, "RIGHT")
        self.heading = TextStyle(
            Role.HEADING, SAN, BODY_LEADING, first_indent=indent, keep_with_next=True
        )
        self.subheading = TextStyle(
            Role.SUBHEADING, SAN, BODY_LEADING, first_indent=indent, keep_with_next=True
        )
        self.body = TextStyle(Role.BODY, SAN, BODY_LEADING, "JUSTIFY", first_indent=indent)
        self.plain = TextStyle(Role.BODY, SAN, BODY_LEADING, "JUSTIFY")
        self.caption = TextStyle(Role.BODY, XIAO_SAN, XIAO_SAN * 1.5, "CENTER")
        self.note = TextStyle(Role.BODY, XIAO_SI, XIAO_SI * 1.6, "JUSTIFY")
        self.footer = TextStyle(Role.BODY, SI, SI * 1.5)
        self.cell_style = TextStyle(Role.BODY, cell_size, cell_size * 1.3)
        self.cell_head = TextStyle(Role.HEADING, cell_size, cell_size * 1.3, "CENTER")
        self._cell_styles: dict[str, TextStyle] = {}

    def para(self, words: str, style: TextStyle, *, lexicon: Lexicon | None = None) -> Text:
        """A block of plain (user or fixed) text: Chinese punctuation, and characters
        the style's font lacks set in the fallback font."""
        return Text(words, style, self.ink, lexicon=lexicon or RUNNING_TEXT)

    def item(self, label: str, words: str, label_width: float) -> Text:
        """A numbered item (1.) whose lines hang under its text, not under its number."""
        indent = SAN * 2
        style = self.plain.clone(left_indent=indent + label_width)
        return Text(words, style, self.ink, lexicon=RUNNING_TEXT, label=label, label_indent=indent)

    def cell(self, words: str, *, align: str = "LEFT", lexicon: Lexicon | None = None) -> Text:
        style = self._cell_styles.get(align)
        if style is None:
            style = self._cell_styles[align] = self.cell_style.clone(align=align)
        return Text(words, style, self.ink, lexicon=lexicon or DEFAULT_LEXICON)

    def head_cell(self, words: str) -> Text:
        """A table header: 黑体, broken only where SOFT_BREAK allows."""
        return Text(words, self.cell_head, self.ink, lexicon=None)


# -- tables --------------------------------------------------------------------------

PADDING = 3.0


@dataclass(frozen=True)
class Extent:
    """What a column's texts need: the widest piece that may not break (``least``), and
    the widest text on one line (``most``; the header counts only its pieces: it breaks
    at its soft breaks rather than widen the column)."""

    least: float
    most: float


def column_extents(
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    *,
    lexicon: Lexicon | None = None,
) -> list[Extent]:
    """Each column's extent, from its header and its distinct texts as ``Text`` sets
    them in a cell: a piece of text without a space measured whole (and, short, never
    broken: ``Text.min_width``), only the longer ones cut into their pieces."""
    words = lexicon or DEFAULT_LEXICON
    style = styles.cell_style
    font, size = styles.faces.of(style.role), style.size
    indents = style.left_indent + style.first_indent
    short = SHORT_TEXT * size
    extents = []
    for j, column in enumerate(columns):
        least = most = styles.head_cell(column.header).min_width
        for value in {"" if row[j] is None else str(row[j]) for row in rows}:
            text = cn(value)
            if _BREAKS.search(text) is not None:
                cell = styles.cell(value, lexicon=words)
                natural, piece = cell.natural_width, cell.min_width
            else:
                natural = piece = styles.ink.width(text, font, size) + indents
                if natural > short:
                    pieces = (styles.ink.width(t, font, size) for t in tokens(text, words))
                    piece = max(pieces, default=0.0) + style.left_indent
            least, most = max(least, piece), max(most, natural)
        extents.append(Extent(least, most))
    return extents


def least_width(extents: Sequence[Extent]) -> float:
    """The width a table needs so that no piece that should not break is broken."""
    return sum(e.least + 2 * PADDING for e in extents)


def column_widths(
    extents: Sequence[Extent], total: float, fixed: dict[int, float] | None = None
) -> list[float]:
    """Widths that give each column at least its widest unbreakable piece and share the
    rest by how much more its cells would take on one line (an automatic table
    layout)."""
    fixed = fixed or {}
    least: list[float] = []
    most: list[float] = []
    for j, extent in enumerate(extents):
        if j in fixed:
            least.append(fixed[j])
            most.append(fixed[j])
            continue
        low = extent.least + 2 * PADDING
        high = extent.most + 2 * PADDING
        least.append(low)
        most.append(max(low, high))
    if sum(most) <= total:
        spare = total - sum(most)
        flexible = [j for j in range(len(extents)) if j not in fixed and most[j] > least[j]]
        if not flexible:
            flexible = [j for j in range(len(extents)) if j not in fixed]
        share = spare / len(flexible) if flexible else 0.0
        return [m + (share if j in flexible else 0.0) for j, m in enumerate(most)]
    room = total - sum(least)
    if room <= 0:
        return [w * total / sum(least) for w in least]
    want = sum(m - w for m, w in zip(most, least, strict=True))
    return [w + (m - w) * room / want for m, w in zip(most, least, strict=True)]


@dataclass(frozen=True)
class Column:
    """A table column: its header (SOFT_BREAK where it may break), and how it sets."""

    header: str
    align: str = "LEFT"
    width: float | None = None  # fixed; None: from the content


def data_table(
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    width: float,
    *,
    total_row: Sequence[object] | None = None,
    lexicon: Lexicon | None = None,
    heads: Sequence[Flowable] = (),
    tail: Flowable | None = None,
    extents: Sequence[Extent] | None = None,
) -> RowTable:
    """A bordered table: header on every page (黑体), cells in 仿宋 breaking at word and
    code boundaries, column widths from the content; ``heads`` (a heading, a title)
    stay with its first rows, a total row never stands alone on a page, and
    ``tail`` (the 报尾) follows at the foot of the page of its last rows.
    ``extents``: the columns' (``column_extents``), when already known."""
    words = lexicon or DEFAULT_LEXICON
    header = [styles.head_cell(c.header) for c in columns]
    body_rows = [*rows, total_row] if total_row is not None else rows
    # The same words in one column are one cell, set once (a unit, a stage, a date).
    seen: list[dict[str, Text]] = [{} for _ in columns]
    body: list[list[Text]] = []
    for row in body_rows:
        if len(row) != len(columns):
            raise ValueError(f"a row of {len(row)} cells in a table of {len(columns)} columns")
        cells = []
        for v, c, known in zip(row, columns, seen, strict=True):
            value = "" if v is None else str(v)
            cell = known.get(value)
            if cell is None:
                cell = known[value] = styles.cell(value, align=c.align, lexicon=words)
            cells.append(cell)
        body.append(cells)
    if extents is None:
        extents = column_extents(styles, columns, body_rows, lexicon=words)
    fixed = {j: c.width for j, c in enumerate(columns) if c.width is not None}
    widths = column_widths(extents, width, fixed)
    table = RowTable(header, body, widths, total=total_row is not None, heads=heads, tail=tail)
    # Narrower than its unbreakable pieces: a code or date would have to break.
    table.overfull = least_width(extents) > width + 0.01
    return table


TOP_PAD, BOTTOM_PAD = 2.0, 3.0


def style_table(table: Table, faces: Typefaces, commands: Sequence[tuple[Any, ...]]) -> Table:
    """A table's style; its cells are Texts, but reportlab sets each cell's font all the
    same: the body font, so the PDF lists no unused Helvetica."""
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), faces.body.name), *commands]))
    return table


class RowTable(_FlowableBase):
    """A table laid out a page at a time, by whole rows: its header repeated on every
    page; its ``heads`` on the page of its header and first two rows (never a
    heading alone at a page's foot); a total row with at least the row above it;
    the ``tail`` at the foot of the last page together with at least two rows; a
    short table in one piece."""

    MIN_ROWS = 2
    KEEP_WHOLE = 6  # rows: a table this short is not split

    def __init__(
        self,
        header: list[Text],
        rows: list[list[Text]],
        widths: list[float],
        *,
        total: bool = False,
        heads: Sequence[Flowable] = (),
        tail: Flowable | None = None,
        heights: list[float] | None = None,
        first: int = 0,
    ) -> None:
        super().__init__()
        self.header = header
        # The table's rows from ``first`` on: what is left of it after earlier pages
        # (the lists are shared by every page's rest, not copied).
        self.rows = rows
        self.first = first
        self.widths = widths
        self.total = total
        self.heads = list(heads)
        for head in self.heads:
            head.keepWithNext = 0
        self.tail = tail
        self._heights = heights
        self._head_height: float | None = None
        self._tried = False
        self.overfull = False

    def _row_height(self, cells: list[Text]) -> float:
        return (
            max(
                c.wrap(w - 2 * PADDING, 0xFFFFFF)[1]
                for c, w in zip(cells, self.widths, strict=True)
            )
            + TOP_PAD
            + BOTTOM_PAD
        )

    def heights(self) -> list[float]:
        """The height of every row of the table (from its first, not ``first``)."""
        if self._heights is None:
            self._heights = [self._row_height(r) for r in self.rows]
        return self._heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 0xFFFFFF  # always placed through split()

    def _header_height(self) -> float:
        if self._head_height is None:
            self._head_height = self._row_height(self.header)
        return self._head_height

    def _table(self, count: int) -> TablePart:
        """The next ``count`` rows under the header."""
        start, stop = self.first, self.first + count
        shaded = [0]
        if self.total and stop == len(self.rows):
            shaded.append(count)
        return TablePart(
            [self.header, *self.rows[start:stop]],
            self.widths,
            [self._header_height(), *self.heights()[start:stop]],
            shaded,
        )

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        heads = 0.0
        for head in self.heads:
            heads += head.wrap(availWidth, availHeight)[1]
            heads += head.getSpaceBefore() + head.getSpaceAfter()
        heights = self.heights()
        room = availHeight - heads - self._header_height()
        first = self.first
        n = len(heights) - first
        fit, used = 0, 0.0
        while fit < n and used + heights[first + fit] <= room + 0.01:
            used += heights[first + fit]
            fit += 1
        if fit == n:
            if self.tail is None:
                return [*self.heads, self._table(n)]
            tail_height = self.tail.wrap(availWidth, availHeight)[1]
            if used + tail_height <= room + 0.01:
                return [*self.heads, self._table(n), AtFoot(self.tail)]
            fit = n - min(self.MIN_ROWS, n)  # the tail goes on with the last rows
        elif n <= self.KEEP_WHOLE and not self._tried:
            self._tried = True  # a short table goes to the next page in one piece
            return []
        elif fit == n - 1 and n > self.MIN_ROWS:
            fit -= 1  # no row (nor the total row) alone on the next page
        if fit < min(self.MIN_ROWS, n):
            if not self._tried:
                self._tried = True  # try the next page; there it goes in as it can
                return []
            fit = max(fit, 1)
        rest = RowTable(
            self.header,
            self.rows,
            self.widths,
            total=self.total,
            tail=self.tail,
            heights=heights,
            first=first + fit,
        )
        rest._head_height = self._head_height
        return [*self.heads, self._table(fit), rest]


class TablePart(_FlowableBase):
    """The rows of a table on one page, drawn as a bordered table: the header shaded
    (and the total row), each cell's text in the middle of its row with the paddings
    around it, the grid over them.  The text goes into the page in one piece
    (``PageText``), not cell by cell through reportlab's Table."""

    hAlign = "CENTER"

    def __init__(
        self, rows: list[list[Text]], widths: list[float], heights: list[float], shaded: list[int]
    ) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.heights = heights
        self.shaded = shaded
        self.columns = [0.0]  # the left edge of each column, and the right edge
        for w in widths:
            self.columns.append(self.columns[-1] + w)
        # The top edge of each row, and the bottom one: summed from the bottom (with the
        # rounding carried, as reportlab's Table sums them).
        edges, height, carry = [], 0.0, 0.0
        for h in reversed(heights):
            edges.append(height)
            y = h - carry
            t = height + y
            carry = (t - height) - y
            height = t
        edges.append(height)
        edges.reverse()
        self.edges = edges

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.columns[-1], self.edges[0]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        columns, edges = self.columns, self.edges
        for row in self.shaded:
            canv.setFillColor(HEAD_BG)
            canv.rect(0, edges[row], columns[-1], edges[row + 1] - edges[row], stroke=0, fill=1)
        page = PageText.of(canv, self.rows[0][0].ink.faces)
        # Each column's left edge inside its padding, and the width its text is set in.
        places = [
            (left + PADDING, width - 2 * PADDING)
            for left, width in zip(columns, self.widths, strict=False)
        ]
        for row, cells in enumerate(self.rows):
            bottom, height = edges[row + 1], self.heights[row]
            middle = height + BOTTOM_PAD - TOP_PAD
            for cell, (x, inner) in zip(cells, places, strict=True):
                h = cell.wrap(inner, 0xFFFFFF)[1]
                y = bottom + (middle + h) / 2.0 - h
                if page is None or cell.label:
                    cell.drawOn(canv, x, y)
                else:
                    cell.set_on(page, x, y)
        if page is not None:
            page.close()
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.5)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        # The frame, then the lines inside it (GRID): each line a path of its own.
        left, right, top, bottom = columns[0], columns[-1], edges[0], edges[-1]
        for y in (top, bottom):
            canv.line(left, y, right, y)
        for x in (left, right):
            canv.line(x, bottom, x, top)
        for y in edges[1:-1]:
            canv.line(left, y, right, y)
        for x in columns[1:-1]:
            canv.line(x, bottom, x, top)
        canv.restoreState()


@dataclass
class _Subsets:
    """What reportlab's subsetting of the TrueType fonts gave in one document: each
    font's characters as (their subset's PDF name, the byte escaped for a PDF string),
    and the subsets' PDF names."""

    glyphs: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    names: dict[tuple[str, int], str] = field(default_factory=dict)
    # The operators that begin a block in a colour, and that set a size and leading.
    begins: dict[colors.Color, str] = field(default_factory=dict)
    sizes: dict[tuple[float, float], str] = field(default_factory=dict)


class PageText:
    """Text written straight into a page's content, as reportlab's text objects write
    it (the same operators, the same glyph codes: those reportlab's subsetting gives
    each character, asked once per character and document), without their work per
    call: a table's thousands of cells."""

    # What reportlab's subsetting gave, per document.
    _documents: ClassVar[weakref.WeakKeyDictionary[Any, _Subsets]] = weakref.WeakKeyDictionary()

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.doc = canv._doc  # reportlab's subsets are kept per document
        known = self._documents.get(self.doc)
        if known is None:
            known = self._documents[self.doc] = _Subsets()
        self.known = known
        self.code: list[str] = []

    @classmethod
    def of(cls, canv: Canvas, faces: Typefaces) -> PageText | None:
        """A writer for ``canv``, or None when a font of ``faces`` is not TrueType
        (the built-in CID font): such text goes through reportlab's text objects."""
        fonts = (faces.title, faces.body, faces.heading, faces.subheading, faces.fallback)
        if all(isinstance(pdfmetrics.getFont(f.name), TTFont) for f in fonts):
            return cls(canv)
        return None

    def block(
        self,
        lines: list[tuple[float, float, list[tuple[PdfFont, str]], float]],
        size: float,
        leading: float,
        color: colors.Color,
    ) -> str:
        """A block of text in ``color``: each line (x, y, its runs of one font, the
        spacing of its characters) from the block's origin."""
        known = self.known
        begin = known.begins.get(color)
        if begin is None:
            begin = known.begins[color] = f"{fp_str(color.red, color.green, color.blue)} rg BT"
        font_size = known.sizes.get((size, leading))
        if font_size is None:
            font_size = known.sizes[(size, leading)] = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        code = [begin]
        current = ""  # the subset in use, by its PDF name
        for x, y, runs, spacing in lines:
            code.append(f"1 0 0 1 {fp_str(x, y)} Tm {fp_str(spacing) if spacing else '0'} Tc")
            for font, run in runs:
                for subset, escaped in self._pieces(font.name, run):
                    if subset != current:
                        code.append(f"{subset} {font_size}")
                        current = subset
                    code.append(f"({escaped}) Tj")
        code.append("ET Q")
        return " ".join(code)

    def _pieces(self, font_name: str, run: str) -> list[tuple[str, str]]:
        """``run`` in pieces of one subset of the font, each with the subset's PDF name
        and its characters' codes escaped for a PDF string."""
        glyphs = self.known.glyphs.get(font_name)
        if glyphs is None:
            glyphs = self.known.glyphs[font_name] = {}
        pieces: list[tuple[str, str]] = []
        chunk: list[str] = []
        current = ""
        for ch in run:
            known = glyphs.get(ch)
            if known is None:
                known = glyphs[ch] = self._code_of(font_name, ch)
            subset, escaped = known
            if subset != current:
                if chunk:
                    pieces.append((current, "".join(chunk)))
                    chunk = []
                current = subset
            chunk.append(escaped)
        if chunk:
            pieces.append((current, "".join(chunk)))
        return pieces

    def _code_of(self, font_name: str, ch: str) -> tuple[str, str]:
        """reportlab's code for ``ch`` in the font: its subset's PDF name, and its byte
        escaped for a PDF string."""
        ttf = pdfmetrics.getFont(font_name)
        ((subset, byte),) = ttf.splitString(ch, self.doc)
        names = self.known.names
        key = (font_name, subset)
        name = names.get(key)
        if name is None:
            name = names[key] = ttf.getSubsetInternalName(subset, self.doc)
        return name, escapePDF(byte)

    def place(self, x: float, y: float, block: str) -> None:
        """A block written by ``block``, with its origin at (x, y)."""
        self.code.append(f"q 1 0 0 1 {fp_str(x, y)} cm {block}")

    def close(self) -> None:
        """Everything placed, into the page."""
        if self.code:
            self.canv.addLiteral(" ".join(self.code))


class AtFoot(_FlowableBase):
    """Content drawn at the foot of the page it lands on and kept in one piece (the
    报尾 at the foot of the last page); on a page without room it moves to the next."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self._height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._height = self.content.wrap(availWidth, availHeight)[1]
        if self._height <= availHeight:
            return availWidth, availHeight
        return availWidth, self._height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


# -- pages and the file ------------------------------------------------------------


def numbered_canvas(font_name: str, footer: str = "第 {page} 页 共 {total} 页") -> type[Canvas]:
    """A canvas that writes "第 x 页 共 y 页" once the number of pages is known."""

    class NumberedCanvas(_CanvasBase):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, height = self._pagesize
                bottom = _bottom_margin(width > height)
                self.setFont(font_name, XIAO_SI)
                self.setFillColor(GREY)
                self.drawCentredString(
                    width / 2,
                    bottom - NUMBER_GAP - XIAO_SI,
                    footer.format(page=self._pageNumber, total=total),
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _bottom_margin(landscape_page: bool) -> float:
    if landscape_page:
        return PAGE_WIDTH - LANDSCAPE_TOP - BLOCK_WIDTH
    return PAGE_HEIGHT - TOP_MARGIN - BLOCK_HEIGHT


_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_cycle_collection(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """``build`` with Python's cycle collector paused: a document's cells, lines and
    pages live until it is written, and the collector's passes over them free nothing
    (a tenth of the time of a 10,000-project listing).  Objects are still freed as
    their last reference goes; the collector resumes afterwards as it was."""

    @functools.wraps(build)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


LANDSCAPE = "landscape"  # the page template a wide table turns to (NextPageTemplate)


def block_width(landscape_page: bool = False) -> float:
    return BLOCK_HEIGHT if landscape_page else BLOCK_WIDTH


@dataclass(frozen=True)
class DocumentInfo:
    """What the file says about itself (its metadata)."""

    title: str
    subject: str  # the document and its period
    author: str  # 编印单位
    keywords: tuple[str, ...] = ()


def write_pdf(
    story: list[Any],
    out: Path,
    faces: Typefaces,
    info: DocumentInfo,
    pagesize: tuple[float, float] = A4,
) -> Path:
    """Lay out ``story`` into ``out`` through a temporary file, so a failure or a
    crash never leaves half a PDF where the user expects the document.

    Pages are ``pagesize``; a ``NextPageTemplate(LANDSCAPE)`` in the story turns the
    following pages to landscape A4 (a wide appendix table).  The file gets the
    permissions the user's umask gives a new file, its metadata and /Lang zh-CN."""
    out = Path(out)
    temp = out.with_name(f".{out.stem}-{secrets.token_hex(4)}.pdf")
    # Created like any new file of the user's (0666 less the umask), not mkstemp's 0600.
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        doc = BaseDocTemplate(
            str(temp),
            pagesize=pagesize,
            leftMargin=LEFT_MARGIN,
            rightMargin=PAGE_WIDTH - LEFT_MARGIN - BLOCK_WIDTH,
            topMargin=TOP_MARGIN,
            bottomMargin=_bottom_margin(False),
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=list(info.keywords),
            creator=f"招商台账 {app_version()}",
            lang="zh-CN",
            initialFontName=faces.body.name,
            initialFontSize=SAN,
        )
        templates = [_page_template("main", False), _page_template(LANDSCAPE, True)]
        if pagesize[0] > pagesize[1]:
            templates.reverse()  # the first page template is the first page's
        doc.addPageTemplates(templates)
        doc.build(story, canvasmaker=numbered_canvas(faces.body.name))
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out


def _page_template(name: str, landscape_page: bool) -> PageTemplate:
    if landscape_page:
        pagesize = landscape(A4)
        frame = Frame(
            LANDSCAPE_LEFT,
            _bottom_margin(True),
            BLOCK_HEIGHT,
            BLOCK_WIDTH,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"{name}-frame",
        )
    else:
        pagesize = A4
        frame = Frame(
            LEFT_MARGIN,
            _bottom_margin(False),
            BLOCK_WIDTH,
            BLOCK_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"{name}-frame",
        )
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize)
