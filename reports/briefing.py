"""招商工作简报: the period briefing, laid out as a 简报 an office sends as it is.

The page follows GB/T 9704-2012 adapted to a 简报: the masthead (title in red 小标宋,
第X期, 编印单位 and 签发日期, a thick red rule), the body in 仿宋 三号 with 黑体 and
楷体 headings, tables in 小三, a landscape 附表 of every project behind the figures,
and the 报尾 (报/送/发, 印数) kept together at the foot of the last page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from db.reads.briefing import BriefingData, ProjectRow
from db.reads.figures import band_lines
from db.rules.money import plain, yi_text
from db.rules.vocabulary import Capital
from reports import wording
from reports.charts import bar_chart, chart_items
from reports.fonts import Typefaces, typefaces
from reports.pdf_common import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    CHU,
    LANDSCAPE,
    MM,
    RED,
    SAN,
    SOFT_BREAK,
    XIAO_SI,
    AtFoot,
    Column,
    DocumentInfo,
    Lexicon,
    Styles,
    data_table,
    date_cn,
    iso,
    style_table,
    without_cycle_collection,
    write_pdf,
)
from reports.pdf_common import BREAK_WORDS as _BREAK_WORDS

CHINESE_NUMBERS = "一二三四五六七八九十"

YI = f"总投资{SOFT_BREAK}（亿元）"
YI_USD = f"总投资{SOFT_BREAK}（亿美元）"


def _band_label(bounds: list[str], index: int) -> str:
    if index < len(bounds) - 1:
        return f"{bounds[index]}亿元以上"
    if len(bounds) > 1:
        return f"{bounds[-1]}亿元~{bounds[-2]}亿元"
    return f"{bounds[-1]}亿元以上"


class _Numbering:
    """一、二、… for the sections, (一)(二)… within each."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.section = 0
        self.sub = 0

    def heading(self, title: str) -> object:
        self.section += 1
        self.sub = 0
        return self.styles.para(
            f"{CHINESE_NUMBERS[self.section - 1]}、{title}", self.styles.heading
        )

    def subheading(self, title: str) -> object:
        self.sub += 1
        return self.styles.para(
            f"（{CHINESE_NUMBERS[self.sub - 1]}）{title}", self.styles.subheading
        )


def _lexicon(data: BriefingData) -> Lexicon:
    """The words a cell does not break inside, with the units' short names (丹北镇);
    made for one document, it remembers how it cut each text (a project's name in the
    text's table and in the 附表)."""
    names = {line.unit for line in data.units if len(line.unit) <= 5}
    return Lexicon(_BREAK_WORDS | names, remember=True)


def _masthead(data: BriefingData, styles: Styles) -> list[object]:
    header = data.header
    # The title on one line, as large as 初号 allows.
    width = stringWidth(header.title, styles.faces.title.name, CHU) or 1.0
    size = min(CHU, CHU * BLOCK_WIDTH / width * 0.98)
    title_style = styles.masthead.clone(size=size, leading=size * 1.3)
    meta = Table(
        [
            [
                styles.para(header.editor or " ", styles.meta_left),
                styles.para(f"{date_cn(header.date)}", styles.meta_right),
            ]
        ],
        colWidths=[BLOCK_WIDTH * 0.6, BLOCK_WIDTH * 0.4],
    )
    style_table(
        meta,
        styles.faces,
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ],
    )
    return [
        styles.para(header.title, title_style),
        Spacer(1, 4 * MM),
        styles.para(f"第{header.issue_no}期", styles.issue),
        Spacer(1, 6 * MM),
        meta,
        HRFlowable(width="100%", thickness=2.5, color=RED, spaceBefore=2 * MM, spaceAfter=6 * MM),
    ]


def _amount_columns(rows: tuple[ProjectRow, ...]) -> tuple[list[Column], bool]:
    foreign = any(r.capital is Capital.FOREIGN for r in rows)
    columns = [Column(YI, align="RIGHT")]
    if foreign:
        columns.append(Column(YI_USD, align="RIGHT"))
    return columns, foreign


def _amount_cells(row: ProjectRow, foreign_column: bool) -> list[str]:
    if row.capital is Capital.FOREIGN:
        return ["", yi_text(row.total)]
    return [yi_text(row.total), ""] if foreign_column else [yi_text(row.total)]


