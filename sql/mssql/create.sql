-- IPA Server schema, version 11: Microsoft SQL Server 2016 or later (T-SQL).
--
-- Creates the flow store (flowexec_*), the published definitions, the work items, the routing
-- tables (workgroups, skills, presence, licences), the access rights and the schema version row.
-- A DBA runs it by hand in the database the server's jdbc/ipa data source points at:
--   sqlcmd -S <server> -d ipa -I -b -i sql/mssql/create.sql
-- (-I: QUOTED_IDENTIFIER ON, which filtered indexes need.) Plain statements ended by ';', so the
-- same simple runner executes every script; a GO line stands only around CREATE VIEW, which SQL
-- Server wants alone in its batch, and the runner skips it. Checked on H2 in MODE=MSSQLServer by
-- the tests (without the filters of filtered indexes, which H2 lacks) and by review (no SQL Server here).
-- Types: NVARCHAR for all text, including ids (mssql-jdbc sends strings as NVARCHAR by default,
-- and an NVARCHAR parameter against a VARCHAR column can turn an index seek into a scan), NVARCHAR(MAX) for
-- documents, DATETIME2(6) for timestamps.

-- One row per flow: who owns it (storage_id), where it stands, what it waits on; once the flow has
-- ended, also its final state document (state_document), so that an ended flow is this one row.
CREATE TABLE flowexec_Flows (
    flow_id             NVARCHAR(36)  NOT NULL,
    definition_name     NVARCHAR(128) NOT NULL,
    definition_version  INT           NOT NULL,
    status              NVARCHAR(24)  NOT NULL,
    current_state       NVARCHAR(128),
    storage_id          NVARCHAR(36)  NOT NULL,
    launched_by         NVARCHAR(128) NOT NULL,
    parent_flow_id      NVARCHAR(36),
    depth               INT           NOT NULL,
    waiting_on          NVARCHAR(512),
    wake_at             DATETIME2(6),
    started_at          DATETIME2(6)  NOT NULL,
    updated_at          DATETIME2(6)  NOT NULL,
    ended_at            DATETIME2(6),
    error_message       NVARCHAR(2000),
    row_version         BIGINT        NOT NULL,
    job                 NVARCHAR(8),
    next_run_at         DATETIME2(6),
    job_attempts        INT           DEFAULT 0 NOT NULL,
    lease_until         DATETIME2(6),
    owner_epoch         BIGINT        DEFAULT 0 NOT NULL,
    error_step          NVARCHAR(512),
    state_document      NVARCHAR(MAX),
    CONSTRAINT pk_flowexec_flows PRIMARY KEY (flow_id)
);

