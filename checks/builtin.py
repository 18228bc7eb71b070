"""Checks every audit makes whatever the notices say: they are not in rules/ because no
notice sentence states them; their findings carry weight 0 and do not change scores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .catalogue import Notice, Rule

SECURITY = Notice(
    id="zwgk-builtin",
    title="网站安全内置检查",
    issuer="zwgk-audit",
    doc_number=None,
    issued=dt.date(2017, 5, 15),  # 政府网站发展指引 (国办发〔2017〕47号) issued on this day
    published=None,
    year=2017,
    province=None,
    source_file=None,
    binds={"all": True},
    path=Path(__file__),
)

BUILTIN_RULES = [
    Rule(
        id="builtin-site-security",
        notice=SECURITY,
        kind="site_security",
        title="网站未被植入暗链或无关内容",
        quote="（内置检查，非通知原文）政府网站页面不得出现暗链及赌博、理财、游戏等与政务无关的被植入内容。",
        params={},
        applies_to={"all": True},
        weight=0.0,
    )
]
