"""Deadlines as notices state them: N个工作日内 with its anchor, 三同步, fixed dates (X月X日前, X月底前,
年底前, 年内, 20XX年X月 in a 完成时限 cell, 3月至10月), and rhythms (每季度, 按月, 及时, 长期坚持, 按…要求).

Every function reads the comparable form of a sentence (simplified characters, ASCII digits, no
whitespace); the notice's year fills dates written without one.
"""

from __future__ import annotations

import datetime as dt
import re

from core.text import cn_number, date_without_marks, make_date, month_end

_NUMBER = r"(\d+|[一二两三四五六七八九十百]+)"
WORKING_DAYS = re.compile(_NUMBER + r"个?工作日(?:内|以内|之内)?")
_YEAR = r"((?:19|20)\d{2})年"
# 6月10日前, 6月30日(星期五)前, 9月8日10:30前, 2019年11月底前, 2021年2月公布 (a month in a 完成时限 cell), 3月至10月, 1月2日-12日
_DAY_BEFORE = re.compile(r"(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号](?:[（(](?:星期|周)[一二三四五六日天][)）])?(?:[上下中]午)?(?:(?:\d{1,2}[:：]\d{2}|\d{1,2}[点时](?:\d{1,2}分|半)?)(?:[（(]北京时间[)）])?)?(?:[^,，;；。\d]{0,3}?前|之前|以前|之内|为?止)"
                         r"|(?:最迟|最晚|不迟于|不晚于|不超过|截止(?:时间|日期)(?:为|是|[:：])?)[^,，;；。\d]{0,2}(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号]"
                         r"|\d{1,2}月\d{1,2}[日号]?(?:至|到|-|—|～|~)(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号]"
                         r"|(?:" + _YEAR + r")?(\d{1,2})月\d{1,2}[日号]?(?:至|到|-|—|～|~)(\d{1,2})[日号](?!\d)")
# the weekday and clock time written after an event's day: "6月14日(星期三)15:00", "11月8日(星期五)上午9:00"
_WEEKDAY_AND_CLOCK = r"(?:[（(](?:星期|周)[一二三四五六日天][)）])?(?:[上下中]午)?(?:\d{1,2}[:：]\d{2}|\d{1,2}[点时](?:\d{1,2}分|半)?)?"
# "2019年6月30日" as a 完成时限 cell, "11月30日完成", "于2019年6月30日公开": a day that ends a task; an event's day
# ("活动时间:2025年9月19日(星期五)08:30", "拟定于11月8日(星期五)上午9:00开始", "在9月20日举办…活动"): the day it is held
_DAY_DONE = re.compile(r"^(?:完成时[限间][:：]?|(?:活动)?时间[:：])?(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号](?:完成|" + _WEEKDAY_AND_CLOCK
                       + r"(?:[（(]暂定[)）])?)$"
                       r"|(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号](?=完成|办结|到位)|(?:于|(?<![^\u4e00-\u9fff]|[存现所])在)(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})[日号]"
                       + _WEEKDAY_AND_CLOCK + r"(?=公开|公布|发布|开展|举办|举行|召开|组织|上线|完成|报送|上报|提交|报(?!告|道)|[,，]将|开始)")
# "2019.6.30前", "2019-06-30前": a written-out date before 前, or alone (a 完成时限 cell "2019.12.31"); "6.30前" in the year
_DOTTED = re.compile(r"(?<!\d)((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:前|之前|以前)|^((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})$")
# "2031.12" or "2031-06" as a 完成时限 cell, "2031.6前": the month's end
_DOTTED_MONTH = re.compile(r"^((?:19|20)\d{2})[.\-/](1[0-2]|0?[1-9])(?:底|末)?$|(?<![\d.])((?:19|20)\d{2})[.\-/](1[0-2]|0?[1-9])(?:底|末)?(?:前|之前|以前)")
_DOTTED_IN_YEAR = re.compile(r"(?:^|(?<=[于在至到，,:：（(]))(1[0-2]|0?[1-9])\.([12]\d|3[01]|0?[1-9])(?:前|之前|以前)")
# "11月中旬前": 上旬 → the 10th, 中旬 (上中旬) → the 20th, 下旬 (中下旬) → the month's end
_DECADE = re.compile(r"(?:" + _YEAR + r")?(\d{1,2})月[上中]?(上|中|下)旬")
# "上半年完成", "三季度末前", "第一季度前", "第一季度内": the half-year's or quarter's last day ("每季度" is a rhythm, not a date)
# "定于2030年第一季度开展评估": a quarter a task is set in ends by its last day (not "2030年第一季度的数据")
_QUARTER = re.compile(r"(?<![每按])(?:" + _YEAR + r")?第?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前|完成|内)|(?<![每按])(?:第)?([一二三四1-4])季度末"
                      r"|(?<=[于在])(?:" + _YEAR + r")?第?([一二三四1-4])季度(?!的)(?=[^,，;；。]{0,30}(?:开展|完成|组织|进行|实施|召开|举办|公开|公布|发布))")
