-- IPA Server schema upgrade 3 -> 4: PostgreSQL. Adds reporting of variables and related interactions.
-- Run it once on a version 3 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 3);
-- a new database gets the same from create.sql. The embedded H2 default applies it at start.

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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (4, CURRENT_TIMESTAMP);
