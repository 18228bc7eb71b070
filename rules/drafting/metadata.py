"""A notice's metadata as its page shows it: title, issuer, 文号, issued (signature or 成文日期) and
published (the page's 发布日期/公开日期/发布时间 — not a mirror's upload, update or archive stamp).

Read on cleaned lines (simplified characters, no pinyin); metadata are facts, not quotes.
"""

from __future__ import annotations

import re

from core.places import place_of
from core.text import date_without_marks, either_script, make_date, normalise_doc_number, parse_date

from .structure import WHERE_YOU_ARE

_ISSUER_END = r"(?:办公厅|办公室|人民政府|国务院|委员会|管委会|领导小组|领导小组办公室|管理局|局|厅|委|部|政府|海关|总署)"
_CN_DATE = r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
# a date alone on its line, or in brackets under the title ("（2023年4月20日）"); a mirror may leave a few marks after it ("2023年7月7日???")
_DATE_LINE = re.compile(r"^\s*[?？]*\s*(?:[（(]此件[^）)]{1,8}[）)])?\s*[（(]?\s*(" + _CN_DATE + r")\s*[）)]?\s*[?？*#@·.。]*\s*$")
_INLINE_SIGNATURE = re.compile(r"([\u4e00-\u9fff]{2,30}" + _ISSUER_END + r")\s+(" + _CN_DATE + ")")
_DATE_VALUE = r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})"
_PUBLISHED_LABEL = re.compile(r"(?<!上传)(?<!更新)(?<!归档)(?<!成文)(?<!印发)(?<!颁布)(?<!实施)(?<!签发)"
                              r"(发布时间|发布日期|公开日期|发文日期|生成日期|时间|日期)\s*[\]】]?\s*[:：|]?\s*\|?\s*" + _DATE_VALUE)
# An official page's unlabelled header line: its day and time, then a view counter or the office it comes from
# ("2030-06-10 16时54分 浏览次数:", "2030-06-10 10:30 来源:某某镇"); a mirror's stamp carries neither.
_PORTAL_STAMP = re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?|时\d{1,2}分)\s*"
                           r"(?=(?:浏览|访问|点击|阅读)次数|信息来源|来源[:：]\s*[^\s|]{0,20}?(?:政府|网站|[局厅委办镇乡]|街道|中心)(?:\s|$|作者))", re.M)
_DMY_STAMP = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+\d{1,2}:\d{2}\s*$", re.M)
# 成文日期 of the 信息公开目录 table ("[ 成文日期 ] | 2021-06-02"), or an encyclopedia's 颁布时间
_WRITTEN_LABEL = re.compile(r"(?:成文日期|颁布时间|颁布日期|印发日期|签发日期)\s*[\]】]?\s*[:：|]?\s*\|?\s*" + _DATE_VALUE)
_DOC_NUMBER_FIELD = re.compile(r"(?:发文字号|文\s*号|文件编号)\s*[:：|]?\s*\|?\s*([^\s|]{4,30}号)")
_DOC_NUMBER_ANYWHERE = re.compile(r"[\u4e00-\u9fff]{2,16}\s*[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]\s*(?:第\s*)?\d{1,4}\s*号")
_CITING = re.compile(r"按照|根据|依据|依照|对照|参照|落实|贯彻|转发|印发|关于|执行|结合|传达|学习|同志")
_BARE_DOC_NUMBER = re.compile(r"^([\u4e00-\u9fff]{2,14}?)((?:19|20)\d{2})(\d{1,3})$")
# A mirror's or aggregator's own stamp beside its headline, not the page's publication date.
_MIRROR_STAMP = re.compile(r"作者[:：]\s*佚名|浏览量[:：]\s*时间|上传时间|归档时间|发表于")


# A law database's header line under the title: the number in brackets, with its date or without ("(甘政办发〔2008〕76号
# 2008年6月20日)")
_NUMBER_LINE = re.compile(r"^\s*[（(]\s*" + _DOC_NUMBER_ANYWHERE.pattern + r"\s*(?:(" + _CN_DATE + r"))?\s*[)）]\s*$")


