SELECT c.run_id AS 运行, c.agency_id AS 单位编号, a.name AS 单位, c.detail AS 未抓取完整的原因,
       c.pages AS 已抓取页面, c.errors AS 抓取失败, c.blocked AS 被拦截,
       CASE WHEN c.page_cap_reached THEN '是' ELSE '否' END AS 达到页数上限,
       c.section_links_left AS 未抓取的栏目链接, c.depth_cut_links AS 超过深度上限的栏目链接,
       c.pagination_left AS 未翻完的列表, c.section_errors AS 失败的栏目页面,
       CASE WHEN c.finished THEN '是' ELSE '否（被中断）' END AS 抓取已结束,
       (SELECT count(*) FROM findings f WHERE f.run_id = c.run_id AND f.agency_id = c.agency_id
          AND f.reason = 'incomplete_crawl') AS 因此无法核查的规则
FROM crawl_coverage c LEFT JOIN agencies a ON a.id = c.agency_id
WHERE c.run_id = coalesce(nullif(:run, ''), (SELECT max(run_id) FROM crawl_coverage)) AND c.complete = 0
ORDER BY c.agency_id
