-- Per-ward channel credentials (issue 17 point 2): a ward may have its own Telegram bot and Zalo OA. Every value is
-- encrypted by the application (AES-256-GCM, key from WARDDESK_SECRET_KEYS, ward id + field as associated data);
-- key_id names the key that sealed it so keys can be rotated. The database never sees a token in plain text.
CREATE TABLE ward_channel_secret (
    ward_id    VARCHAR(64)    NOT NULL,
    field      VARCHAR(40)    NOT NULL,  -- e.g. telegram.bot-token, zalo.oa-secret-key
    key_id     VARCHAR(32)    NOT NULL,
    sealed     VARBINARY(4096) NOT NULL, -- 12-byte nonce, ciphertext, 16-byte tag
    updated_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (ward_id, field),
    KEY ward_channel_secret_by_key (key_id),
    CONSTRAINT ward_channel_secret_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A province-wide bot/OA asks "which ward?" before a conversation exists (a conversation belongs to one ward): the
-- answer is kept per platform user (keyed hash, never the raw id) so later messages go to that ward's conversation.
CREATE TABLE channel_ward_choice (
    channel   VARCHAR(16) NOT NULL,
    user_hash CHAR(64)    NOT NULL,
    ward_id   VARCHAR(64) NOT NULL,
    chosen_at DATETIME(3) NOT NULL,
    PRIMARY KEY (channel, user_hash),
    CONSTRAINT channel_ward_choice_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
