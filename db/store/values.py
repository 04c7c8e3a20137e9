"""Stored values that cannot be read: which record, which field, what is there.

A file of ours only ever holds values of the right kind, but another program can
write anything into a column (an amount as text, 1e300, a date that is no date, a
setting that is not JSON).  The settings are checked whenever the file is opened
(they are few: ``check_settings``); the records are checked by one pass over every
table (``find_bad_value``) when a read has failed, so that the message names the
record and the field instead of a conversion error, without slowing every open.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.errors import UnitFileError
from db.store.labels import FIELD_LABELS, TABLE_LABELS
from db.store.models import BOOKS, MODELS, BaseModel

# The codes a file stores for stages and capital (db.rules.vocabulary names them).
STAGE_CODES = (
    "lead",
    "talks",
    "signed",
    "registered",
    "started",
    "completed",
    "producing",
    "at_capacity",
    "dropped",
)
CAPITAL_CODES = ("domestic", "foreign")
CODES: dict[tuple[str, str], tuple[str, ...]] = {
    ("project", "stage"): STAGE_CODES,
    ("stage_event", "stage"): STAGE_CODES,
    ("project", "capital"): CAPITAL_CODES,
}
_DATE = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"


@dataclass(frozen=True)
class BadValue:
    table: str
    record_id: int
    record_name: str | None
    column: str
    value: Any

    def error(self, path: object) -> UnitFileError:
        label = TABLE_LABELS.get(self.table, self.table)
        field = FIELD_LABELS.get(self.column, self.column)
        name = f"“{self.record_name}”" if self.record_name else f"第{self.record_id}条"
        shown = repr(self.value)
        shown = shown if len(shown) <= 40 else shown[:37] + "…"
        return UnitFileError(
            f"文件中有无法读取的数据:{label}{name}的“{field}”为 {shown}。文件可能被其他程序"
            f"改动过,请使用最近的备份或交接文件,或请技术人员修复:{path}",
            f"a value cannot be read: {self.table} {self.record_id}, {self.column} = {shown} "
            f"(altered by another program?); use a recent backup: {path}",
        )


def _condition(model: type[BaseModel], fld: Field) -> str | None:
    """SQL that is true when the column holds a value its field cannot read."""
    column = f'"{fld.column_name}"'
    codes = CODES.get((model._meta.table_name, fld.column_name))
    if codes is not None:
        allowed = ", ".join(f"'{code}'" for code in codes)
        return f"{column} NOT IN ({allowed})"
    if isinstance(fld, BooleanField):
        return f"{column} NOT IN (0, 1)"
    if isinstance(fld, IntegerField | ForeignKeyField):  # amounts are scaled integers too
        return f"typeof({column}) NOT IN ('integer', 'null')"
    if isinstance(fld, DateField | DateTimeField):
        pattern = _DATE + ("*" if isinstance(fld, DateTimeField) else "")
        return (
            f"({column} IS NOT NULL AND (typeof({column}) <> 'text' "
            f"OR {column} NOT GLOB '{pattern}'))"
        )
    if isinstance(fld, CharField | TextField):
        return f"typeof({column}) NOT IN ('text', 'null')"
    return None


def find_bad_value(conn: sqlite3.Connection) -> BadValue | None:
    """The first stored value of any table that its field cannot read, or None."""
    for model in (*MODELS, *BOOKS):
        table = model._meta.table_name
        checks = [
            (fld.column_name, cond)
            for fld in model._meta.sorted_fields
            if (cond := _condition(model, fld)) is not None
        ]
        if not checks:
            continue
        label = "name" if "name" in model._meta.fields else None
        which = " ".join(f"WHEN {cond} THEN '{column}'" for column, cond in checks)
        row = conn.execute(
            f'SELECT id, {label or "NULL"}, CASE {which} END FROM "{table}" '
            f"WHERE {' OR '.join(cond for _, cond in checks)} LIMIT 1"
        ).fetchone()
        if row is not None:
            record_id, name, column = row
            value = conn.execute(
                f'SELECT "{column}" FROM "{table}" WHERE id = ?', [record_id]
            ).fetchone()[0]
            return BadValue(table, int(record_id), str(name) if name else None, column, value)
    return None


def check_settings(conn: sqlite3.Connection, path: object) -> None:
    """Every setting of the file must be JSON that its reader can read (db.store.settings
    READERS); a bad one is named.  Run with the file bound (the readers use the models)."""
    from db.store import settings

    stored = dict(conn.execute("SELECT key, value FROM setting WHERE deleted = 0").fetchall())
    for key, text in sorted(stored.items()):  # by key: a damaged rate is named before its history
        reader = settings.READERS.get(key)
        try:
            json.loads(text)
            if reader is not None:
                reader()
        except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
            shown = repr(text) if len(repr(text)) <= 40 else repr(text)[:37] + "…"
            raise UnitFileError(
                f"文件中的设置“{key}”无法读取({shown})。文件可能被其他程序改动过,"
                f"请使用最近的备份,或请技术人员修复:{path}",
                f"the setting {key} cannot be read ({shown}); altered by another program? "
                f"Use a recent backup: {path}",
            ) from None
