-- IPA Server schema, version 6: PostgreSQL 13 or later.
--
-- Creates the flow store (flowexec_*), the published definitions, the work items, the routing
-- tables (workgroups, skills, presence, licences), the access rights and the schema version row.
-- A DBA runs it by hand, in the database (and schema, through search_path) the server's
-- jdbc/ipa data source points at:  psql -v ON_ERROR_STOP=1 -d ipa -f sql/postgresql/create.sql
-- Unquoted names: PostgreSQL stores them lower-case (flowexec_flows); the application never quotes them.
-- Statements end with ';' at the end of a line: one simple runner executes every script.

-- One row per flow: who owns it (storage_id), where it stands, what it waits on.
CREATE TABLE flowexec_Flows (
    flow_id             VARCHAR(36)   NOT NULL,
    definition_name     VARCHAR(128)  NOT NULL,
    definition_version  INT           NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    current_state       VARCHAR(128),
    storage_id          VARCHAR(36)   NOT NULL,
    launched_by         VARCHAR(128)  NOT NULL,
    parent_flow_id      VARCHAR(36),
    depth               INT           NOT NULL,
    waiting_on          VARCHAR(512),
    wake_at             TIMESTAMP,
    started_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    ended_at            TIMESTAMP,
    error_message       VARCHAR(2000),
    row_version         BIGINT        NOT NULL,
    job                 VARCHAR(8),
    next_run_at         TIMESTAMP,
    job_attempts        INT           DEFAULT 0 NOT NULL,
    lease_until         TIMESTAMP,
    owner_epoch         BIGINT        DEFAULT 0 NOT NULL,
    error_step          VARCHAR(512),
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

-- The flow's durable execution state, one document written at each wait point (TEXT: no size limit).
CREATE TABLE flowexec_Storage (
    flow_id             VARCHAR(36)   NOT NULL,
    state_document      TEXT          NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_flowexec_storage PRIMARY KEY (flow_id),
    CONSTRAINT fk_storage_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

-- Flows that have ended (completed, cancelled, error), for reporting.
CREATE TABLE flowexec_Completion (
    flow_id             VARCHAR(36)   NOT NULL,
    definition_name     VARCHAR(128)  NOT NULL,
    definition_version  INT           NOT NULL,
    final_status        VARCHAR(24)   NOT NULL,
    launched_by         VARCHAR(128)  NOT NULL,
    completed_at        TIMESTAMP     NOT NULL,
    CONSTRAINT pk_flowexec_completion PRIMARY KEY (flow_id),
    CONSTRAINT fk_completion_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_completion_definition ON flowexec_Completion (definition_name, completed_at);

-- Published process definitions, one row per version; source is the JSON document. A test version
-- (test_version) runs only for designers and is never the "latest" others launch.
CREATE TABLE ipa_Definitions (
    definition_name     VARCHAR(128)  NOT NULL,
    definition_version  INT           NOT NULL,
    description         VARCHAR(1000),
    published_at        TIMESTAMP     NOT NULL,
    published_by        VARCHAR(128)  NOT NULL,
    source              TEXT          NOT NULL,
    test_version        BOOLEAN       DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_ipa_definitions PRIMARY KEY (definition_name, definition_version)
);

-- Work items: forms sent by flows to a user or to a workgroup queue; owner is who holds it now.
CREATE TABLE ipa_WorkItems (
    work_item_id        VARCHAR(36)   NOT NULL,
    flow_id             VARCHAR(36)   NOT NULL,
    action_path         VARCHAR(512)  NOT NULL,
    form_name           VARCHAR(128)  NOT NULL,
    category            VARCHAR(128),
    description         VARCHAR(1000),
    routed_user         VARCHAR(128),
    workgroup           VARCHAR(128),
    required_skills     VARCHAR(1000),
    status              VARCHAR(24)   NOT NULL,
    owner               VARCHAR(128),
    draft               TEXT,
    exit_button         VARCHAR(128),
    deadline            TIMESTAMP,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    completed_at        TIMESTAMP,
    completed_by        VARCHAR(128),
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
    workgroup_name      VARCHAR(128)  NOT NULL,
    description         VARCHAR(1000),
    CONSTRAINT pk_ipa_workgroups PRIMARY KEY (workgroup_name)
);

-- Members of a workgroup: users of the server's realm, by name (the realm keeps the users themselves).
CREATE TABLE ipa_WorkgroupMembers (
    workgroup_name      VARCHAR(128)  NOT NULL,
    user_name           VARCHAR(128)  NOT NULL,
    CONSTRAINT pk_ipa_workgroupmembers PRIMARY KEY (workgroup_name, user_name),
    CONSTRAINT fk_members_workgroup FOREIGN KEY (workgroup_name)
        REFERENCES ipa_Workgroups (workgroup_name) ON DELETE CASCADE
);

-- The workgroups a user belongs to.
CREATE INDEX ix_members_user ON ipa_WorkgroupMembers (user_name);

-- A user's skills, each at a level from 1 to 100.
CREATE TABLE ipa_UserSkills (
    user_name           VARCHAR(128)  NOT NULL,
    skill               VARCHAR(64)   NOT NULL,
    skill_level         INT           NOT NULL,
    CONSTRAINT pk_ipa_userskills PRIMARY KEY (user_name, skill),
    CONSTRAINT ck_userskills_level CHECK (skill_level BETWEEN 1 AND 100)
);

-- A user's presence (available, away, do-not-disturb); no row = away.
CREATE TABLE ipa_UserPresence (
    user_name           VARCHAR(128)  NOT NULL,
    presence            VARCHAR(24)   NOT NULL,
    changed_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_ipa_userpresence PRIMARY KEY (user_name)
);

-- A user's licence (DIRECT_ROUTED < GROUP_ROUTED < PROCESS_MONITOR < PROCESS_DESIGNER); no row = DIRECT_ROUTED.
CREATE TABLE ipa_UserLicences (
    user_name           VARCHAR(128)  NOT NULL,
    licence             VARCHAR(24)   NOT NULL,
    CONSTRAINT pk_ipa_userlicences PRIMARY KEY (user_name)
);

-- Reporting: the values of variables flagged "report", one row each time a wait point or the end
-- commits a new value. Variables under a security specification are never reported.
CREATE TABLE ipa_VariableReports (
    report_id           VARCHAR(36)   NOT NULL,
    flow_id             VARCHAR(36)   NOT NULL,
    definition_name     VARCHAR(128)  NOT NULL,
    variable_name       VARCHAR(128)  NOT NULL,
    value_text          VARCHAR(2000),
    recorded_at         TIMESTAMP NOT NULL,
    CONSTRAINT pk_ipa_variablereports PRIMARY KEY (report_id),
    CONSTRAINT fk_report_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_reports_flow ON ipa_VariableReports (flow_id);
CREATE INDEX ix_reports_variable ON ipa_VariableReports (definition_name, variable_name, recorded_at);

-- Related interactions: external interaction IDs (calls, chats, emails) associated with a flow.
CREATE TABLE ipa_RelatedInteractions (
    flow_id             VARCHAR(36)   NOT NULL,
    interaction_id      VARCHAR(128)  NOT NULL,
    attached_by         VARCHAR(128)  NOT NULL,
    attached_at         TIMESTAMP NOT NULL,
    CONSTRAINT pk_ipa_relatedinteractions PRIMARY KEY (flow_id, interaction_id),
    CONSTRAINT fk_interaction_flow FOREIGN KEY (flow_id)
        REFERENCES flowexec_Flows (flow_id) ON DELETE CASCADE
);

CREATE INDEX ix_interactions_id ON ipa_RelatedInteractions (interaction_id);

-- Access rights administered per process: Launch, View or Manage on a process (or * for all) for
-- a user, the members of a workgroup or the holders of an application role. The roles ipa-launch,
-- ipa-view and ipa-manage grant their right on every process without a row here.
CREATE TABLE ipa_ProcessRights (
    grant_id            VARCHAR(36)   NOT NULL,
    principal_kind      VARCHAR(16)   NOT NULL,
    principal_name      VARCHAR(128)  NOT NULL,
    access_right        VARCHAR(16)   NOT NULL,
    process_name        VARCHAR(128)  NOT NULL,
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
    applied_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_ipa_schemaversion PRIMARY KEY (version)
);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (7, CURRENT_TIMESTAMP);
