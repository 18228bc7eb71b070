SELECT p.agency_id AS 单位, p.title AS 标题, p.published AS 发布日期, p.page_type AS 类型, p.url AS 网址
FROM pages p
WHERE (p.title LIKE '%' || :q || '%' OR p.text LIKE '%' || :q || '%')
  AND p.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM pages))
ORDER BY p.published DESC
LIMIT 200
