SELECT level_label(a.level) AS 级别, round(avg(s.percent), 1) AS 平均得分率, count(*) AS 单位数
FROM scores s JOIN agencies a ON a.id = s.agency_id
WHERE s.percent IS NOT NULL AND s.run_id = (SELECT max(run_id) FROM scores)
GROUP BY a.level ORDER BY 平均得分率 DESC
