-- IPA Server schema upgrade 5 -> 6: SQL Server. Marks test versions of definitions.
-- Run it once on a version 5 database (SELECT MAX(version) FROM ipa_SchemaVersion gives 5);
-- a new database gets the same from create.sql. The embedded H2 default applies it at start.

-- A test version runs only for designers and is never the "latest" version others launch.
ALTER TABLE ipa_Definitions
    ADD test_version BIT DEFAULT 0 NOT NULL;

INSERT INTO ipa_SchemaVersion (version, applied_at) VALUES (6, CURRENT_TIMESTAMP);