# a 完成时限 cell that holds only a month or a year: "10月", "2030年", "年底", "2030年度"
_BARE_CELL = re.compile(r"^(?:" + _YEAR + r"度?)?(?:(\d{1,2})月|(?<=[年度])|年底)(?:完成)?$")
# a 完成时限 cell that holds only a quarter: "第三季度", "2019年二季度"
_QUARTER_CELL = re.compile(r"^(?:" + _YEAR + r")?第?([一二三四1-4])季度$")
_HALF = re.compile(r"(?:" + _YEAR + r")?上半年(?:前|之前|以前|完成|底|末)?|(?:" + _YEAR + r")?年中(?:前|之前|以前)")
# "下半年完成", "2024年下半年": the year's end (not "每年下半年", a rhythm)
_SECOND_HALF = re.compile(r"(?<!每年)(?<![每按])(?:" + _YEAR + r")?下半年")
# "10月前", "2020年10月前": a month before 前 is read as the month's end (the labelling rule for month-only dates)
_MONTH_BEFORE = re.compile(r"(?:" + _YEAR + r")?(?<!\d)(\d{1,2})月(?:前|之前|以前)")
# "分别于3月15日、9月30日前": each item has its date; the first is the first deliverable's deadline
_DAY_LIST = re.compile(r"(?:" + _YEAR + r")?(\d{1,2})月(\d{1,2})日(?:[、和及](?:\d{1,2}月)?\d{1,2}日)+(?:前|之前|以前)")
# "于915日前": a capture that dropped 月 (9月15日前); read only when the digits split one way
# "8月30前": a capture (or the writer) dropped 日; month and day are still unambiguous
_DAY_LOST_RI = re.compile(r"(?:" + _YEAR + r")?(?<!\d)(\d{1,2})月([0-3]?\d)(?:前|之前|以前)")
# "最迟99日前": two digits no day can be (over 31) are a month and a day too
_DAY_LOST_MONTH = re.compile(r"(?<![\d年月.\-/])(\d)(\d{2})日(?:前|之前|以前)|(?<![\d年月.\-/])(1[0-2])([0-3]\d)日(?:前|之前|以前)"
                             r"|(?<![\d年月.\-/])(?=3[2-9]|[4-9]\d)([1-9])([1-9])日(?:前|之前|以前)")
# "2023131日前", "于2025620日开展", "将于2025年731日组织": a date whose 年 and 月 (or 月 alone) a capture dropped; put back
# when the digits split one way
_DAY_LOST_YEAR_MARK = re.compile(r"(?<!\d)((?:19|20)\d{2})年?(\d{3,4})(?=日)")
_MONTH_END = re.compile(r"(?:" + _YEAR + r")?(\d{1,2})月(?:底|末|份)(?:前|之前|以前)?")
# "2021年至2022年6月": a span of years ending in a month of the last
_YEARS_TO_MONTH = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:至|到|-|—|～|~)" + _YEAR + r"(\d{1,2})月(?!\d{1,2}[日号])")
_MONTH_RANGE = re.compile(r"(?:((?:19|20)\d{2})年?)?(\d{1,2})月?(?:至|到|-|—|～|~)(\d{1,2})月(?!\d{1,2}日)")
_BARE_MONTH = re.compile(r"^" + _YEAR + r"(\d{1,2})月(?:前|之前|以前)?(?=$|[,，、;；。]|[\u4e00-\u9fff])(?!起|开始|以来)")
# 年底前, 年底完成; "2024年底" and "2024年年底" need no 前 (a bare 年底 does: "纳入年底考核" is no deadline); 年内 but not 三年内
_YEAR_END = re.compile(_YEAR + r"年?(?:底|末)(?:前|之前|以前)?|(?<!到)" + _YEAR + r"[,，]?(?:要|须|应)?(?:全面|全部|基本)?(?:落实到位|完成|实现)(?!的|情况)|(?:年底|年末)(?:前|之前|以前|(?:全面|全部|基本)?(?:完成|到位|建成))"
                       r"|(?:今年|本年度?|(?<![\d一二两三四五六七八九十几多半])年)内(?!容)|" + _YEAR + r"?度内(?!容)"
                       r"|于本年度(?=完成|办结)"
                       r"|(?:^|(?<=[,，;；:：]))(?:年底|年末)(?=[^,，;；。]{0,30}(?:要|须|应|不得|完成|达到))"  # "年底各县…不得少于…"
                       r"|(?:今年|全年|本年度?)(?=[^,，;；。]{0,24}(?:不少于|不低于|至少|达到|\d+(?:[-—~至到]\d+)?次))")  # a yearly quota: due at the year's end
