"""Qualifiers of a planned figure as officials write them (限定词): 约 (about), 超 (more
than), 达 (reaching) before the number, 以上 after it — "销售额约20亿元",
"年纳税超5亿元", "总产能达4万吨", "新增就业500人以上".

A qualifier is stored beside its number as a short code; the number itself stays
exact, so every sum and rule reads the number alone.
"""

from __future__ import annotations

from enum import StrEnum


class Qualifier(StrEnum):
    ABOUT = "about"  # 约
    OVER = "over"  # 超
    REACHING = "reaching"  # 达
    AT_LEAST = "at_least"  # 以上

    @property
    def label(self) -> str:
        return QUALIFIER_LABELS[self]

    @property
    def is_suffix(self) -> bool:
        """以上 follows the figure; the others precede it."""
        return self is Qualifier.AT_LEAST

    @classmethod
    def from_label(cls, label: str) -> Qualifier:
        for qualifier, text in QUALIFIER_LABELS.items():
            if text == label:
                return qualifier
        raise ValueError(label)


QUALIFIER_LABELS: dict[Qualifier, str] = {
    Qualifier.ABOUT: "约",
    Qualifier.OVER: "超",
    Qualifier.REACHING: "达",
    Qualifier.AT_LEAST: "以上",
}


def qualifier_of(code: str | None) -> Qualifier | None:
    """The stored code read back (None for none)."""
    return Qualifier(code) if code else None


def qualified(figure: str, qualifier: Qualifier | None) -> str:
    """A figure with its qualifier: 约20亿元, 超5亿元, 500人以上."""
    if qualifier is None:
        return figure
    return f"{figure}{qualifier.label}" if qualifier.is_suffix else f"{qualifier.label}{figure}"


def split_qualifier(text: str) -> tuple[Qualifier | None, str]:
    """A typed or spreadsheet figure taken apart: “约200000” → (约, "200000"),
    “50000以上” → (以上, "50000"); a plain figure has no qualifier."""
    stripped = text.strip()
    for qualifier in Qualifier:
        label = qualifier.label
        if qualifier.is_suffix and stripped.endswith(label):
            return qualifier, stripped.removesuffix(label).strip()
        if not qualifier.is_suffix and stripped.startswith(label):
            return qualifier, stripped.removeprefix(label).strip()
    return None, stripped
