WITH current AS (SELECT coalesce(nullif(:run, ''), (SELECT max(run_id) FROM findings)) AS id),
     previous AS (SELECT max(run_id) AS id FROM findings WHERE run_id < (SELECT id FROM current))
SELECT a.name AS 单位, c.rule_id AS 规则, r.title AS 要求,
       CASE WHEN c.status = 'fail' AND p.status = 'pass' THEN '新增未通过'
            WHEN c.status = 'pass' AND p.status IN ('fail', 'error') THEN '新通过'
            WHEN c.status = 'error' THEN '新增无法核查'
            WHEN p.status = 'error' AND c.status = 'fail' THEN '恢复核查但未通过'
            ELSE '变化' END AS 变化,
       status_label(p.status) AS 上次结论, status_label(c.status) AS 本次结论, c.detail AS 说明
FROM findings c
JOIN findings p ON p.agency_id = c.agency_id AND p.rule_id = c.rule_id AND p.run_id = (SELECT id FROM previous)
JOIN agencies a ON a.id = c.agency_id
LEFT JOIN rules r ON r.rule_id = c.rule_id
WHERE c.run_id = (SELECT id FROM current) AND c.status <> p.status
ORDER BY 变化, a.name
