"""Reading the worksheets of an .xlsx ledger, the archive checked before any cell.

An .xlsx is a ZIP archive of XML files, and a small one can stand for a huge
workbook: a member that inflates to gigabytes, a cell placed at XFD1048576 that
makes a reader allocate every cell up to it.  So, before a reader sees it:

1. the archive's directory is read: how many members, how they are compressed,
   the size each one says it inflates to, against db.io.ledger.limits;
2. every member is inflated by us, in blocks, never past the size the directory
   states (and its deflate stream must end there, with the stated CRC);
3. while inflating, the worksheets are scanned for cells whose position (r="…")
   lies beyond the limits, and for cells that state no position.

Only then are the cells read: by python-calamine (ten times openpyxl's speed,
README "Libraries and why") when every cell states a position within the
limits, else by openpyxl's streaming reader, which stops at the limits too.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from db.errors import UserError
from db.io.ledger.limits import (
    MAX_COLUMNS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_SHEET_BYTES,
    MAX_SHEET_ROW,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_UNCOMPRESSED,
    MIB,
)

Grid = Iterator[Sequence[object]]  # a worksheet's rows from row 1, cells from column A

_BLOCK = MIB
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra length


def _digits_above(limit: int) -> bytes:
    """A regular expression matching the decimal numbers above ``limit``."""
    text = str(limit)
    options = [rf"[1-9]\d{{{len(text)},}}"]  # more digits
    for i, digit in enumerate(text):
        if digit != "9":
            options.append(f"{text[:i]}[{int(digit) + 1}-9]" + rf"\d{{{len(text) - i - 1}}}")
    return ("0*(?:" + "|".join(f"(?:{o})" for o in options) + ")").encode()


def _column_letters(number: int) -> str:
    """A column's letters as Excel names it: 1 → A, 27 → AA, 256 → IV."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _letters_above(limit: int) -> bytes:
    """A regular expression matching the column letters after column ``limit``."""
    text = _column_letters(limit)
    options = [f"[A-Z]{{{len(text) + 1},}}"]
    for i, letter in enumerate(text):
        if letter != "Z":
            options.append(f"{text[:i]}[{chr(ord(letter) + 1)}-Z][A-Z]{{{len(text) - i - 1}}}")
    return "|".join(f"(?:{o})" for o in options).encode()


# A position beyond the limits: r="IW1", r="A210001" (a cell), r="210001" (a row).
# It begins with its literal r=" so that the search runs at memchr's speed; the
# byte before it is checked apart (an attribute named r, not one ending in r).
_BEYOND = re.compile(
    rb'r="((?:'
    + _letters_above(MAX_COLUMNS)
    + rb")\d+|[A-Z]*(?:"
    + _digits_above(MAX_SHEET_ROW)
    + rb'))"'
)
# Positions in small letters, which readers differ on: left to the slower reader.
_SMALL_LETTERS = re.compile(rb'r="[a-z]')
# A cell element that does not begin with its position (<c>, <c/>, <c s="1" r="A1">…):
# one search over the text, where counting each kind of opening took four times as long.
_UNPLACED_CELL = re.compile(rb'<c(?:[>/\t\n\r]| (?!r="))')


def _damaged(path: Path, detail: str) -> UserError:
    return UserError(
        f"无法读取 Excel 文件(文件损坏或不是 .xlsx 格式):{path.name}",
        f"cannot read the Excel file {path.name}: {detail}",
    )


def _too_large(path: Path, zh: str, en: str) -> UserError:
    return UserError(
        f"Excel 文件超出台账的上限,未导入任何数据:{zh}({path.name})",
        f"the Excel file exceeds the ledger's limits, nothing was imported: {en} ({path.name})",
    )


