"""Which units state an obligation, and of what type.

A unit is an obligation when, once the genre's stock phrases are set aside — covering-letter
formulas (现将…印发给你们), general requirements and goals (总体要求, 指导思想, 到2025年…基本建成),
exhortations (高度重视, 加大…力度, 提升…水平), mechanisms (建立健全…机制) — it still names a
deliverable: something to publish, a column, an interpretation, the annual report, a plan, or a
concrete internal action (report to an office, hear a report, keep a 台账, handle requests).

Types follow the rule kinds: plan_published, column_exists, interpretation_timely, annual_report,
published_by_date, topic_disclosed, leader_published, and manual for what no website shows.
"""

from __future__ import annotations

import re

from .structure import LIST_INTRO, MUST, WHERE_YOU_ARE

# -- what is not an obligation -------------------------------------------------------------

_COVERING = re.compile(
    r"印发给?你们|(?:经研究[,，]?|[,，])制[定订]了《[^》]{2,60}》。?$|现予印发|现印发|现予以?(公布|发布|公告)|现将[^,，。；]{2,40}予以(公布|发布|公告|印发)|已经.{0,16}同意|通知如下|现就.{0,40}(通知|要求|意见)如下|提出(以下|如下)|如下(意见|要求|任务)|"
    r"制[定订]本(?!单位|部门|地区|系统|行业|机关|乡镇|街道|级|县|市|区|镇)[^,，。；]{0,6}?(要点|方案|办法|制度|细则|意见|规范|安排|计划|规定|规则)|特制[订定]本|特制[订定][^,，。；]{0,30}(要点|方案|办法|规定|细则|制度|规范|规则)[。]?$|适用本(规定|办法|细则|制度|规则)|制定(如下|以下)|请认真(贯彻|组织|抓好|执行|落实)|请结合实际|(?:^|[（(])此件(主动|公开)|请你们自行查阅"
    # "…,经县人民政府研究,决定…在全县范围内开展…“整体提升年”活动。": the issuer's decision that the document follows
    r"|经[^,，。；]{0,16}研究[,，]?决定[^。；]{0,80}(开展|组织|举办|实施)[^。；]{0,40}(活动|行动)[。]?$"
)
_PREAMBLE_START = re.compile(r"^(为了?|根据|按照|依据|依照|依)[^,，]{0,80}(精神|要求|规定|部署|意见|通知|条例|实际)")
_GENERAL = re.compile(r"政务公开工作[,，]?(的总体要求是|要以|紧紧围绕|坚持以|根据|按照)|^深入贯彻[^。；]{0,40}(决策部署|精神)|总体要求|指导思想|基本原则|工作目标|活动目的|重要意义|以习近平|为指导|^20\d\d年是|^20\d\d年[,，]?[^,，。；]{0,6}政务公开工作(?!要点)|^20\d\d年[,，](按照|根据|为)|^(?:20\d\d年|今年)[,，][^。；;]{0,24}(?:贯彻|坚持以公开为常态)|^今年是|开局之年|收官之年|关键之年|意义(十分|非常|尤为|极其|更加)?重大|以优异的?成绩迎接")
# What a goal says it will have reached ("…更加完善", "…明显提升"): no deliverable of its own.
_GOAL_STATE = re.compile(r"趋于完善|基本建成|初步建成|基本形成|初步形成|明显提升|显著提升|进一步显现|不断增强|大幅提高|更加完善")
_GOAL = re.compile(r"^到20\d\d年(底|末)?(?!前)|" + _GOAL_STATE.pattern)
_GENERAL_SECTION = re.compile(r"总体要求|指导思想|基本原则|工作目标|目标任务|活动目[的标]|开放目[的标]|重要意义|开放对象")
_EXHORTATION = re.compile(
    r"(加大|加强|强化|提升)[^,，;；。、]{0,30}力度|"  # the whole "加大对…的宣传解读力度", not only up to its first noun
    r"(加大|加强|强化|提升|提高|增强|深化|拓展|优化|丰富|改进|夯实|压实|发挥|扩大|营造|保障|维护|树立|牢固树立|增进|引导|释放|稳定|提振)"
    r"[^,，;；。、]{0,24}?(力度|质量|水平|实效|能力|意识|效果|深度|广度|精度|形式|认识|领导|保障|作用|信心|透明度|公信力|"
    r"针对性|时效性|责任感|紧迫感|责任|站位|预期|共识|成效|功能|氛围|理念|素养|知情权|参与权|监督权|表达权|合法权益)"
    r"|高度重视[^,，;；。]{0,30}|认真贯彻(落实)?|抓好(贯彻)?落实|贯彻落实|认真组织实施|真抓实干|切实|积极|进一步|不断|持续|全面|深入|大力|着力|认真|"
    r"确保[^,，;；。]{0,16}(到位|实处|实效|完成|落实|有序|平稳|准确及时|及时准确)|统筹兼顾|突出重点|以公开为常态|不公开为例外|以公开促[^,，;；。]{0,12}|"
    r"(推进|深化|加强|促进|助力|围绕)公开(?![\u4e00-\u9fff]{0,2}(信息|情况|结果|清单|目录))|解读回应|(全流程|全过程|全方位)公开|"
    r"推进(决策|执行|管理|服务|结果)([、和及]?(决策|执行|管理|服务|结果)){0,4}公开|回应(社会|公众)?关切|"
    r"落实[^。；]{0,30}主体责任|履行[^,，;；。]{0,16}(义务|职责)|承担起?[^,，;；。]{0,30}(责任|职责)(?!单位)|推进[^,，;；。]{0,20}相关工作|完成[^,，;；。]{0,8}任务|"
    r"(做好|加强|深化)[^,，;；。]{0,4}政策解读(工作)?(?=[,，;；。]|$)|"
    # widening or refining "the scope / the content / the channels" names no item; nor does improving a procedure
    r"(扩大|拓展|拓宽|细化|丰富|充实)[^,，;；。]{0,12}?(范围|内容|方式|渠道)(?![^,，;；。]{0,2}(公开|公布|发布))|"
    r"(优化|规范|畅通|简化|完善)[^,，;；。]{0,20}?(流程|渠道|程序|环节)|(严格)?落实(?![^,，;；。]{0,12}三同步)[^,，;；。]{0,30}?要求|"
    # putting something first, coordinating or regulating an activity names nothing to publish
    r"将[^,，;；。]{0,20}(摆在|放在)[^,，;；。]{0,6}(第一位|首位|突出位置|重要位置)|积极参加|以[^,，;；。]{0,30}为契机|"
    r"落实[^,，;；。]{0,10}责任(?![人单])|把握好?[^,，;；。]{0,12}(方向|节奏|力度|时机|时度效)|"
    r"(加强|强化)[^,，;；。]{0,20}(协调|统筹|衔接|联动)|规范[^,，;；。]{0,20}(发布|公开)(和|与|及)?(管理|行为)|"
    # "及时公开群众关注的政府信息": information named only by the public's interest in it is no item
    r"(公开|发布)[^,，;；。]{0,2}(群众|社会|公众|企业)(普遍)?(关注|关切|关心)的?(政府)?信息(?![^,，;；。]{0,2}(目录|清单))"
)
_MECHANISM = re.compile(r"(建立健全|建立|健全|完善|用好|落实|形成|构建|实行|推行|创新|执行)[^,，;；。]{0,36}?(机制|制度|体系|责任制|工作规范|审查)"
                        r"|(加强|强化)[^,，;；。]{0,36}?机制"
                        # trying a new way out ("探索建立…机制", "探索适合基层特点的公开渠道") names no deliverable yet
                        r"|探索(建立|构建|推行|实行)?[^,，;；。]{0,36}?(机制|模式|平台|渠道|路径|(?<!政策)解读)")
# The issuer saying how it drew the document up ("…,结合本地实际,制定…方案"): no modal, no date.
_OWN_DRAFTING = re.compile(r"结合[^。；]{0,12}实际[^。；]{0,6}?[,，]?[^,，。；]{0,10}?(特?制[定订]|梳理形成|研究制定|形成|编制|起草)了?"
                           r"[^。；]{0,30}(要点|方案|清单|计划|措施|办法|任务表|分解表)")
# Head matter: a document's title, catalogue fields (发布机构：…), file names.
_TITLE_LIKE = re.compile(r"^[^，,。；;]{0,80}(通知|通报|要点|方案|[^，,。；;]表|台账|清单|办法|制度|细则|目录|意见|报告|计划|建设标准|指引|解读说明)([（(]试行[)）])?(\.pdf|\.docx?|[（(][^，,。；;（()）]{0,12}〔\d{4}〕\d{1,4}号[)）])?$|^[^，,。；;]{0,60}(关于[^，,。；;]{0,50}(执行|落实)情况|(规定|规则|指标解读)([（(]试行[)）])?)$|\.(pdf|docx?)$")
_FIELD = re.compile(r"^[•·\-]?\s*[【\[]?\s*(报送单位|报送方式|报送对象|联系人|联系电话|联系地址|电子邮箱|文件编号|发布机构|发布单位|发布时间|发布日期|发文日期|印发日期|公文生成日期|发布部门|所属机构|公开日期|信息来源|发布文号|发文字号|发文机关|来源|网址|名\s*称|标\s*题|索\s*引\s*号|"
                    r"文\s*号|生成日期|成文日期|实施日期|主题分类|体裁分类|[（(]?原标题|内容概述|(?:信息)?公开选项|栏\s*目(?=\s*[:：])|[\u4e00-\u9fff]{1,8}名称(?=\s*[:：])|中文名|作者|公开方式|公开类型|公开目录|公开范围|组配分类|信息分类|有效性|时效性)(?![^\s:：|\]】]{0,2}(要|应|须|必须|可|在|于|将|按|对|根据))")
# A catalogue's column name or channel checklist written as a line of its own ("公开内容(要素)", "公开渠道和载体",
# "■政府网站 □政府公报 …", "公开属性: 全部公开 公开期限: 长期公开").
# A catalogue's header row written as one line of column names ("序号 公开事项 公开内容", "公开依据 公开"): no duty
_HEADER_WORD = re.compile(r"(?:序号|编号|备注|[一二三]级事项|(?:公开|所属)?(?:事项|内容|依据|时限|主体|渠道|载体|对象|方式|层级|范围|形式|属性|类别|期限)"
                          r"(?:[（(][^（()）]{1,12}[)）]|名称|要素|和载体|及事项)?|公开|废止日期|成文日期|发布日期)[:：]?")
