SELECT a.name AS 单位, p.url AS 网址, p.title AS 标题, p.fetched_at AS 抓取时间
FROM pages p JOIN agencies a ON a.id = p.agency_id
WHERE p.spam = 1 AND p.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM pages))
ORDER BY a.name, p.url
