-- IPA Server schema upgrade 4 -> 5: SQL Server. Adds the access rights administered per process.
-- Run it once on a version 4 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 4);
-- a new database gets the same from create.sql. The embedded H2 default applies it at start.

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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (5, CURRENT_TIMESTAMP);
