-- Staff console: accounts, sessions, login throttling, internal notes and the append-only audit log.
-- Every row that belongs to a ward carries ward_id; every staff query is scoped by the session's ward.

CREATE TABLE staff_account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    ward_id              VARCHAR(64)  NOT NULL,
    username             VARCHAR(64)  NOT NULL,              -- unique across wards: the sign-in form has no ward field
    display_name         VARCHAR(128) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,              -- PHC string $argon2id$v=19$m=...,t=...,p=...$salt$hash
    roles                VARCHAR(64)  NOT NULL,              -- comma-separated: officer, supervisor, editor, admin
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    disabled             BOOLEAN      NOT NULL DEFAULT FALSE,
    demo                 BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(3)  NOT NULL,
    password_changed_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY staff_account_username (username),
    KEY staff_account_by_ward (ward_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only the SHA-256 of the session token is stored: a copy of this table does not let anyone sign in.
CREATE TABLE staff_session (
    token_hash   CHAR(64)     NOT NULL,
    account_id   BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    last_seen_at DATETIME(3)  NOT NULL,
    expires_at   DATETIME(3)  NOT NULL,                      -- absolute limit; the idle limit is checked on last_seen_at
    PRIMARY KEY (token_hash),
    KEY staff_session_by_account (account_id),
    CONSTRAINT staff_session_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed sign-ins, in the database so the limit holds across instances. The username is stored as a SHA-256:
-- people type passwords into the username field.
CREATE TABLE staff_login_failure (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    at           DATETIME(3)  NOT NULL,
    username_key CHAR(64)     NOT NULL,
    ip_hash      CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    KEY staff_login_failure_by_user (username_key, at),
    KEY staff_login_failure_by_ip (ip_hash, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Internal notes on a case, never shown to the citizen. case_code refers to the engine's case_file.code.
CREATE TABLE case_note (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    ward_id    VARCHAR(64)   NOT NULL,
    case_code  VARCHAR(32)   NOT NULL,
    author_id  BIGINT        NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY case_note_by_case (ward_id, case_code, id),
    CONSTRAINT case_note_author FOREIGN KEY (author_id) REFERENCES staff_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what: views of personal data, changes, exports, sign-ins. Append-only, enforced by the triggers below.
CREATE TABLE audit_log (
    id      BIGINT       NOT NULL AUTO_INCREMENT,
    at      DATETIME(3)  NOT NULL,
    actor   VARCHAR(64)  NOT NULL,                           -- username, or '-' for an unknown one
    ward_id VARCHAR(64)  NOT NULL,                           -- '-' when no ward is known (unknown user)
    action  VARCHAR(48)  NOT NULL,
    target  VARCHAR(128) NOT NULL DEFAULT '',
    detail  VARCHAR(500) NOT NULL DEFAULT '',
    ip_hash CHAR(64)     NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    KEY audit_log_by_ward (ward_id, at),
    KEY audit_log_by_target (ward_id, target)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