# Months and days written in Chinese numerals (十月底前, 九月三十日前, 二〇二四年) are read as digits.
_CN_DIGIT = "〇零一二三四五六七八九"
_CN_VALUE = {c: max(0, i - 1) for i, c in enumerate(_CN_DIGIT)}  # 〇 and 零 are both 0
_CN_YEAR = re.compile("([" + _CN_DIGIT + "]{4})年")
_CN_MONTH_DAY = re.compile(r"(?<![\d一二两三四五六七八九十])([一二三四五六七八九十]{1,3})(月|日)")
_RECURRING = re.compile(r"每年|每季度?|每月|每半年|每周|按月|按季度?|按旬|按年度?|年度(?!报告)")

RHYTHMS = (
    ("quarterly", re.compile(r"每季度?|按季度?|季度")),
    ("monthly", re.compile(r"每月|按月|月度")),
    ("yearly", re.compile(r"每年|年度|每半年")),
    ("continuous", re.compile(r"及时|长期|持续|常态化|动态|实时|第一时间|随时|按.{1,12}要求")),
)


# A policy document as the subject of 印发 ("政策文件印发之日起…"): its own issue, not the notice's.
_POLICY_SUBJECT = r"(文件|政策|决定|措施|规章)[^,，;；。]{0,6}"


def anchor_of(before: str) -> str | None:
    """What a working-day lag counts from, read in the words just before it."""
    tail = before[-24:]
    if re.search(r"公布(后|之日)", tail) and not re.search(r"(文件|政策|信息|决定).{0,8}公布", tail):
        return "published"
    if re.search(r"(印发|下发|发布)(后|之日)", tail) and re.search(r"本(通知|方案|要点|文件)|通知", tail):
        return "issued"
    if re.search(_POLICY_SUBJECT + r"(印发|下发)(后|之日)", tail):
        return "document"  # "政策文件印发之日起3个工作日内": the policy's own issue, not the notice's
    if re.search(r"印发(后|之日)|下发(后|之日)", tail):
        return "issued"
    if re.search(r"(文件|政策|决定|信息|措施).{0,10}(公开|发布|出台|形成|变更|作出|印发)(后|之日)"
                 r"|(作出|形成|生成|制作|获取|变更|产生).{0,10}(之日|后)|决定.{0,4}之日", tail):
        return "document"
    return None