def doc_number(lines: list[str]) -> str | None:
    """The notice's own 文号: a 文号 field, else the first number in the head that is not a citation."""
    head = "\n".join(lines[:40])
    for match in _DOC_NUMBER_FIELD.finditer(head):
        number = normalise_doc_number(match.group(1))
        if number:
            return number
    for match in _DOC_NUMBER_ANYWHERE.finditer(head[:3000]):
        before = head[max(0, match.start() - 2): match.start()].strip()
        line_before = head[head.rfind("\n", 0, match.start()) + 1: match.start()]
        near_top = head.count("\n", 0, match.start()) < 10
        own_title = near_top and (
            re.match(r"^(?![\s\d一二三四五六七八九十（(]*[.．、)）])(?!\s*(?:为|根据|按照|依据|贯彻|落实|遵照|结合|经))[^《》。，,]{0,40}关于[^。，,]{2,100}(通知|意见|方案|要点|决定)\s*[（(]$",
                     line_before)  # the title near the top, not an item of a list of cited documents
            or _NUMBER_LINE.match(head[head.rfind("\n", 0, match.start()) + 1:].split("\n")[0]))  # "(某府办发〔2011〕3号)" under it
        if before.endswith(("(", "（", "〔", "[", "【", "、", "》", "《", "〈", "据", "照")) and not own_title:
            continue  # a cited document: 《…》(国办发〔2017〕24号); not the title's own "关于…的通知(某办发〔2017〕3号)"
        if _CITING.search(match.group(0).split("〔")[0].split("[")[0]) or re.match(r"[和及与或]", match.group(0)):
            continue  # "按照国办公开办函〔2019〕61号文件的要求", "…44号和某办函〔2017〕17号": numbers cited in a sentence
        number = normalise_doc_number(match.group(0))
        if number:
            return number
    for line in lines[-15:]:
        # the 版记 at the foot may carry the number on a line of its own ("某政办字〔2021〕49号")
        if _DOC_NUMBER_ANYWHERE.fullmatch(line.strip()) and not _CITING.search(line):
            number = normalise_doc_number(line.strip())
            if number:
                return number
    for line in lines[:20]:
        match = _BARE_DOC_NUMBER.match(re.sub(r"\s+", "", line))
        if match and re.search(r"办|发|函|字|政|公开", match.group(1)):
            return f"{match.group(1)}〔{match.group(2)}〕{int(match.group(3))}号"  # brackets lost in scraping: XX办发2023 + 5
    return None


def damaged_date(line: str) -> str | None:
    """A signature date whose 年/月/日 the capture dropped ("2019612" = 2019年6月12日, "202449"): read only when the
    digits split into a valid month and day in exactly one way."""
    spaced = re.fullmatch(r"\s*((?:19|20)\d{2})(\d{1,2})\s+(\d{1,2})\s*", line)
    if spaced:  # "20197 9": the space left where 月 was parts the month from the day
        return make_date(*spaced.groups())
    match = re.fullmatch(r"\s*((?:19|20)\d{2})(\d{2,4})\s*", line)
    if not match or len(match.group(2)) == 2 and int(match.group(2)) <= 12:
        return None  # "202412" may be a month (2024年12月); "202449" can only be 4月9日
    return date_without_marks(match.group(1), match.group(2))


_TIME_LIMIT_HEADER = re.compile(r"(完成|办结|计划完成)?(时限|时间|时间节点)(要求|安排)?$")


_ORGANISATION_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,40}" + _ISSUER_END)
# the office of an organisation wrapped onto a line of its own in a signature block
_OFFICE_SUFFIX_LINE = re.compile(r"办公室|办公厅|秘书处")
_NUMERIC_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})\s*$")


