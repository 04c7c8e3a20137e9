"""The article's facts (示例数据): the named projects, units, cadres and the period.

The named projects and companies come from the article; every other project,
company, person and 统一社会信用代码 in the example data is invented.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

HQ_NAME = "市招商中心"
EXCHANGE_RATE = Decimal("7.1305")
EXCHANGE_RATE_DATE = date(2023, 7, 31)
# The period of the article's figures (1~7月 2023): what a newcomer should see first.
ARTICLE_PERIOD_START = date(2023, 1, 1)
ARTICLE_PERIOD_END = date(2023, 7, 31)

# The projects the article names.
DAYA = "大亚新能源材料建设项目"
CHUANGLI = "江苏创力电梯垂直电梯部件及储能生产建设项目"
MODULES = "自动化设备及汽车零部件项目通讯模组、指纹模组项目"
MEIJIN = "东莞市美锦电子材料有限公司光学纳米分子材料项目"
TISU = "苏州体素信息科技有限公司眼底影像辅助产品及胸部CT产品生产线项目"

# 开发区's signing ceremony: 22 projects, 75.2亿元, all signed that day.
EVENT_NAME = "开发区政银企对接活动暨金融工作大会"
EVENT_DATE = date(2023, 8, 8)

DEV_ZONE = "开发区"
OFFICES: dict[str, str] = {  # 驻点招商办 → 驻点城市
    "上海驻点招商办": "上海",
    "深圳驻点招商办": "深圳",
    "北京驻点招商办": "北京",
    "广州驻点招商办": "广州",
    "杭州驻点招商办": "杭州",
}

# 招商人员 of the offices: 12 cadres in 5 offices (3+3+2+2+2), the first of each its 主任.
CADRES: dict[str, tuple[str, ...]] = {
    "上海驻点招商办": ("张伟", "李娜", "王磊"),
    "深圳驻点招商办": ("刘洋", "赵敏", "孙浩"),
    "北京驻点招商办": ("周婷", "吴昊"),
    "广州驻点招商办": ("郑强", "黄丽"),
    "杭州驻点招商办": ("徐军", "马晓燕"),
}
# 责任人 in the development zone and the towns (they are not 驻点 cadres).
LOCAL_PEOPLE: dict[str, tuple[str, ...]] = {
    DEV_ZONE: ("殷建军", "束晓峰"),
    "丹北镇": ("钱立新",),
    "吕城镇": ("蒋文斌",),
    "司徒镇": ("汤振华",),
    "延陵镇": ("贺志刚",),
    "界牌镇": ("眭国平",),
}
CODE_PREFIX: dict[str, str] = {
    DEV_ZONE: "KFQ",
    "上海驻点招商办": "SH",
    "深圳驻点招商办": "SZ",
    "北京驻点招商办": "BJ",
    "广州驻点招商办": "GZ",
    "杭州驻点招商办": "HZ",
    "丹北镇": "DB",
    "吕城镇": "LC",
    "司徒镇": "ST",
    "延陵镇": "YL",
    "界牌镇": "JP",
}
