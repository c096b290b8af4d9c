-- IPA Server schema upgrade 1 -> 2: SQL Server. Adds the work items.
-- Run it once on a version 1 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 1);
-- a new database gets the same from create.sql. The embedded H2 default applies it at start.

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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (2, CURRENT_TIMESTAMP);