_COLUMN_LABEL = re.compile(r"^\s*(?:公开)?(?:事项|内容|依据|时限|主体|渠道|载体|对象|方式|层级|范围|形式|属性)(?:[（(]要素[)）]|和载体)?\s*\|?\s*$"
                           r"|^\s*[一二三四五六]级(?:事项|目录)\s*\|?\s*$|^\s*[■□☑☐]|^\s*公开属性\s*[:：]"
                           r"|^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?\s*公开(?:载体|渠道|方式|形式|主体|范围)\s*[:：]"
                           # a channel column's header with its note, and its ticked boxes drawn as 口 ("口公开查阅点 口便民服务站")
                           r"|^\s*公开(?:渠道和载体|渠道|载体|方式)\s*[（(]"
                           r"|^\s*口\s*(?:政府网站|政务新媒体|政府公报|公开查阅点|便民服务|发布会|新闻发布会|听证会|广播|电视|纸质媒体|报刊"
                           r"|社区|村公示栏|公示栏|精准推送|入户|现场|其他|两微一端|政务服务中心|信息公开查阅点|微信|微博)")
# A task cell starts with what to do; a title names a document ("…工作要点", "关于…的通知").
_TASK_START = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?)?(公开|公布|发布|编制|编写|制定|修订|更新|开设|设立|做好|推进|落实|"
                         r"及时|主动|定期|按时|依法|规范|完善|建立|报送|上报|动态|全面|集中|持续)(?!.{0,4}关于)"
                         r"|^[^《》]{0,8}并(公开|公布|发布)|^在[^,，;；。《》]{1,16}(公开|公布|发布)")
# Page furniture of the mirror or portal the notice was captured from: addresses, stamps, counters.
_PAGE_FURNITURE = re.compile(r"https?://|www\.|\.gov\.cn|发布时间[:：]|浏览次数|访问量|阅读次数|【?字[体号][:：]?[大中小]|^(?:备注\s*)?附件\d?\s*[:：]|"
                             r"(?:发布|发文|公开|更新)(?:日期|时间)\s*[:：]\s*(?:19|20)\d{2}\s*[-年./]|"  # a page header's date field
                             r"扫一扫|打印本页|关闭窗口|授权转载|转载请注明|" + WHERE_YOU_ARE + r"[:：]|首页\s*[>＞»/]|\d+\s*阅读|发布地区[:：]|\d{2}:\d{2}:\d{2}|Produced\s*By|版权所有|技术支持[:：]|仅(供|提供)[^,，。]{0,12}(学习|参考|交流)|"
                             # a breadcrumb ("政务公开 > 政策公开 > 政策文件"), a related interpretation's link
                             r"^[^,，。；;]{1,12}\s*[>＞»]\s*[^,，。；;]{1,12}\s*[>＞»]|^\s*[>＞»]\s*[^,，。；;>＞»]{2,40}\s*[>＞»]|^\s*[>＞»]\s*[^,，。；;>＞»]{2,20}$"
                             r"|^[『【\[]?(图文解读|一图读懂|图解)")
_UNITS_ONLY = re.compile(r"^[\u4e00-\u9fff、，,（）()]{2,120}(委|局|厅|办|政府|部门|中心|管委会|单位|办公室|院|所|站|处|科|室)"
                         r"(等|牵头|负责|配合|按职责分工落实)?$")
# The issuing office's own intentions ("本办将适时督查", "…的将予以通报"): not the addressees' duty.
_ISSUER_INTENT = re.compile(r"^[^,，；;]{0,24}将(于|通过|继续|适时|进行|予以|对|加强|定期|不定期|视情|列入|纳入|提请|会同)|的将(进行|予以)"
                            r"|^[^,，；;]{0,16}(办公厅|办公室|本办|我办|领导小组)[^,，；;]{0,4}将")
# What the issuer does to a unit that fails ("…的，市政府办公室不予受理"): no duty, unless one is stated before it.
_CONSEQUENCE = re.compile(r"不予(收文|受理|办理)|予以退文|退回(起草|报送)")
# A 评价标准 cell: how a task is assessed ("评价…的数量和质量"), not the task.
# How the issuer assesses the units ("主要对…主动公开信息进行考评"): its procedure, not their task.
_ASSESSMENT = re.compile(r"(?:^|[,，])(?:主要)?(?:对|就)[^。；;]{2,40}(?:进行|开展|组织)(?:考评|考核|测评|评估|督查|打分)"
                         r"|(?:考评|考核|测评)各(?:地|部门|单位|县|乡镇)|^(?:测评|考评|考核)(?:方式|方法)[:：]")  # the issuer assesses
_CRITERION = re.compile(r"^(?:\d{1,2}[.．、]\s*)?(评价|考核|考评|评估)[^,，;；。]{0,30}(数量|比例|情况|效果|及时性|质量)")
_MODAL = re.compile(r"应|须|必须|务必|不得|" + MUST + "|将")
# A permission ("…可通过专家解读、在线访谈等形式进行", "…的,可提请…出具说明") obliges nobody to anything.
_PERMISSION = re.compile(r"(?<![不即])可(以)?(?=进行|通过|采取|采用|提请|根据|结合|参照|自行|适当|在|向|由|邀请|委托|申请|按|视)")
_DEDUCTION = re.compile(r"扣\s*[\d.]+\s*分|每[条件次项个处][^,，;；。]{0,6}扣|不得分|加\s*[\d.]+\s*分|[（(]\s*[\d.]+\s*分\s*[)）]\s*$")
# A news report restating a notice's requirements: "《要点》要求,加强…", "通知强调,…"
_REPORTED_REQUIREMENT = re.compile(r"(?:》|通知|要点|意见|方案)[^,，;；。]{0,4}(?:要求|强调|明确|提出)[,，:：]")
_NEWS = re.compile(r"本文来源|记者|[网报]讯|来源[:：](?![^\n]{0,12}政府|\s*本[网站])[^\n]{0,12}?(日报|晚报|新闻|网)")  # a government portal ("本网": the site itself) as source is no news outlet
_PAST_EVENT = re.compile(r"^[^。；;]{0,30}(反馈|召开|印发|下发|通报|开展|完成)了|^[^。；;]{0,12}(?<![要应须])(接|收到|接到)[^。；;]{0,30}(下发|印发|转发)的|^[^。；;]{0,24}定于|^(今年来|20\d\d年(以来|至今)|20\d\d年[^,，。]{0,6}未|近日|日前|近年来|今年以来|目前|截至|\d{1,2}月\d{1,2}日[,，]|20\d\d年\d{1,2}月\d{1,2}日[,，])")
_EXPLORATION = re.compile(r"^(积极|大力|不断)?探索|^鼓励|^支持")
# How what is published must be (true, accurate, plain, lawful): a standard for content, no item to publish.
_CONTENT_QUALITY = re.compile(r"(公开|发布)的?(内容|事项|信息)(要|须|必须|应当?|做到)?[^,，;；。]{0,2}?"
                              r"(真实|准确|简明|通俗|清楚|完整|符合)")
# A purpose clause opening a paragraph ("为全面贯彻…部署,深入落实…"): background, unless it goes on to a duty.
_PURPOSE = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}条\s*)?为了?(全面|深入|更?进一步|认真|切实|准确|更好地?)?"
                      r"(贯彻|落实|推进|做好|加强|规范|保证|保障|掌握|了解|提高|提升|充分发挥|发挥)")
# A rule document's own entry into force ("本制度自发布之日起施行", "本制度自发布之日起试行", "本办法自2031年1月1日起执行") and who construes it.
# "法律法规对政府信息公开的期限另有规定的，从其规定": the statute's reservation, no duty of the notice's own
_RESERVATION = re.compile(r"^(?!.*(?:工作日|日内|前))[（(]?[^。；;]{0,40}另有规定的?[,，]?(?:应|的)?(?:从|依|按)其规定[)）]?[。；;]?$")
_IN_FORCE = re.compile(r"本(制度|办法|细则|规定|规则|意见|通知|方案|规范|实施意见)[^,，;；。]{0,16}(之日起|起)(施行|试行|执行|实施|生效)"
                       r"|^(?:第[一二三四五六七八九十百]{1,4}条\s*)?本(制度|办法|细则|规定|规则|规范|目录|标准|指南)(适用于|规定了)"  # its scope
                       r"|本(制度|办法|细则|规定|规则|规范)由[^,，;；。]{2,30}负责解释")
# A sentence saying what something is ("…网站是…第一平台", "主要负责人是第一责任人"): a definition, no task.
_DEFINITION = re.compile(r"^[^,，;；。]{2,30}(?:[（(]以下简称[^)）]{1,12}[)）])?[,，]?(?<![要应须])是[^,，;；。]{0,30}(平台|渠道|载体|主阵地|窗口|抓手|基础|关键|重要举措|重点任务|必然要求|内在要求|本质要求|制度安排|决策部署|有力举措|重要(内容|组成部分?)(?![^。；;]*[,，](要求|要|应|须)))|(?<![要应须])(是指|系指)|所称[^,，;；。]{0,30}(?<![要应须])指(?![^。；;]*(应|须|(?<![重主需纲])要(?![点求素])))|不适用(于)?本(办法|规定|制度|细则)|(?<![要应须])是将[^;；。]{0,40}的有效(?:形式|途径|手段|方式)|^[^,，;；。]{2,30}(?<![要应须])分(别|为)[^,，;；。]{0,4}[:：]")
# A rule document's statements of who answers for the work ("办公室负责组织、协调…工作", "…为受理机构"), of the
# principle it follows, of the public's rights, and the penalties for breaking it: no deliverable.
# "公开征求意见的期限不得少于30日": how long something lasts, not a deliverable
# Why the work matters ("做好政策解读是提升政府公信力、执行力，…的重要举措"), and what an assessment covers
# ("政府网站主要考核：日常更新、概况信息…"): background and scope, no duty
_WHY_IT_MATTERS = re.compile(r"^[^;；。]{2,40}?(?<![要应须])是(?!否)[^;；。]{6,80}(?:重要举措|必然要求|内在要求|有效途径|重要手段|重要保障|重要内容|重要制度安排)[。；;]?$"
                             # "加强政策性文件解读，对落实重要政策举措…具有重要作用": what the work is good for
                             r"|^[^;；。]{2,40}?[,，]对(?:于)?[^;；。]{4,120}(?:具有|有着)(?:十分|非常|极其|更加)?重要(?:的)?(?:作用|意义)[。；;]?$")
