-- IPA Server schema, version 6: Microsoft SQL Server 2016 or later (T-SQL).
--
-- Creates the flow store (flowexec_*), the published definitions, the work items, the routing
-- tables (workgroups, skills, presence, licences), the access rights and the schema version row.
-- A DBA runs it by hand in the database the server's jdbc/ipa data source points at:
--   sqlcmd -S <server> -d ipa -b -i sql/mssql/create.sql
-- Plain statements ended by ';' (no GO batches), so the same simple runner executes every script;
-- it is checked on H2 in MODE=MSSQLServer by the tests and by review (no SQL Server here).
-- Types: NVARCHAR for all text, including ids (mssql-jdbc sends strings as NVARCHAR by default,
-- and an NVARCHAR parameter against a VARCHAR column can turn an index seek into a scan), NVARCHAR(MAX) for
-- documents, DATETIME2(6) for timestamps.

-- One row per flow: who owns it (storage_id), where it stands, what it waits on.
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
    CONSTRAINT pk_flowexec_flows PRIMARY KEY (flow_id)
);

-- Due timers: status = 'waiting' AND wake_at <= now.
CREATE INDEX ix_flows_status_wake ON flowexec_Flows (status, wake_at);
CREATE INDEX ix_flows_definition ON flowexec_Flows (definition_name, definition_version, status);
CREATE INDEX ix_flows_status_started ON flowexec_Flows (status, started_at);
CREATE INDEX ix_flows_state ON flowexec_Flows (current_state, status);
CREATE INDEX ix_flows_launched_by ON flowexec_Flows (launched_by, started_at);
CREATE INDEX ix_flows_parent ON flowexec_Flows (parent_flow_id);
-- Take-over and restore: the flows one storage ID owns.
CREATE INDEX ix_flows_storage ON flowexec_Flows (storage_id, status);
CREATE INDEX ix_flows_started ON flowexec_Flows (started_at);
-- Due jobs of one owner (timers, external calls, retries).
CREATE INDEX ix_flows_jobs ON flowexec_Flows (storage_id, job, next_run_at);

-- The flow's durable execution state, one document written at each wait point.
CREATE TABLE flowexec_Storage (
    flow_id             NVARCHAR(36)  NOT NULL,
    state_document      NVARCHAR(MAX) NOT NULL,
    updated_at          DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_flowexec_storage PRIMARY KEY (flow_id),
    CONSTRAINT fk_storage_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

-- Flows that have ended (completed, cancelled, error), for reporting.
CREATE TABLE flowexec_Completion (
    flow_id             NVARCHAR(36)  NOT NULL,
    definition_name     NVARCHAR(128) NOT NULL,
    definition_version  INT           NOT NULL,
    final_status        NVARCHAR(24)  NOT NULL,
    launched_by         NVARCHAR(128) NOT NULL,
    completed_at        DATETIME2(6)  NOT NULL,
    CONSTRAINT pk_flowexec_completion PRIMARY KEY (flow_id),
    CONSTRAINT fk_completion_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_completion_definition ON flowexec_Completion (definition_name, completed_at);

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
    CONSTRAINT pk_ipa_workitems PRIMARY KEY (work_item_id),
    CONSTRAINT fk_workitem_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_workitems_owner ON ipa_WorkItems (owner, status);
CREATE INDEX ix_workitems_workgroup ON ipa_WorkItems (workgroup, status);
CREATE INDEX ix_workitems_flow ON ipa_WorkItems (flow_id);

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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (7, CURRENT_TIMESTAMP);
