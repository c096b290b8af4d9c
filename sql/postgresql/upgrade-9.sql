-- IPA Server schema upgrade 8 -> 9: PostgreSQL. A flow that runs straight through writes one row.
-- Run it once on a version 8 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 8);
-- a new database gets the same from create.sql.

-- An ended flow (completed, cancelled) keeps its final state document in its own row; only flows
-- that have not ended keep theirs in flowexec_Storage. The documents of ended flows move there.
ALTER TABLE flowexec_Flows
    ADD COLUMN state_document TEXT;

UPDATE flowexec_Flows
    SET state_document = (SELECT s.state_document FROM flowexec_Storage s WHERE s.flow_id = flowexec_Flows.flow_id)
    WHERE status IN ('completed', 'cancelled');

DELETE FROM flowexec_Storage
    WHERE flow_id IN (SELECT f.flow_id FROM flowexec_Flows f WHERE f.state_document IS NOT NULL);

-- flowexec_Completion becomes a view of the ended flows' rows: nothing is written twice.
DROP TABLE flowexec_Completion;

CREATE VIEW flowexec_Completion AS
    SELECT flow_id, definition_name, definition_version, status AS final_status, launched_by,
        ended_at AS completed_at
    FROM flowexec_Flows
    WHERE status IN ('completed', 'cancelled');

-- Fewer indexes to write: the due-timer index gave way to ix_flows_jobs in version 7; searches by
-- process go by status and start time; the parent, storage and job indexes keep only the flows
-- their queries look for (with a parent, not ended, with a job).
DROP INDEX ix_flows_status_wake;

DROP INDEX ix_flows_definition;

CREATE INDEX ix_flows_definition ON flowexec_Flows (definition_name, status, started_at);

DROP INDEX ix_flows_parent;

CREATE INDEX ix_flows_parent ON flowexec_Flows (parent_flow_id)
    WHERE parent_flow_id IS NOT NULL;

DROP INDEX ix_flows_storage;

CREATE INDEX ix_flows_storage ON flowexec_Flows (storage_id, status)
    WHERE ended_at IS NULL;

DROP INDEX ix_flows_jobs;

CREATE INDEX ix_flows_jobs ON flowexec_Flows (storage_id, job, next_run_at)
    WHERE job IS NOT NULL;

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (9, CURRENT_TIMESTAMP);