_NEXT_YEAR = re.compile(r"(明年|次年|下一?年度?)(?=\d{1,2}月|[上第一二三四]|年?底|年?末)")
_LAST_LIMIT = re.compile(r"最迟|最晚|不迟于|不晚于|截止")
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _date_readings(sentence: str, year: int | None):
    """Every fixed date the sentence's deadline forms give, as (where it is written, date), most precise form first."""
    def with_year(found: str | None) -> int | None:
        return int(found) if found else year

    match = _DOTTED.search(sentence)
    if match:
        year_, month_, day_ = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.groups()[3:]
        yield match.start(), make_date(int(year_), int(month_), int(day_))
    match = _DOTTED_MONTH.search(sentence)
    if match:
        year_, month_ = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        yield match.start(), month_end(int(year_), int(month_))
    match = _DOTTED_IN_YEAR.search(sentence)
    if match and year:
        yield match.start(), make_date(year, int(match.group(1)), int(match.group(2)))
    match = _DAY_LIST.search(sentence)
    if match and with_year(match.group(1)):
        yield match.start(), make_date(with_year(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DAY_BEFORE.search(sentence)
    if match:
        groups = match.groups()  # "9月20日下班前", "最迟不超过10月15日", "6月1日至6月30日": three ways to end by a day
        start = next(i for i in (0, 3, 6, 9) if groups[i + 1])
        if with_year(groups[start]):
            yield match.start(), make_date(with_year(groups[start]), int(groups[start + 1]), int(groups[start + 2]))
    match = _DAY_DONE.search(sentence)
    if match:
        groups = match.groups()
        for start in (0, 3, 6):
            if groups[start + 1] and with_year(groups[start]):
                yield match.start(), make_date(with_year(groups[start]), int(groups[start + 1]), int(groups[start + 2]))
    match = _DECADE.search(sentence)
    if match and with_year(match.group(1)) and 1 <= int(match.group(2)) <= 12:
        month, part = int(match.group(2)), match.group(3)
        yield match.start(), (month_end(with_year(match.group(1)), month) if part == "下"
                              else make_date(with_year(match.group(1)), month, 10 if part == "上" else 20))
    match = _DAY_LOST_RI.search(sentence)
    if match and with_year(match.group(1)):
        yield match.start(), make_date(with_year(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DAY_LOST_MONTH.search(sentence)
    if match and year:
        month, day = next((match.group(i), match.group(i + 1)) for i in (1, 3, 5) if match.group(i))
        yield match.start(), make_date(year, int(month), int(day))
    match = _YEARS_TO_MONTH.search(sentence)
    if match and 1 <= int(match.group(2)) <= 12:
        yield match.start(), month_end(int(match.group(1)), int(match.group(2)))
    match = _MONTH_RANGE.search(sentence)
    if match and with_year(match.group(1)) and 1 <= int(match.group(3)) <= 12:
        yield match.start(), month_end(with_year(match.group(1)), int(match.group(3)))
    match = _MONTH_END.search(sentence) or _BARE_MONTH.search(sentence)
    if match and with_year(match.group(1)) and 1 <= int(match.group(2)) <= 12:
        yield match.start(), month_end(with_year(match.group(1)), int(match.group(2)))
    match = _MONTH_BEFORE.search(sentence)
    if match and with_year(match.group(1)) and 1 <= int(match.group(2)) <= 12:
        yield match.start(), month_end(with_year(match.group(1)), int(match.group(2)))
    match = _BARE_CELL.match(sentence)
    if match and with_year(match.group(1)):  # a 完成时限 cell: "10月" is the month's end, "2030年"/"年底" the year's
        month = int(match.group(2)) if match.group(2) else 12
        if 1 <= month <= 12:
            yield match.start(), month_end(with_year(match.group(1)), month)
    match = _QUARTER_CELL.match(sentence)
    if match and with_year(match.group(1)):
        yield match.start(), month_end(with_year(match.group(1)), _QUARTER_END[match.group(2)])
    match = _QUARTER.search(sentence)
    year_ = match and with_year(match.group(1) or match.group(4))
    if year_:
        yield match.start(), month_end(year_, _QUARTER_END[match.group(2) or match.group(3) or match.group(5)])
    match = _HALF.search(sentence)
    if match and with_year(match.group(1) or match.group(2)):
        yield match.start(), f"{with_year(match.group(1) or match.group(2))}-06-30"
    match = _SECOND_HALF.search(sentence)
    if match and with_year(match.group(1)):
        yield match.start(), f"{with_year(match.group(1))}-12-31"
    match = _YEAR_END.search(sentence)
    if match and with_year(match.group(1) or match.group(2)):
        yield match.start(), f"{with_year(match.group(1) or match.group(2))}-12-31"


def _by_date(sentence: str, year: int | None) -> str | None:
    """The sentence's first deadline: "…应当于本年度完成,未能完成的,须于次年1月31日前报送…" is due by the year's
    end; the later date belongs to the clause after it.  A limit marked as the last ("9月份集中开展…,最迟不超过10月
    中旬") comes before any other; two forms read at one place, the more precise."""
    # "明年3月底前", "次年1月20日前": the date right after the word falls in the year after the notice's
    next_year, removed = set(), 0
    for match in _NEXT_YEAR.finditer(sentence) if year else ():
        removed += len(match.group())
        next_year.add(match.end() - removed)  # where the date starts once the word is taken out
    sentence = _NEXT_YEAR.sub("", sentence) if next_year else sentence
    in_next_year = list(_date_readings(sentence, year + 1)) if next_year else []
    readings = []
    for order, (start, date) in enumerate(_date_readings(sentence, year)):
        if start in next_year:
            date = in_next_year[order][1]
        if date:
            readings.append((not _LAST_LIMIT.search(sentence[max(0, start - 6):start + 6]), start, order, date))
    return min(readings)[-1] if readings else None


def _arabic_dates(sentence: str) -> str:
    """二〇二四年十月三十一日前 → 2024年10月31日前: one date grammar for both ways of writing numbers."""
    sentence = _CN_YEAR.sub(lambda m: "".join(str(_CN_VALUE[c]) for c in m.group(1)) + "年", sentence)
    return _CN_MONTH_DAY.sub(lambda m: f"{cn_number(m.group(1))}{m.group(2)}", sentence)


_PUBLISHES = re.compile(r"公开|发布|公布|公示|上网")


def _publication_lag(sentence: str, lags: list[re.Match]) -> re.Match:
    """Of two working-day lags in one sentence ("…公布后10个工作日内报市政府办公室备案,并在30个工作日内于政府网站
    公开"), the one whose own clause publishes: what a website can show; else the first."""
    ends = [lag.start() for lag in lags[1:]] + [len(sentence)]

    def publishes(lag: re.Match, end: int) -> bool:
        clause = re.split(r"[,，;；。]", sentence[lag.end():end], maxsplit=1)[0]
        # "报市政府办公室(政务公开科)备案": an office's name publishes nothing
        return bool(_PUBLISHES.search(re.sub(r"[（(][^)）]{0,20}[)）]|[政务信息]{2}公开(?:办公室|办|科|股|中心)", "", clause)))
    if publishes(lags[0], ends[0]):
        return lags[0]
    return next((lag for lag, end in zip(lags[1:], ends[1:]) if publishes(lag, end)), lags[0])


def _lost_marks_restored(sentence: str) -> str:
    """"2023131日前" → "2023年1月31日前", "于20311210日开展" → "于2031年12月10日开展"; left as it is when the digits split
    into a month and a day in more than one way ("2023111日": 1月11日 or 11月1日)."""
    def restore(match: re.Match) -> str:
        found = date_without_marks(match.group(1), match.group(2))
        return f"{found[:4]}年{int(found[5:7])}月{int(found[8:])}" if found else match.group(0)
    return _DAY_LOST_YEAR_MARK.sub(restore, sentence)


def deadline_of(sentence: str, year: int | None) -> dict:
    """``working_days`` + ``anchor``, or ``by_date``, and the ``rhythm`` a sentence states; {} when none."""
    result: dict = {}
    # a cited title's dates name the document ("《2022年11—12月…清单》"), not the task's deadline
    sentence = _lost_marks_restored(_arabic_dates(re.sub(r"《[^》]{1,80}》", "《》", sentence)))
    lags = list(WORKING_DAYS.finditer(sentence))
    if lags:
        match = _publication_lag(sentence, lags)
        result["working_days"] = cn_number(match.group(1))
        result["anchor"] = anchor_of(sentence[: match.start()]) or anchor_of(sentence[: lags[0].start()])
        if re.search(r"(活动|会议)前", sentence[max(0, match.start() - 8): match.start()]):
            result["anchor"] = None
        return result
    # an office named after the work ("县政务公开办") publishes nothing: "同步报送县政务公开办" is no release
    unnamed = re.sub(r"[政务信息]{2}公开(?:办公室|办|科|股|中心)", "", sentence)
    if re.search(r"三同步|解读在前", sentence) or "解读" in sentence and re.search(r"三同步|同步(起草|审批|审签|组织|部署|开展|做好)|同步(报送|提交|报审|报批)[^,，;；。]{0,6}解读|同时(起草|审批|审签|组织|部署)|同步[^,，;；。]{0,12}(公开|发布)|同时[^,，;；。]{0,10}(公开|发布)|一并(公开|发布)", unnamed):
        return {"working_days": 0, "anchor": "document"}
    if re.search(r"(发布|公开|公布)[^,，;；。]{0,8}与[^,，;；。]{1,16}同步(?!推进|部署|研究|建立|完善)", sentence):
        return {"working_days": 0, "anchor": "document"}  # "会议信息的采集发布要与会议同步": released with what it reports
    if re.search(r"每年\d{1,2}月\d{1,2}日", sentence):
        return {"rhythm": "yearly"}  # a date that recurs every year is no single by_date
    by_date = _by_date(sentence, year)
    if by_date and year and int(by_date[:4]) < year and not re.search(by_date[:4] + r"年[^,，;；。]{0,8}(前|之前|以前)", sentence):
        by_date = None  # "2016年末政府债务余额" in a 2017 notice: a date the data refers to, not a deadline
    if by_date:
        result["by_date"] = by_date
        return result
    for rhythm, pattern in RHYTHMS:
        if pattern.search(sentence):
            result["rhythm"] = rhythm
            break
    return result


# "于本要点印发之日起30日内", "印发后一个月内": calendar days from the notice's own issue
_CALENDAR_LAG = re.compile(r"本?(?:通知|要点|方案|意见|文件)?(?:印发|下发)(?:之日起|之日后|后)" + _NUMBER + r"(个月|日|天)(?:内|以内|之内)")


def calendar_lag(sentence: str) -> int | None:
    """Calendar days a sentence allows from the notice's own issue ("印发之日起30日内", "印发后一个月内" = 30), or None."""
    match = _CALENDAR_LAG.search(sentence)
    if not match or re.search(_POLICY_SUBJECT + "$", sentence[: match.start()]):
        return None  # a lag from a policy document's own issue is not the notice's
    number = cn_number(match.group(1))
    return number * 30 if match.group(2) == "个月" else number


# "本月底前", "本月20日前", "下月10日前": a date counted from the month the notice was issued in
_RELATIVE_MONTH = re.compile(r"(本|下)月(?:(底|末)|(\d{1,2})[日号])(?:前|之前|以前)|(本)月内")


# "本周五下班前", "下周三前": a weekday of the week the notice was issued in, or of the next
_RELATIVE_WEEKDAY = re.compile(r"(本|下)(?:周|星期)([一二三四五六日天])(?:[上下]午|下班|\d{1,2}[点时:：]\d{0,2})?(?:前|之前|以前)")
_WEEKDAY = "一二三四五六日"
# "本季度末前": the end of the quarter the notice was issued in
_RELATIVE_QUARTER = re.compile(r"本季度(?:末|底)?(?:前|之前|以前|内)")


def date_from_issue(sentence: str, issued: str) -> tuple[str, str] | None:
    """A deadline written relative to the notice's own issue, as a date and the review note that says how it was
    counted: calendar days ("印发之日起30日内"), the notice's quarter ("本季度末前"), week ("本周五前", "下周五前") or
    month ("本月底前", "下月10日前")."""
    days = calendar_lag(sentence)
    if days:
        by_date = (dt.date.fromisoformat(issued) + dt.timedelta(days=days)).isoformat()
        return by_date, f"印发之日起{days}日内（{issued}起算）"
    if _RELATIVE_QUARTER.search(sentence):
        year, month = int(issued[:4]), int(issued[5:7])
        return month_end(year, (month + 2) // 3 * 3), f"按印发日期（{issued}）所在季度推算"
    weekday = _RELATIVE_WEEKDAY.search(sentence)
    if weekday:
        day = dt.date.fromisoformat(issued)
        target = _WEEKDAY.index(weekday.group(2).replace("天", "日"))
        by_date = day + dt.timedelta(days=target - day.weekday() + (7 if weekday.group(1) == "下" else 0))
        return by_date.isoformat(), f"按印发日期（{issued}）所在的周推算"
    match = _RELATIVE_MONTH.search(sentence)
    if not match:
        return None
    year, month = int(issued[:4]), int(issued[5:7])
    if match.group(1) == "下":
        year, month = year + (month == 12), month % 12 + 1
    by_date = make_date(year, month, int(match.group(3))) if match.group(3) else month_end(year, month)
    return (by_date, f"按印发日期（{issued}）所在月份推算") if by_date else None

