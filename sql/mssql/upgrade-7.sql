-- IPA Server schema upgrade 6 -> 7: SQL Server. Deferred work becomes leased jobs on the flow's row.
-- Run it once on a version 6 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 6);
-- a new database gets the same from create.sql.

-- job: what the flow's deferred work is ('timer': resume at next_run_at; 'call': an external call).
-- lease_until: set while a worker of the owner (storage_id, owner_epoch) holds the job.
-- job_attempts: failed attempts so far; error_step: the action an incident stopped at.
ALTER TABLE flowexec_Flows
    ADD job NVARCHAR(8);

ALTER TABLE flowexec_Flows
    ADD next_run_at DATETIME2(6);

ALTER TABLE flowexec_Flows
    ADD job_attempts INT DEFAULT 0 NOT NULL;

ALTER TABLE flowexec_Flows
    ADD lease_until DATETIME2(6);

ALTER TABLE flowexec_Flows
    ADD owner_epoch BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE flowexec_Flows
    ADD error_step NVARCHAR(512);

-- Flows waiting on a timer before the upgrade keep it as their job.
UPDATE flowexec_Flows
    SET job = 'timer', next_run_at = wake_at WHERE status = 'waiting' AND wake_at IS NOT NULL;

-- Due jobs of one owner: storage_id = ? AND job IS NOT NULL AND next_run_at <= now.
CREATE INDEX ix_flows_jobs ON flowexec_Flows (storage_id, job, next_run_at);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (7, CURRENT_TIMESTAMP);
