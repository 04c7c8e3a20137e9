"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character."""

from __future__ import annotations

from operator import mul

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ALLOWED = frozenset(ALPHABET)
_VALUE = {ch: value for value, ch in enumerate(ALPHABET)}


def check_character(first17: str) -> str:
    if len(first17) == len(WEIGHTS) and _ALLOWED.issuperset(first17):
        total = sum(map(mul, map(_VALUE.__getitem__, first17), WEIGHTS))
    else:  # raises ValueError, as for a character outside the alphabet or another length
        total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """Why ``code`` is not a valid credit code, in Chinese; None when it is valid."""
    found = problem_in_both(code)
    return found[0] if found else None


def problem_in_both(code: str) -> tuple[str, str] | None:
    """Why ``code`` is not a valid credit code, in Chinese and in English."""
    if len(code) != 18:
        return f"应为18位,实为{len(code)}位", f"must have 18 characters, has {len(code)}"
    bad = [] if _ALLOWED.issuperset(code) else [ch for ch in code if ch not in _ALLOWED]
    if bad:
        return (
            f"含有不允许的字符“{bad[0]}”",
            f"contains the character “{bad[0]}”, which is not allowed",
        )
    expected = check_character(code[:17])
    if expected != code[17]:
        return f"校验位错误(应为{expected})", f"has a wrong check character (should be {expected})"
    return None


def normalise(code: str) -> str:
    return code.strip().upper().replace(" ", "")