def _check_directory(path: Path, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members, after checking what the archive's directory says of them."""
    members = archive.infolist()
    if len(members) > MAX_XLSX_MEMBERS:
        raise _too_large(
            path,
            f"压缩包内有{len(members)}个文件,最多{MAX_XLSX_MEMBERS}个",
            f"{len(members)} members, at most {MAX_XLSX_MEMBERS}",
        )
    names = [m.filename for m in members]
    if len(set(names)) != len(names):
        raise _damaged(path, "two members of one name")
    total = 0
    for member in members:
        if member.flag_bits & 0x20:  # "compressed patched data", which no reader takes
            raise _damaged(path, f"{member.filename}: patched data")
        if member.flag_bits & 0x41:  # encrypted, or strongly encrypted
            raise UserError(
                f"Excel 文件设有密码,请在 Excel/WPS 中取消密码后另存再导入:{path.name}",
                f"the Excel file is password-protected; remove the password first: {path.name}",
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(path, f"{member.filename}: compression method {member.compress_type}")
        shared = member.filename.lower().endswith("sharedstrings.xml")
        limit = MAX_SHARED_STRINGS_BYTES if shared else MAX_SHEET_BYTES
        if member.file_size > limit:
            what = "文字表(sharedStrings)" if shared else f"“{member.filename}”"
            raise _too_large(
                path,
                f"{what}解压后有{member.file_size // MIB}MB,最多{limit // MIB}MB",
                f"{member.filename} inflates to {member.file_size // MIB} MB, "
                f"at most {limit // MIB} MB",
            )
        total += member.file_size
    if total > MAX_XLSX_UNCOMPRESSED:
        raise _too_large(
            path,
            f"解压后共{total // MIB}MB,最多{MAX_XLSX_UNCOMPRESSED // MIB}MB",
            f"{total // MIB} MB inflated, at most {MAX_XLSX_UNCOMPRESSED // MIB} MB",
        )
    return members


def _inflated(path: Path, raw: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes, in blocks, never past the size the directory states; its
    stream must end exactly there and match its CRC."""
    raw.seek(member.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size:
        raise _damaged(path, f"{member.filename}: truncated")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04":
        raise _damaged(path, f"{member.filename}: no local header")
    raw.seek(member.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    inflate = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    left, produced, crc = member.compress_size, 0, 0
    try:
        while left > 0 or (inflate is not None and inflate.unconsumed_tail):
            if inflate is not None and inflate.unconsumed_tail:
                block = inflate.decompress(inflate.unconsumed_tail, _BLOCK)
            else:
                compressed = raw.read(min(left, _BLOCK))
                if not compressed:
                    raise _damaged(path, f"{member.filename}: truncated")
                left -= len(compressed)
                block = compressed if inflate is None else inflate.decompress(compressed, _BLOCK)
            produced += len(block)
            if produced > member.file_size:
                raise _damaged(path, f"{member.filename}: larger than the directory says")
            crc = zlib.crc32(block, crc)
            yield block
    except zlib.error as exc:
        raise _damaged(path, f"{member.filename}: {exc}") from exc
    if inflate is not None and not inflate.eof:
        raise _damaged(path, f"{member.filename}: the compressed stream does not end")
    if produced != member.file_size or crc != member.CRC:
        raise _damaged(path, f"{member.filename}: size or CRC differs from the directory")


@dataclass
class _Scan:
    unplaced: bool = False  # a cell element that does not begin with its position, r="…"
    unusual: bool = False  # elements with a namespace prefix (x:c), positions in small letters


def _scan(path: Path, member: zipfile.ZipInfo, blocks: Iterator[bytes], scan: _Scan) -> None:
    """Look for cells without their position and refuse one beyond the limits.  Text is cut
    before its last “<” so that no element is split between two pieces."""
    carry = b""
    for block in blocks:
        text = carry + block
        cut = text.rfind(b"<")
        if cut <= 0:
            carry = text
            continue
        piece, carry = text[:cut], text[cut:]
        _scan_piece(path, member, piece, scan)
    _scan_piece(path, member, carry, scan)


def _scan_piece(path: Path, member: zipfile.ZipInfo, piece: bytes, scan: _Scan) -> None:
    scan.unplaced = scan.unplaced or _UNPLACED_CELL.search(piece) is not None
    scan.unusual = (
        scan.unusual or b":sheetData" in piece or _attribute_r(_SMALL_LETTERS, piece) is not None
    )
    beyond = _attribute_r(_BEYOND, piece)
    if beyond is not None:
        position = beyond.group(1).decode()
        raise _too_large(
            path,
            f"“{member.filename}”有单元格或行位于 {position},超出台账的范围"
            f"(最多{MAX_COLUMNS}列、{MAX_SHEET_ROW}行);请删去多余的行列后另存",
            f"a cell or row at {position} in {member.filename}, beyond "
            f"{MAX_COLUMNS} columns and {MAX_SHEET_ROW} rows",
        )


def _attribute_r(pattern: re.Pattern[bytes], piece: bytes) -> re.Match[bytes] | None:
    """The first match of ``pattern`` (which begins r=") that is an attribute named r,
    not the end of one such as dir="t"."""
    for match in pattern.finditer(piece):
        if piece[match.start() - 1 : match.start()].isspace():
            return match
    return None


def _check_archive(path: Path) -> bool:
    """Check the archive as the module says; True when every cell states its position."""
    try:
        with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
            scan = _Scan()
            for member in _check_directory(path, archive):
                _scan(path, member, _inflated(path, raw, member), scan)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        OverflowError,
        struct.error,
        NotImplementedError,  # a zip version or feature zipfile does not know
    ) as exc:
        raise _damaged(path, str(exc)) from exc
    except OSError as exc:
        raise UserError(f"无法读取文件:{path}", f"cannot read {path}: {exc}") from exc
    return not scan.unplaced and not scan.unusual


def worksheets(path: Path) -> Iterator[Grid]:
    """The rows of each worksheet in the workbook's order, after checking the archive."""
    if _check_archive(path):
        yield from _calamine_sheets(path)
    else:
        yield from _openpyxl_sheets(path)


def _calamine_sheets(path: Path) -> Iterator[Grid]:
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise _damaged(path, str(exc)) from exc
    except BaseException as exc:
        if _is_panic(exc):
            raise _damaged(path, str(exc)) from exc
        raise
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            try:
                # From A1, so that a row's index is its number in Excel.
                rows = workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            except (CalamineError, ValueError, OverflowError) as exc:
                raise _damaged(path, f"{meta.name}: {exc}") from exc
            except BaseException as exc:
                if _is_panic(exc):
                    raise _damaged(path, f"{meta.name}: {exc}") from exc
                raise
            yield iter(rows)
    finally:
        workbook.close()


def _is_panic(exc: BaseException) -> bool:
    """A panic of the Rust reader on input it did not expect (pyo3's PanicException,
    a BaseException): a damaged file, unlike Ctrl+C."""
    return type(exc).__name__ == "PanicException"


def _openpyxl_sheets(path: Path) -> Iterator[Grid]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (
        OSError,
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        SyntaxError,  # ElementTree's ParseError
        NotImplementedError,  # zipfile: a zip feature it does not know
    ) as exc:
        raise _damaged(path, str(exc)) from exc
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # some writers store a wrong size; read every row
            yield _bounded(path, sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _bounded(path: Path, rows: Iterator[Sequence[object]]) -> Grid:
    """openpyxl's rows, stopped at the limits and at damaged XML."""
    number = 0
    try:
        for number, row in enumerate(rows, start=1):
            if number > MAX_SHEET_ROW or len(row) > MAX_COLUMNS:
                raise _too_large(
                    path,
                    f"第{number}行超出台账的范围(最多{MAX_COLUMNS}列、{MAX_SHEET_ROW}行)",
                    f"row {number} is beyond {MAX_COLUMNS} columns and {MAX_SHEET_ROW} rows",
                )
            yield row
    except (
        KeyError,
        ValueError,
        TypeError,
        SyntaxError,
        zipfile.BadZipFile,
        NotImplementedError,
        EOFError,
        zlib.error,
    ) as exc:
        raise _damaged(path, f"row {number + 1}: {exc}") from exc
