-- Foundation tables. utf8mb4 everywhere: Vietnamese text must round-trip byte-exact.
-- Times are UTC (the JDBC session runs with time_zone '+00:00').

CREATE TABLE conversation (
    id                VARCHAR(36)  NOT NULL,
    ward_id           VARCHAR(64)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,               -- web, kiosk, telegram, zalo, zalo_mini_app
    channel_user_hash CHAR(64)     NULL,                   -- HMAC-SHA256 of the platform user id, never the raw id
    locale            VARCHAR(8)   NOT NULL DEFAULT 'vi',
    state             VARCHAR(32)  NOT NULL DEFAULT 'idle',
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY conversation_by_channel_user (channel, channel_user_hash),
    KEY conversation_by_ward (ward_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE message (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(36)  NOT NULL,
    direction       VARCHAR(3)   NOT NULL,                 -- in | out
    text            TEXT         NULL,                     -- NULL once erased (withdrawal or retention)
    created_at      DATETIME(3)  NOT NULL,
    erased_at       DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY message_by_conversation (conversation_id, id),
    KEY message_by_age (created_at),
    CONSTRAINT message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT message_direction CHECK (direction IN ('in', 'out'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
