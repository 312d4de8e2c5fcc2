-- Approval records (审批记录) on a project through its four stages, with legal time limits in working days.

-- Days that differ from the Monday-to-Friday rule: public holidays, and weekend days made working days (调休).
CREATE TABLE calendar_exceptions (
  day date PRIMARY KEY,
  is_working_day boolean NOT NULL,
  note text NOT NULL DEFAULT ''
);

CREATE FUNCTION is_working_day(d date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT is_working_day FROM calendar_exceptions WHERE day = d),
    extract(isodow FROM d) < 6
  );
$$;

-- The date on which a time limit of n working days, counted from the day after `start`, runs out.
CREATE FUNCTION add_working_days(start date, n int) RETURNS date
LANGUAGE plpgsql STABLE AS $$
DECLARE
  d date := start;
  left_days int := n;
BEGIN
  IF n < 0 THEN
    RAISE EXCEPTION 'working days must not be negative: %', n;
  END IF;
  WHILE left_days > 0 LOOP
    d := d + 1;
    IF is_working_day(d) THEN
      left_days := left_days - 1;
    END IF;
  END LOOP;
  RETURN d;
END;
$$;

CREATE TABLE approval_records (
  id bigserial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects (id),
  stage text NOT NULL CHECK (stage IN ('land_use_planning', 'construction_planning', 'construction', 'completion')),
  item text NOT NULL CHECK (item <> ''),
  department_id int NOT NULL REFERENCES departments (id),
  accepted_at timestamptz NOT NULL,
  decided_at timestamptz,
  time_limit_working_days int NOT NULL CHECK (time_limit_working_days > 0),
  status text NOT NULL CHECK (status IN ('in_progress', 'approved', 'rejected', 'withdrawn')),
  result text,
  document_no text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decided_at IS NULL OR decided_at >= accepted_at),
  CHECK ((status = 'in_progress') = (decided_at IS NULL))
);

CREATE INDEX approval_records_project_idx ON approval_records (project_id, stage);

-- Due date and overdue flag derived from the time limit (Asia/Shanghai calendar days).
CREATE VIEW approval_record_deadlines AS
SELECT
  r.id,
  add_working_days((r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date, r.time_limit_working_days) AS due_date,
  CASE
    WHEN r.decided_at IS NOT NULL THEN
      (r.decided_at AT TIME ZONE 'Asia/Shanghai')::date
        > add_working_days((r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date, r.time_limit_working_days)
    ELSE
      (now() AT TIME ZONE 'Asia/Shanghai')::date
        > add_working_days((r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date, r.time_limit_working_days)
  END AS overdue
FROM approval_records r;
