SELECT f.status_label AS 结论, f.rule_title AS 要求, f.deadline AS 期限, f.evidence_url AS 证据网址,
       f.evidence_title AS 证据标题, f.evidence_date AS 证据日期, f.detail AS 说明,
       strip_pinyin(f.quote) AS 通知原文, f.notice_title AS 通知, f.rule_id AS 规则,
       status_label(f.machine_status) AS 机器判断, f.override_reason AS 复核理由
FROM findings_view f
WHERE f.agency_id = :agency
  AND f.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM findings WHERE agency_id = :agency))
  AND f.status <> 'not_applicable'
ORDER BY CASE f.status WHEN 'fail' THEN 0 WHEN 'error' THEN 1 WHEN 'manual' THEN 2 ELSE 3 END, f.rule_id
