"""The briefing's sentences, in the phrasing of the city's published briefings.

The fixed phrases follow the city's article on purpose (users asked for exactly
that wording), with the full-width punctuation and the year of an official text
("2023年1~7月", "截至2023年7月底"); the figures are filled in, a band, sector or
group with no project is left out rather than printed as 0个, and a share of
100% reads "均为…".  The exchange rate is said once, where foreign money is first
converted.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal

from db.reads.briefing import UnitLine
from db.reads.figures import Figures, Period, PipelineFigures, SignedFigures
from db.rules.industry import Sector
from db.rules.money import plain, yi_text
from db.rules.qualifier import Qualifier, qualified
from db.store.settings import ExchangeRate


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


# Whole-month spans of one year with a name of their own.
_NAMED_SPANS: dict[tuple[int, int], str] = {
    (1, 3): "一季度",
    (4, 6): "二季度",
    (7, 9): "三季度",
    (10, 12): "四季度",
    (1, 6): "上半年",
    (7, 12): "下半年",
    (1, 9): "前三季度",
    (1, 12): "全年",
}


def period_words(period: Period) -> str:
    """2023年1~7月, 2023年上半年, 2023年一季度, 2023年全年, 2023年7月,
    2022年12月~2023年2月, or exact days (2023年3月5日~7月20日) when not whole months."""
    start, end = period.start, period.end
    whole_months = start.day == 1 and _month_end(end)
    same_year = start.year == end.year
    if whole_months:
        if same_year:
            named = _NAMED_SPANS.get((start.month, end.month))
            if named:
                return f"{end.year}年{named}"
            if start.month == end.month:
                return f"{end.year}年{end.month}月"
            return f"{end.year}年{start.month}~{end.month}月"
        return f"{start.year}年{start.month}月~{end.year}年{end.month}月"
    if same_year:
        if start == end:
            return f"{end.year}年{end.month}月{end.day}日"
        return f"{end.year}年{start.month}月{start.day}日~{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日~{end.year}年{end.month}月{end.day}日"


def as_of_words(as_of: date) -> str:
    """截至2023年7月底, or 截至2023年7月20日 when the date is not a month's end."""
    if _month_end(as_of):
        return f"截至{as_of.year}年{as_of.month}月底"
    return f"截至{as_of.year}年{as_of.month}月{as_of.day}日"


def scope_word(unit: str | None) -> str:
    return unit if unit else "全市"


def rate_words(rate: ExchangeRate) -> str:
    when = f"{rate.date.year}年{rate.date.month}月{rate.date.day}日" if rate.date else ""
    return f"按{when}汇率1美元兑{plain(rate.usd_cny)}元人民币折算"


class RateNote:
    """The exchange rate, said once in a document: beside the first amount in which
    foreign money was converted to 亿元 — or, while no rate is entered, beside the
    first 外资 amount, that 外资 is stated in 美元 and not converted."""

    def __init__(self, rate: ExchangeRate | None) -> None:
        self.rate = rate
        self.said = False

    @property
    def converts(self) -> bool:
        return self.rate is not None

    def once(self) -> str:
        """（含外资项目，按…折算） the first time, then nothing."""
        if self.said:
            return ""
        self.said = True
        if self.rate is None:
            return f"（{NO_RATE_WORDS}）"
        return f"（含外资项目，{rate_words(self.rate)}）"


# Said once in a briefing of a file without an exchange rate.
NO_RATE_WORDS = "未设定美元兑人民币汇率，外资项目以美元计，未折算人民币，未计入体量规模分档"


def _sector_words(signed: SignedFigures) -> str:
    labels = (
        (Sector.MANUFACTURING, "制造业"),
        (Sector.SERVICES, "服务业"),
        (Sector.OTHER, "其他产业"),
    )
    present = [
        (label, signed.sectors[sector]) for sector, label in labels if signed.sectors[sector]
    ]
    if len(present) == 1:
        return f"均为{present[0][0]}项目"
    return "，".join(
        f"{label}项目{n}个" if i == 0 else f"{label}{n}个" for i, (label, n) in enumerate(present)
    )


def signed_sentences(figures: Figures, note: RateNote | None = None) -> list[str]:
    """The key-number sentences on new signings (新签约)."""
    signed: SignedFigures = figures.signed
    period = period_words(figures.period)
    scope = scope_word(figures.unit)
    if signed.count == 0:
        return [f"{period}，{scope}暂无新签约总投资亿元以上产业项目。"]
    note = note or RateNote(figures.exchange_rate)
    if signed.foreign_count and not note.converts:
        return _unconverted_signed_sentences(figures, note)
    converted = note.once() if signed.foreign_count else ""
    sentences = [
        f"{period}，{scope}新签约总投资亿元以上产业项目{signed.count}个，"
        f"总投资{yi_text(signed.total_wan_cny)}亿元{converted}。"
    ]
    if signed.foreign_count == signed.count:
        sentences.append(f"均为外资项目，总投资{yi_text(signed.foreign_total_wan_usd)}亿美元。")
    elif signed.foreign_count:
        sentences.append(
            f"其中外资项目{signed.foreign_count}个，总投资"
            f"{yi_text(signed.foreign_total_wan_usd)}亿美元。"
        )
    return [*sentences, *_bands_and_sectors(figures, "")]


