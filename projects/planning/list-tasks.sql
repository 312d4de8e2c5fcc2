-- Planning tasks a user may see: of projects in the districts $1 (null: all), with the status $2 (null: any),
-- and with $3 a department id: only the open tasks inviting it that it has not answered yet (its inbox).
-- Nearest deadline first; $4 limit, $5 offset; `total` counts every match.
SELECT t.id, count(*) OVER () AS total
FROM planning_tasks t
JOIN projects p ON p.id = t.project_id
WHERE ($1::text[] IS NULL OR p.district_code = ANY($1::text[]))
  AND ($2::text IS NULL OR t.status = $2::text)
  AND ($3::int IS NULL OR (
    t.status = 'open'
    AND EXISTS (SELECT 1 FROM planning_task_departments d WHERE d.task_id = t.id AND d.department_id = $3::int)
    AND NOT EXISTS (SELECT 1 FROM planning_opinions o WHERE o.task_id = t.id AND o.department_id = $3::int)
  ))
ORDER BY t.deadline, t.id
LIMIT $4::int OFFSET $5::int
