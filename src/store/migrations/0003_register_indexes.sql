-- 0003: what the register screens filter on most (a department's records, in number order).
-- One index on the large table only: each index costs time on every import.
CREATE INDEX assets_department ON assets(department, number);
CREATE INDEX people_department ON people(department);
CREATE INDEX systems_department ON systems(department);
CREATE INDEX terminals_department ON terminals(department);
CREATE INDEX change_history_at ON change_history(at);
