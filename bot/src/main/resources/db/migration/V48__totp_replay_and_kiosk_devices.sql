-- TOTP replay protection: the 30-second step of the last code an account signed in with. A code of that step or an
-- earlier one is refused, so a code seen over a shoulder or in a proxy log cannot be used a second time.
ALTER TABLE staff_account
    ADD COLUMN totp_last_step BIGINT NULL;

-- Kiosk devices paired to a ward: an admin issues a short one-time code, the kiosk exchanges it for a long-lived
-- device token. Only SHA-256 hashes of codes and tokens are kept. Revoked devices stay listed (revoked_at set).
CREATE TABLE kiosk_pairing_code (
    code_hash  CHAR(64)    NOT NULL,
    ward_id    VARCHAR(64) NOT NULL,
    label      VARCHAR(80) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    used_at    DATETIME(3) NULL,
    PRIMARY KEY (code_hash),
    KEY kiosk_pairing_code_by_ward (ward_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kiosk_device (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    ward_id      VARCHAR(64) NOT NULL,
    label        VARCHAR(80) NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    paired_at    DATETIME(3) NOT NULL,
    last_seen_at DATETIME(3) NULL,
    revoked_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY kiosk_device_token (token_hash),
    KEY kiosk_device_by_ward (ward_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