def signature(lines: list[str]) -> tuple[str | None, str | None]:
    """Issuer and date of the signature block: an organisation line followed by a date line; else the first date
    line; else an organisation and a date on one line.  A page's header also pairs a source with a date
    ("来源：市政府办公厅 2017年06月28日"), so the block of its own lines is read first."""
    first_date, inline_found, in_figures = None, None, None
    for index, line in enumerate(lines):
        numeric = _NUMERIC_DATE_LINE.match(line)
        if numeric and index and in_figures is None:
            # "某县人民政府办公室" / "2031-03-20": a signature dated in figures, right under its organisation (or under
            # its "(…代章)" line), or right under the covering letter's last sentence when the capture lost the name
            above = [re.sub(r"\s+", "", lines[back]) for back in (index - 1, index - 2) if back >= 0]
            if re.fullmatch(r"[（(][^（()）]{2,30}(?:代章|盖章)[)）]", above[0]) and len(above) > 1:
                above = above[1:]
            date = make_date(*(int(g) for g in numeric.groups()))
            if date and _ORGANISATION_LINE.fullmatch(above[0]):
                in_figures = (above[0], date)
            elif date and above[0].endswith("。") and index < 40:
                in_figures = (None, date)
        if not _DATE_LINE.match(line) and not (index < 60 and damaged_date(line)):
            inline = _INLINE_SIGNATURE.search(line)
            if inline and index < 60 and inline_found is None \
                    and not re.search(r"[，,。]", line[max(0, inline.start() - 1): inline.start()] or ""):
                inline_found = (_issuer(inline.group(1)), parse_date(inline.group(2)))
            continue
        alone = _DATE_LINE.match(line)
        date = parse_date(alone.group(1)) if alone else damaged_date(line)
        for back in range(1, 3):
            if index - back < 0:
                break
            candidate = re.sub(r"\s+", "", lines[index - back])
            if _OFFICE_SUFFIX_LINE.fullmatch(candidate) and index - back - 1 >= 0:
                candidate = re.sub(r"\s+", "", lines[index - back - 1]) + candidate  # "某某厅" / "办公室" / date
            if _ORGANISATION_LINE.fullmatch(candidate):
                return candidate, date
        if not any(_TIME_LIMIT_HEADER.match(earlier.strip()) for earlier in lines[:index]):
            first_date = first_date or date  # under a flattened table's 完成时限 column a date is a row's deadline
    if in_figures:
        return in_figures
    if first_date:
        return (inline_found[0] if inline_found and inline_found[1] == first_date else None), first_date
    return inline_found or (None, None)


def _issuer(text: str) -> str:
    """The organisation at the end of a run-together line ("…请认真贯彻执行。某某市人民政府办公室 2024年3月1日")."""
    return re.split(r"[。，,；;:：\s]", text)[-1]


def _labelled_dates(lines: list[str]) -> list[tuple[str, str | None]]:
    """The head's (label, date) pairs of publication labels, a mirror's own stamps left out."""
    head = "\n".join(lines[:25])
    found = []
    for match in _PUBLISHED_LABEL.finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        line = head[line_start: head.find("\n", match.end()) if "\n" in head[match.end():] else len(head)]
        before = head[max(0, head.rfind("\n", 0, max(line_start - 1, 0)) + 1): line_start]
        if match.group(1) in ("时间", "日期") and _EVENT.search(before + line[: match.start() - line_start]):
            continue  # "二、活动时间及地点 / 时间:2030年3月10日": when an event is held, not when the page went up
        if not _MIRROR_STAMP.search(line):
            found.append((match.group(1), make_date(*match.groups()[1:4])))
    return found


_EVENT = re.compile(r"活动|会议|开放日|举办|召开|地点")


# A catalogue box's dates of the document itself (发文日期, 生成日期 / 公文生成日期), beside the page's own 发布时间.
_DOCUMENT_DATE_LABELS = ("发文日期", "生成日期")


