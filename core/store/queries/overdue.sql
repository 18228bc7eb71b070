SELECT f.agency_name AS 单位, f.rule_title AS 要求, f.deadline AS 期限, f.evidence_date AS 实际发布,
       CAST(julianday(coalesce(f.evidence_date, date('now'))) - julianday(f.deadline) AS INTEGER) AS 逾期天数,
       f.evidence_url AS 证据网址, f.detail AS 说明
FROM findings_view f
WHERE f.status = 'fail' AND f.deadline IS NOT NULL AND f.deadline < date('now')
  AND f.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM findings))
ORDER BY 逾期天数 DESC
