-- Approval records as append-only chains: a decision or a correction is a new record superseding the one
-- it revises; the current record of a chain is the one nothing supersedes. The catalogue of approval items
-- per stage with their legal time limits, the working-day arithmetic the records need, and the national
-- holiday arrangements (State Council notices) of 2025 and 2026.

ALTER TABLE approval_records
  ADD COLUMN supersedes_id bigint,
  -- registration: the application accepted (受理); decision: the outcome of an accepted record; correction: a
  -- record put right (wrong date, number or result), with the reason in note
  ADD COLUMN kind text NOT NULL DEFAULT 'registration' CHECK (kind IN ('registration', 'decision', 'correction')),
  ADD COLUMN note text NOT NULL DEFAULT '',
  ADD COLUMN recorded_by int REFERENCES users (id),
  ADD CONSTRAINT approval_records_id_project_key UNIQUE (id, project_id),
  -- a record supersedes at most one record of the same project, and is superseded at most once
  ADD CONSTRAINT approval_records_supersedes_key UNIQUE (supersedes_id),
  ADD CONSTRAINT approval_records_supersedes_fk FOREIGN KEY (supersedes_id, project_id)
    REFERENCES approval_records (id, project_id),
  ADD CONSTRAINT approval_records_kind_chain CHECK ((kind = 'registration') = (supersedes_id IS NULL)),
  ADD CONSTRAINT approval_records_correction_note CHECK (kind <> 'correction' OR note <> '');

CREATE TRIGGER approval_records_append_only
  BEFORE UPDATE OR DELETE ON approval_records
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The records that stand: those no other record supersedes.
CREATE VIEW current_approval_records AS
SELECT r.*
FROM approval_records r
WHERE NOT EXISTS (SELECT 1 FROM approval_records s WHERE s.supersedes_id = r.id);

-- Approval items (审批事项) of each stage with the department handling them and the legal time limit.
CREATE TABLE approval_item_catalogue (
  stage text NOT NULL CHECK (stage IN ('land_use_planning', 'construction_planning', 'construction', 'completion')),
  item text NOT NULL CHECK (item <> ''),
  department_code text NOT NULL CHECK (department_code ~ '^[a-z][a-z0-9_]{1,40}$'),
  time_limit_working_days int NOT NULL CHECK (time_limit_working_days > 0),
  position int NOT NULL CHECK (position > 0),
  PRIMARY KEY (stage, item),
  UNIQUE (stage, position)
);

INSERT INTO approval_item_catalogue (stage, item, department_code, time_limit_working_days, position) VALUES
  ('land_use_planning', '企业投资项目备案（核准）/政府投资项目审批', 'development_reform', 20, 1),
  ('land_use_planning', '建设项目用地预审与选址意见书核发', 'natural_resources', 20, 2),
  ('land_use_planning', '建设用地规划许可证核发', 'natural_resources', 20, 3),
  ('construction_planning', '建设工程设计方案审查', 'natural_resources', 15, 1),
  ('construction_planning', '建设工程规划许可证核发', 'natural_resources', 15, 2),
  ('construction', '施工图设计文件审查', 'housing_construction', 10, 1),
  ('construction', '人防工程设计审查', 'civil_air_defence', 10, 2),
  ('construction', '建筑工程施工许可证核发', 'housing_construction', 7, 3),
  ('completion', '规划条件核实', 'natural_resources', 10, 1),
  ('completion', '联合竣工验收', 'housing_construction', 12, 2),
  ('completion', '竣工验收备案', 'housing_construction', 5, 3);

-- Working days d with a < d <= b (negative when b lies before a): what a time limit counts.
CREATE FUNCTION working_days_between(a date, b date) RETURNS int
LANGUAGE sql STABLE AS $$
  SELECT sign(b - a)::int * count(*)::int
  FROM generate_series(least(a, b) + 1, greatest(a, b), interval '1 day') AS g (d)
  LEFT JOIN calendar_exceptions c ON c.day = g.d::date
  WHERE coalesce(c.is_working_day, extract(isodow FROM g.d) < 6);
$$;

-- 国务院办公厅关于2025年、2026年部分节假日安排的通知: every day of each holiday, and the weekend days
-- worked instead (调休上班).
INSERT INTO calendar_exceptions (day, is_working_day, note)
SELECT d::date, false, h.note
FROM (VALUES
  ('2025-01-01', '2025-01-01', '元旦'),
  ('2025-01-28', '2025-02-04', '春节'),
  ('2025-04-04', '2025-04-06', '清明节'),
  ('2025-05-01', '2025-05-05', '劳动节'),
  ('2025-05-31', '2025-06-02', '端午节'),
  ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ('2026-01-01', '2026-01-03', '元旦'),
  ('2026-02-15', '2026-02-23', '春节'),
  ('2026-04-04', '2026-04-06', '清明节'),
  ('2026-05-01', '2026-05-05', '劳动节'),
  ('2026-06-19', '2026-06-21', '端午节'),
  ('2026-09-25', '2026-09-27', '中秋节'),
  ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first_day, last_day, note)
CROSS JOIN LATERAL generate_series(h.first_day::date, h.last_day::date, interval '1 day') AS g (d)
ON CONFLICT (day) DO UPDATE SET is_working_day = EXCLUDED.is_working_day, note = EXCLUDED.note;

INSERT INTO calendar_exceptions (day, is_working_day, note) VALUES
  ('2025-01-26', true, '春节调休上班'),
  ('2025-02-08', true, '春节调休上班'),
  ('2025-04-27', true, '劳动节调休上班'),
  ('2025-09-28', true, '国庆节、中秋节调休上班'),
  ('2025-10-11', true, '国庆节、中秋节调休上班'),
  ('2026-01-04', true, '元旦调休上班'),
  ('2026-02-14', true, '春节调休上班'),
  ('2026-02-28', true, '春节调休上班'),
  ('2026-05-09', true, '劳动节调休上班'),
  ('2026-09-20', true, '国庆节调休上班'),
  ('2026-10-10', true, '国庆节调休上班')
ON CONFLICT (day) DO UPDATE SET is_working_day = EXCLUDED.is_working_day, note = EXCLUDED.note;
