SELECT s.notices AS 适用通知, s.rank AS 排名, s.rank_in_level AS 同级排名, a.name AS 单位, level_label(a.level) AS 级别,
       a.province AS 省份, s.percent AS 得分率, s.coverage AS 覆盖率, s.evaluation_points AS 折算分,
       s.points_earned AS 得分, s.points_possible AS 应得分,
       s.passed AS 通过, s.failed AS 未通过, s.errors AS 无法核查, s.manual AS 需人工核实, s.pending AS 未到期,
       s.applicable AS 适用规则, s.unscored AS 不计分结论,
       (SELECT count(*) FROM pages p WHERE p.run_id = s.run_id AND p.agency_id = s.agency_id) AS 抓取页面,
       (SELECT count(*) FROM fetch_errors e WHERE e.run_id = s.run_id AND e.agency_id = s.agency_id) AS 抓取失败,
       s.agency_id AS 单位编号, s.run_id AS 运行
FROM scores s JOIN agencies a ON a.id = s.agency_id
WHERE s.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM scores))
ORDER BY s.notices, s.rank IS NULL, s.rank, a.name
