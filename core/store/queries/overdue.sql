WITH run AS (SELECT id, coalesce(as_of, date(started)) AS as_of FROM audit_runs
             WHERE id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM findings)))
SELECT f.agency_name AS 单位, f.rule_title AS 要求, f.deadline AS 期限, f.evidence_date AS 实际发布,
       CAST(julianday(coalesce(f.evidence_date, (SELECT as_of FROM run))) - julianday(f.deadline) AS INTEGER) AS 逾期天数,
       (SELECT as_of FROM run) AS 判断日期, f.evidence_url AS 证据网址, f.detail AS 说明
FROM findings_view f
WHERE f.status = 'fail' AND f.deadline IS NOT NULL AND f.deadline < (SELECT as_of FROM run)
  AND f.run_id = (SELECT id FROM run)
ORDER BY 逾期天数 DESC
