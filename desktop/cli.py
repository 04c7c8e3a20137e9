"""The command line: ``zhaoshang`` with no arguments starts the desktop app.

Every failure exits non-zero with one line saying what went wrong, in Chinese
then English, and writes nothing partial.  A command that writes to a unit file
takes its lock (a second writer is told who has it); a command that only reads
does so in one read transaction, so a concurrent writer cannot mislead it.  An
output path that is, or resolves to, a file the command reads is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError

if TYPE_CHECKING:
    from db.reads.figures import Period
    from db.reads.units import UnitInfo
    from db.store.unit_file import Store

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 3


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应为 YYYY-MM-DD 格式,收到:{text} / date must be YYYY-MM-DD, got {text}"
        ) from None


# What a stored value another program wrote may raise when it is read.
UNREADABLE = (ValueError, TypeError, ArithmeticError, KeyError)


def _named(store: Store, exc: BaseException) -> None:
    """Raise the stored value behind a failed read, named by record and field."""
    from db.store.unit_file import diagnose

    found = diagnose(store)
    if found is not None:
        raise found from exc


@contextmanager
def _writing(path: str, take_over: bool = False) -> Iterator[Store]:
    """The file open for writing: its lock taken (``take_over``: a lock another
    computer left, as --force-unlock asks), the process's file until closed."""
    from db.store.unit_file import open_store

    store = open_store(path, write=True, take_over=take_over).make_default()
    if store.lock is not None and store.lock.took_over_from is not None and take_over:
        owner = store.lock.took_over_from
        print(
            f"提示:已接管 {owner.user}(电脑 {owner.host})自 {owner.since} 起留下的锁,"
            "此次接管已记录在文件中 / took over the lock (logged in the file)",
            file=sys.stderr,
        )
    try:
        yield store
    except UNREADABLE as exc:
        _named(store, exc)
        raise
    finally:
        store.close()


@contextmanager
def _reading(path: str) -> Iterator[Store]:
    """The file open for reading, every query in one consistent snapshot."""
    from db.store.unit_file import open_store

    store = open_store(path, write=False)
    try:
        with store.reading():
            yield store
    except UNREADABLE as exc:
        _named(store, exc)
        raise
    finally:
        store.close()


def cmd_init(args: argparse.Namespace) -> int:
    from db.records.files import create_hq_file, create_unit_file

    if args.hq:
        store = create_hq_file(args.file, args.hq)
        what = f"总部数据文件“{args.hq}”"
    else:
        store = create_unit_file(args.file, args.unit, kind=args.kind, city=args.city)
        what = f"单位数据文件“{args.unit}”"
    store.close()
    print(f"已创建{what}:{args.file}")
    return 0


