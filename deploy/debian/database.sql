-- WardDesk's database and its one application user, with only the rights the service needs.
-- Used by deploy/debian/install.sh and by ./warddesk cluster-test; @@PASSWORD@@ is replaced by the caller
-- (install.sh generates a random hex password, so no quoting is needed).
--
-- Rights: data (SELECT, INSERT, UPDATE, DELETE) and the schema changes Flyway makes at start-up (CREATE, ALTER,
-- INDEX, DROP, REFERENCES, TRIGGER — V6 creates the triggers that keep audit_log append-only), on the warddesk
-- schema only. No global privilege (no FILE, PROCESS, SUPER, RELOAD),
-- no GRANT OPTION, no access to other schemas, no remote host: the service connects over 127.0.0.1.
CREATE DATABASE IF NOT EXISTS warddesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'warddesk'@'127.0.0.1' IDENTIFIED BY '@@PASSWORD@@';
CREATE USER IF NOT EXISTS 'warddesk'@'localhost' IDENTIFIED BY '@@PASSWORD@@';
-- Re-running with a new password (secret rotation) changes it.
ALTER USER 'warddesk'@'127.0.0.1' IDENTIFIED BY '@@PASSWORD@@';
ALTER USER 'warddesk'@'localhost' IDENTIFIED BY '@@PASSWORD@@';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, TRIGGER
    ON warddesk.* TO 'warddesk'@'127.0.0.1', 'warddesk'@'localhost';
