"""The checks of a ledger's rows say of every row of a seeded corpus of good and bad
cells (tests/db/ledger_check_corpus.py) exactly what they said before they were made
to read each distinct value of a column once: the same row ready to be written, or
the same problems with the same rows, columns and words (digests taken before)."""

from __future__ import annotations

import pytest

from tests.db.ledger_check_corpus import BLOCK, OWN, corpus, digest, digests, outcomes

UNIT_FILE = [
    "ad1f463c33298b6d",
    "0b4e8822ddcc0a5f",
    "159aab643b88463e",
    "c296678169705936",
    "2ff9c82826ac8a93",
    "1e58e676a00f11ca",
    "9c3a7cc8e59a2ca1",
    "99cb4d74a828ab02",
    "d5c3025892b0b26d",
    "445d6f2b65091fa6",
    "b58afa60f693115c",
    "250c19697ed4fdc3",
    "6169d367dc24313b",
    "ec7410db80210a9d",
    "81ad171edb506836",
    "539c6d9e07fd72ba",
    "e5f35b95a3fd8b29",
    "a05dc33658e34d58",
    "b09503accc5f8078",
    "9a385829cacef6ef",
    "be5979910713d625",
    "39ede937f3985204",
    "f53acfc34698c96d",
    "8c6bff3c6319b160",
    "2337e03be36b7558",
    "54219a3420c6dbac",
    "5c23ca3733091d0a",
    "912a126e1eeb10d1",
    "271c9fed6a9ebcc1",
    "44cad9732667222a",
]
HEADQUARTERS = [
    "2d5280a0d2a86436",
    "a543230f137c8b81",
    "93290fe6e4cdb1c9",
    "7e3e9889fe6b6fdc",
    "57d39c4597bf3478",
    "29c3713c5cc00de4",
    "34f3f5db28745fcf",
    "407901baf5431127",
    "8ec2ce91e24f1922",
    "26b7b2ff79fc6f59",
    "c808744da7dc08a7",
    "aabe64fb68e600a9",
    "4edfe9c84a89856f",
    "95dca47b90ca7fbe",
    "47887f9d97e1a88e",
    "254e0235c09e8466",
    "f81d00563c673e86",
    "e1b8cc43cea355f9",
    "1683a73541a3d94c",
    "60b69c4f1817f305",
    "6b0620721d09ee5a",
    "e58133ac1ed8b7b6",
    "b04a56218adada6b",
    "13137bba23b3367f",
    "33420fe919716502",
    "188f40944f6f7881",
    "ed22ec6ff3f48b59",
    "c26ad06ed0b06fc2",
    "e6b0f2cc62b0cbba",
    "f273e6a1dde2e6cc",
]


@pytest.mark.parametrize(
    ("own_name", "expected", "duplicates"),
    [(OWN, UNIT_FILE, (420, "4c9bb64a38ad30a6")), (None, HEADQUARTERS, (396, "139e7cd55f167d16"))],
    ids=["unit file", "headquarters"],
)
def test_every_row_of_the_corpus_is_checked_as_before(
    own_name: str | None, expected: list[str], duplicates: tuple[int, str]
) -> None:
    found, repeated = outcomes(own_name)
    rows = corpus()
    for block, (want, have) in enumerate(zip(expected, digests(found), strict=True)):
        first = block * BLOCK
        shown = "\n\n".join(
            f"{row}: {values}\n→ {text}"
            for (row, values), text in zip(rows[first : first + 5], found[first:], strict=False)
        )
        assert have == want, f"rows {first + 2}–{first + BLOCK + 1} differ; they begin:\n{shown}"
    assert (len(repeated), digest(repeated)) == duplicates


def test_the_corpus_has_good_rows_and_every_kind_of_problem() -> None:
    """What the digests stand for: rows that pass, and many kinds of refusal."""
    found, _ = outcomes(OWN)
    passed = [text for text in found if text.startswith("row ")]
    reasons = {
        line.split("”:", 1)[-1][:6]
        for text in found
        if not text.startswith("row ")
        for line in text.splitlines()
    }
    assert len(passed) > 1000
    assert len(reasons) > 30, sorted(reasons)
