SELECT s.run_id AS 运行, s.agency_id AS 单位, s.percent AS 得分率
FROM scores s WHERE s.percent IS NOT NULL [[ AND s.agency_id = :agency ]]
ORDER BY s.run_id