def published(lines: list[str]) -> str | None:
    """The page's publication date.  A catalogue box's 发文日期 is the document's own date when the page also
    shows a 发布时间 of its own; alone, it is the only date the page gives of its publication."""
    found = _labelled_dates(lines)
    own = [date for label, date in found if label not in _DOCUMENT_DATE_LABELS]
    if own or found:
        return (own or [found[0][1]])[0]
    head = "\n".join(lines[:25])
    stamp = _DMY_STAMP.search(head)
    if stamp:
        return make_date(stamp.group(3), stamp.group(2), stamp.group(1))
    stamp = _PORTAL_STAMP.search(head)
    if stamp:
        return make_date(*stamp.groups())
    return None


def written(lines: list[str]) -> str | None:
    match = _WRITTEN_LABEL.search("\n".join(lines[:25]))
    if match:
        return make_date(*match.groups())
    for line in lines[:6]:
        numbered = _NUMBER_LINE.match(line)
        if numbered and numbered.group(1):
            return parse_date(numbered.group(1))  # "(甘政办发〔2008〕76号 2008年6月20日)" under the title
    found = _labelled_dates(lines)
    dated_by_box = [date for label, date in found if label in _DOCUMENT_DATE_LABELS]
    return dated_by_box[0] if dated_by_box and any(label not in _DOCUMENT_DATE_LABELS for label, _ in found) else None


def issued(written_field: str | None, signed_on: str | None, page_date: str | None) -> str | None:
    """The document's own date: the catalogue's 成文日期 field, unless it only repeats the page's publication date
    and the signature gives another (a portal that fills the field with the day it posted the page)."""
    if written_field and signed_on and written_field == page_date:
        return signed_on
    return written_field or signed_on


_TITLE_END = re.compile(r"(通知|意见|决定|方案|要点|分工|办法|函|通报|批复|制度|细则|规定|公告|通告)$")
# "当前位置:首页»政策法规»…»", "工作制度】": a page's breadcrumb or the end of a column tag before the title
_BREADCRUMB = re.compile(either_script(r"^(?:.*" + WHERE_YOU_ARE + r"[:：]?(?:[^»>＞›]{0,20}[»>＞›])+|【?[^【】《]{1,12}】)"))
# (all of them: "• 名称 某县…的通知", a catalogue's bullet and then its field name)
_TITLE_JUNK = re.compile(r"^(?:(?:[•·\-\s]|\d{1,2}\.\d{1,2}|附件[:：]|文件名称|标题|名称|中文名)[:：\s]*)+")


