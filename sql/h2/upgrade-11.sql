-- IPA Server schema upgrade 10 -> 11: H2 2.2. The live monitor's journal of flow events.
-- Run it once on a version 10 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 10);
-- a new database gets the same from create.sql.

-- The live monitor's journal of flow events, written only while a monitor subscription is active
-- (ipa_MonitorState.active_until ahead of now), in the transaction of the change it tells; numbered
-- by ipa_MonitorSeq so that a client that reconnects asks for what came after its last number.
-- Events older than 15 minutes are purged.
CREATE SEQUENCE ipa_MonitorSeq
    AS BIGINT START WITH 1 INCREMENT BY 1;

CREATE TABLE ipa_MonitorEvents (
    seq                 BIGINT        DEFAULT NEXT VALUE FOR ipa_MonitorSeq NOT NULL,
    flow_id             VARCHAR(36),
    process             VARCHAR(128),
    version             INT,
    kind                VARCHAR(32)   NOT NULL,
    at_time             TIMESTAMP     NOT NULL,
    payload             CLOB          NOT NULL,
    CONSTRAINT pk_ipa_monitorevents PRIMARY KEY (seq)
);

CREATE INDEX ix_monitor_events_time ON ipa_MonitorEvents (at_time);

-- One row: until when events are recorded (a subscriber keeps it 5 minutes ahead), and the number
-- after which the journal is complete (a client whose last number is older may have missed events:
-- purged, or not recorded while nobody watched).
CREATE TABLE ipa_MonitorState (
    id                  INT           NOT NULL,
    active_until        TIMESTAMP     NOT NULL,
    complete_after      BIGINT        NOT NULL,
    CONSTRAINT pk_ipa_monitorstate PRIMARY KEY (id)
);

INSERT INTO ipa_MonitorState (id, active_until, complete_after) VALUES (1, '2000-01-01 00:00:00', 0);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (11, CURRENT_TIMESTAMP);