def _signed_section(
    data: BriefingData, styles: Styles, faces: Typefaces, numbers: _Numbering, words: Lexicon
) -> list[object]:
    figures = data.figures
    heading = numbers.heading("新签约项目")
    if not data.signed_rows:
        story: list[object] = [
            heading,
            styles.para(
                f"{wording.period_words(figures.period)}暂无新签约亿元以上产业项目。", styles.body
            ),
        ]
    else:
        amounts, foreign = _amount_columns(data.signed_rows)
        # 产业类别 and 投资方 are in the 附表 (and the industries in 图2): in 小三 the
        # main text's table keeps room for the project names.
        columns = [
            Column("序号", align="CENTER"),
            Column("项目名称"),
            Column("责任单位"),
            *amounts,
            Column("签约日期", align="CENTER"),
        ]
        rows = [
            (i, r.name, r.unit, *_amount_cells(r, foreign), iso(r.signed_on))
            for i, r in enumerate(data.signed_rows, start=1)
        ]
        story = [
            data_table(
                styles,
                columns,
                rows,
                BLOCK_WIDTH,
                lexicon=words,
                heads=[heading, numbers.subheading("项目清单")],
            )
        ]
        bounds = [plain(b) for b, _ in figures.signed.size_bands]
        band_items = [
            (_band_label(bounds, i), n) for i, (_, n) in enumerate(figures.signed.size_bands)
        ]
        industry_items = chart_items(figures.signed.industries, figures.signed.count)
        labels = "".join(label for label, _ in band_items + industry_items)
        font = faces.heading if all(faces.heading.covers(ch) for ch in labels) else faces.fallback
        half = BLOCK_WIDTH / 2
        charts = Table(
            [
                [
                    bar_chart("图1　新签约项目体量规模（个）", band_items, font.name, half - 6),
                    bar_chart("图2　新签约项目产业类别（个）", industry_items, font.name, half - 6),
                ]
            ],
            colWidths=[half, half],
        )
        style_table(charts, faces, [("VALIGN", (0, 0), (-1, -1), "TOP")])
        story += [
            KeepTogether([numbers.subheading("体量规模与产业类别"), Spacer(1, 2 * MM), charts])
        ]
    if data.signing_events:
        story.append(numbers.subheading("签约活动"))
        for event in data.signing_events:
            story.append(
                styles.para(
                    wording.signing_event_sentence(
                        event.date,
                        event.name,
                        event.unit,
                        event.count,
                        event.total_wan_cny,
                        event.unconverted_wan_usd,
                    ),
                    styles.body,
                )
            )
    return story


def _pipeline_section(
    data: BriefingData, styles: Styles, numbers: _Numbering, words: Lexicon
) -> list[object]:
    figures = data.figures
    pipeline = figures.pipeline
    story: list[object] = [
        numbers.heading("在手在谈项目"),
        styles.para(wording.pipeline_detail_sentence(figures), styles.body),
    ]
    if pipeline.count == 0:
        return story
    foreign = pipeline.foreign_count > 0
    money = [Column(f"内资{YI}", align="RIGHT")]
    if foreign:
        money.append(Column(f"外资{YI_USD}", align="RIGHT"))
    bounds = [plain(b) for b, _ in pipeline.size_bands]
    lines = band_lines(pipeline.projects, pipeline.size_bands)
    rows = [
        (
            _band_label(bounds, i),
            line.count,
            yi_text(line.domestic_wan_cny),
            *([yi_text(line.foreign_wan_usd)] if foreign else []),
        )
        for i, line in enumerate(lines)
    ]
    if foreign and figures.exchange_rate is None:
        # Without a rate 外资 stands in no band: its own line, so the rows add up.
        rows.append(
            (
                "外资项目（未折算，不分档）",
                pipeline.foreign_count,
                "",
                yi_text(pipeline.foreign_total_wan_usd),
            )
        )
    total = (
        "合计",
        pipeline.count,
        yi_text(pipeline.domestic_total_wan_cny),
        *([yi_text(pipeline.foreign_total_wan_usd)] if foreign else []),
    )
    band_table = data_table(
        styles,
        [Column("规模档次"), Column(f"项目数{SOFT_BREAK}（个）", align="RIGHT"), *money],
        rows,
        BLOCK_WIDTH,
        total_row=total,
        heads=[numbers.subheading("按体量规模")],
    )
    story.append(band_table)
    unit_rows = [
        (
            line.unit,
            line.pipeline_count,
            yi_text(line.pipeline_domestic_wan_cny),
            *([yi_text(line.pipeline_foreign_wan_usd)] if foreign else []),
        )
        for line in data.units
        if line.pipeline_count
    ]
    if len(data.units) > 1 and unit_rows:
        unit_total = (
            "合计",
            pipeline.count,
            yi_text(pipeline.domestic_total_wan_cny),
            *([yi_text(pipeline.foreign_total_wan_usd)] if foreign else []),
        )
        unit_table = data_table(
            styles,
            [Column("责任单位"), Column(f"项目数{SOFT_BREAK}（个）", align="RIGHT"), *money],
            unit_rows,
            BLOCK_WIDTH,
            total_row=unit_total,
            lexicon=words,
            heads=[numbers.subheading("按责任单位")],
        )
        story.append(unit_table)
    return story


def _units_section(
    data: BriefingData, styles: Styles, numbers: _Numbering, note: wording.RateNote
) -> list[object]:
    figures = data.figures
    story: list[object] = [numbers.heading("各单位情况")]
    for line in data.units:
        story.append(styles.para(wording.unit_paragraph(figures.period, line, note), styles.body))
    if not data.units:
        story.append(styles.para("暂无单位数据。", styles.body))
    return story


