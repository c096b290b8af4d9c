-- IPA Server schema upgrade 7 -> 8: H2. The instance registry of a cluster.
-- Run it once on a version 7 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 7);
-- a new database gets the same from create.sql.

-- The server instances sharing this database: each storage ID's current registration. The epoch
-- goes up at each registration; the incarnation is the server process holding it; lease_until is
-- renewed by its heartbeat: a storage ID whose lease runs is not given to another instance.
CREATE TABLE ipa_Instances (
    storage_id          VARCHAR(36)   NOT NULL,
    epoch               BIGINT        NOT NULL,
    incarnation         VARCHAR(36)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    host                VARCHAR(255),
    started_at          TIMESTAMP     NOT NULL,
    heartbeat_at        TIMESTAMP     NOT NULL,
    lease_until         TIMESTAMP     NOT NULL,
    CONSTRAINT pk_ipa_instances PRIMARY KEY (storage_id)
);

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (8, CURRENT_TIMESTAMP);