# What a channel is for ("市政府网站是…政策性文件及解读内容的公开平台", "充分发挥政府门户网站的…平台作用"): its role, no duty
_CHANNEL_ROLE = re.compile(r"^[^,，;；。]{2,30}(?<![要应须])是[^;；。]{0,60}(?:平台|渠道|载体|窗口|主阵地)[。]?$"
                           r"|^(?:要)?(?:充分)?发挥[^,，;；。]{0,60}作用[。]?$")
_ASSESSED_SCOPE = re.compile(r"^[^,，;；。]{2,12}主要考核[:：]|^考核(?:内容|范围|重点)[:：]")
_MIN_DURATION = re.compile(r"^[^,，;；。]{0,30}(期限|时间|公示期|征求意见期)[^,，;；。]{0,6}(不少于|不得少于|不低于|至少)")
_RESPONSIBLE_FOR = re.compile(r"由(?:制作|保存|牵头|最初)[^,，;；。]{0,24}(?:行政机关|机关|部门|单位)负责公开"  # which body publishes what (条例 第十条)
                              r"|^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]?\s*)?[^,，;；。]{2,24}(负责|承担)[^;；。]{0,30}?"
                              r"(组织|协调|督促|指导|监督|考核|评议|受理|管理|统筹|本|各自|全)[^;；。]{0,60}工作[。；;]?$"
                              r"|工作由[^,，;；。]{2,30}负责[。；;]?$"
                              r"|^[^,，;；。]{2,20}为[^,，;；。]{2,24}(机构|部门)[,，]")
_PRINCIPLE = re.compile(r"遵循[^。；;]{0,30}原则|^[^,，;；。]{0,30}坚持(?![^;；。]*谁)[^;；。]{2,60}的?原则[。；;]?$|以公开为原则|享有[^。；;]{0,20}权利?|责令[^。；;]{0,4}改正|追究[^。；;]{0,24}责任|(?:予以|将)[^,，;；。]{0,4}通报批评"
                        r"|(?:予以|严肃|严格)(?:追责|问责)|^[^,，;；。]{0,6}以[^,，;；。]{2,20}为主[。；;]?$"
                        r"|(?:应当?|须|要)以[^,，;；。]{2,40}为(?:依据|准绳|准则)[。；;]?$")  # "…的审核，应当以有关法律、法规的规定为依据"  # the issuer's sanction ("逾期未报送的，…予以追责")
# A sentence whose subject is the public and whose verb is a right ("公民、法人和其他组织有权依据…要求…公开") —
# not "公民…有证据证明…的，高校应当…更正", where the agency is the subject of the main clause.
_RIGHT_OF_THE_PUBLIC = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}条\s*)?(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?"
                                  r"(?:公民|申请人|社会公众|公众|群众)(?:[^。；;，,应须]|(?<!的)[，,])*?(?:有权|可以|可(?!能|行|靠|视|及))")
# How a rule document's information goes out (approved first, on which main platform): procedure, not an item.
_PROCEDURE = re.compile(r"(经|报)[^,，;；。]{0,16}(批准|同意|审定)[^,，;；。]{0,4}(后|予以|方可|才能)[^,，;；。]{0,4}(公开|发布|上网)"
                        r"|以[^,，;；。]{2,20}为(主要|第一)(平台|渠道|载体)")
# A finding of an inspection report ("基本能够…", "合格率100%", "共检查120家次"), not a task.
_FINDING = re.compile(r"基本能够|总体(合格|良好|较好)|合格率|共(检查|抽查|发现)[^,，;；。]{0,6}\d+|^经(抽查|检查|测评|核查)|视为"
                      r"|部分(单位|部门|地区|乡镇)[^,，;；。]{0,10}(未|没有|仍)|还存在[^,，;；。]{0,12}(问题|不足)"
                      r"|(?:应公开|按时公开)[^,，;；。]{0,8}单位\d+个")  # "…工作还存在一些需要改进的问题", "应公开单位1个"
# A list item that names a case ("（二）弄虚作假…的；", "一、不按规定…编制年度报告的。", "3.涉及商业秘密的；"): the
# condition of a rule, not a task.
_CASE_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}[是、])\s*[^。；;]{2,80}的[。；;]?$")
# A run of column names ("公开内容(要素)、公开依据、公开时限、…"): a table's header, not a task.
_COLUMN_RUN = re.compile(r"(公开(内容|依据|时限|主体|渠道|对象|方式|事项|层级)[^、,，;；。]{0,6}[、,，]){2,}"
                         r"|(公开(内容|依据|时限|主体|渠道|对象|方式|事项|层级)(?:[（(][^（()）]{0,4}[)）])?){3,}")  # a header row run together
# How an interpretation is written (forms, channels, language), not whether it is made.
_INTERPRETATION_FORM = re.compile(r"解读[^。；]{0,4}(形式|方式|渠道|语言|传播|提纲|文本|方案包括|内容包括)|(形象化|通俗化|可视化)[^。；]{0,4}解读|(运用|采取|采用|通过)[^。；]{0,40}(形式|方式)[^。；]{0,12}解读|科学性|权威性|(运用|使用)[^。；]{0,12}语言"
                                  r"|解读(材料|稿|文章)(内容)?[^。；]{0,12}(简洁|简明|通俗|易懂|雷同|罗列|形式化|一般采用|问答式)"
                                  # how good an interpretation must be: "提升解读材料质量", "杜绝…罗列小标题等形式化解读"
                                  r"|(提升|提高)[^。；]{0,8}解读[^。；,，]{0,6}(质量|质效|水平)|杜绝[^。；]{0,30}(摘抄|罗列|形式化|简单化)")

# A list's introduction that states the duty itself; its items are the scope ("…须予解读:").
_DUTY_INTRO = re.compile(r"(应当?|须|要)[^:：]{0,12}(解读|包括|具备|符合)[^:：]{0,12}(?<!如下)[:：]$"
                         r"|年度报告[^:：]{0,8}包括[^:：]{0,8}[:：]$")
# A short cell of a table that names a category ("公开事项类别 |"), not a task.
_LABEL_CELL = re.compile(r"^[\u4e00-\u9fff]{2,10}$")
# …unless it opens with publishing ("公开国土空间总体规划"); 公开事项/公开方式 … are column and category names
_PUBLISHING_CELL = re.compile(r"^(公开|公布|发布)(?!事项|内容|方式|渠道|时限|主体|依据|对象|形式|范围|标准|类别|目录|层级|载体|平台|情况)")

# An interpretation named only as a noun of an exhortation ("加强解读", "做好解读工作"), not a verb with an object.
_INTERPRETATION_ADD_ON = re.compile(r"(强化|加强|做好|深化|加大|注重)[^,，;；。]{0,6}解读(工作|力度|回应)?(?=[,，;；。]|$)")

# -- what is a deliverable ------------------------------------------------------------------

# "本系统公开工作": the field of work named by its scope, not an item to publish; "五公开": the principle
# (决策、执行、管理、服务、结果公开), not an item
_DOMAIN_WORDS = re.compile(r"政务公开|政府信息公开|公开平台|公开透明|公开属性|依申请公开|公开为常态|不公开|(?:不予|免予|不宜|暂缓)公开|五公开|(?:(?<=系统)|(?<=本单位|本部门|本地区|本行业|本领域))公开工作")
_DISCLOSE = re.compile(r"公开|公布|发布|公示|(?<=情况|结果|方案|计划|名单|清单)公告|(?<=情况的|结果的|方案的|计划的|名单的|清单的)公告|上网|向社会|对外|发声|澄清|展示|晒|刊登|刊发|刊载|登载|挂网|转载(?!自)|(动态|及时|定期|每[年季月周]度?(至少)?|按[年季月周]度?)(调整)?[和、及]?更新"
                       r"|(网站|网上|平台)[^,，;；。]{0,12}(征集|征求)")
_INTERPRET = re.compile(r"解读|阐释|(?<!域名)(?<!地址)解析(?!度|率)|三同步|一图读懂|图解|政策问答")  # 三同步: a policy and its interpretation drafted, approved and released together
_COLUMN = re.compile(r"(开设|设立|设置|开通|增设|建立|规范|建好|管好|办好|维护|集中|统一设置)[^,，;；。]{0,24}?(专栏|专题(?!会|讲座|研究|培训)|栏目|专区|版块|板块|频道|信息公开平台)"
                     r"|(专栏|专题|专区)[^,，;；。]{0,8}(开设|设立|建设)"
                     r"|(添加|设置|开设|增设|开通)[^,，;；。]{0,24}?入口"  # "添加“…”平台入口": a link a page shows, like a column
                     r"|栏目[^,，;；。]{0,16}?(每|至少|定期|按)[^,，;；。]{0,10}更新"  # "各栏目每周至少更新一次": a column kept up
                     r"|(专栏|栏目|专区)的?(改版|升级|管理|更新维护)")  # "…专栏改版升级", "加强对…栏目的管理": a column kept
_ANNUAL_REPORT = re.compile(r"(?<!法治政府建设)(?<!建设)年度报告|年报|政府信息公开工作报告|年度(?:政府|政务)?信息公开工作(?:情况)?的报告"
                            r"|信息公开年度工作报告")
# "年度政府信息公开工作情况的报告内容包括下述几方面：": what the annual report must contain (its items are the contents,
# not topics to publish apart)
_ANNUAL_REPORT_CONTENTS = re.compile("(?:" + _ANNUAL_REPORT.pattern + r")[^,，。；;:：]{0,4}?(?:的?内容)?(?:应当?|要|须|主要|应该)?(?:包括|包含)")
_LEADER = re.compile(r"(负责同志|分管负责人|分管领导|负责人).{0,20}(分管|负责).{0,30}(对外公布|公布|(?<!政务)公开)"
                     r"|(明确|确定|指定)[^,，;；。]{0,10}(分管领导|分管负责人|负责同志|负责人)[^。；;]{0,20}(对外公布|公布|(?<!政务)公开)"
                     r"|(对外公布|公布)[^,，;；。]{0,12}分管[^,，;；。]{0,12}(负责同志|负责人|领导)")
