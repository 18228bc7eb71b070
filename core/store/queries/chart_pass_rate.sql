SELECT coalesce(r.title, f.rule_id) AS 规则, round(100.0 * sum(f.status = 'pass') / count(*), 1) AS 通过率
FROM findings f LEFT JOIN rules r ON r.rule_id = f.rule_id
WHERE f.status IN ('pass', 'fail') AND f.run_id = (SELECT max(run_id) FROM findings)
GROUP BY f.rule_id ORDER BY 通过率