def cmd_import_ledger(args: argparse.Namespace) -> int:
    from db.io.ledger.importing import import_ledger
    from db.io.ledger.template import LedgerImportError
    from db.store import settings

    with _writing(args.file, args.force_unlock):
        try:
            result = import_ledger(args.ledger).value
        except LedgerImportError as exc:
            print(f"错误:{exc.zh} / Error: {exc.en}", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_USER_ERROR
        priority = settings.priority_system().name
    line = f"已导入台账:新建项目{result.created}个,更新项目{result.updated}个"
    if result.units_created:
        line += f";新增单位:{'、'.join(result.units_created)}"
    print(line)
    notice = result.chains_notice(priority)
    if notice is not None:
        print(f"提示:{notice[0]} / Note: {notice[1]}", file=sys.stderr)
    return 0


def cmd_export_ledger(args: argparse.Namespace) -> int:
    from db.io.ledger.export import export_ledger, ledger_rows
    from db.store.paths import check_output

    out = check_output(args.out, args.file)
    if out.is_dir():
        raise UserError(
            f"输出应为文件名(如 台账.xlsx),不是文件夹:{args.out}",
            f"the output must name a file (e.g. ledger.xlsx), not a folder: {args.out}",
        )
    with _reading(args.file):
        rows = ledger_rows()
    export_ledger(rows, out)
    print(f"已导出台账:{len(rows)}个项目 → {args.out}")
    return 0


def _unit_scope(name: str | None) -> UnitInfo | None:
    from db.reads.units import unit_named

    if name is None:
        return None
    unit = unit_named(name)
    if unit is None:
        raise UserError(f"文件中没有名为“{name}”的单位", f"no unit named {name} in this file")
    return unit


def _period(args: argparse.Namespace) -> Period:
    from db.reads.figures import Period

    if args.date_from > args.date_to:
        raise UserError(
            f"起始日期 {args.date_from} 晚于截止日期 {args.date_to}",
            f"--from {args.date_from} is after --to {args.date_to}",
        )
    return Period(args.date_from, args.date_to)


def cmd_lookalikes(args: argparse.Namespace) -> int:
    """The groups of likely duplicate projects (疑似重复录入), with their reasons."""
    from db.reads.lookalikes import lookalike_groups
    from db.rules.money import yi_text
    from db.rules.vocabulary import Capital

    with _reading(args.file):
        unit = _unit_scope(args.unit)
        groups = lookalike_groups(unit.name if unit else None)
    scope = f"涉及{unit.name}" if unit else "全部单位"
    if not groups:
        print(f"未发现疑似重复的项目({scope})")
        return 0
    print(f"疑似重复的项目 {len(groups)} 组({scope}),请逐组核对是否为同一项目:")
    for number, group in enumerate(groups, 1):
        reasons = "、".join(r.zh for r in group.reasons)
        print(f"第{number}组({len(group.projects)}个项目):{reasons}")
        for index, project in enumerate(group.projects, 1):
            if project.total is None:
                amount = "总投资未填"
            elif project.capital is Capital.FOREIGN:
                amount = f"{yi_text(project.total)}亿美元"
            else:
                amount = f"{yi_text(project.total)}亿元"
            print(f"  {index}. {project.name} · {project.unit} · {project.investor} · {amount}")
        if len(group.projects) > 2:
            for first, second, why in group.pairs:
                print(f"     {first + 1} 与 {second + 1}:{'、'.join(r.zh for r in why)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The whole check of a file, whatever its size; nothing is written."""
    from db.store.migrations import LATEST_VERSION
    from db.store.unit_file import check_thoroughly

    version = check_thoroughly(args.file)
    if version < LATEST_VERSION:
        print(
            f"检查通过:{args.file}(旧格式版本 {version},结构和完整性无问题;"
            "各项数据将在文件升级、即下次打开时检查)"
        )
    else:
        print(f"检查通过:{args.file}(结构、完整性和每一项数据均无问题)")
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    from db.reads.figures import figures
    from db.rules.money import plain, yi_text

    period = _period(args)
    with _reading(args.file):
        result = figures(period, _unit_scope(args.unit))
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    signed, pipeline = result.signed, result.pipeline
    scope = result.unit or "全部单位"
    rate = result.exchange_rate
    print(f"{scope} {result.period.start} 至 {result.period.end}")
    if rate is None:
        print(
            "未设定汇率:外资项目以美元单列,未折算人民币,不计入总投资和规模档次"
            "(设置汇率:zhaoshang settings FILE --rate 7.1305 --rate-date 2023-07-31)"
        )
    else:
        print(f"汇率:1 美元 = {plain(rate.usd_cny)} 元人民币(汇率日期:{rate.date or '未填写'})")
    total = f"总投资 {yi_text(signed.total_wan_cny)} 亿元"
    if rate is None and signed.foreign_count:
        total = (
            f"其中内资 {signed.domestic_count} 个 {yi_text(signed.domestic_total_wan_cny)} 亿元,"
            f"外资 {signed.foreign_count} 个 {yi_text(signed.foreign_total_wan_usd)} 亿美元"
        )
    print(
        f"新签约亿元以上产业项目 {signed.count} 个,{total}"
        f"(其中{result.priority_name}产业项目 {signed.priority_count} 个,"
        f"占比 {signed.priority_share_pct}%)"
    )
    print(
        f"截至 {pipeline.as_of} 在手在谈项目 {pipeline.count} 个:内资 {pipeline.domestic_count} 个,"
        f"{yi_text(pipeline.domestic_total_wan_cny)} 亿元;外资 {pipeline.foreign_count} 个,"
        f"{yi_text(pipeline.foreign_total_wan_usd)} 亿美元"
    )
    for line in result.by_unit:
        print(
            f"  {line.unit}:签约 {line.signed_count} 个 {yi_text(line.signed_total_wan_cny)} 亿元;"
            f"在手在谈 {line.pipeline_count} 个 {yi_text(line.pipeline_total_wan_cny)} 亿元"
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from db.io.demo import build_demo

    build_demo(Path(args.file)).close()
    print(f"已创建示例数据(文章中的全市数据):{args.file}")
    return 0


def _out_path(text: str, source: str) -> Path:
    from db.store.paths import check_output

    out = check_output(text, source)
    if out.is_dir():
        raise UserError(
            f"输出应为文件名(如 简报.pdf),不是文件夹:{text}",
            f"the output must name a file (e.g. brief.pdf), not a folder: {text}",
        )
    if out.suffix.lower() != ".pdf":
        raise UserError(f"输出文件应以 .pdf 结尾:{text}", f"the output must end in .pdf: {text}")
    if not out.parent.exists():
        raise UserError(f"输出文件夹不存在:{out.parent}", f"no such folder: {out.parent}")
    return out


def _font_notice() -> None:
    from reports.fonts import pdf_font

    notice = pdf_font().notice
    if notice:
        print(f"提示:{notice}", file=sys.stderr)


def cmd_brief(args: argparse.Namespace) -> int:
    from db.reads.briefing import briefing_data
    from reports.briefing import build_briefing

    period = _period(args)
    if args.issue is not None and args.issue < 1:
        raise UserError("期数应为正整数", "--issue must be a positive number")
    out = _out_path(args.out, args.file)
    with _reading(args.file):
        data = briefing_data(period, _unit_scope(args.unit), args.issue, args.date)
    build_briefing(data, out)
    _font_notice()
    print(f"已生成招商工作简报(第{data.header.issue_no}期):{out}")
    return 0


def cmd_project_brief(args: argparse.Namespace) -> int:
    from db.reads.project_brief import find_project, project_brief_data
    from reports.project_brief import build_project_brief

    out = _out_path(args.out, args.file)
    with _reading(args.file):
        data = project_brief_data(find_project(args.project), args.date)
    build_project_brief(data, out)
    _font_notice()
    print(f"已生成项目简报“{data.name}”:{out}")
    return 0


def cmd_listing(args: argparse.Namespace) -> int:
    from db.reads.ledger_table import ProjectFilter
    from db.reads.listing import listing_data
    from db.rules.vocabulary import Stage
    from reports.listing import build_listing

    stages = set()
    for label in ",".join(args.stage or []).replace("\uff0c", ",").split(","):
        if not label.strip():
            continue
        try:
            stages.add(Stage.from_label(label.strip()))
        except ValueError:
            raise UserError(
                f"未知的项目阶段:{label}(应为 线索/在谈/签约/开工/投产/中止 等)",
                f"unknown stage: {label}",
            ) from None
    out = _out_path(args.out, args.file)
    with _reading(args.file):
        unit_ids = None
        if args.unit:
            unit_ids = frozenset(_required(_unit_scope(name)).id for name in args.unit)
        criteria = ProjectFilter(stages=frozenset(stages) or None, unit_ids=unit_ids)
        data = listing_data(criteria, printed_on=args.date)
    build_listing(data, out)
    _font_notice()
    print(f"已生成项目清单({data.totals.count}个项目):{out}")
    return 0


def _required(unit: UnitInfo | None) -> UnitInfo:
    assert unit is not None  # _unit_scope is given a name here
    return unit


def cmd_export(args: argparse.Namespace) -> int:
    from db.io.handover.export import export_handover

    folder = Path(args.out)
    with _writing(args.file, args.force_unlock) as store:
        exported = export_handover(store, folder)
    print(
        f"已导出交接文件(第{exported.manifest.sequence}次):{exported.path}"
        f" / handover written: {exported.path}"
    )
    return 0


def _counts_text(counts: dict[str, int]) -> str:
    words = (
        ("new", "新增"),
        ("changed", "更新"),
        ("unchanged", "未变"),
        ("kept_hq", "保留总部修改"),
        ("deleted", "删除"),
    )
    return ",".join(f"{label}{counts.get(key, 0)}" for key, label in words)


def cmd_merge(args: argparse.Namespace) -> int:
    from db.io.handover.merge import merge_files

    refused = 0
    with _writing(args.hqfile, args.force_unlock) as store:
        outcomes = merge_files(store, args.handovers)
    for outcome in outcomes:
        name = outcome.unit_name or ""
        if outcome.status == "refused":
            refused += 1
            print(f"拒收 {outcome.file_name}:{outcome.reason_zh} / refused: {outcome.reason_en}")
        elif outcome.status == "already":
            print(f"已合并过 {outcome.file_name}({name}第{outcome.sequence}次),未作改动")
        elif outcome.status == "stale":
            print(
                f"过期 {outcome.file_name}:{name}已有更新的交接文件,此文件未作改动"
                f" / stale: a newer handover of {name} was merged; nothing changed"
            )
        else:
            line = f"已合并 {outcome.file_name}({name}第{outcome.sequence}次):项目"
            line += _counts_text(outcome.by_table.get("project", {}))
            line += f";冲突{outcome.counts.get('conflict', 0)}"
            if outcome.duplicates:
                line += f";疑似重复{outcome.duplicates}组"
            if outcome.flag == "sequence_backwards":
                line += ";注意:交接序号倒退(该单位可能从旧备份恢复了文件)"
            print(line)
    return EXIT_USER_ERROR if refused else 0


def _split(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.replace("\uff0c", ",").split(",") if part.strip()]


def _print_settings() -> None:
    from db.io.settings_file import settings_values
    from db.store import settings

    values = settings_values()
    print(
        json.dumps(
            {
                "role": settings.file_role(),
                **values,
                "thresholds": {k: str(v) for k, v in vars(settings.thresholds()).items()},
                "briefing": vars(settings.briefing()),
                "overdue_days": settings.overdue_days(),
            },
            ensure_ascii=False,
            indent=2,
        )
    )


def cmd_settings(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from db.io.settings_file import export_settings, import_settings
    from db.records.settings import SettingsChange, save_settings

    try:
        bands = [Decimal(b) for b in _split(args.size_bands) or []] or None
        rate = Decimal(args.rate) if args.rate is not None else None
    except InvalidOperation:
        raise UserError(
            "规模档次和汇率应为数字,如 --size-bands 30,10,5,1 --rate 7.1305",
            "--size-bands and --rate take numbers, e.g. 30,10,5,1 and 7.1305",
        ) from None
    change = SettingsChange(
        rate=rate,
        rate_date=args.rate_date,
        local_industries=_split(args.industries),
        priority_name=args.priority_name,
        priority_chains=_split(args.priority_chains),
        size_bands=bands,
        overdue_days=args.overdue_days,
    )
    changing = change != SettingsChange() or args.import_settings
    if not changing and not args.export_settings:
        with _reading(args.file):
            _print_settings()
        return 0
    if args.export_settings:
        from db.store.paths import check_output

        check_output(args.export_settings, args.file)
    with _writing(args.file, args.force_unlock):
        if change != SettingsChange():
            save_settings(change)
        if args.import_settings:
            import_settings(args.import_settings)
        if args.export_settings:
            out = export_settings(args.export_settings)
            print(f"已导出设置文件:{out}")
        if changing:
            _print_settings()
    return 0


def cmd_reregister(args: argparse.Namespace) -> int:
    from db.reads.units import unit_named
    from db.records.handover import reregister_unit

    with _writing(args.hqfile, args.force_unlock):
        unit = unit_named(args.unit)
        if unit is None:
            raise UserError(f"文件中没有名为“{args.unit}”的单位", f"no unit named {args.unit}")
        reregister_unit(unit.uuid, args.note or "")
    print(
        f"已重新登记“{args.unit}”:下次接收的交接文件的密钥将作为该单位的新密钥"
        f" / {args.unit} re-registered: its next handover's key will be pinned"
    )
    return 0


def cmd_handovers(args: argparse.Namespace) -> int:
    from db.reads.handover import duplicate_pairs, open_conflicts, unit_handovers

    with _reading(args.hqfile):
        lines = unit_handovers(date.today())
        conflicts = open_conflicts()
        duplicates = duplicate_pairs()
    for line in lines:
        if line.last_merged_at is None:
            print(f"{line.unit_name}:尚未收到交接文件")
            continue
        overdue = f";已逾期({line.days_since}天未交接)" if line.overdue else ""
        exported = f"{line.last_exported_at:%Y-%m-%d}"
        merged = f"{line.last_merged_at:%Y-%m-%d}"
        print(
            f"{line.unit_name}:最近交接 第{line.sequence}次,导出于 {exported},"
            f"合并于 {merged}(项目{_counts_text(line.projects)}){overdue}"
        )
    print(f"待处理冲突 {len(conflicts)} 条,疑似重复 {len(duplicates)} 组")
    for conflict in conflicts:
        fields = "、".join(d.label for d in conflict.differences)
        print(f"  冲突:{conflict.what}({conflict.unit_name}):{fields}")
    for pair in duplicates:
        print(
            f"  疑似重复:{pair.first.name}({pair.first.unit})"
            f"与 {pair.second.name}({pair.second.unit}):{pair.reason}"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhaoshang",
        description="招商台账:招商项目台账、统计与简报。不带参数运行时打开桌面程序;"
        "zhaoshang 文件.zsdb 在桌面程序中打开该文件。",
    )
    parser.add_argument(
        "--version", action="version", version=f"zhaoshang {version()}", help="显示版本号"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    init = sub.add_parser("init", help="创建单位或总部数据文件 / create a unit or HQ file")
    init.add_argument("file")
    who = init.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="单位名称,如 上海驻点招商办")
    who.add_argument("--hq", help="总部名称,如 市招商中心")
    init.add_argument(
        "--kind", default="驻点招商办", choices=["驻点招商办", "开发区", "镇区", "园区"]
    )
    init.add_argument("--city", help="驻点城市")
    init.set_defaults(handler=cmd_init)

    imp = sub.add_parser("import-ledger", help="导入台账 .xlsx/.csv / import a ledger")
    imp.add_argument("file")
    imp.add_argument("ledger")
    imp.add_argument(
        "--force-unlock",
        action="store_true",
        help="接管另一台电脑留下的锁(确认对方已不再使用此文件时)",
    )
    imp.set_defaults(handler=cmd_import_ledger)

    exp = sub.add_parser("export-ledger", help="导出台账 .xlsx/.csv / export the ledger")
    exp.add_argument("file")
    exp.add_argument("out")
    exp.set_defaults(handler=cmd_export_ledger)

    fig = sub.add_parser("figures", help="统计数字 / the briefing figures")
    fig.add_argument("file")
    fig.add_argument("--from", dest="date_from", type=_date, required=True)
    fig.add_argument("--to", dest="date_to", type=_date, required=True)
    fig.add_argument("--unit", help="只统计该单位")
    fig.add_argument("--json", action="store_true", help="输出 JSON")
    fig.set_defaults(handler=cmd_figures)

    brief = sub.add_parser("brief", help="招商工作简报 PDF / the period briefing")
    brief.add_argument("file")
    brief.add_argument("--from", dest="date_from", type=_date, required=True)
    brief.add_argument("--to", dest="date_to", type=_date, required=True)
    brief.add_argument("--unit", help="只统计该单位")
    brief.add_argument("--issue", type=int, help="期数(默认取设置中本年度的下一期)")
    brief.add_argument("--date", type=_date, help="签发日期 YYYY-MM-DD(默认今天)")
    brief.add_argument("--out", required=True)
    brief.set_defaults(handler=cmd_brief)

    project = sub.add_parser("project-brief", help="项目简报 PDF / one project's brief")
    project.add_argument("file")
    project.add_argument("project", help="项目 UUID、项目编号或完整项目名称")
    project.add_argument("--date", type=_date, help="简报日期 YYYY-MM-DD(默认今天)")
    project.add_argument("--out", required=True)
    project.set_defaults(handler=cmd_project_brief)

    listing = sub.add_parser("listing", help="项目清单 PDF / a listing of projects")
    listing.add_argument("file")
    listing.add_argument("--stage", action="append", help="阶段,如 在谈 或 在谈,签约(可重复)")
    listing.add_argument("--unit", action="append", help="单位名称(可重复)")
    listing.add_argument("--date", type=_date, help="清单日期 YYYY-MM-DD(默认今天)")
    listing.add_argument("--out", required=True)
    listing.set_defaults(handler=cmd_listing)

    export = sub.add_parser("export", help="导出交接文件 / write the handover file")
    export.add_argument("file")
    export.add_argument("--out", required=True, help="保存交接文件的文件夹")
    export.add_argument(
        "--force-unlock",
        action="store_true",
        help="接管另一台电脑留下的锁(确认对方已不再使用此文件时)",
    )
    export.set_defaults(handler=cmd_export)

    merge = sub.add_parser("merge", help="总部合并交接文件 / merge handover files")
    merge.add_argument("hqfile")
    merge.add_argument("handovers", nargs="+", metavar="HANDOVER")
    merge.add_argument(
        "--force-unlock",
        action="store_true",
        help="接管另一台电脑留下的锁(确认对方已不再使用此文件时)",
    )
    merge.set_defaults(handler=cmd_merge)

    handovers = sub.add_parser("handovers", help="各单位交接情况 / handovers at headquarters")
    handovers.add_argument("hqfile")
    handovers.set_defaults(handler=cmd_handovers)

    rereg = sub.add_parser("reregister", help="重新登记单位密钥 / re-register a unit's key")
    rereg.add_argument("hqfile")
    rereg.add_argument("unit", help="单位名称")
    rereg.add_argument("--note", help="原因,如 换了电脑")
    rereg.add_argument(
        "--force-unlock",
        action="store_true",
        help="接管另一台电脑留下的锁(确认对方已不再使用此文件时)",
    )
    rereg.set_defaults(handler=cmd_reregister)

    lookalikes = sub.add_parser(
        "lookalikes", help="疑似重复录入的项目 / groups of likely duplicate projects"
    )
    lookalikes.add_argument("file")
    lookalikes.add_argument("--unit", help="只列出涉及此单位的组")
    lookalikes.set_defaults(handler=cmd_lookalikes)

    check = sub.add_parser(
        "check", help="全面检查数据文件(不作任何修改) / check a file thoroughly, changing nothing"
    )
    check.add_argument("file")
    check.set_defaults(handler=cmd_check)

    sets = sub.add_parser("settings", help="查看或修改设置 / show or change the settings")
    sets.add_argument("file")
    sets.add_argument("--priority-name", help="重点产业链体系名称,如 4+3+1")
    sets.add_argument("--priority-chains", help="重点产业链,逗号分隔")
    sets.add_argument("--industries", help="产业类别,逗号分隔")
    sets.add_argument("--size-bands", help="规模档次下限(亿元),如 30,10,5,1")
    sets.add_argument("--rate", help="美元兑人民币汇率,如 7.1305")
    sets.add_argument("--rate-date", type=_date, help="汇率日期 YYYY-MM-DD")
    sets.add_argument("--overdue-days", type=int, help="交接逾期天数(总部)")
    sets.add_argument("--export-settings", metavar="OUT", help="导出设置文件 .zsset")
    sets.add_argument("--import-settings", metavar="IN", help="导入设置文件 .zsset")
    sets.add_argument(
        "--force-unlock",
        action="store_true",
        help="接管另一台电脑留下的锁(确认对方已不再使用此文件时)",
    )
    sets.set_defaults(handler=cmd_settings)

    demo = sub.add_parser("demo", help="创建示例数据文件 / create the example data file")
    demo.add_argument("file")
    demo.set_defaults(handler=cmd_demo)
    return parser


def version() -> str:
    """The installed package's version (the source tree's, when run from it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("zhaoshang")
    except PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        with pyproject.open("rb") as source:
            return str(tomllib.load(source)["project"]["version"])


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def _is_file_argument(text: str, parser: argparse.ArgumentParser) -> bool:
    if text.startswith("-") or text in _commands(parser):
        return False
    path = Path(text)
    return path.exists() or path.suffix.lower() == ".zsdb" or len(path.parts) > 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # No arguments, or a file (what a file manager passes on a double click):
    # the desktop application, with that file open.  A mistyped command stays an
    # error of the command line rather than a file the app cannot find.
    if not argv or (len(argv) == 1 and _is_file_argument(argv[0], parser)):
        from desktop.app import main as run_app

        return run_app(argv)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USER_ERROR
    if not os.environ.get("ZHAOSHANG_DEBUG"):
        # A library's clean-up that fails after the command has failed (openpyxl's
        # writer on a full disk) is not worth a traceback: the failure is reported.
        sys.unraisablehook = lambda _unraisable: None
    try:
        code = handler(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (``| head``): quietly, and no error at exit either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"错误:{exc.zh} / Error: {exc.en}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        from db.store.faults import from_os_error

        fault = from_os_error(exc, Path(exc.filename or getattr(args, "file", ".")))
        print(f"错误:{fault.zh} / Error: {fault.en}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # the last line of defence: one line, never a traceback
        print(
            f"内部错误:{type(exc).__name__}: {exc}。数据未被修改。"
            f" / Internal error: {type(exc).__name__}: {exc}; nothing was changed.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