_PLAN = re.compile(r"实施方案|工作方案|具体方案|落实方案|推进方案|行动方案|工作措施|具体措施|落实措施|工作安排|工作要点|任务清单|任务分解|分工方案|工作计划|任务分工")
_PROGRESS = re.compile("(" + _PLAN.pattern + r")的?(落实|执行|完成|推进|进展)(情况)?")
_PLAN_PUBLISHED = re.compile(r"(在|于|通过)[^；;。]{0,30}(网站|门户|网上|平台)[^,，;；。]{0,12}(公开|公布|发布)|向社会(公开|公布|发布)|对外公布")
# the notice itself as the plan its issuer publishes ("本要点及任务分工…在委门户网站公开")
_OWN_PLAN_PUBLISHED = re.compile(r"^[^,，。；;]{0,6}本(要点|方案|计划)(及[^,，。；;]{0,8})?[^,，。；;]{0,30}(网站|门户|网上)[^,，。；;]{0,8}(公开|公布|发布)")
_PLAN_OBJECT = re.compile(r"(制定|编制|提出|形成)[^。；;]{0,30}(PLAN)|(公开|公布)[^。；;,，]{0,12}(PLAN)|(PLAN)[^。；;]{0,40}(公开|公布|发布)"
                          .replace("PLAN", _PLAN.pattern))
# "公开本单位实施方案": the plan itself is what is published (but "政务公开工作要点" is a name, not a verb and its object)
_PLAN_AS_OBJECT = re.compile(r"(?<![务息])(公开|公布)(?!工作)[^。；;,，]{0,8}?(本单位|本部门|本地区|本级|本乡镇|各自)?的?(PLAN)".replace("PLAN", _PLAN.pattern))
_MANUAL = re.compile(
    r"听取|汇报|报送|上报|报备|备案|书面报|报[^,，;；。]{0,12}(办公厅|办公室|政府办|公开办|审核|审定|领导小组)|(发送|送|报)至[^,，;；。]{0,16}(办公厅|办公室|政府办|公开办|处|科|中心)|反馈|"
    r"向[^,，;；。]{0,30}(办公厅|办公室|工作组|小组|中心|公开办|政府办)[^,，;；。]{0,4}(提交|报送|报备)|公开属性|说明(理由|原因)|"
    r"纳入[^,，;；。]{0,24}(考核|考评|评估|绩效|目标|范围|监管|培训|程序)|通报|督查|督办|台账|办理[^,，;；。]{0,16}申请|答复|"
    r"编制|编写|制定|制订|(?<!新)修订|梳理|审查|审核|审签|核查|验收|检查|出台|处置|试点|归档|"
    r"(开展|组织)(?![^,，;；。]{0,12}参加)[^,，;；。]{0,24}(活动|试点|调研|检查|自查|排查|巡查|评估|培训)|组织开展|召开|邀请|确定[^,，;；。]{0,16}(主题|人员|负责)|"
    r"建设[^,，;；。]{0,24}系统|提出[^,，;；。]{0,12}(措施|方案|目标)|责任人|分解|明确(?!的)[^,，;；。]{0,8}(分工|责任|牵头|专人)|"
    r"(指定|配备|安排)[^,，;；。]{0,6}专(人|职)"
)


# A meeting's agenda: a named person will speak ("…同志传达/通报/解读…"), which obliges the addressees to nothing.
AGENDA_ITEM = re.compile(r"(?<!负责)(?<!领导)同志(传达|通报|解读|讲话|作|介绍|发言|总结|主持|宣读|点评|部署)"
                         r"|^(?:\d{1,2}[.．、]\s*)?安排部署")
# Background: what has already been done ("省市已将…纳入考评体系"), stated without a modal or a request.
_DONE = re.compile(r"已经?(将|于|把|对|下发|印发|出台|建立|完成|开展|纳入|列入)")
# the notice asking for something in its own words: 要 as a modal, 请 (not 申请, 提请, 邀请…)
_ASKS = MUST + r"|(?<![申提报呈聘邀])请"
_REQUEST = re.compile(r"应|须|务必|不得|" + _ASKS)
# A shortcoming stated as a finding, not a duty ("…文件较少，解读形式单一", "质量还需进一步提升，没有真正发挥…作用").
_DEFICIENCY = re.compile(r"较少|单一|缺乏|(?<!补)不足(?!以)|不够|滞后|薄弱|欠缺|没有真正|有待(提高|加强|提升|完善|改进)|还需进一步|"
                         r"仍需进一步|尚未|未能|不到位|不规范")
# A suggestion ("建议同步在…发布") is not a duty; 人大代表建议 (a proposal) is a noun.
_SUGGESTION = re.compile(r"(?:^|[,，;；])建议(?!办理|提案|和提案|答复|的)")
# A principle heading of the 基本原则 part ("1.坚持依法规范。"): what stands under it is a principle.
_PRINCIPLE_HEADING = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是)?坚持[^,，;；。]{2,10}[。]?$")
# A responsibility assignment: "由起草单位组织做好解读工作" says who does a duty stated elsewhere.
_ASSIGNMENT = re.compile(r"由[^。；,，]{1,24}(负责|组织)[^。；,，]{0,6}做好[^。；,，]{0,10}工作[^,，。；;]{0,10}(?:[,，][^。；]{0,20}配合)?[。；;]?$"
                         # "…起草的,由牵头部门负责组织实施解读": who does it, after the case or the principle it follows
                         r"|^(?:[^。；;]{0,40}(?:的|原则)[,，])?由[^。；,，]{1,24}负责(?:组织)?(?:实施|开展|牵头)?"
                         r"(?![^。；,，]{0,12}(?:公开|公布|发布|开设|设立|编制))[^。；,，]{0,12}(?:工作|解读)[。；;]?$"
                         # "以部门名义印发的政策性文件，制发部门负责做好解读工作；" "部门联合发文的，由牵头部门…，其他…配合。"
                         r"|^(?:[^。；;]{0,80}[,，])?(?:[^。；,，]{0,10}?(?<![应须要])由[^。；,，]{1,16}?|[^。；,，]{1,16}?(?=负责))(?:负责|自行|组织|做好|实施)"
                         r"(?:组织|做好|实施){0,2}(?:政策)?解读(?:工作)?(?:[,，][^。；]{0,24}配合[^。；]{0,8})?[。；;]?$")
# The words that are not the deliverable: a cited document's title, and the clause naming the basis ("根据…，").
_CITED_TITLE = re.compile(r"《[^》]{1,80}》")
_BASIS_CLAUSE = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,2}[)）])?(根据|按照|依据|依照|对照|结合)[^,，。；;]{0,80}[,，]")
# An attachment's file name ("2.医院信息公开目录.doc"), a question ("…的相关规定是什么"), and what someone said in a
# news report ("…负责人介绍,…", "环保部人士表示,…"; a document's own words, "《通知》要求,…", are another thing)
_ATTACHMENT_FILE = re.compile(r"\.(docx?|pdf|xlsx?|wps|zip|rar|ofd)\s*$", re.IGNORECASE)
_QUESTION = re.compile(r"(是什么|有哪些|怎么办|如何办理|吗)[？?]?\s*$|？\s*$")  # a bare "?" is often a mirror's lost character
_REPORTED_SPEECH = re.compile(r"^(?![^,，]*(》|通知|要点|意见|方案|文件))[^,，。；;]{1,30}(介绍|表示|透露|说)[,，:：]")
# A cited document number ("国办公开办函〔2019〕61号"): its issuer code may hold 公开, which publishes nothing.
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
# A publication word used as a participle ("对已发布的信息要定期评估") names what was published, not what to publish.
# Disclosure named only as the object of internal work: its attributes, the review before it, the catalogue's upkeep
# ("主动公开属性的政策类文件" describes what is published, not the work of deciding it).
_INTERNAL_ON_DISCLOSURE = re.compile(r"公开属性(?!的[^,，;；。]{0,12}(?:文件|信息))|(?:保密|发布|公开)审查|(?:拟|待)(?:公开|发布)|(?:公开|发布)前|"
                                     r"(?:主动)?公开(?:事项)?(?:基本)?目录|依申请公开|免予公开|不予公开|已公开")
_PARTICIPLE = re.compile(r"(已|拟|待)经?(公开|发布|公布)(过)?的?|(?<![要应须将])(公开|发布|公布)的(?!同时)"
                         r"|(严禁|禁止|不得|不准)[^,，;；。]{0,6}?(发布|公开|公布|转载|上网)")  # a prohibition publishes nothing


def _strip(text: str, *patterns: re.Pattern) -> str:
    for pattern in patterns:
        text = pattern.sub("", text)
    return text


# "加大惠农补贴政策的公开力度", "加强…收费标准信息发布工作": the exhortation names what is to be published.
_NAMED_DISCLOSURE = re.compile(r"(加大|加强|强化)(?:[^,，;；。]{6,40}?|(?!政务|政府|各类|相关|有关|主动|重点|对)[\u4e00-\u9fff]{2,5}?)(政策|措施|举措|信息|清单|规则|标准|情况|结果|数据)"
                               r"[^,，;；。]{0,6}?(公开|发布|公示)([和、及与]解读)?(力度|工作)(?![\u4e00-\u9fff])")
# A sentence whose main verb sets up a mechanism ("要建立…工作机制,…的,不得…"): the rest elaborates it.
_MECHANISM_FIRST = re.compile(r"^(?:第[一二三四五六七八九十百]{1,4}条)?(?:[^,，;；。]{0,12}(?:要|应当?))?(?:建立健全|建立|健全|完善)"
                              r"[^,，;；。]{0,30}(?:机制|制度|体系)[,，;；]")


# The introduction of a list whose items are exempt from disclosure or the cases of a penalty.
_EXEMPT_OR_CASES = re.compile(r"不予公开|不得[^,，；;。]{0,8}公开|免予公开|不公开|情形之一|下列情形|下列行为")
# "现将有关事项通知如下：", "…完成以下工作：", "具体要求如下：": what follows are tasks, not a scope or a content list
_TASK_INTRO = re.compile(r"(通知|要求|意见|安排|措施|任务|工作)(如下|下列|以下)|(如下|下列|以下|几项|几个方面)(的?(工作|任务|要求|措施|事项|程序|步骤|流程))")


