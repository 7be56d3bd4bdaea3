-- A ward's own Zalo OA renews its access token with its single-use refresh token (issue 17). The tokens themselves
-- stay sealed in ward_channel_secret; this row is what the renewal needs besides them: when the access token expires
-- (for the token whose SHA-256 is access_hash, so a token the ward admin typed in later is not mistaken for it), and
-- the row every renewal of the ward's OA locks (SELECT … FOR UPDATE), so that two threads or two instances never
-- spend the same refresh token.
CREATE TABLE ward_oa_token (
    ward_id      VARCHAR(64) NOT NULL,
    access_hash  CHAR(64)    NULL,
    expires_at   DATETIME(3) NULL,
    refreshes    INT         NOT NULL DEFAULT 0,
    refreshed_at DATETIME(3) NULL,
    PRIMARY KEY (ward_id),
    CONSTRAINT ward_oa_token_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
