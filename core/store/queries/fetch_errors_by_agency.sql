SELECT a.name AS 单位, e.kind AS 类型, e.http_status AS HTTP状态, count(*) AS 次数,
       min(e.url) AS 示例网址, min(e.message) AS 示例信息
FROM fetch_errors e JOIN agencies a ON a.id = e.agency_id
WHERE e.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM fetch_errors))
GROUP BY a.name, e.kind, e.http_status
ORDER BY 次数 DESC