def _unconverted_signed_sentences(figures: Figures, note: RateNote) -> list[str]:
    """新签约 with 外资 while no rate is entered: 内资 in 亿元 and 外资 in 亿美元, apart,
    and the size bands of the 内资 projects only."""
    signed = figures.signed
    head = f"{period_words(figures.period)}，{scope_word(figures.unit)}新签约总投资亿元以上产业项目"
    foreign = f"总投资{yi_text(signed.foreign_total_wan_usd)}亿美元{note.once()}"
    if signed.domestic_count == 0:
        first = f"{head}{signed.count}个，均为外资项目，{foreign}。"
    else:
        first = (
            f"{head}{signed.count}个，其中内资项目{signed.domestic_count}个，"
            f"总投资{yi_text(signed.domestic_total_wan_cny)}亿元；"
            f"外资项目{signed.foreign_count}个，{foreign}。"
        )
    return [first, *_bands_and_sectors(figures, "内资项目中")]


def _bands_and_sectors(figures: Figures, among: str) -> list[str]:
    """从体量规模看… and 从产业分类看…; ``among`` names whom the bands cover."""
    signed = figures.signed
    sentences = []
    # The lowest band is "the rest" and is not named in the published sentence.
    bands = [(bound, n) for bound, n in signed.size_bands[:-1] if n]
    if bands:
        parts = [f"{plain(bound)}亿元以上项目{n}个" for bound, n in bands]
        sentences.append(f"从体量规模看，{among}总投资{'，'.join(parts)}。")
    sentence = f"从产业分类看，{_sector_words(signed)}"
    name = figures.priority_name
    if signed.priority_count == signed.count:
        joiner = "，也" if sentence.endswith("项目") and "均为" in sentence else "，"
        sentence += f"{joiner}均为“{name}”产业项目"
    elif signed.priority_count:
        sentence += (
            f"，其中“{name}”产业项目{signed.priority_count}个，占比{signed.priority_share_pct}%"
        )
    sentences.append(sentence + "。")
    return sentences


def pipeline_sentence(figures: Figures) -> str:
    """在手在谈 at the period's end."""
    pipeline: PipelineFigures = figures.pipeline
    head = f"{as_of_words(pipeline.as_of)}，{scope_word(figures.unit)}"
    if pipeline.count == 0:
        return f"{head}暂无在手在谈项目。"
    domestic = f"总投资额{yi_text(pipeline.domestic_total_wan_cny)}亿元"
    foreign = f"总投资{yi_text(pipeline.foreign_total_wan_usd)}亿美元"
    if pipeline.foreign_count == 0:
        return f"{head}在手在谈项目{pipeline.count}个，均为内资项目，{domestic}。"
    if pipeline.domestic_count == 0:
        return f"{head}在手在谈项目{pipeline.count}个，均为外资项目，{foreign}。"
    return (
        f"{head}在手在谈项目{pipeline.count}个，其中内资项目{pipeline.domestic_count}个，"
        f"{domestic}；外资项目{pipeline.foreign_count}个，{foreign}。"
    )


def pipeline_detail_sentence(figures: Figures) -> str:
    """三、在手在谈项目: how the pipeline divides, 在谈 and 已签约未开工."""
    pipeline = figures.pipeline
    head = (
        f"{as_of_words(pipeline.as_of)}，{scope_word(figures.unit)}在手在谈项目{pipeline.count}个"
    )
    if pipeline.count == 0:
        return f"{as_of_words(pipeline.as_of)}，{scope_word(figures.unit)}暂无在手在谈项目。"
    parts = []
    if pipeline.negotiating:
        parts.append(f"在谈项目{pipeline.negotiating}个")
    if pipeline.signed_not_started:
        parts.append(f"已签约未开工项目{pipeline.signed_not_started}个")
    if len(parts) == 1:
        return f"{head}，均为{parts[0].removesuffix(f'{pipeline.count}个')}。"
    return f"{head}，其中{'，'.join(parts)}。"


def overview_paragraph(figures: Figures, note: RateNote | None = None) -> str:
    """一、总体情况: the key-number paragraph."""
    return "".join([*signed_sentences(figures, note), pipeline_sentence(figures)])


