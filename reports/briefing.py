"""招商工作简报: the period briefing, laid out like the city's published briefings."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.reads.briefing import BriefingData, ProjectRow
from db.reads.figures import band_lines
from db.rules.money import plain, yi_text
from db.rules.vocabulary import Capital
from reports import wording
from reports.charts import bar_chart
from reports.fonts import PdfFont, pdf_font
from reports.pdf_common import (
    LANDSCAPE,
    RED,
    Styles,
    data_table,
    date_cn,
    iso,
    text,
    wan,
    write_pdf,
)

CHINESE_NUMBERS = "一二三四五六七八九十"


def _amount(row: ProjectRow) -> str:
    unit = "万元" if row.capital is Capital.DOMESTIC else "万美元"
    return f"{wan(row.total)}{unit}"


def _band_label(bounds: list[str], index: int) -> str:
    if index < len(bounds) - 1:
        return f"{bounds[index]}亿元以上"
    if len(bounds) > 1:
        return f"{bounds[-1]}亿元~{bounds[-2]}亿元"
    return f"{bounds[-1]}亿元以上"


def _masthead(data: BriefingData, styles: Styles) -> list[object]:
    header = data.header
    meta = Table(
        [
            [
                Paragraph(text(header.editor), styles.meta_left),
                Paragraph(date_cn(header.date), styles.meta_right),
            ]
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    meta.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [
        Paragraph(text(header.title), styles.title),
        Spacer(1, 2 * mm),
        Paragraph(f"第{header.issue_no}期", styles.issue),
        Spacer(1, 4 * mm),
        meta,
        HRFlowable(width="100%", thickness=2.5, color=RED, spaceBefore=1 * mm, spaceAfter=5 * mm),
    ]


def _heading(index: int, title: str, styles: Styles) -> Paragraph:
    return Paragraph(f"{CHINESE_NUMBERS[index]}、{text(title)}", styles.heading)


def _signed_section(data: BriefingData, styles: Styles, font: PdfFont) -> list[object]:
    figures = data.figures
    story: list[object] = [_heading(1, "新签约项目", styles)]
    if not data.signed_rows:
        story.append(
            Paragraph(
                f"{wording.period_words(figures.period)}暂无新签约亿元以上产业项目。", styles.body
            )
        )
    else:
        rows = [
            (i, r.name, r.investor, r.unit, _amount(r), r.local_industry, iso(r.signed_on))
            for i, r in enumerate(data.signed_rows, start=1)
        ]
        story.append(
            data_table(
                styles,
                ("序号", "项目名称", "投资方", "责任单位", "总投资", "产业类别", "签约日期"),
                rows,
                [9 * mm, 46 * mm, 36 * mm, 22 * mm, 22 * mm, 20 * mm, 20 * mm],
                right_columns=(4,),
            )
        )
        bounds = [plain(b) for b, _ in figures.signed.size_bands]
        band_items = [
            (_band_label(bounds, i), n) for i, (_, n) in enumerate(figures.signed.size_bands)
        ]
        industry_items = list(figures.signed.industries) or [("未分类", figures.signed.count)]
        charts = Table(
            [
                [
                    bar_chart("图1 新签约项目体量规模(个)", band_items, font.name),
                    bar_chart("图2 新签约项目产业类别(个)", industry_items[:8], font.name),
                ]
            ],
            colWidths=[85 * mm, 85 * mm],
        )
        charts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [Spacer(1, 4 * mm), KeepTogether([charts])]
    if data.signing_events:
        story.append(Paragraph("签约活动", styles.subheading))
        for event in data.signing_events:
            story.append(
                Paragraph(
                    text(
                        wording.signing_event_sentence(
                            event.date, event.name, event.unit, event.count, event.total_wan_cny
                        )
                    ),
                    styles.body,
                )
            )
    return story


def _pipeline_section(data: BriefingData, styles: Styles) -> list[object]:
    figures = data.figures
    pipeline = figures.pipeline
    story: list[object] = [
        _heading(2, "在手在谈项目", styles),
        Paragraph(text(wording.pipeline_sentence(figures)), styles.body),
    ]
    if pipeline.count == 0:
        return story
    bounds = [plain(b) for b, _ in pipeline.size_bands]
    lines = band_lines(pipeline.projects, pipeline.size_bands)
    rows = [
        (
            _band_label(bounds, i),
            line.count,
            yi_text(line.domestic_wan_cny),
            yi_text(line.foreign_wan_usd),
        )
        for i, line in enumerate(lines)
    ]
    total = (
        "合计",
        pipeline.count,
        yi_text(pipeline.domestic_total_wan_cny),
        yi_text(pipeline.foreign_total_wan_usd),
    )
    story += [
        Paragraph("（一）按体量规模", styles.subheading),
        data_table(
            styles,
            ("规模档次", "项目数(个)", "内资总投资(亿元)", "外资总投资(亿美元)"),
            rows,
            [50 * mm, 30 * mm, 45 * mm, 45 * mm],
            right_columns=(1, 2, 3),
            total_row=total,
        ),
    ]
    unit_rows = [
        (line.unit, line.pipeline_count, yi_text(line.pipeline_total_wan_cny))
        for line in figures.by_unit
        if line.pipeline_count
    ]
    if len(figures.by_unit) > 1 and unit_rows:
        story += [
            Paragraph("（二）按责任单位", styles.subheading),
            data_table(
                styles,
                ("责任单位", "在手在谈项目(个)", "总投资(亿元)"),
                unit_rows,
                [70 * mm, 50 * mm, 50 * mm],
                right_columns=(1, 2),
            ),
        ]
        if pipeline.foreign_count:
            story.append(
                Paragraph(
                    f"注:总投资含外资项目,{wording.rate_words(figures.exchange_rate)}。",
                    styles.small,
                )
            )
    return story


def _units_section(data: BriefingData, styles: Styles) -> list[object]:
    figures = data.figures
    foreign_units = {
        p.unit
        for p in figures.signed.projects + figures.pipeline.projects
        if p.capital is Capital.FOREIGN
    }
    story: list[object] = [_heading(3, "各单位情况", styles)]
    for line in figures.by_unit:
        story.append(
            Paragraph(
                text(
                    wording.unit_paragraph(
                        figures.period, line, line.unit in foreign_units, figures.exchange_rate
                    )
                ),
                styles.body,
            )
        )
    if not figures.by_unit:
        story.append(Paragraph("暂无单位数据。", styles.body))
    return story


def _issues_section(data: BriefingData, styles: Styles) -> list[object]:
    story: list[object] = [_heading(4, "需协调解决问题", styles)]
    if not data.issues:
        story.append(Paragraph("暂无需协调解决的问题。", styles.body))
    for i, issue in enumerate(data.issues, start=1):
        story.append(
            Paragraph(
                f"{i}. {text(issue.project)}({text(issue.unit)}):{text(issue.text)}", styles.body
            )
        )
    return story


def _appendix(data: BriefingData, styles: Styles) -> list[object]:
    period = wording.period_words(data.figures.period)
    story: list[object] = [
        NextPageTemplate(LANDSCAPE),  # nine columns read on a landscape page
        PageBreak(),
        Paragraph(f"附表 {period}新签约及在手在谈项目清单", styles.heading),
    ]
    if not data.appendix:
        story.append(Paragraph("本期无新签约及在手在谈项目。", styles.plain))
        return story
    rows = [
        (
            i,
            r.name,
            r.investor,
            r.unit,
            _amount(r),
            r.local_industry,
            r.stage.label if r.stage else "—",
            iso(r.signed_on),
            "、".join(r.groups),
        )
        for i, r in enumerate(data.appendix, start=1)
    ]
    story.append(
        data_table(
            styles,
            (
                "序号",
                "项目名称",
                "投资方",
                "责任单位",
                "总投资",
                "产业类别",
                "阶段",
                "签约日期",
                "类别",
            ),
            rows,
            [12 * mm, 56 * mm, 42 * mm, 28 * mm, 26 * mm, 22 * mm, 14 * mm, 21 * mm, 36 * mm],
            right_columns=(4,),
        )
    )
    return story


def _tail(data: BriefingData, styles: Styles) -> list[object]:
    header = data.header
    story: list[object] = [Spacer(1, 8 * mm), HRFlowable(width="100%", thickness=1, color=RED)]
    for label, value in (("报", header.to_report), ("送", header.to_send), ("发", header.to_issue)):
        if value.strip():
            story.append(Paragraph(f"{label}:{text(value)}", styles.footer))
    story.append(HRFlowable(width="100%", thickness=1, color=RED, spaceBefore=1 * mm))
    return story


def build_briefing(data: BriefingData, out: Path, font: PdfFont | None = None) -> Path:
    """Write the briefing PDF to ``out`` (atomically: a temporary file, then a rename)."""
    font = font or pdf_font()
    styles = Styles(font)
    figures = data.figures
    story: list[object] = _masthead(data, styles)
    story += [
        _heading(0, "总体情况", styles),
        Paragraph(text(wording.overview_paragraph(figures)), styles.body),
    ]
    story += _signed_section(data, styles, font)
    story += _pipeline_section(data, styles)
    story += _units_section(data, styles)
    story += _issues_section(data, styles)
    story += _appendix(data, styles)
    story += _tail(data, styles)
    return write_pdf(
        story,
        out,
        font,
        title=f"{data.header.title} 第{data.header.issue_no}期",
        author=data.header.editor,
    )
