"""Reading generated PDFs as a user would: their text, their pages as pictures."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics


def pdf_text(path: Path) -> str:
    """The PDF's text with line breaks and spaces removed (sentences wrap anywhere).

    pypdf reads both the embedded TrueType subset and the built-in CID font."""
    reader = PdfReader(str(path))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def render_pages(path: Path, folder: Path) -> list[Path]:
    """Every page as a PNG (pdftoppm); poppler's complaints fail the caller."""
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(path), str(folder / path.stem)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    return sorted(folder.glob(f"{path.stem}*.png"))


def missing_glyphs(path: Path, font_name: str) -> set[str]:
    """Characters of the PDF's text that the embedded font has no glyph for (tofu)."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None:  # a CID font: the viewer supplies every glyph
        return set()
    text = pdf_text(path)
    return {ch for ch in set(text) if ord(ch) not in face.charToGlyph}