-- Searches (the API's filters, newest first): by process and status, status, state, launcher, all.
CREATE INDEX ix_flows_definition ON flowexec_Flows (definition_name, status, started_at);
CREATE INDEX ix_flows_status_started ON flowexec_Flows (status, started_at);
CREATE INDEX ix_flows_state ON flowexec_Flows (current_state, status, started_at);
CREATE INDEX ix_flows_launched_by ON flowexec_Flows (launched_by, started_at);
CREATE INDEX ix_flows_started ON flowexec_Flows (started_at);
-- Reporting passes: what ended since the last one.
CREATE INDEX ix_flows_ended ON flowexec_Flows (ended_at);
-- The next three are filtered: a flow that ended, has no parent or no job is not in them, so a
-- straight-through flow writes only the five search indexes. Filtered indexes need QUOTED_IDENTIFIER
-- ON when they are made and written (mssql-jdbc sets it; run sqlcmd with -I).
-- The child flows of a flow (cancelling it cancels them).
CREATE INDEX ix_flows_parent ON flowexec_Flows (parent_flow_id)
    WHERE parent_flow_id IS NOT NULL;
-- Take-over and restore: the flows one storage ID owns that have not ended.
CREATE INDEX ix_flows_storage ON flowexec_Flows (storage_id, status)
    WHERE ended_at IS NULL;
-- Due jobs of one owner (timers, external calls, retries).
CREATE INDEX ix_flows_jobs ON flowexec_Flows (storage_id, job, next_run_at)
    WHERE job IS NOT NULL;

-- The durable execution state of a flow that has not ended: one document, written at each wait point.
-- When the flow ends, its final document moves to its row in flowexec_Flows and this row goes.
CREATE TABLE flowexec_Storage (
    flow_id             NVARCHAR(36)  NOT NULL,
    state_document      NVARCHAR(MAX) NOT NULL,
    updated_at          DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_flowexec_storage PRIMARY KEY (flow_id),
    CONSTRAINT fk_storage_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

-- Flows that have ended (completed or cancelled), for reporting: a view of their rows, which hold
-- their final record, under the name the original product gives this table.
GO
CREATE VIEW flowexec_Completion AS
    SELECT flow_id, definition_name, definition_version, status AS final_status, launched_by,
        ended_at AS completed_at
    FROM flowexec_Flows
    WHERE status IN ('completed', 'cancelled');
GO

-- Published process definitions, one row per version; source is the JSON document. A test version
-- (test_version) runs only for designers and is never the "latest" others launch.
CREATE TABLE ipa_Definitions (
    definition_name     NVARCHAR(128) NOT NULL,
    definition_version  INT           NOT NULL,
    description         NVARCHAR(1000),
    published_at        DATETIME2(6)  NOT NULL,
    published_by        NVARCHAR(128) NOT NULL,
    source              NVARCHAR(MAX) NOT NULL,
    test_version        BIT           DEFAULT 0 NOT NULL,
    CONSTRAINT pk_ipa_definitions PRIMARY KEY (definition_name, definition_version)
);

-- Work items: forms sent by flows to a user or to a workgroup queue; owner is who holds it now.
CREATE TABLE ipa_WorkItems (
    work_item_id        NVARCHAR(36)   NOT NULL,
    flow_id             NVARCHAR(36)   NOT NULL,
    action_path         NVARCHAR(512)  NOT NULL,
    form_name           NVARCHAR(128)  NOT NULL,
    category            NVARCHAR(128),
    description         NVARCHAR(1000),
    routed_user         NVARCHAR(128),
    workgroup           NVARCHAR(128),
    required_skills     NVARCHAR(1000),
    status              NVARCHAR(24)   NOT NULL,
    owner               NVARCHAR(128),
    draft               NVARCHAR(MAX),
    exit_button         NVARCHAR(128),
    deadline            DATETIME2(6),
    created_at          DATETIME2(6) NOT NULL,
    updated_at          DATETIME2(6) NOT NULL,
    completed_at        DATETIME2(6),
    completed_by        NVARCHAR(128),
    row_version         BIGINT        NOT NULL,
    picked_up_at        DATETIME2(6),
    CONSTRAINT pk_ipa_workitems PRIMARY KEY (work_item_id),
    CONSTRAINT fk_workitem_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_workitems_owner ON ipa_WorkItems (status, owner);
CREATE INDEX ix_workitems_workgroup ON ipa_WorkItems (status, workgroup);
CREATE INDEX ix_workitems_flow ON ipa_WorkItems (flow_id);
-- Reporting passes: the work items completed since the last one.
CREATE INDEX ix_workitems_completed ON ipa_WorkItems (completed_at)
    WHERE completed_at IS NOT NULL;

-- Workgroups: the queues whose items go to their best-skilled available member.
CREATE TABLE ipa_Workgroups (
    workgroup_name      NVARCHAR(128) NOT NULL,
    description         NVARCHAR(1000),
    CONSTRAINT pk_ipa_workgroups PRIMARY KEY (workgroup_name)
);

-- Members of a workgroup: users of the server's realm, by name (the realm keeps the users themselves).
CREATE TABLE ipa_WorkgroupMembers (
    workgroup_name      NVARCHAR(128) NOT NULL,
    user_name           NVARCHAR(128) NOT NULL,
    CONSTRAINT pk_ipa_workgroupmembers PRIMARY KEY (workgroup_name, user_name),
    CONSTRAINT fk_members_workgroup FOREIGN KEY (workgroup_name)
        REFERENCES ipa_Workgroups (workgroup_name) ON DELETE CASCADE
);

-- The workgroups a user belongs to.
CREATE INDEX ix_members_user ON ipa_WorkgroupMembers (user_name);

-- A user's skills, each at a level from 1 to 100.
CREATE TABLE ipa_UserSkills (
    user_name           NVARCHAR(128) NOT NULL,
    skill               NVARCHAR(64)  NOT NULL,
    skill_level         INT           NOT NULL,
    CONSTRAINT pk_ipa_userskills PRIMARY KEY (user_name, skill),
    CONSTRAINT ck_userskills_level CHECK (skill_level BETWEEN 1 AND 100)
);

-- A user's presence (available, away, do-not-disturb); no row = away.
CREATE TABLE ipa_UserPresence (
    user_name           NVARCHAR(128) NOT NULL,
    presence            NVARCHAR(24)  NOT NULL,
    changed_at          DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_ipa_userpresence PRIMARY KEY (user_name)
);

-- A user's licence (DIRECT_ROUTED < GROUP_ROUTED < PROCESS_MONITOR < PROCESS_DESIGNER); no row = DIRECT_ROUTED.
CREATE TABLE ipa_UserLicences (
    user_name           NVARCHAR(128) NOT NULL,
    licence             NVARCHAR(24)  NOT NULL,
    CONSTRAINT pk_ipa_userlicences PRIMARY KEY (user_name)
);

-- Reporting: the values of variables flagged "report", one row each time a wait point or the end
-- commits a new value. Variables under a security specification are never reported.
CREATE TABLE ipa_VariableReports (
    report_id           NVARCHAR(36)   NOT NULL,
    flow_id             NVARCHAR(36)   NOT NULL,
    definition_name     NVARCHAR(128)  NOT NULL,
    variable_name       NVARCHAR(128)  NOT NULL,
    value_text          NVARCHAR(2000),
    recorded_at         DATETIME2(6) NOT NULL,
    CONSTRAINT pk_ipa_variablereports PRIMARY KEY (report_id),
    CONSTRAINT fk_report_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_reports_flow ON ipa_VariableReports (flow_id);
CREATE INDEX ix_reports_variable ON ipa_VariableReports (definition_name, variable_name, recorded_at);

-- Related interactions: external interaction IDs (calls, chats, emails) associated with a flow.
CREATE TABLE ipa_RelatedInteractions (
    flow_id             NVARCHAR(36)   NOT NULL,
    interaction_id      NVARCHAR(128)  NOT NULL,
    attached_by         NVARCHAR(128)  NOT NULL,
    attached_at         DATETIME2(6) NOT NULL,
    CONSTRAINT pk_ipa_relatedinteractions PRIMARY KEY (flow_id, interaction_id),
    CONSTRAINT fk_interaction_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_interactions_id ON ipa_RelatedInteractions (interaction_id);

-- Access rights administered per process: Launch, View or Manage on a process (or * for all) for
-- a user, the members of a workgroup or the holders of an application role. The roles ipa-launch,
-- ipa-view and ipa-manage grant their right on every process without a row here.
CREATE TABLE ipa_ProcessRights (
    grant_id            NVARCHAR(36)   NOT NULL,
    principal_kind      NVARCHAR(16)   NOT NULL,
    principal_name      NVARCHAR(128)  NOT NULL,
    access_right        NVARCHAR(16)   NOT NULL,
    process_name        NVARCHAR(128)  NOT NULL,
    CONSTRAINT pk_ipa_processrights PRIMARY KEY (grant_id),
    CONSTRAINT uq_processrights_grant UNIQUE (principal_kind, principal_name, access_right, process_name),
    CONSTRAINT ck_processrights_kind CHECK (principal_kind IN ('user', 'workgroup', 'role')),
    CONSTRAINT ck_processrights_right CHECK (access_right IN ('LAUNCH', 'VIEW', 'MANAGE'))
);

-- The grants of a caller: by their name, their workgroups' names or a role.
CREATE INDEX ix_rights_principal ON ipa_ProcessRights (principal_kind, principal_name);

-- Which schema version this database holds; upgrade scripts add rows.
CREATE TABLE ipa_SchemaVersion (
    version             INT           NOT NULL,
    applied_at          DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_ipa_schemaversion PRIMARY KEY (version)
);

-- The server instances sharing this database: each storage ID's current registration. The epoch
-- goes up at each registration; the incarnation is the server process holding it; lease_until is
-- renewed by its heartbeat: a storage ID whose lease runs is not given to another instance.
CREATE TABLE ipa_Instances (
    storage_id          NVARCHAR(36)  NOT NULL,
    epoch               BIGINT        NOT NULL,
    incarnation         NVARCHAR(36)  NOT NULL,
    status              NVARCHAR(16)  NOT NULL,
    host                NVARCHAR(255),
    started_at          DATETIME2(6)  NOT NULL,
    heartbeat_at        DATETIME2(6)  NOT NULL,
    lease_until         DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_ipa_instances PRIMARY KEY (storage_id)
);

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

-- The live monitor's journal of flow events, written only while a monitor subscription is active
-- (ipa_MonitorState.active_until ahead of now), in the transaction of the change it tells; numbered
-- by ipa_MonitorSeq so that a client that reconnects asks for what came after its last number.
-- Events older than 15 minutes are purged.
CREATE SEQUENCE ipa_MonitorSeq
    AS BIGINT START WITH 1 INCREMENT BY 1;

CREATE TABLE ipa_MonitorEvents (
    seq                 BIGINT        DEFAULT NEXT VALUE FOR ipa_MonitorSeq NOT NULL,
    flow_id             NVARCHAR(36),
    process             NVARCHAR(128),
    version             INT,
    kind                NVARCHAR(32)  NOT NULL,
    at_time             DATETIME2(6)  NOT NULL,
    payload             NVARCHAR(MAX) NOT NULL,
    CONSTRAINT pk_ipa_monitorevents PRIMARY KEY (seq)
);

CREATE INDEX ix_monitor_events_time ON ipa_MonitorEvents (at_time);

-- One row: until when events are recorded (a subscriber keeps it 5 minutes ahead), and the number
-- after which the journal is complete (a client whose last number is older may have missed events:
-- purged, or not recorded while nobody watched).
CREATE TABLE ipa_MonitorState (
    id                  INT           NOT NULL,
    active_until        DATETIME2(6)  NOT NULL,
    complete_after      BIGINT        NOT NULL,
    CONSTRAINT pk_ipa_monitorstate PRIMARY KEY (id)
);

INSERT INTO ipa_MonitorState (id, active_until, complete_after) VALUES (1, '2000-01-01 00:00:00', 0);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (12, CURRENT_TIMESTAMP);