def title(lines: list[str]) -> str | None:
    """A 关于… line (joined with the lines it was split over and the issuer line above it), or the
    heading of the issued document (…工作要点, …任务分解表, …年度报告)."""
    candidates = []
    for index, line in enumerate(lines[:40]):
        if "关于" not in line or len(line) > 140 or re.match(r"^(为|根据|按照|依据|近日|《)", line.strip()):
            continue
        text = re.split(either_script(r"\s(?:有效性|内容概述|索引号|发布机构|发布日期|生成日期|发布时间|来源[:：]|浏览次数)"), line)[0]
        for following in lines[index + 1: index + 4]:
            if _TITLE_END.search(re.sub(r"\s+", "", text)):
                break
            if len(following) > 40 or "〔" in following or "：" in following or ":" in following:
                break
            text += following
        text = _TITLE_JUNK.sub("", re.sub(r"\s+", "", text))
        text = _BREADCRUMB.sub("", text)
        text = re.sub(r"^[^\u4e00-\u9fff《]+", "", text)
        text = re.sub(r"[\[（(][^\]）)]*〔\d{4}〕[^\]）)]*[\]）)]$", "", text)  # "…的通知(某政办发〔2024〕1号)"
        if re.match(r"^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号[:：]?", text):
            text = re.sub(r"^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号[:：]?", "", text)
        if text.startswith("《") and text.endswith("》"):
            text = text[1:-1]
        if text.startswith("关于") and index > 0 and _ORGANISATION_LINE.fullmatch(re.sub(r"\s+", "", lines[index - 1])):
            text = re.sub(r"\s+", "", lines[index - 1]) + text
        match = re.search(r"^.*?(通知|意见|决定|方案|要点|分工|办法|通报|批复|函|公告|通告)(?=$|[^\u4e00-\u9fff》〉])", text)
        if match:
            # "…考核办法(试行)的通知": the trial mark and what follows it are the title's too
            trial = re.match(r"[（(](?:试行|暂行|修订|征求意见稿)[)）]》?(?:的(?:通知|意见|决定|批复|函))?", text[match.end():])
            text = match.group(0) + (trial.group(0) if trial else "")
        if re.search(r"[。；;]", text) or len(re.findall(r"[，,]", text)) > 1:
            continue  # a sentence that mentions a 关于 ("…市政府关于…的决策部署,…制订本要点"), not a title
        if _TITLE_END.search(text) and "《" not in text.split("关于", 1)[0]:
            prefix = text.split("关于", 1)[0]
            candidates.append((0 if re.search(_ISSUER_END + "$", prefix) else 1, index, text))
    if candidates:
        return min(candidates)[2]
    for line in lines[:15]:
        cells = [cell for cell in line.split("|") if cell.strip()]
        # a table's title in its own row ("| 某局主动公开事项目录 | ||||"), not a flattened table's cell ("三、…年度报告 |")
        # (or "某局主动公开事项目录(试行) | ||||||": its empty cells after it)
        table_row = line.lstrip().startswith("|") or re.search(r"\|\s*\|\s*\|\s*$", line)
        line = cells[0] if len(cells) == 1 and table_row else line
        line = _TITLE_JUNK.sub("", re.sub(r"\s+", "", line))
        line = re.sub(r"^[（(][一二三四五六七八九十]{1,3}[)）]", "", line)  # "(三)某领域基层政务公开标准目录": a part's number
        if 8 <= len(line) <= 60 and re.search(r"(要点|报告|方案|(?:标准|分解|任务|计划|安排|分工)表|制度|办法|细则|清单|台账|目录|任务分解|及分工|评估指标|考核指标|指标体系)"
                                             r"(?:[（(](?:试行|暂行|修订)[)）])?$", line) \
                and not re.search(r"[，,。:：]", line):
            return line
    return None


# a page header's field naming the issuing office: "发布机构：某市人民政府办公室", "来源 : 某市人民政府办公厅"
# (a short form such as "县政府办公室" or "市民政局" does not say which county or city: no issuer)
_ISSUER_FIELD = re.compile(r"(?:发布机构|发文机关|发文单位|信息来源|来源|责任主体|責任主體)\s*[:：]\s*((?![省市县区乡镇州旗]|政府|办公)[\u4e00-\u9fff]{2,30}?"
                           + _ISSUER_END + r")(?![\u4e00-\u9fff])")


def issuer_field(lines: list[str]) -> str | None:
    """The issuing office a page header names, in the head of the capture."""
    return next((match.group(1) for line in lines[:12] for match in [_ISSUER_FIELD.search(line)] if match), None)


# A signature or title that leaves out its own place ("市人民政府办公室", "区民政局", "省人民政府办公厅"): the level word it
# starts with, and the places of that level a text names (not 全市, 本区, 各县 …)
_SHORT_FORM = re.compile(r"^(自治区|自治州|省|市|区|县|州|旗)(?=[\u4e00-\u9fff]{2})")
_GENERIC_PLACE = re.compile(r"[全本各我该每城地辖市县区省州]$")
# words before a level word that make no place name: an office, a body, a slogan ("现代化强市")
_NOT_A_PLACE = re.compile(r"政府|办公|部门|单位|机关|[局厅委]|推进|建设|加强|深入|现代|发展|工作|落实|强$")