def unit_paragraph(period: Period, line: UnitLine, note: RateNote) -> str:
    """One unit in the style of the article's 开发区 paragraph, with the pipeline in the
    same words as the city-wide sentence (内资 and 外资 apart)."""
    head = f"{period_words(period)}，{line.unit}"
    if line.signed_foreign_count and not note.converts:
        foreign = (
            f"外资项目{line.signed_foreign_count}个，"
            f"总投资{yi_text(line.signed_foreign_wan_usd)}亿美元"
        )
        domestic_count = line.signed_count - line.signed_foreign_count
        signed = f"签约项目{line.signed_count}个，"
        if domestic_count:
            signed += (
                f"其中内资项目{domestic_count}个，总投资{yi_text(line.signed_total_wan_cny)}亿元，"
            )
        else:
            signed += "均为"
        signed += foreign + note.once()
    elif line.signed_count:
        converted = note.once() if line.signed_foreign_count else ""
        signed = (
            f"签约项目{line.signed_count}个，"
            f"总投资{yi_text(line.signed_total_wan_cny)}亿元{converted}"
        )
    else:
        signed = "暂无新签约项目"
    parts = [head + signed]
    if line.pipeline_count:
        domestic = f"总投资{yi_text(line.pipeline_domestic_wan_cny)}亿元"
        foreign = f"总投资{yi_text(line.pipeline_foreign_wan_usd)}亿美元"
        if not line.pipeline_foreign_count:
            parts.append(f"在手在谈项目{line.pipeline_count}个，{domestic}")
        elif not line.pipeline_domestic_count:
            parts.append(f"在手在谈项目{line.pipeline_count}个，均为外资项目，{foreign}")
        else:
            parts.append(
                f"在手在谈项目{line.pipeline_count}个，其中内资项目"
                f"{line.pipeline_domestic_count}个，{domestic}，外资项目"
                f"{line.pipeline_foreign_count}个，{foreign}"
            )
    if line.industries:
        parts.append(f"产业涉及{'、'.join(line.industries)}等")
    return "；".join(parts) + "。"


def signing_event_sentence(
    when: date,
    name: str,
    unit: str | None,
    count: int,
    total_wan_cny: Decimal,
    unconverted_wan_usd: Decimal = Decimal(0),
) -> str:
    """现场集中签约项目22个，累计金额75.2亿元 — and, while no rate is entered, the 外资
    beside it in 亿美元 (not converted, not in the 亿元)."""
    host = f"{unit}举办" if unit else "举办"
    foreign = (
        f"，另有外资项目金额{yi_text(unconverted_wan_usd)}亿美元（未折算）"
        if unconverted_wan_usd
        else ""
    )
    return (
        f"{day_words(when)}，{host}{name}，现场集中签约项目{count}个，"
        f"累计金额{yi_text(total_wan_cny)}亿元{foreign}。"
    )


def money_words(wan: Decimal, foreign: bool = False, qualifier: Qualifier | None = None) -> str:
    """An amount for a sentence: 30亿元, 7.06亿元, 5000万元, 2000万美元, 约20亿元."""
    unit = "美元" if foreign else "元"
    figure = f"{yi_text(wan)}亿{unit}" if wan >= 10000 else f"{plain(wan)}万{unit}"
    return qualified(figure, qualifier)


def area_words(m2: Decimal, qualifier: Qualifier | None = None) -> str:
    """5.3万平方米, 18万平方米, 约30000平方米, 8000平方米: a whole number of 万 below
    10万 is written out (the article: 约30000平方米 beside 5.3万平方米)."""
    whole_wan = m2 % 10000 == 0
    if m2 >= 100000 or (m2 >= 10000 and not whole_wan):
        figure = f"{plain((m2 / 10000).quantize(Decimal('0.01')))}万平方米"
    else:
        figure = f"{plain(m2)}平方米"
    return qualified(figure, qualifier)


def capacity_words(
    lines: tuple[tuple[str, Decimal, str, Qualifier | None], ...],
) -> str:
    """电池箔5万吨、铝箔正极集流体4.3万吨 (the yearly unit is implied by 年产)."""
    return "、".join(
        f"{product}{qualified(plain(quantity) + unit.removesuffix('/年'), qualifier)}"
        for product, quantity, unit, qualifier in lines
    )


def day_words(day: date, with_year: bool = True) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


_SENTENCE_ENDS = ("。", "！", "？", "…", ".", "!", "?", "；", ";")


def as_sentence(words: str) -> str:
    """User text closed as a sentence: "…的生产能力" → "…的生产能力。" (kept if already closed)."""
    words = words.strip()
    return words if not words or words.endswith(_SENTENCE_ENDS) else words + "。"


# A figure with its unit in running text: 11.6亿元, 30000平方米, 5.3万平方米, 85亩, 4万吨.
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?\s*(美元|元|平方米|亩|吨|件|台|套|人|GWh)")


def figures_in(words: str) -> set[tuple[Decimal, str]]:
    """The figures of a text as (value in the base unit, unit): 5.3万平方米 and
    53000平方米 are the same figure."""
    found = set()
    for number, scale, unit in _FIGURE.findall(words):
        value = Decimal(number) * {"": 1, "万": 10000, "亿": 100000000}[scale]
        found.add((value.normalize(), unit))
    return found


def untold_clauses(words: str, told: str) -> str:
    """User text without the clauses whose every figure ``told`` already states (the
    brief says each fact once): “一期投资11.6亿元，建设一条电池箔专用生产线” with the
    phase amounts told → “建设一条电池箔专用生产线”."""
    known = figures_in(told)
    kept = []
    for clause in re.split(r"[，,；;。：:]", words):
        clause = clause.strip()
        if not clause:
            continue
        figures = figures_in(clause)
        if figures and figures <= known:
            continue
        if clause in told:
            continue
        kept.append(clause)
    return "，".join(kept)
