-- TOTP second factor (RFC 6238) for staff sign-in: required for admins and supervisors, for officers by ward policy.
-- totp_secret is set at enrolment and counts once totp_enabled_at is set (after the first right code).
ALTER TABLE staff_account
    ADD COLUMN totp_secret     VARCHAR(64) NULL,
    ADD COLUMN totp_enabled_at DATETIME(3) NULL;

-- Single-use recovery codes, given once at enrolment; only their SHA-256 is kept.
CREATE TABLE staff_recovery_code (
    account_id BIGINT      NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    used_at    DATETIME(3) NULL,
    PRIMARY KEY (account_id, code_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