def full_name(short: str | None, lines: list[str]) -> str | None:
    """"市人民政府办公室" under a title about 某某市: the place put back, taken from the first place of that level the
    head of the capture names ("关于印发某某市2030年…" → 某某市人民政府办公室); left short when none is named."""
    level = _SHORT_FORM.match(short or "")
    if not level:
        return short
    # a place where a name can start: a line's start, after a year, a bracket or the words of a title
    place = re.compile(r"(?:^|(?<=[|（(《“\s\d年]))([\u4e00-\u9fff]{2,6}?)" + level.group(1)
                       + r"(?![\u4e00-\u9fff]{0,1}(?:长|委|级|直|属|内|外|域))")
    for line in lines[:6]:
        for match in place.finditer(re.sub(r"关于|印发|转发|做好|开展", "|", line)):
            name = match.group(1)
            if not _GENERIC_PLACE.search(name) and not _NOT_A_PLACE.search(name):
                return name + short
    # "济南市历城区民政局2030年…" under the page's "区民政局": the place's name runs over two levels (济南市历城区),
    # read with the division codes
    before = re.compile(r"(?:^|(?<=[|（(《“\s\d年]))([\u4e00-\u9fff]{2,12}?)" + re.escape(short))
    for line in lines[:6]:
        for match in before.finditer(line):
            name = match.group(1) + level.group(1)
            found = place_of(name)
            if found is not None and name.endswith(found.name) and not _NOT_A_PLACE.search(match.group(1)):
                return match.group(1) + short
    return short


# What an organisation's own disclosure catalogue is called after its name: "主动公开事项目录", "政务公开事项标准目录",
# "政务信息主动公开基本目录".
OWN_CATALOGUE = r"(?:政务|政府)?(?:信息)?(?:主动)?公开[\u4e00-\u9fff]{0,8}(?:目录|清单)(?:[（(](?:试行|暂行|修订)[)）])?$"
# An office's own rules after its name: "某市扶贫办公告公示制度", "某县教育局政务公开工作制度" (not a government's: its rules
# bind its departments too).
OWN_RULES = r"(?<!政府)[\u4e00-\u9fff]{2,16}?(?:制度|办法|规定|细则|规程)$"
# "某县政府信息公开申请登记审核办…": a title's words, no office; "市政府办公室…": an office without its place
_NOT_AN_OFFICE = re.compile(r"公开|信息|政府[^办]|^[省市县区]")
_OWN_OFFICE = r"(?:办公室|办|局|委员会|委|中心|镇|乡|街道|街道办事处)"


_OWNER_CELL = re.compile(r"^[\u4e00-\u9fff（）()]{2,24}?(?:局|委员会|委|办公室|办|中心|人民政府|政府|办事处)$")


def catalogue_owner(lines: list[str], title_text: str | None) -> str | None:
    """The one organisation a catalogue's 公开主体 column names on every row ("县自然资源和规划局" on each of its rows),
    with the place the head of the capture (its title first) gives it; None when the column names several, or none."""
    if not any(re.fullmatch(r"\|?\s*(?:公开主体|责任主体)\s*\|?", cell.strip()) for line in lines for cell in line.split("|")):
        return None
    cells = [cell.strip() for line in lines for cell in line.split("|") if _OWNER_CELL.match(cell.strip())]
    if len(cells) < 3 or len(set(cells)) != 1:
        return None
    return full_name(cells[0], [title_text or "", *lines])


