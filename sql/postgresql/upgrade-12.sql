-- IPA Server schema upgrade 11 -> 12: PostgreSQL. The open work items of a user or a workgroup are
-- found by status first.
-- Run it once on a version 11 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 11);
-- a new database gets the same from create.sql.

-- A user's or a workgroup's open items are a few among all the items they ever completed: the
-- status is the selective column. With the owner first, the plans measured on PostgreSQL read
-- every item of the owner and filtered the status (3.5 ms for 20,000 items, growing with them).
DROP INDEX ix_workitems_owner;
CREATE INDEX ix_workitems_owner ON ipa_WorkItems (status, owner);
DROP INDEX ix_workitems_workgroup;
CREATE INDEX ix_workitems_workgroup ON ipa_WorkItems (status, workgroup);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (12, CURRENT_TIMESTAMP);
