"""Project stages (项目阶段) and the vocabulary of the ledger.

Stages are stored as short codes; the Chinese labels are the ones users know
and the ones the ledger spreadsheet uses.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    LEAD = "lead"  # 线索
    TALKS = "talks"  # 在谈
    SIGNED = "signed"  # 签约
    REGISTERED = "registered"  # 注册 (optional step)
    STARTED = "started"  # 开工
    COMPLETED = "completed"  # 竣工 (optional step)
    PRODUCING = "producing"  # 投产
    AT_CAPACITY = "at_capacity"  # 达产 (optional step)
    DROPPED = "dropped"  # 中止

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def rank(self) -> int:
        """Position on the path; 中止 is off the path and ranks after all."""
        return PATH.index(self) if self in PATH else len(PATH)

    @classmethod
    def from_label(cls, label: str) -> Stage:
        for stage, text in STAGE_LABELS.items():
            if text == label:
                return stage
        raise ValueError(label)


STAGE_LABELS: dict[Stage, str] = {
    Stage.LEAD: "线索",
    Stage.TALKS: "在谈",
    Stage.SIGNED: "签约",
    Stage.REGISTERED: "注册",
    Stage.STARTED: "开工",
    Stage.COMPLETED: "竣工",
    Stage.PRODUCING: "投产",
    Stage.AT_CAPACITY: "达产",
    Stage.DROPPED: "中止",
}

PATH: tuple[Stage, ...] = (
    Stage.LEAD,
    Stage.TALKS,
    Stage.SIGNED,
    Stage.REGISTERED,
    Stage.STARTED,
    Stage.COMPLETED,
    Stage.PRODUCING,
    Stage.AT_CAPACITY,
)

# 在手在谈: in talks, or signed and not yet under construction.
PIPELINE_STAGES: frozenset[Stage] = frozenset({Stage.TALKS, Stage.SIGNED, Stage.REGISTERED})
NEGOTIATING_STAGES: frozenset[Stage] = frozenset({Stage.TALKS})
SIGNED_NOT_STARTED_STAGES: frozenset[Stage] = frozenset({Stage.SIGNED, Stage.REGISTERED})


class Capital(StrEnum):
    DOMESTIC = "domestic"  # 内资, amounts in 万元
    FOREIGN = "foreign"  # 外资, amounts in 万美元

    @property
    def label(self) -> str:
        return "内资" if self is Capital.DOMESTIC else "外资"

    @property
    def currency_unit(self) -> str:
        return "万元" if self is Capital.DOMESTIC else "万美元"

    @classmethod
    def from_label(cls, label: str) -> Capital:
        if label == "内资":
            return cls.DOMESTIC
        if label == "外资":
            return cls.FOREIGN
        raise ValueError(label)


UNIT_KINDS: tuple[str, ...] = ("驻点招商办", "开发区", "镇区", "园区", "招商中心")
CONSTRUCTION_KINDS: tuple[str, ...] = ("新建", "扩建", "技改")
INVESTOR_NATURES: tuple[str, ...] = ("国企", "民企", "外企")
INVESTOR_CATEGORIES: tuple[str, ...] = (
    "世界500强",
    "中国500强",
    "上市公司",
    "专精特新",
    "高新技术企业",
    "其他",
)
INFO_SOURCES: tuple[str, ...] = (
    "驻点招商",
    "以商招商",
    "乡贤",
    "展会",
    "基金招商",
    "中介招商",
    "其他",
)
MILESTONE_KINDS: tuple[str, ...] = (
    "拿地",
    "证照申报",
    "证照办结",
    "开工",
    "主体封顶",
    "竣工",
    "投产",
)
FOLLOW_UP_KINDS: tuple[str, ...] = ("拜访", "来访", "电话", "洽谈", "签约仪式")