def issuer(title_text: str | None, signed_by: str | None, named_by_page: str | None = None) -> str | None:
    if signed_by:
        return signed_by
    if title_text and "关于" in title_text:
        prefix = title_text.split("关于", 1)[0]
        forwarding = re.match(r"^(.+?)(?:转发|印发)", prefix)  # "某市人民政府办公室转发市政府新闻办公室关于…": the forwarder
        if forwarding and re.search(_ISSUER_END + "$", forwarding.group(1)):
            return forwarding.group(1)
        if re.search(_ISSUER_END + "$", prefix):
            return prefix
    # "某市某局2023年政务公开工作要点": the organisation before the year names the issuer; "某局主动公开事项目录": the
    # organisation whose own catalogue it is (also after a leading year: "2030年某某镇人民政府主动公开基本目录")
    title_text = re.sub(r"^(?:19|20)\d{2}年度?(?=[\u4e00-\u9fff]{2,30}?(?:" + _ISSUER_END + "|" + _OWN_OFFICE + ")(?:"
                        + OWN_CATALOGUE + "|" + OWN_RULES + "))", "", title_text or "")
    match = re.match(r"^([\u4e00-\u9fff]{2,30}?" + _ISSUER_END + r")(?:(?:19|20)\d{2}年|" + OWN_CATALOGUE + ")", title_text or "")
    if match:
        return match.group(1)
    # "某市扶贫办公告公示制度", "某某镇主动公开基本目录" (the town's government)
    match = re.match(r"^([\u4e00-\u9fff]{2,20}?" + _OWN_OFFICE + r")(?:" + OWN_CATALOGUE + "|" + OWN_RULES + ")", title_text or "")
    if match and not _NOT_AN_OFFICE.search(match.group(1)):
        return re.sub(r"(?<=[镇乡])$", "人民政府", re.sub(r"街道$", "街道办事处", match.group(1)))
    return named_by_page


def year_of(title_text: str | None, issued: str | None) -> int | None:
    """The year the notice is about: its title's, else its signature's."""
    # "…五年行动计划(2021—2025年)": the end of a period is not the notice's year
    match = re.search(r"(?<![—\-–~～至到])((?:19|20)\d{2})\s*年(?![—\-–~～至到]\d)", title_text or "")
    if match and re.search(r"\d\s*年度?[^，,。]{0,16}(工作)?(年度报告|年报)", title_text or ""):
        # "做好2030年政府信息公开工作年度报告编制发布工作": the report on 2030 is due in 2031
        return int(issued[:4]) if issued else int(match.group(1)) + 1
    if match:
        # "2025年第四季度…检查情况的通报" signed in January 2026: the title names the period looked back on, and the
        # deadlines it sets ("2月28日前") fall after the notice was signed
        return max(int(match.group(1)), int(issued[:4])) if issued else int(match.group(1))
    return int(issued[:4]) if issued else None


def heading_year(lines: list[str], in_sentences: bool = False) -> int | None:
    """The year of a heading in the head ("某县2031年政务公开工作要点", "某市2031年…工作通知"); ``in_sentences``: of a
    heading a sentence of the head names ("为贯彻落实《…关于印发2031年政务公开工作要点的通知》…"), which may also
    be a period looked back on ("反馈了2030年度…问题清单")."""
    for index, line in enumerate(lines[:30]):
        match = in_sentences == bool(re.search(r"[，,；;。]", line)) \
            and re.search(r"((?:19|20)\d{2})\s*年[^，,。]{0,20}(要点|方案|任务|清单|台账|分工)", line) \
            or index < 3 and re.search(r"^[^，,。]{0,30}?((?:19|20)\d{2})\s*年[^，,。]{0,30}(通知|计划|安排|意见|办法)$", line.strip())
        if match:
            return int(match.group(1))
    return None


_FULL_DEADLINE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:底|末)?\s*(?:前|之前|以前|完成)")


def year_of_deadlines(lines: list[str]) -> int | None:
    """For a capture with no title, signature or 文号: the year its deadlines are written in full (2020年8月底前),
    the most frequent if several, so that the deadlines written without one (12月底前) take it too."""
    years = [int(m.group(1)) for line in lines for m in _FULL_DEADLINE.finditer(line)]
    return max(set(years), key=years.count) if years else None


# A year written in a cited title (《…2019年…》), a 文号 (〔2019〕) or a bracket is another document's, not the notice's.
_CITED = re.compile(r"《[^》]*》|〔[^〕]*〕|[(（][^)）]*[)）]")
# "继续做好我市2023年度政府网站年度报表填报": the report on a year is the next year's work
_YEARLY_REPORT = re.compile(r"度?[^，,。]{0,16}(年度报告|年报|年度报表)")
_BODY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?![—\-–~～至到]\s*(?:19|20)?\d)")


