"""kill -9 in the middle of saving: every save that was acknowledged is in the file,
no project is left without its stage record, and the file is intact.

The child saves new projects through ``save_project``, the operation the project
form runs (the project, its investor, phases and first stage record in one
transaction), and prints each one's UUID once the call has returned.  The
parent kills it at a random moment, ``REPEAT`` times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from db.records.files import create_unit_file
from db.store.unit_file import open_store

ROOT = Path(__file__).resolve().parents[2]
REPEAT = 25

SAVER = """
import sys
from datetime import date
from decimal import Decimal
from db.records.projects import PhaseData, ProjectData, save_project
from db.rules.vocabulary import Stage
from db.store.settings import own_unit
from db.store.unit_file import open_store

store = open_store(sys.argv[1]).make_default()
unit_id = own_unit().id
print("ready", flush=True)
n = 0
while True:
    n += 1
    data = ProjectData(
        name=f"项目{sys.argv[2]}-{n}",
        investor_name=f"投资方{n % 7}有限公司",
        unit_id=unit_id,
        total_investment=Decimal(10000 + n),
        remarks="备注" * 150,  # 300 characters, the most a 备注 may hold
        phases=[PhaseData("一期", Decimal(5000)), PhaseData("二期", Decimal(5000))],
    )
    uuid = save_project(data, (Stage.TALKS, date(2023, 1, 1))).value
    print(uuid, flush=True)
"""


def _check(path: Path, acknowledged: set[str]) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        live = {uuid for (uuid,) in conn.execute("SELECT uuid FROM project WHERE deleted = 0")}
        assert acknowledged <= live, f"lost: {sorted(acknowledged - live)[:3]}"
        orphans = conn.execute(
            "SELECT count(*) FROM project p WHERE NOT EXISTS "
            "(SELECT 1 FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0)"
        ).fetchone()[0]
        assert orphans == 0
        phases = conn.execute(
            "SELECT count(*) FROM project p WHERE (SELECT count(*) FROM phase f "
            "WHERE f.project_id = p.id) <> 2"
        ).fetchone()[0]
        assert phases == 0
    finally:
        conn.close()


def test_kill_9_during_saves_loses_no_acknowledged_save(tmp_path: Path) -> None:
    path = tmp_path / "unit.zsdb"
    create_unit_file(path, "上海驻点招商办", city="上海").close()
    rng = random.Random(9)
    acknowledged: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for attempt in range(REPEAT):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(attempt)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
        for _ in range(rng.randint(0, 6)):
            acknowledged.add(child.stdout.readline().strip())
        time.sleep(rng.uniform(0, 0.03))  # somewhere inside the next save
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.update(line for line in rest.split() if line)
        assert child.returncode == -signal.SIGKILL
        _check(path, acknowledged)
    assert len(acknowledged) >= REPEAT
    # The lock of the killed process does not keep the file from its owner.
    store = open_store(path)
    store.close()
    _check(path, acknowledged)
