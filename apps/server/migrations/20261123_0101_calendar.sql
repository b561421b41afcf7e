-- The official working-day calendar (domain.md §4) as admin-editable data: public holidays and make-up
-- working days (调休上班) by local date, and the working hours of a working day. Weekends need no rows.
-- The official dates are loaded from the maintained `chinese-days` package by the calendar module the
-- first time the calendar is used (see calendar.seed.ts); each official year is loaded once and recorded
-- in calendar_official_years, so admin edits and deletions are never overwritten.
CREATE TABLE calendar_days (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'makeup_workday')),
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 50),
  -- 'chinese-days@<version>' for official data, 'admin' for dates entered or changed in the admin screen.
  source text NOT NULL DEFAULT 'admin',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE calendar_official_years (
  year integer PRIMARY KEY,
  source text NOT NULL,
  days integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- One row: the business time zone and the working-hours windows of a working day (local 'HH:MM').
CREATE TABLE calendar_settings (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  working_hours jsonb NOT NULL DEFAULT '[{"start":"08:30","end":"12:00"},{"start":"13:30","end":"17:30"}]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
INSERT INTO calendar_settings (id) VALUES (1);
