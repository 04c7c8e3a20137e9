"""Reading generated PDFs as a user would: their text, page by page and line by line,
their pages as pictures, the fonts they list and their metadata."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader

from reports.fonts import Typefaces


def _version(path: Path) -> tuple[str, int, int]:
    """A file as it is now: a rewritten PDF is read again."""
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def pdf_text(path: Path) -> str:
    """The PDF's text with line breaks and spaces removed (sentences wrap anywhere).

    pypdf reads both the embedded TrueType subsets and the built-in CID font."""
    return _text_of(_version(Path(path)))


@cache
def _text_of(version: tuple[str, int, int]) -> str:
    reader = PdfReader(version[0])
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def page_lines(path: Path) -> list[list[str]]:
    """Each page's text lines as pdftotext lays them out (blank lines dropped), the
    page number line included."""
    return [list(lines) for lines in _lines_of(_version(Path(path)))]


@cache
def _lines_of(version: tuple[str, int, int]) -> tuple[tuple[str, ...], ...]:
    result = subprocess.run(
        ["pdftotext", "-layout", version[0], "-"], capture_output=True, text=True, check=True
    )
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    return tuple(
        tuple(line.strip() for line in page.splitlines() if line.strip()) for page in pages
    )


def render_pages(path: Path, folder: Path, resolution: int = 40) -> list[Path]:
    """Every page as a PNG (pdftoppm); poppler's complaints fail the caller."""
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), str(path), str(folder / path.stem)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    return sorted(folder.glob(f"{path.stem}*.png"))


@dataclass(frozen=True)
class ListedFont:
    name: str
    type: str
    embedded: bool


def listed_fonts(path: Path) -> list[ListedFont]:
    """The fonts ``pdffonts`` lists for the file."""
    result = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = []
    for line in result.stdout.splitlines()[2:]:
        # name, type (may hold a space: "Type 1", "CID TrueType"), encoding, emb, sub, uni…
        match = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
        assert match, line
        fonts.append(ListedFont(match.group(1), match.group(2), match.group(4) == "yes"))
    return fonts


def info(path: Path) -> dict[str, str]:
    """``pdfinfo``'s fields: Title, Subject, Author, Creator, Tagged, Pages …"""
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    fields = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def missing_glyphs(path: Path, faces: Typefaces) -> set[str]:
    """Characters of the PDF's text that none of its fonts has a glyph for (tofu): the
    PDFs set a character their role's font lacks in the fallback font."""
    fonts = (faces.title, faces.body, faces.heading, faces.subheading, faces.fallback)
    return {ch for ch in set(pdf_text(path)) if not any(font.covers(ch) for font in fonts)}


HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附表|图\d)")
PAGE_NUMBER = re.compile(r"^第\s*\d+\s*页\s*共\s*\d+\s*页$")
# A line of a table's header (its words, or the unit of an amount on a line of its own).
TABLE_HEADER = re.compile(r"序号|规模档次|项目数|（亿元）|（亿美元）|日期\s+事项")


def content_lines(lines: list[str]) -> list[str]:
    """A page's lines without its page number."""
    return [line for line in lines if not PAGE_NUMBER.match(line)]


def layout_problems(path: Path) -> list[str]:
    """What an office would not send: a page without its number, a page ending in a
    heading, a total row alone under its table's header."""
    problems = []
    for number, lines in enumerate(page_lines(path), start=1):
        content = content_lines(lines)
        if not content:
            problems.append(f"page {number} is empty")
            continue
        if not PAGE_NUMBER.match(lines[-1]):
            problems.append(f"page {number} has no number at its foot")
        if HEADING.match(content[-1]):
            problems.append(f"page {number} ends in a heading: {content[-1]}")
        for i, line in enumerate(content):
            if line.startswith("合计") and (i == 0 or TABLE_HEADER.search(content[i - 1])):
                problems.append(f"page {number}: a total row alone under the header")
    return problems
