SELECT f.agency_name AS 单位, f.level_label AS 级别, f.status_label AS 结论, f.deadline AS 期限,
       f.evidence_url AS 证据网址, f.evidence_date AS 证据日期, f.detail AS 说明, f.agency_id AS 单位编号
FROM findings_view f
WHERE f.rule_id = :rule
  AND f.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM findings))
  AND f.status <> 'not_applicable'
ORDER BY CASE f.status WHEN 'fail' THEN 0 WHEN 'error' THEN 1 ELSE 2 END, f.agency_name
