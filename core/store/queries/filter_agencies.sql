SELECT id FROM agencies ORDER BY id
