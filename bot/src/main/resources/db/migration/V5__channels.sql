-- Channels (Telegram, Zalo OA): the Zalo OA token pair and the one-off notices a chat user was already sent.
-- Update/message de-duplication is the engine's (inbound_event by event id "tg:<update_id>" / "zalo:<msg_id>").

-- Zalo OA access/refresh tokens. The refresh token is single-use: a refresh retires the current row and inserts the
-- new pair in the same transaction, holding a row lock (SELECT ... FOR UPDATE) so two instances never refresh at once.
-- Exactly one row per OA has retired_at NULL (the current pair); retired rows are kept briefly for diagnosis.
CREATE TABLE zalo_token (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    oa_id         VARCHAR(64)   NOT NULL,
    access_token  TEXT          NULL,                      -- NULL when only a refresh token was bootstrapped
    refresh_token TEXT          NOT NULL,
    expires_at    DATETIME(3)   NOT NULL,                  -- when the access token expires (from expires_in)
    version       INT           NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    retired_at    DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY zalo_token_current (oa_id, retired_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Only text is understood" is said once per chat user: remembering it here makes replays and repeats silent.
CREATE TABLE channel_notice (
    channel    VARCHAR(16)  NOT NULL,
    user_hash  CHAR(64)     NOT NULL,                      -- keyed hash of the platform user id, never the raw id
    notice     VARCHAR(32)  NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (channel, user_hash, notice)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