# A heading's number before its words ("三、", "（二）", "1."), when it has one
_HEADING_NUMBER = r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?\s*)?"
# What press conferences announce ("新闻发布的内容主要包括：", "二、发布内容" in a notice on press conferences): the
# spokesman's subjects, not pages an agency must publish
_PRESS_CONTENTS = re.compile(r"(?:发布|公布)的?[^,，；;。:：]{0,4}(?:内容|范围|事项)")
_PRESS_CONTENTS_HEADING = re.compile(_HEADING_NUMBER + r"(?:新闻)?(?:发布|公布)(?:会)?的?[^,，;；。]{0,4}(?:内容|范围|事项)")
_PRESS_TITLE = re.compile(r"新闻(?:发布|公布)|发布会|发言人")


def _lists_disclosures(intro: str) -> bool:
    """Whether a list's introduction makes its items things to publish ("主动公开下列信息："): not the contents
    of a 政府信息公开年度报告, nor what is exempt ("下列信息不予公开：") or the cases of a penalty."""
    if _EXEMPT_OR_CASES.search(intro):
        return False
    # what the annual report contains is not published ("年度政府信息公开工作情况的报告内容包括以下几个方面")
    intro = re.sub(r"(政府|政务)?信息公开(工作)?(情况)?的?(年度)?(工作)?报告", "", intro)
    return bool(re.search(r"(公开|公布|发布|公示|公告)[^,，；;。]{0,16}(下列|以下|如下)|(下列|以下|如下)[^,，；;。]{0,16}(公开|公布|发布|公示|公告)"
                          r"|(公开|公布|发布|公示)[^,，；;。]{0,8}[,，][^,，；;。]{0,8}(包含|包括)(下列|以下)(内容|信息|事项)"  # "公开信息,重点包含下列内容:"
                          r"|(公开|公布|发布)的?(内容|信息|事项)[^,，；;。]{0,6}包括", intro))


def _has_disclosure(text: str) -> bool:
    return bool(_DISCLOSE.search(_DOMAIN_WORDS.sub("", _PARTICIPLE.sub("", text))))


def names_disclosure(text: str) -> bool:
    """Whether a stretch of text names something to publish, interpret or show (not only an internal action)."""
    core = _strip(text, _MECHANISM, _EXHORTATION)
    return bool(_has_disclosure(core) or _NAMED_DISCLOSURE.search(text) or _INTERPRET.search(core) or _COLUMN.search(text)
                or _ANNUAL_REPORT.search(text))


_DISCLOSURE_WORD = re.compile(r"公开|公示|公布|发布|披露|解读|上网|挂网")
# urging or guiding others as a verb ("督促企业…", "指导辖区内…"), not guidance received ("在其指导下", "按照…的指导", 指导价)
_URGES = re.compile(r"督促|跟踪督导|(?<![的其照])指导(?![价下意性目手])")  # 督导 alone is also a noun (督导评估)
_INSPECTS_DISCLOSURE = re.compile(r"对[^。；;]{0,60}(公开|公示|发布|解读)[^。；;]{0,20}(进行|开展)[^。；;]{0,4}(监督)?(检查|巡查|督查|抽查|评估|监测|督导)")
_CLAUSES = re.compile(r"[,，;；。]|并(?=[^,，;；。])")


def oversees_others(text: str) -> bool:
    """A duty whose publication is someone else's: in one clause the agency urges or guides others to publish
    ("督促企业按要求公开…", "指导辖区内…细化公开目录": the urging comes before the disclosure word) or inspects their
    disclosure ("对…公示情况开展巡查"), and no other clause publishes anything of its own ("…，并做好…公开")."""
    others = own = False
    for clause in _CLAUSES.split(text):
        first = _DISCLOSURE_WORD.search(clause)
        if not first:
            continue
        urges = _URGES.search(clause)
        if urges and urges.start() < first.start() or _INSPECTS_DISCLOSURE.search(clause):
            others = True
        else:
            own = True
    return others and not own


def names_internal_action(text: str) -> bool:
    """Whether a sentence names a concrete internal action (report to an office, hear a report, issue measures)."""
    return bool(_MANUAL.search(_strip(text, _MECHANISM, _EXHORTATION)))


YES, NO, UNSURE = "yes", "no", "unsure"
# What to do if need be: "如需调整公开栏目，请与…对接", "如遇法定节假日，报送时间顺延".
_CONTACT_IF_NEEDED = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、])?\s*[^,，。；;]{0,8}?(?:如|若|如果)(?:需|需要|有|遇)"
                                r"[^。；;]{0,30}?(?:[,，]?\s*请?[^。；;]{0,10}(?:联系|对接|沟通|咨询)|(?P<shift>顺延))")
_CITATION_ALONE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?《[^》]{2,60}》\s*(?:[（(][^）)]{2,20}[)）])?[。；;]?$")
# A news report's lead: "《某报》记者了解到，…", "某报记者昨日从省有关部门获悉，…", "某部2月16日宣布，将…".
_NEWS_LEAD = re.compile(r"^[^,，。；;]{0,24}记者[^,，。；;]{0,24}(?:获悉|了解到)|^[^,，。；;]{0,16}(?<![\d])\d{1,2}月\d{1,2}日(?:宣布|透露|表示)[,，]")
_NEWS_OF_AN_ISSUE = re.compile(r"^[^,，。；;]{0,24}(?:近日|(?<![\d一二三四五六七八九十])日前|(?<![月\d])\d{1,2}日(?=在))[^,，。；;]{0,14}(?:下发|印发|发布|公布|出台)")
# "新条例第五十条规定:“…”", "…第三十一条规定,各级行政机关应当…": the law's article restated, not a duty the notice sets
_QUOTES_AN_ARTICLE = re.compile(r"^[^,，。；;“”]{0,30}第?[一二三四五六七八九十百零\d]{1,4}条(?:第[一二三四五六七八九十\d]{1,3}款)?规定(?:[:：]?\s*[“\"]|[,，])")
# "…前完成…", also with the subject between ("2031年7月底前,各县(市、区)完成…建设工作")
_COMPLETED_BY = re.compile(r"(前|底|内)([^,，;；。]{0,4}|[,，][^,，;；。]{0,30}?)(完成|建成|实现|上线)")


# An event a notice announces, on its day ("虎山乡将于2025年7月31日组织开展…政府开放日活动", "活动时间:2025年9月19日",
# "拟定于2025年11月8日(星期五)上午9:00开始" under "(一)活动时间"): holding it is the duty, by that day.
_EVENT = re.compile(r"活动|开放日|开放月|开放周|主题日|发布会")
_EVENT_TIME = re.compile(_HEADING_NUMBER + r"(?:活动|开放|举办)(?:的)?(?:时间|日期)(?:和|及|、)?(?:地点)?[:：]?$")
_HOLDS = re.compile(r"(?:于|在)(?:19|20)?\d[^,，;；。]{0,40}?(?:开展|举办|举行|召开|组织|开始)")


# An event plan's sections that describe the event rather than oblige: who is invited and how to sign up (never a
# duty of the agency's), and its theme, place and programme (参观, 座谈, 介绍…: how the held event runs), unless a
# step is dated or given to a unit of its own ("党政办负责会场布置").
_EVENT_NOT_DUTY = re.compile(_HEADING_NUMBER + r"(?:(?:参加|参与|邀请|开放|活动)(?:人员|对象)|报名(?:方式|办法)|活动(?:主题|地点)|开放(?:主题|地点))")
_EVENT_PROGRAMME = re.compile(_HEADING_NUMBER + r"(?:活动|开放)(?:主题|内容|方式|形式|流程|议程|安排)"
                              r"(?:(?:及|和|、|与)(?:主题|内容|方式|形式|流程|议程|安排))*[:：]?$")
_EVENT_FIELD = re.compile(r"^(?:活动|开放)(?:主题|地点|方式|形式|对象|内容)[:：]")


def describes_event(unit, deadline: dict) -> bool:
    """Whether a unit describes an announced event (who comes, where, what they see) instead of obliging."""
    if unit.row is not None:
        return False  # a plan's table row ("承办单位 | 活动内容 | 活动时间") is dated by its own cells
    last = unit.sections[-1] if unit.sections else ""
    acts = re.search(r"负责|征集|遴选|制定|报送|公开|公布|发布|公示", unit.text)
    officials = re.search(r"政府|部门|单位|科室|股室", unit.text) and not re.search(r"代表|群众|市民|公众|居民", unit.text)
    if (_EVENT_NOT_DUTY.match(last) or _EVENT_FIELD.match(unit.text)) and not acts and not officials:
        return True  # the public invited, how they sign up, the theme and the place; officials told to attend do attend
    programme = any(_EVENT_PROGRAMME.match(section) for section in unit.sections[-2:])
    publishes = re.search(r"公开|公布|发布|公示", _DOMAIN_WORDS.sub("", re.sub(r"公开(?:专区|栏|墙)", "", unit.text)))
    return bool(programme and not dated_at_all(deadline) and not re.search(r"负责", unit.text) and not publishes
                and not _REQUEST.search(unit.text))  # "各部门要积极收集…意见建议": a duty put on the units


def holds_event(unit, deadline: dict) -> bool:
    """Whether a unit is the day an announced event is held: a dated sentence that holds an event, or a date (a
    period: "2025年5月上旬") written under or after the event's 活动时间."""
    if not deadline.get("by_date") or re.search(r"前|之前|以前|底|末", unit.text):
        return False  # a deadline before which something is done is the ordinary kind
    if _EVENT.search(unit.text) and _HOLDS.search(unit.text):
        return True
    plain = re.sub(r"\W", "", unit.text)
    time_field = re.match(r"^(?:活动)?(?:时间|日期)[:：]", unit.text)
    under_time_heading = unit.sections and _EVENT_TIME.match(unit.sections[-1])
    return bool((time_field or under_time_heading) and len(plain) <= 30 and not _REQUEST.search(unit.text))


# A news report restating a 要点's tasks in their own imperative words ("继续做好财政预决算信息公开", "统筹抓好…信息公开"):
# a task, as the 要点 has it, not a fact the reporter tells
_RESTATED_TASK = re.compile(r"^(?:继续|深入|持续|全面|统筹|着力|进一步)?(?:做好|推进|抓好|开展|强化|加大|加强|深化)"
                            r"|^[^,，。；;]{2,20}负责(?:公开|公布|发布)")  # "财政部门负责公开彩票公益金分配情况": assigned


