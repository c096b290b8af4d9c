-- IPA Server schema upgrade 9 -> 10: SQL Server. Reports: flows per day, time in each state, work-item times;
-- searches by state newest first.
-- Run it once on a version 9 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 9);
-- a new database gets the same from create.sql. Run it with sqlcmd -I (QUOTED_IDENTIFIER ON:
-- filtered indexes need it).

-- When a work item was first picked up: waiting time ends there, handling time starts.
ALTER TABLE ipa_WorkItems
    ADD picked_up_at        DATETIME2(6);

-- A search by state (and status) is answered newest first from the index, without sorting every match.
DROP INDEX ix_flows_state
    ON flowexec_Flows;

CREATE INDEX ix_flows_state ON flowexec_Flows (current_state, status, started_at);

-- The passes that make the rollups read what ended, and which work items were completed, since the last pass.
CREATE INDEX ix_flows_ended ON flowexec_Flows (ended_at);

CREATE INDEX ix_workitems_completed ON ipa_WorkItems (completed_at)
    WHERE completed_at IS NOT NULL;

-- Reporting: rollups per day (UTC) made by a periodic pass over what happened since the last one,
-- so that a report reads a few rows per day however many flows there were. ipa_ReportCursor holds
-- how far the passes have got; what came after is added from the flows themselves when a report
-- is read. Durations are kept as histograms (counts per bucket of a quarter of a doubling,
-- "bucket:count,..."), which add up across days and give p50 and p90 within 10 %. The cursor starts
-- in 2000 so that the first pass also reports the flows that were there before.
CREATE TABLE ipa_ReportDays (
    definition_name     NVARCHAR(128)  NOT NULL,
    definition_version  INT           NOT NULL,
    report_day          DATE          NOT NULL,
    launched            BIGINT        NOT NULL,
    completed           BIGINT        NOT NULL,
    failed              BIGINT        NOT NULL,
    cancelled           BIGINT        NOT NULL,
    CONSTRAINT pk_ipa_reportdays PRIMARY KEY (definition_name, definition_version, report_day)
);

CREATE TABLE ipa_ReportStateTimes (
    definition_name     NVARCHAR(128)  NOT NULL,
    definition_version  INT           NOT NULL,
    report_day          DATE          NOT NULL,
    state_name          NVARCHAR(128)  NOT NULL,
    visits              BIGINT        NOT NULL,
    total_millis        BIGINT        NOT NULL,
    histogram           NVARCHAR(4000) NOT NULL,
    CONSTRAINT pk_ipa_reportstatetimes PRIMARY KEY (definition_name, definition_version, report_day, state_name)
);

-- Work items completed per workgroup and day ('' for items sent to a user): waiting is from sent
-- to first picked up, handling from first picked up to completed.
CREATE TABLE ipa_ReportWorkTimes (
    workgroup           NVARCHAR(128)  NOT NULL,
    report_day          DATE          NOT NULL,
    items               BIGINT        NOT NULL,
    waiting_histogram   NVARCHAR(4000) NOT NULL,
    handling_histogram  NVARCHAR(4000) NOT NULL,
    CONSTRAINT pk_ipa_reportworktimes PRIMARY KEY (workgroup, report_day)
);

CREATE TABLE ipa_ReportCursor (
    cursor_name         NVARCHAR(32)   NOT NULL,
    reached_at          DATETIME2(6)     NOT NULL,
    CONSTRAINT pk_ipa_reportcursor PRIMARY KEY (cursor_name)
);

INSERT INTO ipa_ReportCursor (cursor_name, reached_at) VALUES ('rollups', '2000-01-01 00:00:00');

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (10, CURRENT_TIMESTAMP);