def year_of_body(lines: list[str]) -> int | None:
    """For a capture with no title, signature, 文号 or full deadline: the year its own sentences speak of ("确保我市2020年
    …推进"; a year reported on counts as the next), the most frequent outside citations, the later on a tie."""
    years = [int(m.group(1)) + bool(_YEARLY_REPORT.match(line, m.end())) for line in map(lambda line: _CITED.sub("", line), lines)
             for m in _BODY_YEAR.finditer(line)]
    return max(set(years), key=lambda year: (years.count(year), year)) if years else None


# The addressees' line under the title: "各乡镇人民政府，县政府各部门：", "局机关各科室、局属各单位："
_ADDRESSEES = re.compile(r"^([^。；;！!？?:：]{2,120})[:：]$")
_ADDRESSEE = re.compile(r"各|单位|部门|政府|科室|股室|处室|机构|办事处$|[局委办厅]$|[队所站院]$|中心$|管委会$|学校$|幼儿园$|医院$|卫生院$")
_PAGE_FIELD = re.compile(r"(发布|发文|所属|生成|来源)(机构|机关|单位|部门)$|^(索引号|主题分类|体裁分类|信息来源|来源|文号|发文字号|"
                         r"成文日期|发布日期|公开方式|公开范围|有效性)$")
_INSTITUTION = re.compile(r"(学校|幼儿园|医院|卫生院)$")


def split_names(text: str, separators: str, also_joins=lambda previous, part: False) -> list[str]:
    """The names a list of agencies gives ("市发展改革委、市住房城乡建设局", "各乡镇人民政府，县政府各部门"), split at
    ``separators``.  A separator inside brackets ("各县（市、区）", "各县〔市、区〕") belongs to its name, and so does a 、 after a piece
    too short to be a name ("各州、市人民政府", "各市、县（市、区）人民政府") or where ``also_joins(previous, part)`` says so —
    unless the piece after it opens a group of its own ("各镇、各部门")."""
    parts: list[str] = []
    for separator, part in re.findall(rf"(^|[{separators}])((?:[^{separators}(（〔]|[(（〔][^)）〕]*[)）〕])*)", text):
        if parts and separator == "、" and not part.startswith("各") and (len(parts[-1]) <= 2 or also_joins(parts[-1], part)):
            parts[-1] += "、" + part
        elif part:
            parts.append(part)
    return parts


def addressees(lines: list[str]) -> list[str]:
    """The groups and offices a notice is addressed to, from the first line of names that ends with a colon in its
    head; [] when there is none (a plan without a covering letter, a news report)."""
    for line in lines[:40]:  # a saved page puts its menus and metadata table before the letter
        match = _ADDRESSEES.match(re.sub(r"\s+", "", line))
        if not match or _PAGE_FIELD.search(match.group(1)):
            continue  # a page's metadata label ("发布机构：", "主题分类：") addresses nobody
        # "省直各委、办、厅、局", "各中小学校、幼儿园": pieces that are no name by themselves belong to the one before
        parts = split_names(match.group(1), "，,、；;", also_joins=lambda previous, part: len(part) <= 2 or bool(
            _INSTITUTION.search(part) and _INSTITUTION.search(previous)))
        for index in range(1, len(parts)):
            # "省政府各部门、各直属机构": the direct bodies are the same government's
            place = re.match(r"^([省市县区])(?:人民)?政府", parts[index - 1]) if re.match(r"^各直属(机构|单位)$", parts[index]) else None
            if place:
                parts[index] = f"{place.group(1)}政府直属{parts[index][3:]}"
        if parts and all(_ADDRESSEE.search(part) and len(part) <= 30 for part in parts):
            return parts
    return []