def verdict(unit, deadline: dict, notice_kind: str, title: str = "") -> str:
    """The rules' verdict on a unit: ``no`` when a rule knows it obliges nobody (an exhortation, a title, background,
    an agenda …), ``yes`` when it names a deliverable, ``unsure`` when no rule rejects it but none finds what it
    delivers — the only units the learned scorer may still keep (:meth:`.scorer.ObligationModel.keeps`)."""
    text = unit.text
    # a catalogue's content cell dated by its own 公开时限 cell may be a short name ("服务指南")
    shortest = 4 if (unit.row or {}).get("discloses") and (unit.row or {}).get("deadline") else 6
    if notice_kind in ("report", "interpretation") or len(re.sub(r"\W", "", text)) < shortest:
        return NO
    if (unit.row or {}).get("responsibility") and "units" not in (unit.row or {}) or (unit.row or {}).get("basis") \
            or (unit.row or {}).get("label"):
        return NO  # a responsibility note, a catalogue's 依据 cell, or a cell that only names its row
    if holds_event(unit, deadline) and notice_kind == "notice":
        return YES  # the event's day ("将于2025年7月31日组织开展…活动"), not the issuer's intent nor a past event
    if describes_event(unit, deadline):
        return NO
    press_contents = any(_PRESS_CONTENTS_HEADING.match(section) for section in unit.sections[-2:]) \
        and (_PRESS_TITLE.search(title) or any("新闻" in section for section in unit.sections[-2:])) \
        or _PRESS_TITLE.search(title) and _PRESS_CONTENTS.search(unit.intro)
    if press_contents and unit.row is None and not dated_at_all(deadline) \
            and re.match(r"^(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、])", text):
        return NO  # an item under "二、发布内容": a subject a press conference may take up
    plain = re.sub(r"[^\u4e00-\u9fff]", "", re.sub(r"^[（(]?[一二三四五六七八九十]{1,3}[)）、]?", "", text))
    header_words = [word for word in re.split(r"[\s|\u3000]+", unit.quote.strip()) if word]
    if len(header_words) >= 2 and all(_HEADER_WORD.fullmatch(word) for word in header_words):
        return NO  # "序号 公开事项 公开内容 公开依据": a catalogue's header row
    if len(plain) < shortest or _FIELD.search(text) or _PAGE_FURNITURE.search(text) or _COLUMN_LABEL.match(text) \
            or re.match(r"^(?:\d{1,2}[.．、])?附件\d*[:：]", text) or _ATTACHMENT_FILE.search(text):  # the attachments' list
        return NO
    if re.match(r"^第[一二三四五六七八九十]{1,3}[章节编]", text) and not re.search(r"[，,。；;]", text):
        return NO  # a rule document's chapter or section title ("第一节 事前公开内容")
    if _QUESTION.search(text) or _REPORTED_SPEECH.match(text):
        return NO  # a Q&A page's question; what someone said in a news report
    if unit.line == 0 and len(plain) <= 40 and not re.search(r"[。；;，,:：]", text) and not _REQUEST.search(text) \
            and not dated_at_all(deadline) and unit.row is None and not re.match(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]", text):
        return NO  # the page's first line, a phrase without a duty: its title ("事后公开程序", "浙江部署…工作")
    introduces = text if text.endswith((":", "：")) else text + "：" if LIST_INTRO.search(text) else None  # its colon lost
    if _ANNUAL_REPORT_CONTENTS.search(text) and re.search(r"(?:以下|下述|下列|如下)[^,，。；;]{0,6}[:：。]?$", text):
        return YES
    if introduces and not (_DUTY_INTRO.search(introduces) and not _lists_disclosures(introduces)):
        return NO  # "…主动公开下列信息:" obliges through its items; "…须予解读:" and "年度报告包括…:" by themselves
    if unit.row is not None and _LABEL_CELL.match(text) and not (unit.row.get("discloses") or unit.row.get("only_task")) \
            and not (_PUBLISHING_CELL.match(text) and not unit.row.get("task_name")):
        return NO  # a category cell of a table, or the name of the task its row states beside it
    catalogue_content = bool((unit.row or {}).get("discloses"))  # a content cell dated by its 公开时限 cell
    if _TITLE_LIKE.search(text) and not (_TASK_START.search(text) and not re.search(r"的(通知|通报|意见)$", text)) \
            and not re.match(r"^\d{1,2}[.．、](?!\d)", text) and not catalogue_content \
            and not (re.search(r"要|应|须", text) and re.search(r"前(?!言)", text) and dated_at_all(deadline)):
        return NO  # a document's title, not a task cell such as "编制并公开年度报告"
    if (unit.row or {}).get("units") is None and _UNITS_ONLY.match(text) and not _has_disclosure(text):
        return NO  # a 责任单位 cell on a line of its own
    consequence = _CONSEQUENCE.search(text)
    if consequence and not _REQUEST.search(text[:consequence.start()]):
        return NO
    if _ISSUER_INTENT.search(text) or _PAST_EVENT.search(text) or _EXPLORATION.search(text) or _CRITERION.match(text):
        return NO
    if _ASSESSMENT.search(text) and not _MODAL.search(text) and not dated_at_all(deadline):
        return NO
    if (_RESPONSIBLE_FOR.search(text) or _PRINCIPLE.search(text) or _FINDING.search(text) or _PROCEDURE.search(text)) \
            and not dated_at_all(deadline) or _RIGHT_OF_THE_PUBLIC.match(text):
        return NO
    duration = _MIN_DURATION.search(text)
    if duration and not _has_disclosure(text[duration.end():]):
        return NO  # a minimum period (征求意见的期限不少于30日, 公示时间不少于5个工作日: no lag), unless a publication follows
    if re.match(r"^(此项|该项|这项|本项|上述|以上)(工作|任务)", text) and not _has_disclosure(text):
        return NO  # "上述工作于10月底前完成": it dates the tasks before it, which are the obligations
    if_needed = _CONTACT_IF_NEEDED.match(text)
    if if_needed and (if_needed.group("shift") or not dated_at_all(deadline)):
        return NO  # "如需调整公开栏目，请与…对接", "如遇法定节假日，报送时间顺延": how to proceed if need be
    if _CASE_ITEM.search(text) and not dated_at_all(deadline):
        return NO  # "(一)涉及国家秘密的;": a case a rule applies to, not a thing to do
    if (_WHY_IT_MATTERS.match(text) or _ASSESSED_SCOPE.match(text) or _CHANNEL_ROLE.match(text)) and not dated_at_all(deadline):
        return NO
    if _IN_FORCE.search(text) or _RESERVATION.match(text):
        return NO  # "第十条 本制度自公布之日起施行。": when the document takes effect; "…另有规定的，从其规定": the law's
    if _QUOTES_AN_ARTICLE.match(text) and not re.search(_ASKS, text) or _CITATION_ALONE.match(text):
        return NO  # "新条例第五十条规定:“…”", "《…条例》(国令第711号)": the law quoted or cited, not a duty the notice sets
    if _NEWS_OF_AN_ISSUE.match(text) and not _REQUEST.search(text) or _NEWS_LEAD.match(text):
        return NO  # "省…厅近日下发《…》", "…9日在其官方网站上公布《…》": news of a document, not its duties
    if _COLUMN_RUN.search(text) or (_CONTENT_QUALITY.search(text) or _DEFINITION.search(text)
                                    or _PURPOSE.search(text) and not _MODAL.search(text)) and not dated_at_all(deadline):
        return NO
    if AGENDA_ITEM.search(text) or _ASSIGNMENT.search(text) and not dated_at_all(deadline):
        return NO
    if (_DONE.search(text) or _SUGGESTION.search(text)) and not _REQUEST.search(text):
        return NO
    permission = _PERMISSION.search(text)
    before_permission = re.split(r"[,，;；]", text[:permission.start()])[:-1] if permission else []
    if permission and not _MODAL.search(text) and not dated_at_all(deadline) and not _has_disclosure("".join(before_permission)):
        return NO  # "可通过…": a permission, unless a clause before it publishes ("…在网站中公开,同时还可通过…")
    if re.search(r"已(公开|发布|公布)的[^,，;；。]{0,12}(评估|调整|清理)", text) and not _has_disclosure(_PARTICIPLE.sub("", text)) \
            and not dated_at_all(deadline):
        return NO  # reviewing what is already published ("对已公开的文件要定期评估、动态调整") publishes nothing
    if re.search(r"阶段\s*([（(][^（()）]{2,24}[)）])?[。]?$", text) and re.match(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]", text) \
            or re.match(r"^(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?第[一二三四五六七八九十]阶段[:：][^,，;；。]{2,30}[（(][^（()）]{2,24}[)）][。]?$", text):
        return NO  # "(二)法定条款梳理阶段(2031年9月)", "第一阶段:编制目录(6月至7月)": a phase of the plan, named with its period
    if _DEDUCTION.search(text):
        # an assessment table's scoring ("①…超期公开每条扣5分"): the duty is the standard above it — or before it in
        # the same cell ("…自信息形成之日起20个工作日内予以公开，未及时公开的每例扣2分"), when that is dated
        standard = "".join(clause for clause in re.split(r"(?<=[,，;；])", text) if not _DEDUCTION.search(clause))
        if not (_has_disclosure(standard) and dated_at_all(deadline)):
            return NO
        text = standard
    shortcomings = _DEFICIENCY.findall(text)
    if shortcomings and (len(shortcomings) >= 2 or not _has_disclosure(text)) and not _REQUEST.search(text) \
            and not dated_at_all(deadline):
        return NO  # a shortcoming found ("解读形式单一，缺乏…"), the 存在问题 part of a review
    dated = dated_at_all(deadline)
    if notice_kind == "news" and unit.line <= 2 and unit.row is None and len(plain) <= 40 and not re.search(r"[。；;]$", text):
        return NO  # a news report's headline ("某市政策文件都将配发解读版 最迟不超过3个工作日"): its body states the rule
    if notice_kind == "news" and not (_MODAL.search(text) or _COLUMN.search(text) or dated or _REPORTED_REQUIREMENT.search(text)
                                      or _RESTATED_TASK.match(text) and _has_disclosure(text)):
        return NO
    findings = any(_is_findings_section(section) for section in unit.sections) or notice_kind == "inspection" \
        and not any(_REQUIREMENTS_SECTION.search(section) for section in unit.sections)
    if findings and not (_REQUEST.search(text) or re.search(r"(月|日|年底|季度)[^,，;；。]{0,6}前|日内|以内|之内", text)):
        return NO  # an inspection's findings and what the inspectors did; the requirements after them ask
    if _COVERING.search(text) or _PREAMBLE_START.search(text) and (re.search(r"如下|以下[:：]?$", text)
                                                                  or text.endswith((",", "，")) and not re.search(MUST, text)):
        return NO  # a covering letter's lead-in, also when the capture broke it off at its comma
    if _OWN_DRAFTING.search(text) and not _MODAL.search(text) and not dated:
        return NO
    mechanism = _MECHANISM_FIRST.search(text)
    # "…确保保密审查、主动公开发布…等工作机制健康运转": the publishing named there is one more mechanism
    after_mechanism = re.sub(r"不得[^,，;；。]*|[^,，;；。]{0,40}等(工作)?(机制|制度)", "", text[mechanism.end():]) if mechanism else ""
    # "落实…与政策解读同步组织、同步审签、同步发布制度": the "system" is the 三同步 rule, which a portal shows
    same_time_interpretation = deadline.get("working_days") == 0 and "解读" in text
    if mechanism and not _has_disclosure(after_mechanism) and not (dated and re.search(r"公开|公布|发布", text[:mechanism.start()])) \
            and not same_time_interpretation:
        return NO  # …unless what follows the mechanism still publishes something
    general = _GENERAL.search(text) or _GENERAL_SECTION.search(unit.context) or _GOAL.search(text) \
        or any(_PRINCIPLE_HEADING.match(section) for section in unit.sections)
    if general and not (dated and (_has_disclosure(text) or _MANUAL.search(text)
                                   or _COMPLETED_BY.search(text) and not _GOAL_STATE.search(text))):
        return NO  # …unless dated and done by then ("总体要求：2031年7月底前，各县完成…建设")
    if _GENERAL_SECTION.search(unit.context) and _GOAL_STATE.search(text):
        return NO  # "工作目标: 2031年底前，完成…，基本形成…体系": a dated goal is still a goal
    if re.match(r"^到20\d\d年", text) and _GOAL_STATE.search(text):
        return NO  # "到2030年底，…更加完善": a goal, its year the horizon, not a deadline
    # a report of what was done ("全年公开发布…53件。"); a target ("不少于1次") is a duty
    if re.search(r"^(近日|近年来|今年以来|目前|截至)|(?<!少于)(?<!至少)(?<!低于)(?<![\d.])\d+(\.\d+)?[万千百]?余?(件|条|次|个|期|场)[，,。]"
                 r"|取得(了)?(明显|显著|积极|良好)成效", text) \
            and not _REQUEST.search(text) and not re.search(r"至少|不少于|不低于|每[年季月周日]", text):
        return NO  # a report of what was done
    # …unless another clause still interprets something ("提升解读材料质量，…，对…新情况开展二次解读、跟踪解读")
    interprets_too = any("解读" in clause and not _INTERPRETATION_FORM.search(clause) and re.search(r"开展|进行|做好|组织", clause)
                         for clause in re.split(r"[,，;；]", text))
    if _INTERPRETATION_FORM.search(text) and not (dated or re.search(r"公开|公布|发布", text) or interprets_too):
        return NO
    if unit.intro and not _TASK_INTRO.search(unit.intro) and not ((dated or _PLAN_PUBLISHED.search(text)) and _has_disclosure(text)):
        # an item of "…主动公开下列信息：" is a topic; an item of "…须予解读:" / "…包括以下要素:" is the
        # scope or content of the sentence before it, which is the obligation; an item of "通知如下：" or
        # "…完成以下工作：" is a task like any other, and so is an item that publishes by its own time limit
        # ("程序包括: (1)…在信息形成之日起7个工作日之内公开") or through its own channel ("(1)会议召开前…向社会公布…")
        return YES if _lists_disclosures(unit.intro) else NO
    if (unit.row or {}).get("discloses"):
        return YES  # the cell before a 公开时限 cell names what is disclosed
    # the deliverable is looked for outside cited titles and the clause that names the basis
    own = _BASIS_CLAUSE.sub("", _CITED_TITLE.sub("", _DOC_NUMBER.sub("", text)))

    def delivers(core: str) -> bool:
        return bool(_has_disclosure(core) or _NAMED_DISCLOSURE.search(own) or _INTERPRET.search(core)
                    or _COLUMN.search(own) or _ANNUAL_REPORT.search(own) or _MANUAL.search(core))

    if delivers(_strip(own, _MECHANISM, _EXHORTATION)) or same_time_interpretation and _INTERPRET.search(own):
        return YES
    if _REQUEST.search(own) and re.search(r"\d+\s*个?小时内[^,，;；。]{0,8}(回应|发布|公开|答复)", own):
        return YES  # "对其他政务舆情应在48小时内予以回应": a response owed within hours
    # "6月底前完成政府网站集约化平台建设": a task dated by its own completion, with or without a modal verb
    completed_by = _COMPLETED_BY.search(own) \
        and not re.match(r"^(此项|该项|这项|本项|上述|以上)(工作|任务)", own)  # that only dates the sentence before it
    if deadline.get("by_date") and (_REQUEST.search(own) or completed_by) and not delivers(own) \
            and not (_MECHANISM.search(own) or re.search(r"健全|建立|完善|加强|提升|提高", _strip(own, _EXHORTATION))):
        return YES  # "…须于2030年12月31日前完成": whatever it is, it is owed by a date
    # "(二)围绕…推进公开。(落实单位:区建设局)": a numbered item assigned to its own unit is a task, however it is worded
    if (unit.row or {}).get("units") and re.match(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]|^\d{1,2}[.．、]", text) and delivers(own) \
            and not _MECHANISM.search(text):
        return YES
    # what it would deliver lies inside an exhortation or a mechanism: the rules reject it on purpose
    return NO if delivers(own) else UNSURE


def dated_at_all(deadline: dict) -> bool:
    return bool(deadline.get("by_date") or deadline.get("working_days") is not None)


# an office named after the work ("市政务公开办", "信息公开办公室"): its 公开 publishes nothing
_OFFICE_NAMED_FOR_DISCLOSURE = re.compile(r"[\u4e00-\u9fff]{0,6}公开(办公室|办|领导小组)")
def interpretation_is_add_on(text: str) -> bool:
    """Whether interpreting is an add-on to publishing the content a sentence names ("加大…措施的公开、解读力度",
    "公开…办法，并做好解读"): the topic is that content, not 政策解读 as such."""
    if re.search(r"公开[、和及与](政策)?解读", text):
        return True
    add_on = _INTERPRETATION_ADD_ON.search(text)
    return bool(add_on and re.search(r"(公开|公布)(?![、的后]|之日)", text[:add_on.start()]))


def _topic_ids(text: str) -> list[str]:
    from .topics import topic_ids  # the vocabulary is loaded only when a sentence needs it

    return [topic for topic in topic_ids(text) if topic != "annual-report"]


# a report or material sent up to an office ("报送市政务公开办", "报县政府办公室审核")
_SENT_UP = re.compile(r"(报送|上报|报至|送至|报)[^,，;；。]{0,16}(办公厅|办公室|公开办|政府办|领导小组|审核|备案)")


# A 专区 set up in a service hall or a village (在政务服务大厅…设立政务公开专区(窗口)): a place people visit, not a
# column of the portal.
_PHYSICAL_AREA = re.compile(r"(大厅|服务中心|服务站|办事场所|场所|村[(（]?居?[)）]?|社区)[^。；;]{0,24}(专区|窗口)")
_NOTICE_BOARD = re.compile(r"公开栏|公示栏|公告栏|宣传栏|公示牌|公示板|宣传牌|明白卡|公开墙")
_ONLINE = re.compile(r"网站|网上|门户|平台|新媒体|微信|微博|网络|上网|政务网|客户端")
# channels other than the agency's portal, and the portal itself
_OTHER_CHANNEL = re.compile(r"(?:通过|以|在|利用|依托)[^。；;,，]{0,16}(?:公众号|杂志|期刊|报纸|报刊)")
_PORTAL = re.compile(r"网站|门户|政务网|网上|上网|挂网|网络|平台")


def classify(unit, deadline: dict, notice_kind: str) -> str:
    """The rule kind of an obligation unit."""
    text, context = unit.text, unit.context + unit.intro
    dated = deadline.get("by_date") is not None
    if holds_event(unit, deadline):
        return "manual"  # holding an open day or a press conference: no page shows it was held
    if _LEADER.search(text):
        return "leader_published"
    # "规范设置机构信息、政府信息公开年报等栏目": the annual report names a column to set up
    report_column = re.search(_ANNUAL_REPORT.pattern + r"[^,，;；。]{0,4}(栏目|专栏)", text) and _COLUMN.search(text)
    # in a notice on the annual report, a sentence that names something else to publish (权责清单) is about that
    other_item = notice_kind == "annual_report_notice" and not _ANNUAL_REPORT.search(text) and _topic_ids(text)
    if (_ANNUAL_REPORT.search(text) or notice_kind == "annual_report_notice") and not re.search(r"法治政府建设", text) \
            and not report_column and not other_item:
        if re.search(r"(报|送|上报|报送)[^,，;；。]{0,24}(办公厅|办公室|工作组|审核|备案|公开办|政府办|领导小组)"
                     r"|向[^,，;；。]{0,30}(办公厅|办公室|工作组|小组|公开办|政府办)[^,，;；。]{0,4}(提交|报送|报备)", text) \
                and not _has_disclosure(_ANNUAL_REPORT.sub("", text)):
            return "manual"  # the report sent up for review or filing, not published
        if not _ANNUAL_REPORT.search(text) and not _has_disclosure(text):
            return "manual"  # in a notice on the annual report, compiling it or checking it publishes nothing
        if not _ANNUAL_REPORT.search(text) and re.search(r"填报[^,，;；。]{0,12}报表|报表[^,，;；。]{0,6}(填报|报送)|统计和?汇总", text):
            return "manual"  # the statistics forms filled in and sent up (主动公开、依申请公开…的数据): nothing published
        return "annual_report"
    if re.search(r"初稿|草稿", text) and not re.search(r"征求意见", text):
        return "manual"  # "形成…标准目录初稿": a draft for review, published later if at all
    if re.search(r"公开属性(?!的[^,，;；。]{0,12}(?:文件|信息))|说明(理由|原因)", text) and not re.search(r"(?<!不予)(?<!依申请)公开(?!属性)[^,，;；。]{0,10}(目录|清单|信息|文件)", text):
        return "manual"  # the 公开属性 marked on a document as it is drafted: nothing a page shows
    if _COLUMN.search(text) and not _PHYSICAL_AREA.search(text):
        return "column_exists"
    if re.search(r"纳入[^,，;；。]{0,24}(考核|考评|绩效)", text) and not _has_disclosure(text):
        return "manual"  # "政策解读工作纳入绩效考核": the work is assessed, nothing is published
    if re.search(r"(新闻)?发布会[。；;]?$", re.sub(r"\s", "", text)) and not re.search(r"公开|公布", text):
        return "manual"  # a press-conference plan's row: the conference is held, not a page published
    timed_interpretation = _INTERPRET.search(text) and deadline.get("working_days") is not None
    if not timed_interpretation and re.search(
            r"谁起草.{0,2}谁解读|解读[^。；,，]{0,6}(责任)?主体|第一解读人|(带头|亲自)[^。；,，]{0,4}解读|解读材料要|不能简单|解读计划|由[^。；]{0,20}(负责|组织)[^。；]{0,6}解读"
            r"|解读(材料|方案)[^。；]{0,24}(报送|报批|报审|审签|审定)|(报送|报批|报审|审签)[^。；]{0,40}解读(材料|方案)"
            r"|解读(内容|材料)[^。；]{0,6}(应当?|要|须)[^。；]{0,8}(全面|详尽|准确|通俗|包括)", text):
        return "manual"  # who interprets, and how: a principle no page shows, unless it also says when
    if re.search(r"(谋划|起草|编撰|编制|制定)[^。；]{0,10}解读(方案|材料)", text) and not re.search(r"发布|公开|公布", text):
        return "manual"  # drafting the interpretation beside the document: nothing is published yet
    # "工作要点落实情况…公开": a progress report on the plan, not the plan itself
    core = _PROGRESS.sub("进展情况", _strip(text, _MECHANISM, _DOC_NUMBER))
    # "公开政府工作报告重点任务分解": the breakdown of the government work report, not the agency's own plan
    core = re.sub(r"政府工作报告[^,，;；。]{0,6}?(重点)?(工作)?(任务)?(分解|分工)", "政府工作报告", core)
    if _OWN_PLAN_PUBLISHED.search(core):
        return "plan_published"  # "本要点及任务分工印发后10个工作日内在委门户网站公开": the plan is the notice itself
    if _PLAN_OBJECT.search(core) and (_PLAN_PUBLISHED.search(core) or re.search(r"(制定|编制)[^,，;；。]{0,16}并(公开|公布)", core)
                                      or _PLAN_AS_OBJECT.search(core)) \
            and not re.search(r"标准目录", core) \
            or (unit.row or {}).get("discloses") and re.search("(" + _PLAN.pattern + r")[。；;]?$", core):
        return "plan_published"  # …or a catalogue's content cell that names a plan: the plan is what is disclosed
    disclosure = _has_disclosure(core)
    # "公开…信息" names other content, unless that content is the interpretation ("公开政策解读信息")
    interpretation = _INTERPRET.search(core) and not re.search(r"信息公开|公开(?![^,，;；。]{0,4}解读)[^,，;；。]{0,6}(情况|信息|数据)", core)
    add_on = _INTERPRETATION_ADD_ON.search(core)
    if (disclosure or interpretation) and _OTHER_CHANNEL.search(core) and not _PORTAL.search(core):
        return "manual"  # "以官方微信公众号、业务期刊为主阵地发布政策解读…": a channel the audit of the portal does not read
    if interpretation and _SENT_UP.search(core) and not re.search(r"公开|公布|发布|刊登|上网|挂网", _OFFICE_NAMED_FOR_DISCLOSURE.sub("", core)):
        return "manual"  # "将第一季度政策解读工作情况报送市政务公开办": a report on the work, sent up
    disclose_first = re.search(r"(公开|公布)(?![、的后]|之日)", core)
    lag_publishes = add_on and re.search(r"工作日(以|之)?内[^。；;]*?(公开|公布|发布)", core[:add_on.start()])
    if interpretation and add_on and (deadline.get("working_days") is None or lag_publishes) and disclose_first \
            and disclose_first.start() < add_on.start():
        # "公开…办法,并做好解读", "…20个工作日内公开决策结果,并同步做好政策解读": publishes something (within its lag);
        # interpreting it is an add-on
        return "topic_disclosed"
    if interpretation and deadline.get("working_days") is None and re.search(r"公开[、和及与](政策)?解读", core):
        return "topic_disclosed"  # "…信息的公开、解读工作": the named content is published (and explained)
    if interpretation and (deadline.get("working_days") is not None or re.search(r"政策|文件|规章|措施|会议|精神", text)):
        return "interpretation_timely"
    if re.search(r"解读范围", context) and not _MANUAL.search(text):
        return "interpretation_timely"
    reported_up = re.search(r"报[^,，;；。]{0,10}(办公厅|办公室|审核|备案)|(报送|上报|报至|反馈至|反馈给)[^,，;；。]{0,12}(局|委|办|股|科|室|中心|政府)", text)
    if dated and disclosure and (not reported_up or _PLAN_PUBLISHED.search(core)):
        return "published_by_date"
    if re.search(r"报[^,，;；。]{0,12}(办公厅|办公室|政府办|审核|备案|领导小组)|报送|上报|报备|反馈(至|给)[^,，;；。]{0,12}(局|委|办|股|科|室|中心|政府)"
                 r"|备案(?!信息|情况|结果|事项|数据)|汇报|听取|台账", text):
        return "manual"
    if disclosure and not _has_disclosure(_INTERNAL_ON_DISCLOSURE.sub("", core)) and _MANUAL.search(core):
        return "manual"  # "严格执行公文公开属性审查", "修订主动公开目录": work on disclosure that no page shows
    if disclosure and _NOTICE_BOARD.search(core) and not _ONLINE.search(core):
        return "manual"  # "在村务公开栏上公布", "设立项目公示牌": a board in a village or a hall, which no website shows
    if disclosure and re.search(r"撤下|撤除|下架", core):
        return "manual"  # "公开满5年…及时从公示载体上撤下": taking a page down, which no page found shows
    if disclosure and oversees_others(core):
        return "manual"  # "督促企业公开…", "对…公示情况开展巡查": others publish; the agency urges or inspects
    if disclosure:
        return "topic_disclosed"
    if interpretation:
        return "interpretation_timely"
    if re.search(r"公开|主动", unit.intro) or (unit.row or {}).get("discloses"):
        return "topic_disclosed"
    return "manual"


_REPORT_HEADING = re.compile(r"(?:^|\n)\s*[一二三四五六七八九十]{1,2}、\s*(主要工作(与|和|及)?(成效|成绩|做法)|工作(开展)?情况及成效|"
                             r"主要成效|取得的成效)")
_INTERPRETATION_PAGE = re.compile(r"解读|答记者问|一图读懂|图解")
_INTERPRETATION_HEADINGS = re.compile(r"(?:^|\n)\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])?\s*"
                                      r"((起草|制定|出台|修订)(背景|过程|依据|目的)|主要内容|政策依据|名词解释)")
_PROGRESS_TITLE = re.compile(r"^(?!关于)[^，,。；;]{0,50}(完成|落实|推进|进展|执行|建设|开展|实施)情况(的?(报告|通报|汇总|统计表?))?$")


# The sections of an inspection report ("一、总体情况", "二、存在的问题", "三、下一步工作要求"), in any notice
_FINDINGS_SECTION = re.compile(r"存在的?(主要)?问题|主要问题|发现的问题|(检查|抽查|普查|测评|监测|核查|巡查)(情况|结果)")
_REQUIREMENTS_SECTION = re.compile(r"要求|建议|下一步|整改|安排|措施")


def _is_findings_section(section: str) -> bool:
    """A section that reports what an inspection found ("二、存在的主要问题", "（一）抽查情况"), not a task that publishes
    the results ("2.依法公开随机抽查事项清单，及时公布抽查结果和查处情况")."""
    found = _FINDINGS_SECTION.search(section)
    return bool(found) and not re.search(r"(公开|公布|发布|公示)[^,，;；。]{0,10}$", section[:found.start()])
_INSPECTION_TITLE = re.compile(r"((检查|抽查|普查|巡查|测评|监测|核查|督查|考核|评估)[^，,。；;]{0,16}?|工作|(编制|公布|发布|报送|落实|整改)[^，,。；;]{0,4}?)(情况|结果)的?通报$")


def notice_kind(text: str, title: str | None) -> str:
    """What sort of document the notice is: a yearly report and a Q&A 解读 oblige nobody; an inspection report
    (…检查情况的通报) obliges only in its requirements."""
    head = "".join(text.split())[:400]
    title = title or ""
    first_report = re.match(r"^[^关于]{0,30}?年度报告", head)  # its first mention: a report's own title, or a rule's
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    titled_otherwise = re.search(r"(要点|方案|通知|意见|办法|制度|细则|规定|清单|分解表|计划)$", title or first_line)
    if re.search(r"年度报告$", title) or first_report and "通知" not in head[:60] and not titled_otherwise \
            and not re.match(r"[（(]?试行|制度|办法|规定|细则|编制|发布", head[first_report.end():]):
        return "report"
    if len(re.findall(r"(^|\n)\s*问[:：]", text)) >= 2 or (
            re.search(r"(^|\n)\s*问[:：]", text) and re.search(r"(^|\n)\s*答[:：]", text) and re.search(r"问答|解读|答记者问", head[:200])):
        return "interpretation"
    if _INTERPRETATION_PAGE.search(head[:80]) and len(_INTERPRETATION_HEADINGS.findall(text)) >= 2:
        return "interpretation"  # a 政策解读 page: 起草背景, 起草过程, 主要内容 describe the document
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if _PROGRESS_TITLE.search(first) or _PROGRESS_TITLE.search(title):
        return "report"  # "…工作落实情况": what was done against tasks set elsewhere
    if not re.search(r"通知|要点|方案|意见|办法", title) and _REPORT_HEADING.search(text):
        return "report"  # a work summary: "一、主要工作与成效 … 二、存在的问题 … 三、下一步工作打算"
    if _NEWS.search(head[:300]):
        return "news"
    if _INSPECTION_TITLE.search(title or first):
        return "inspection"  # "…政府网站抽查情况的通报": findings first, requirements at the end
    if re.search(r"关于.{0,20}年度报告.{0,10}(编制|公布|发布).{0,10}通知", title):
        return "annual_report_notice"
    return "notice"
