-- IPA Server schema, upgrade from version 2 to version 3: Microsoft SQL Server 2016 or later (T-SQL).
--
-- Adds the routing tables (workgroups and their members, user skills, presence, licences).
-- Run it once against a database at version 2 (after upgrade-2.sql), with the server stopped or
-- the application undeployed:
--   sqlcmd -S <server> -d ipa -b -i sql/mssql/upgrade-3.sql
-- A database created by create.sql of version 3 needs no upgrade. The embedded default (H2)
-- applies this script by itself at start. The tables are those of create.sql (a test compares them).

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

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (3, CURRENT_TIMESTAMP);
