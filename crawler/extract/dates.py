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

