-- IPA Server schema upgrade 1 -> 2: H2 2.2. Adds the work items.
-- Run it once on a version 1 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 1);
-- a new database gets the same from create.sql. The embedded H2 default applies it at start.

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
    draft               CLOB,
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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (2, CURRENT_TIMESTAMP);
