SELECT CAST(percent / 10 AS INTEGER) * 10 AS 得分段, count(*) AS 单位数
FROM scores WHERE percent IS NOT NULL AND run_id = (SELECT max(run_id) FROM scores)
GROUP BY 得分段 ORDER BY 得分段
