"""Sort keys of Chinese text (拼音排序): 博, 东, 华, 中 as WPS and Excel sort them, not
by code point (东, 中, 华, 博).

A key is compared as plain text (SQLite's BINARY order), character by character of
the text it stands for: a Chinese character becomes its pinyin without tone marks,
its tone digit and the character itself (homophones keep an order), anything else
stays itself, lower-cased and before every Chinese character, as in the
spreadsheets.  Like WPS and Excel, each character has one reading whatever its
neighbours: the first of pypinyin's dictionary (重 zhong, 行 xing, 长 zhang).

The file keeps the keys beside the text (``name_sort_key``…), written by its own
triggers through the SQL function ``pinyin_sort_key`` (db.store.migrations
registers it on every connection that writes), so every way a row is written —
a form, the ledger import, the merge at headquarters — leaves the right key.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

SQL_FUNCTION = "pinyin_sort_key"
OTHER = "\x01"  # before every Chinese character
CHINESE = "\x02"

_TONES = {
    mark: (letter, tone)
    for letter, marks in (
        ("a", "āáǎà"),
        ("e", "ēéěè"),
        ("i", "īíǐì"),
        ("o", "ōóǒò"),
        ("u", "ūúǔù"),
        ("v", "ǖǘǚǜ"),
    )
    for tone, mark in enumerate(marks, start=1)
}


def _toneless(reading: str) -> str:
    """zhōng → zhong1; lǜ → lv4; a neutral tone is 5."""
    tone = 5
    letters = []
    for ch in reading:
        if ch in _TONES:
            letter, tone = _TONES[ch]
            letters.append(letter)
        elif ch == "ü":
            letters.append("v")
        elif ch.isascii() and ch.isalpha():
            letters.append(ch)
        # combining marks of the rare readings written with them (m̄, ê̄) are left out
    return "".join(letters) + str(tone)


def _table_path() -> Path:
    """pypinyin's table of characters, found without importing pypinyin (whose package
    loads its dictionary of phrases, a quarter of a second, which a key never needs)."""
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin")
    return Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"


class _Segments(dict[str, str]):
    """Each character's segment of a key, made the first time a text holds it: a
    Chinese character's from its first reading in pypinyin's table (read once, a few
    hundredths of a second; its 40,000 characters are not all turned into segments),
    any other character itself, folded."""

    def __init__(self) -> None:
        super().__init__()
        self._readings: dict[str, str] | None = None

    def __missing__(self, ch: str) -> str:
        if self._readings is None:
            self._readings = json.loads(_table_path().read_text("utf-8"))
        readings = self._readings.get(str(ord(ch)))
        if readings is not None:
            segment = f"{CHINESE}{_toneless(readings.split(',')[0])}{ch}"
        else:
            # Full-width letters and digits sort with their ASCII forms.
            segment = OTHER + unicodedata.normalize("NFKC", ch).lower()
        self[ch] = segment
        return segment

    def cache_clear(self) -> None:
        """Forget every segment and the table, as a new process starts (for the benches)."""
        self.clear()
        self._readings = None


_segments = _Segments()


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str | None:
    """The key that sorts ``text`` by pinyin; None for no text (sorted last)."""
    if not text:
        return None
    return "".join(map(_segments.__getitem__, text))
