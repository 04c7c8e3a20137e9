"""项目简报: one project on one or two pages, modelled on the city's article paragraphs
on 大亚 and 创力电梯 (investment and phases, construction, capacity and returns,
progress with the days between milestones, issues, follow-ups), each fact once and
every planned figure with its qualifier (约/超/达/以上)."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.platypus import HRFlowable, Spacer, Table

from db.reads.project_brief import DatedFact, ProjectBriefData
from db.rules.money import plain
from db.rules.qualifier import qualified
from db.rules.vocabulary import Capital, Stage
from reports import wording
from reports.fonts import Typefaces, typefaces
from reports.pdf_common import (
    BLOCK_WIDTH,
    GRID,
    HEAD_BG,
    MM,
    RED,
    Column,
    DocumentInfo,
    Styles,
    data_table,
    date_cn,
    iso,
    style_table,
    without_cycle_collection,
    write_pdf,
)

# Stages worth a date in the progress sentence (leads and talks are not news).
_NEWS_STAGES = {
    Stage.SIGNED.label,
    Stage.REGISTERED.label,
    Stage.STARTED.label,
    Stage.COMPLETED.label,
    Stage.PRODUCING.label,
    Stage.AT_CAPACITY.label,
}
# Stages at which the project is on its site: it 落户, before that it 拟落户.
_ON_SITE = {Stage.STARTED, Stage.COMPLETED, Stage.PRODUCING, Stage.AT_CAPACITY}


def _major_words(data: ProjectBriefData) -> str | None:
    """是开发区今年新签约的重大项目之一, for a signing of the brief's year (or, printed
    later, of the year named) whose total reaches the configured size."""
    if data.signed_on is None or data.total_wan_cny is None:
        return None
    if data.total_wan_cny < data.major_wan_cny or data.signed_on > data.printed_on:
        return None
    year = "今年" if data.signed_on.year == data.printed_on.year else f"{data.signed_on.year}年"
    return f"{data.unit}{year}新签约的重大项目之一"


def overview_sentences(data: ProjectBriefData) -> list[str]:
    foreign = data.capital is Capital.FOREIGN
    sentences = []
    intro = f"{data.name}由{data.investor}投资建设"
    roles = [f"{data.designation}之一"] if data.designation else []
    major = _major_words(data)
    if major:
        roles.append(major)
    if roles:
        intro += "，是" + "，也是".join(roles)
    sentences.append(intro + "。")
    if data.total is not None:
        sentence = f"项目总投资{wording.money_words(data.total, foreign)}"
        invested = [(p.name, p.investment) for p in data.phases if p.investment is not None]
        if len(invested) > 1:
            parts = [
                f"{name}投资{wording.money_words(amount, foreign)}" for name, amount in invested
            ]
            sentence += "，其中" + "，".join(parts)
        sentences.append(sentence + "。")
    site = []
    if data.carrier:
        site.append(f"{'落户' if data.stage in _ON_SITE else '拟落户'}{data.carrier}")
    if data.land_mu is not None:
        site.append(f"占地{qualified(plain(data.land_mu) + '亩', data.land_mu_qualifier)}")
    if data.floor_area_m2 is not None:
        site.append(
            f"新建厂房{wording.area_words(data.floor_area_m2, data.floor_area_m2_qualifier)}"
        )
    if site:
        sentences.append("项目" + "，".join(site) + "。")
    return sentences


def capacity_sentences(data: ProjectBriefData) -> list[str]:
    sentences = []
    for phase in data.phases:
        parts = []
        if len(phase.capacity) == 1:
            product, quantity, unit, qualifier = phase.capacity[0]
            amount = qualified(plain(quantity) + unit.removesuffix("/年"), qualifier)
            parts.append(f"{phase.name}投产后{product}总产能{amount}")
        elif phase.capacity:
            parts.append(f"{phase.name}投产后形成{wording.capacity_words(phase.capacity)}的产能")
        if phase.expected_sales is not None:
            sales = wording.money_words(
                phase.expected_sales, qualifier=phase.expected_sales_qualifier
            )
            parts.append(f"销售额{sales}" if parts else f"{phase.name}投产后销售额{sales}")
        if parts:
            sentences.append("，".join(parts) + "。")
    returns = []
    if data.full_capacity:
        returns.append(f"全部达产后可形成年产{wording.capacity_words(data.full_capacity)}")
    if data.expected_output is not None:
        output = wording.money_words(data.expected_output, qualifier=data.expected_output_qualifier)
        returns.append(f"新增产值{output}")
    if data.expected_sales is not None:
        sales = wording.money_words(data.expected_sales, qualifier=data.expected_sales_qualifier)
        returns.append(f"年销售收入{sales}")
    if data.expected_tax is not None:
        tax = wording.money_words(data.expected_tax, qualifier=data.expected_tax_qualifier)
        returns.append(f"年纳税{tax}")
    if data.new_jobs:
        returns.append(f"新增就业{qualified(f'{data.new_jobs}人', data.new_jobs_qualifier)}")
    if returns:
        head = "" if data.full_capacity else "项目建成后预计可实现"
        sentences.append(head + "，".join(returns) + "。")
    return sentences


def progress_sentences(data: ProjectBriefData) -> list[str]:
    sentences = []
    news = [f for f in data.timeline if f.is_stage and f.label in _NEWS_STAGES]
    if news:
        year = news[0].date.year
        parts: list[str] = []
        for fact in news:
            parts.append(
                f"{wording.day_words(fact.date, fact.date.year != year or not parts)}{fact.label}"
            )
            year = fact.date.year
        sentences.append("项目已于" + "、".join(parts) + "。")
    elif data.stage in (Stage.LEAD, Stage.TALKS):
        sentences.append(f"项目目前处于{data.stage.label}阶段。")
    if data.stage is Stage.DROPPED:
        reason = next(
            (f.note for f in reversed(data.timeline) if f.is_stage and f.label == "中止"), None
        )
        sentences.append(f"项目已中止{('，原因：' + reason) if reason else ''}。")
    days, permits = data.days_land_to_start, data.permit_working_days
    if days is not None and permits is not None:
        sentences.append(
            f"从拿到地到全面开工，项目仅用{days}天，并在{permits}个工作日内完成开工前全部证照。"
        )
    elif days is not None:
        sentences.append(f"从拿到地到全面开工，项目仅用{days}天。")
    elif permits is not None:
        sentences.append(f"项目在{permits}个工作日内完成开工前全部证照。")
    if data.planned_production and data.stage not in (
        Stage.PRODUCING,
        Stage.AT_CAPACITY,
        Stage.DROPPED,
    ):
        when = data.planned_production
        sentences.append(f"预计{when.year}年{when.month}月竣工投产。")
    return sentences


def construction_lines(data: ProjectBriefData, told: str) -> list[str]:
    """二、建设内容: the user's description and each phase's, without the clauses whose
    figures the brief already states elsewhere (each fact once)."""
    phase_lines = []
    for phase in data.phases:
        parts = []
        area = ""
        if phase.floor_area_m2 is not None:
            area = (
                f"新建厂房{wording.area_words(phase.floor_area_m2, phase.floor_area_m2_qualifier)}"
            )
        if phase.content:
            rest = wording.untold_clauses(phase.content, told + area)
            if rest:
                parts.append(rest)
        if area:
            parts.append(area)
        if parts:
            phase_lines.append(f"{phase.name}：{wording.as_sentence('，'.join(parts))}")
    lines = []
    if data.content:
        # A phase's own line already says what its clauses say.
        phase_clauses = [
            clause.strip()
            for phase in data.phases
            for clause in re.split(r"[，,；;。]", phase.content or "")
            if len(clause.strip()) >= 4
        ]
        rest = wording.untold_clauses(data.content, told + "".join(phase_lines))
        kept = [
            clause
            for clause in rest.split("，")
            if clause and not any(known in clause for known in phase_clauses)
        ]
        if kept:
            lines.append(wording.as_sentence("，".join(kept)))
    return lines + phase_lines


def facts_table(styles: Styles, facts: list[tuple[str, str | None]]) -> Table:
    """Label/value pairs two to a row, labels shaded."""
    cells = []
    for i in range(0, len(facts), 2):
        row = []
        for label, value in facts[i : i + 2]:
            row += [styles.cell(label), styles.cell(value or "—")]
        while len(row) < 4:
            row.append(styles.cell(""))
        cells.append(row)
    label_width = 26 * MM
    value_width = BLOCK_WIDTH / 2 - label_width
    table = Table(cells, colWidths=[label_width, value_width, label_width, value_width])
    style_table(
        table,
        styles.faces,
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )
    return table


def _gap(fact: DatedFact) -> str:
    if fact.gap is None:
        return ""
    unit = "个工作日" if fact.gap_working_days else "天"
    return f"自{fact.gap_from}{fact.gap}{unit}" if fact.gap_from else f"{fact.gap}{unit}"


@without_cycle_collection
def build_project_brief(data: ProjectBriefData, out: Path, faces: Typefaces | None = None) -> Path:
    """Write the project brief PDF to ``out`` atomically."""
    faces = faces or typefaces()
    styles = Styles(faces)
    meta = Table(
        [
            [
                styles.para(f"责任单位：{data.unit}", styles.meta_left),
                styles.para(date_cn(data.printed_on), styles.meta_right),
            ]
        ],
        colWidths=[BLOCK_WIDTH / 2, BLOCK_WIDTH / 2],
    )
    style_table(
        meta,
        faces,
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
    )
    masthead = styles.masthead.clone(size=36.0, leading=36.0 * 1.3)
    overview = overview_sentences(data)
    capacity = capacity_sentences(data)
    story: list[object] = [
        styles.para("项目简报", masthead),
        Spacer(1, 2 * MM),
        styles.para(data.name, styles.title),
        Spacer(1, 3 * MM),
        meta,
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=1 * MM, spaceAfter=4 * MM),
        styles.para("一、项目概况", styles.heading),
        styles.para("".join(overview), styles.body),
    ]
    facts = [
        ("来源地", data.investor_origin),
        ("内外资", data.capital.label),
        ("产业类别", data.local_industry),
        ("产业链", data.chain),
        ("当前阶段", data.stage.label),
        ("项目编号", data.code),
    ]
    story += [Spacer(1, 2 * MM), facts_table(styles, facts)]
    construction = construction_lines(data, "".join(overview + capacity))
    if construction:
        story.append(styles.para("二、建设内容", styles.heading))
        story += [styles.para(line, styles.body) for line in construction]
    if capacity:
        story.append(styles.para("三、产能与效益", styles.heading))
        story.append(styles.para("".join(capacity), styles.body))
    progress_heading = styles.para("四、项目进展", styles.heading)
    progress = progress_sentences(data)
    progress_text = styles.para("".join(progress) if progress else "暂无进展记录。", styles.body)
    if data.timeline:
        rows = [(iso(f.date), f.label, _gap(f), f.note) for f in data.timeline]
        table = data_table(
            styles,
            (Column("日期"), Column("事项"), Column("间隔"), Column("说明")),
            rows,
            BLOCK_WIDTH,
            heads=[Spacer(1, 2 * MM)],
        )
        story += [progress_heading, progress_text, table]
    else:
        story += [progress_heading, progress_text]
    story.append(styles.para("五、需协调解决问题", styles.heading))
    story.append(
        styles.para(wording.as_sentence(data.issues) if data.issues else "暂无。", styles.body)
    )
    if data.follow_ups:
        follow_up_rows = [
            (
                iso(f.date),
                f.kind,
                f.people,
                f.summary,
                f"{f.next_step or ''}{f'（{iso(f.due_date)}前）' if f.due_date else ''}",
            )
            for f in data.follow_ups
        ]
        table = data_table(
            styles,
            (Column("日期"), Column("方式"), Column("人员"), Column("内容"), Column("下一步")),
            follow_up_rows,
            BLOCK_WIDTH,
            heads=[styles.para("六、跟进记录", styles.heading)],
        )
        story.append(table)
    info = DocumentInfo(
        title=f"项目简报 {data.name}",
        subject=f"项目简报：{data.name}（{date_cn(data.printed_on)}）",
        author=data.unit,
        keywords=("项目简报", data.unit, data.stage.label),
    )
    return write_pdf(story, out, faces, info)
