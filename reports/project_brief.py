"""项目简报: one project on one or two pages, modelled on the city's article paragraphs
on 大亚 and 创力电梯 (investment and phases, construction, capacity and returns,
progress with the days between milestones, issues, follow-ups)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

from db.reads.project_brief import ProjectBriefData
from db.rules.money import plain
from db.rules.vocabulary import Capital, Stage
from reports import wording
from reports.fonts import PdfFont, pdf_font
from reports.pdf_common import GRID, HEAD_BG, RED, Styles, data_table, date_cn, iso, text, write_pdf

# Stages worth a date in the progress sentence (leads and talks are not news).
_NEWS_STAGES = {
    Stage.SIGNED.label,
    Stage.REGISTERED.label,
    Stage.STARTED.label,
    Stage.COMPLETED.label,
    Stage.PRODUCING.label,
    Stage.AT_CAPACITY.label,
}


def overview_sentences(data: ProjectBriefData) -> list[str]:
    foreign = data.capital is Capital.FOREIGN
    sentences = []
    intro = f"{data.name}由{data.investor}投资建设"
    if data.designation:
        intro += f",是{data.designation}之一"
    sentences.append(intro + "。")
    if data.total is not None:
        sentence = f"项目总投资{wording.money_words(data.total, foreign)}"
        invested = [(p.name, p.investment) for p in data.phases if p.investment is not None]
        if len(invested) > 1:
            parts = [
                f"{name}投资{wording.money_words(amount, foreign)}" for name, amount in invested
            ]
            sentence += ",其中" + ",".join(parts)
        sentences.append(sentence + "。")
    site = []
    if data.carrier:
        site.append(f"拟落户{data.carrier}")
    if data.land_mu is not None:
        site.append(f"占地{plain(data.land_mu)}亩")
    if data.floor_area_m2 is not None:
        site.append(f"新建厂房{wording.area_words(data.floor_area_m2)}")
    if site:
        sentences.append("项目" + ",".join(site) + "。")
    return sentences


def capacity_sentences(data: ProjectBriefData) -> list[str]:
    sentences = []
    for phase in data.phases:
        parts = []
        if phase.capacity:
            parts.append(f"{phase.name}投产后{wording.capacity_words(phase.capacity)}产能")
        if phase.expected_sales is not None:
            parts.append(f"销售额约{wording.money_words(phase.expected_sales)}")
        if parts:
            sentences.append(",".join(parts) + "。")
    returns = []
    if data.full_capacity:
        returns.append(f"全部达产后可形成年产{wording.capacity_words(data.full_capacity)}")
    if data.expected_output is not None:
        returns.append(f"新增产值{wording.money_words(data.expected_output)}")
    if data.expected_sales is not None:
        returns.append(f"年销售收入{wording.money_words(data.expected_sales)}")
    if data.expected_tax is not None:
        returns.append(f"年纳税{wording.money_words(data.expected_tax)}")
    if data.new_jobs:
        returns.append(f"新增就业{data.new_jobs}人")
    if returns:
        head = "" if data.full_capacity else "项目建成后预计可实现"
        sentences.append(head + ",".join(returns) + "。")
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
        sentences.append(f"项目已中止{(',原因:' + reason) if reason else ''}。")
    if data.days_land_to_start is not None:
        sentences.append(f"从拿到地到全面开工仅用{data.days_land_to_start}天。")
    if data.permit_working_days is not None:
        sentences.append(f"{data.permit_working_days}个工作日内完成开工前全部证照。")
    if data.planned_production and data.stage not in (
        Stage.PRODUCING,
        Stage.AT_CAPACITY,
        Stage.DROPPED,
    ):
        when = data.planned_production
        sentences.append(f"预计{when.year}年{when.month}月竣工投产。")
    return sentences


def facts_table(styles: Styles, facts: list[tuple[str, str | None]]) -> Table:
    """Label/value pairs two to a row, labels shaded."""
    cells = []
    for i in range(0, len(facts), 2):
        row = []
        for label, value in facts[i : i + 2]:
            row += [Paragraph(text(label), styles.cell), Paragraph(text(value), styles.cell)]
        cells.append(row)
    table = Table(cells, colWidths=[22 * mm, 63 * mm, 22 * mm, 63 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def build_project_brief(data: ProjectBriefData, out: Path, font: PdfFont | None = None) -> Path:
    """Write the project brief PDF to ``out`` atomically."""
    font = font or pdf_font()
    styles = Styles(font)
    meta = Table(
        [
            [
                Paragraph(f"责任单位:{text(data.unit)}", styles.meta_left),
                Paragraph(date_cn(data.printed_on), styles.meta_right),
            ]
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    meta.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    title_style = styles.title.clone("projectTitle", fontSize=20, leading=28)
    story: list[object] = [
        Paragraph("项目简报", styles.issue),
        Spacer(1, 2 * mm),
        Paragraph(text(data.name), title_style),
        Spacer(1, 3 * mm),
        meta,
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=1 * mm, spaceAfter=4 * mm),
        Paragraph("一、项目概况", styles.heading),
        Paragraph(text("".join(overview_sentences(data))), styles.body),
    ]
    facts = [
        ("投资方", data.investor + (f"({data.investor_origin})" if data.investor_origin else "")),
        ("内外资", data.capital.label),
        ("产业类别", data.local_industry),
        ("产业链", data.chain),
        ("当前阶段", data.stage.label),
        ("项目编号", data.code),
    ]
    story.append(facts_table(styles, facts))
    construction = [text(wording.as_sentence(data.content))] if data.content else []
    # A phase's own line, unless the overall description already says the same.
    construction += [
        f"{text(p.name)}:{text(wording.as_sentence(p.content))}"
        for p in data.phases
        if p.content and p.content.strip().rstrip("。") not in (data.content or "")
    ]
    if construction:
        story.append(Paragraph("二、建设内容", styles.heading))
        story += [Paragraph(line, styles.body) for line in construction]
    capacity = capacity_sentences(data)
    if capacity:
        story.append(Paragraph("三、产能与效益", styles.heading))
        story.append(Paragraph(text("".join(capacity)), styles.body))
    story.append(Paragraph("四、项目进展", styles.heading))
    progress = progress_sentences(data)
    story.append(Paragraph(text("".join(progress)) if progress else "暂无进展记录。", styles.body))
    if data.timeline:
        rows = []
        previous = None
        for fact in data.timeline:
            gap = "" if previous is None else f"{(fact.date - previous).days}天"
            rows.append((iso(fact.date), fact.label, gap, fact.note))
            previous = fact.date
        story.append(
            data_table(
                styles, ("日期", "事项", "间隔", "说明"), rows, [25 * mm, 30 * mm, 20 * mm, 95 * mm]
            )
        )
    story.append(Paragraph("五、需协调解决问题", styles.heading))
    issues = text(wording.as_sentence(data.issues)) if data.issues else "暂无。"
    story.append(Paragraph(issues, styles.body))
    if data.follow_ups:
        story.append(Paragraph("六、跟进记录", styles.heading))
        follow_up_rows = [
            (
                iso(f.date),
                f.kind,
                f.people,
                f.summary,
                f.next_step,
                iso(f.due_date) if f.due_date else "",
            )
            for f in data.follow_ups
        ]
        story.append(
            data_table(
                styles,
                ("日期", "方式", "人员", "内容", "下一步", "期限"),
                follow_up_rows,
                [20 * mm, 14 * mm, 30 * mm, 52 * mm, 34 * mm, 20 * mm],
            )
        )
    if data.capital is Capital.FOREIGN:
        story.append(Spacer(1, 3 * mm))
        story.append(
            Paragraph(f"注:外资金额单位为美元;{wording.rate_words(data.rate)}。", styles.small)
        )
    return write_pdf(story, out, font, title=f"项目简报 {data.name}", author=data.unit)
