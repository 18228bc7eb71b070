SELECT rule_id AS 规则, round(100.0 * sum(status = 'pass') / count(*), 1) AS 通过率
FROM findings WHERE status IN ('pass', 'fail') AND run_id = (SELECT max(run_id) FROM findings)
GROUP BY rule_id ORDER BY 通过率
