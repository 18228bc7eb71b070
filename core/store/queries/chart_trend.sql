SELECT s.run_id AS 运行, a.name AS 单位, s.percent AS 得分率
FROM scores s JOIN agencies a ON a.id = s.agency_id WHERE s.percent IS NOT NULL [[ AND s.agency_id = :agency ]]
ORDER BY s.run_id