def _issues_section(data: BriefingData, styles: Styles, numbers: _Numbering) -> list[object]:
    story: list[object] = [numbers.heading("需协调解决问题")]
    if not data.issues:
        story.append(styles.para("暂无需协调解决的问题。", styles.body))
        return story
    label_width = stringWidth(f"{len(data.issues)}.", styles.faces.body.name, SAN) + SAN * 0.5
    for i, issue in enumerate(data.issues, start=1):
        story.append(
            styles.item(
                f"{i}.",
                f"{issue.project}（{issue.unit}）：{wording.as_sentence(issue.text)}",
                label_width,
            )
        )
    return story


def _appendix(
    data: BriefingData, faces: Typefaces, tail: Flowable | None, words: Lexicon
) -> list[object]:
    """附表 on landscape pages, the 报尾 at the foot of its last page."""
    # Every project behind the figures, ten columns on a landscape page: 小四.
    styles = Styles(faces, cell_size=XIAO_SI)
    period = wording.period_words(data.figures.period)
    title = styles.para(f"附表　{period}新签约及在手在谈项目清单", styles.title)
    story: list[object] = [
        NextPageTemplate(LANDSCAPE),  # ten columns read on a landscape page
        PageBreak(),
    ]
    amounts, foreign = _amount_columns(data.appendix)
    columns = [
        Column("序号", align="CENTER"),
        Column("项目名称"),
        Column("投资方"),
        Column("责任单位"),
        *amounts,
        Column("产业类别"),
        Column("阶段", align="CENTER"),
        Column("签约日期", align="CENTER"),
        Column("类别"),
    ]
    rows = [
        (
            i,
            r.name,
            r.investor,
            r.unit,
            *_amount_cells(r, foreign),
            r.local_industry,
            r.stage.label if r.stage else "—",
            iso(r.signed_on) if r.signed_on else "",
            "、".join(r.groups),
        )
        for i, r in enumerate(data.appendix, start=1)
    ]
    table = data_table(
        styles,
        columns,
        rows,
        BLOCK_HEIGHT,
        lexicon=words,
        heads=[title, Spacer(1, 3 * MM)],
        tail=tail,
    )
    return [*story, table]


def _tail(data: BriefingData, styles: Styles, width: float) -> Flowable | None:
    """报尾: 报/送/发 between red rules (empty lines left out) and the 印数; None when
    there is nothing to say."""
    header = data.header
    lines = [
        (label, value.strip())
        for label, value in (
            ("报", header.to_report),
            ("送", header.to_send),
            ("发", header.to_issue),
        )
        if value.strip()
    ]
    copies = f"（共印{header.copies}份）" if header.copies else ""
    if not lines and not copies:
        return None
    cells = [
        [styles.para(f"{label}：", styles.footer), styles.para(value, styles.footer)]
        for label, value in lines
    ]
    if copies:
        cells.append(
            [
                styles.para("", styles.footer),
                styles.para(copies, styles.footer.clone(align="RIGHT")),
            ]
        )
    label_width = SAN * 2.2
    table = Table(cells, colWidths=[label_width, width - label_width])
    commands: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, RED),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, RED),
    ]
    for row in range(1, len(cells)):
        commands.append(("LINEABOVE", (0, row), (-1, row), 0.5, RED))
    return style_table(table, styles.faces, commands)


@without_cycle_collection
def build_briefing(data: BriefingData, out: Path, faces: Typefaces | None = None) -> Path:
    """Write the briefing PDF to ``out`` (atomically: a temporary file, then a rename)."""
    faces = faces or typefaces()
    styles = Styles(faces)
    figures = data.figures
    note = wording.RateNote(figures.exchange_rate)
    numbers = _Numbering(styles)
    story: list[object] = _masthead(data, styles)
    story += [
        numbers.heading("总体情况"),
        styles.para(wording.overview_paragraph(figures, note), styles.body),
    ]
    words = _lexicon(data)
    story += _signed_section(data, styles, faces, numbers, words)
    story += _pipeline_section(data, styles, numbers, words)
    story += _units_section(data, styles, numbers, note)
    story += _issues_section(data, styles, numbers)
    if data.appendix:
        # The 报尾 closes the last page: the 附表's, in landscape.
        story += _appendix(data, faces, _tail(data, styles, BLOCK_HEIGHT), words)
    elif (tail := _tail(data, styles, BLOCK_WIDTH)) is not None:
        story.append(AtFoot(tail))  # no project behind the figures: no 附表
    header = data.header
    period = wording.period_words(figures.period)
    info = DocumentInfo(
        title=f"{header.title} 第{header.issue_no}期",
        subject=f"{header.title}：{period}招商引资工作情况（{date_cn(header.date)}签发）",
        author=header.editor,
        keywords=(header.title, period, wording.scope_word(figures.unit)),
    )
    return write_pdf(story, out, faces, info)
