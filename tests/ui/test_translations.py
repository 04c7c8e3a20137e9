"""The English translation: complete, compiled from the committed .ts, and up to date
with the sources (a new tr() string without a translation fails here).

Update it with `make translations` (scripts/update_translations.sh), translate what
lupdate marked unfinished, and run it again to compile the .qm.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "translations" / "zhaoshang_en.ts"
QM = ROOT / "ui" / "translations" / "zhaoshang_en.qm"
SCRIPT = ROOT / "scripts" / "update_translations.sh"

# %1 … %9 (the code calls .replace("%1", …)) and {name} / {} (str.format).
PLACEHOLDER = re.compile(r"%\d+|\{\w*\}")
# A Qt mnemonic: "&F", not the literal "&&".
ACCELERATOR = re.compile(r"(?<!&)&(?!&)\w")

Key = tuple[str, str, str]  # context, source, disambiguation comment


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(path: Path) -> dict[Key, ET.Element]:
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message
    return messages


def test_every_message_is_translated_with_its_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 400
    problems = []
    for (context, source, _), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        if translation.get("type") is not None:
            problems.append(f"{where} is {translation.get('type')}")
        elif not text:  # a lone space is a real translation (an empty spin box suffix)
            problems.append(f"{where} is empty")
        else:
            for placeholder in sorted(set(PLACEHOLDER.findall(source))):
                if placeholder not in text:
                    problems.append(f"{where} lacks {placeholder}")
            if text.count("\n") != source.count("\n"):
                problems.append(f"{where} has other line breaks")
            if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
                problems.append(f"{where} lacks an & accelerator")
    assert not problems, "\n".join(problems)


def test_the_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "zhaoshang_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), (
        "ui/translations/zhaoshang_en.qm is stale: run `make translations`"
    )


def test_the_sources_have_no_string_missing_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "LUPDATE": _tool("pyside6-lupdate"),
        "LRELEASE": _tool("pyside6-lrelease"),
    }
    subprocess.run(
        ["bash", str(SCRIPT), str(fresh), str(tmp_path / "fresh.qm")],
        check=True,
        capture_output=True,
        env=env,
    )
    extracted = _messages(fresh)
    # The script also finds the module helpers' _tr("…") and the labels given to tr() as
    # variables; without them these contexts would be missing.
    contexts = {context for context, _, _ in extracted}
    assert {"MainWindow", "FollowUpDialog", "widgets", "ProjectTableModel"} <= contexts
    missing = sorted(set(extracted) - set(_messages(TS)))
    assert not missing, "not in zhaoshang_en.ts (run `make translations`, then translate):\n" + (
        "\n".join(f"{context}: {source!r}" for context, source, _ in missing)
    )
