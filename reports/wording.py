"""The briefing's sentences, in the phrasing of the city's published briefings.

The fixed phrases follow the city's article on purpose (users asked for exactly
that wording); the figures are filled in, and a band, sector or group with no
project is left out rather than printed as 0个.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from db.reads.figures import Figures, Period, PipelineFigures, SignedFigures, UnitFigures
from db.rules.industry import Sector
from db.rules.money import plain, yi_text
from db.store.settings import ExchangeRate


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def period_words(period: Period) -> str:
    """1~7月, 7月, 3~7月, 2022年12月~2023年2月, or exact days when not whole months."""
    start, end = period.start, period.end
    whole_months = start.day == 1 and _month_end(end)
    same_year = start.year == end.year
    if whole_months:
        if same_year:
            if start.month == end.month:
                return f"{end.month}月"
            return f"{start.month}~{end.month}月"
        return f"{start.year}年{start.month}月~{end.year}年{end.month}月"
    if same_year:
        if start == end:
            return f"{end.month}月{end.day}日"
        return f"{start.month}月{start.day}日~{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日~{end.year}年{end.month}月{end.day}日"


def as_of_words(as_of: date, with_year: bool = False) -> str:
    """截至7月底, or 截至7月20日 when the date is not a month's end."""
    year = f"{as_of.year}年" if with_year else ""
    if _month_end(as_of):
        return f"截至{year}{as_of.month}月底"
    return f"截至{year}{as_of.month}月{as_of.day}日"


def scope_word(unit: str | None) -> str:
    return unit if unit else "全市"


def rate_words(rate: ExchangeRate) -> str:
    when = f"{rate.date.year}年{rate.date.month}月{rate.date.day}日" if rate.date else ""
    return f"按{when}汇率1美元兑{plain(rate.usd_cny)}元人民币折算"


def signed_sentences(figures: Figures) -> list[str]:
    """The key-number sentences on new signings (新签约)."""
    signed: SignedFigures = figures.signed
    period = period_words(figures.period)
    scope = scope_word(figures.unit)
    if signed.count == 0:
        return [f"{period},{scope}暂无新签约总投资亿元以上产业项目。"]
    sentences = [
        f"{period},{scope}新签约总投资亿元以上产业项目{signed.count}个,"
        f"总投资{yi_text(signed.total_wan_cny)}亿元。"
    ]
    if signed.foreign_count:
        sentences.append(
            f"其中外资项目{signed.foreign_count}个,总投资"
            f"{yi_text(signed.foreign_total_wan_usd)}亿美元({rate_words(figures.exchange_rate)})。"
        )
    # The lowest band is "the rest" and is not named in the published sentence.
    bands = [(bound, n) for bound, n in signed.size_bands[:-1] if n]
    if bands:
        parts = [f"{plain(bound)}亿元以上项目{n}个" for bound, n in bands]
        sentences.append(f"从体量规模看,总投资{','.join(parts)}。")
    labels = (
        (Sector.MANUFACTURING, "制造业"),
        (Sector.SERVICES, "服务业"),
        (Sector.OTHER, "其他产业"),
    )
    present = [
        (label, signed.sectors[sector]) for sector, label in labels if signed.sectors[sector]
    ]
    parts = [
        f"{label}项目{n}个" if i == 0 else f"{label}{n}个" for i, (label, n) in enumerate(present)
    ]
    sentence = f"从产业分类看,{','.join(parts)}"
    if signed.priority_count:
        sentence += (
            f",其中“{figures.priority_name}”产业项目{signed.priority_count}个,"
            f"占比{signed.priority_share_pct}%"
        )
    sentences.append(sentence + "。")
    return sentences


def pipeline_sentence(figures: Figures) -> str:
    """在手在谈 at the period's end."""
    pipeline: PipelineFigures = figures.pipeline
    cross_year = figures.period.start.year != figures.period.end.year
    head = f"{as_of_words(pipeline.as_of, cross_year)},{scope_word(figures.unit)}"
    if pipeline.count == 0:
        return f"{head}暂无在手在谈项目。"
    domestic = f"总投资额{yi_text(pipeline.domestic_total_wan_cny)}亿元"
    foreign = f"总投资{yi_text(pipeline.foreign_total_wan_usd)}亿美元"
    if pipeline.foreign_count == 0:
        return f"{head}在手在谈项目{pipeline.count}个,均为内资项目,{domestic}。"
    if pipeline.domestic_count == 0:
        return f"{head}在手在谈项目{pipeline.count}个,均为外资项目,{foreign}。"
    return (
        f"{head}在手在谈项目{pipeline.count}个,其中内资项目{pipeline.domestic_count}个,"
        f"{domestic};外资项目{pipeline.foreign_count}个,{foreign}。"
    )


def overview_paragraph(figures: Figures) -> str:
    """一、总体情况: the key-number paragraph."""
    return "".join([*signed_sentences(figures), pipeline_sentence(figures)])


def unit_paragraph(period: Period, line: UnitFigures, converted: bool, rate: ExchangeRate) -> str:
    """One unit in the style of the article's 开发区 paragraph."""
    head = f"{period_words(period)},{line.unit}"
    if line.signed_count:
        signed = f"签约项目{line.signed_count}个,总投资{yi_text(line.signed_total_wan_cny)}亿元"
    else:
        signed = "暂无新签约项目"
    parts = [head + signed]
    if line.pipeline_count:
        parts.append(
            f"在手重点推进项目{line.pipeline_count}个,"
            f"总投资{yi_text(line.pipeline_total_wan_cny)}亿元"
        )
    if line.industries:
        parts.append(f"产业涉及{'、'.join(line.industries)}等")
    text = ";".join(parts) + "。"
    if converted:
        text += f"(外资项目{rate_words(rate)}。)"
    return text


def signing_event_sentence(
    when: date, name: str, unit: str | None, count: int, total_wan_cny: Decimal
) -> str:
    """现场集中签约项目22个,累计金额75.2亿元."""
    host = f"{unit}举办" if unit else "举办"
    return (
        f"{when.month}月{when.day}日,{host}{name},现场集中签约项目{count}个,"
        f"累计金额{yi_text(total_wan_cny)}亿元。"
    )


def money_words(wan: Decimal, foreign: bool = False) -> str:
    """An amount for a sentence: 30亿元, 7.06亿元, 5000万元, 2000万美元, 1.2亿美元."""
    unit = "美元" if foreign else "元"
    if wan >= 10000:
        return f"{yi_text(wan)}亿{unit}"
    return f"{plain(wan)}万{unit}"


def area_words(m2: Decimal) -> str:
    """5.3万平方米, 8000平方米."""
    if m2 >= 10000:
        return f"{plain((m2 / 10000).quantize(Decimal('0.01')))}万平方米"
    return f"{plain(m2)}平方米"


def capacity_words(lines: tuple[tuple[str, Decimal, str], ...]) -> str:
    """电池箔5万吨、铝箔正极集流体4.3万吨 (the yearly unit is implied by 年产)."""
    return "、".join(
        f"{product}{plain(quantity)}{unit.removesuffix('/年')}" for product, quantity, unit in lines
    )


def day_words(day: date, with_year: bool = True) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


_SENTENCE_ENDS = ("。", "!", "?", "…", ".", "!", "?", ";", ";")


def as_sentence(words: str) -> str:
    """User text closed as a sentence: "…的生产能力" → "…的生产能力。" (kept if already closed)."""
    words = words.strip()
    return words if not words or words.endswith(_SENTENCE_ENDS) else words + "。"
