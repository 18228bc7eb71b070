"""Publication dates on a page: the labelled date line, and the date in TRS / Hanweb / gov.cn URL shapes."""

from __future__ import annotations

import re

from core.text import DATE_PATTERN, make_date

# Labels that name the publication date, and labels that name other dates.
_PUB_LABEL = re.compile(
    r"(发布时间|发布日期|公开日期|发稿时间|发表时间|上传时间|信息时间|發佈時間|發布時間|發佈日期|發布日期|公開日期|時間|时间|日期)"
    r"\s*[:：]?\s*\]?\s*" + DATE_PATTERN
)
_NOT_PUB_LABELS = ("成文", "生成", "更新", "修改", "打印", "访问", "截止", "实施", "有效", "印发", "统计", "登记",
                   "訪問", "實施", "印發", "統計", "登記")
WRITTEN_LABEL = re.compile(r"成文日期\s*[:：]?\s*" + DATE_PATTERN)

_URL_DATES = [
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS: t20170605_88.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/art_"),  # Hanweb
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/content_"),  # /2017-06/08/content_5512.htm
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/[^/]*\.s?html?$"),
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/"),
]



def date_from_url(url: str) -> str | None:
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            found = make_date(*match.groups())
            if found:
                return found
    return None


def labelled_publication_date(text: str) -> str | None:
    for match in _PUB_LABEL.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()]
        if any(word in before + match.group(1) for word in _NOT_PUB_LABELS):
            continue
        found = make_date(match.group(2), match.group(3), match.group(4))
        if found:
            return found
    return None



# An unlabelled date line under a title: a date with a clock time ("作者： 2023-12-01 14:43"),
# or a date on the line that names the source, author or hit counter ("来源：…", "浏览次数").
_DATE_WITH_TIME = re.compile(DATE_PATTERN + r"\s*\d{1,2}[:：]\d{2}")
_BYLINE_WORDS = re.compile(r"(?:来源|作者|编辑|浏览次数|点击数|点击量|阅读次数|供稿|來源|作者)\s*[:：]")
_WEEKDAY_AFTER = re.compile(r"^\s*(?:星期|周|週|礼拜)[一二三四五六日天]")  # a calendar widget: today's date
_BARE_DATE = re.compile(DATE_PATTERN)
_BYLINE_REACH = 30


def dateline_publication_date(window: str) -> str | None:
    """The date of a byline under the title when no label names it (source ``line``)."""
    for pattern in (_DATE_WITH_TIME, _BARE_DATE):
        for match in pattern.finditer(window):
            before = window[max(0, match.start() - 6): match.start()]
            if any(word in before for word in _NOT_PUB_LABELS) or _WEEKDAY_AFTER.match(window[match.end():]):
                continue
            if pattern is _BARE_DATE:
                around = window[max(0, match.start() - _BYLINE_REACH): match.end() + _BYLINE_REACH]
                if not _BYLINE_WORDS.search(around):
                    continue
            found = make_date(match.group(1), match.group(2), match.group(3))
            if found:
                return found
    return None
