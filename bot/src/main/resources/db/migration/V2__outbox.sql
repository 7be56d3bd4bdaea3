-- Every outbound message to a push channel (Telegram, Zalo) is written here in the same transaction as the
-- conversation change that caused it; a dispatcher sends it later. Nothing accepted is lost in a crash or outage.

ALTER TABLE conversation
    ADD COLUMN channel_address VARCHAR(128) NULL AFTER channel_user_hash; -- what sending needs (chat id); erased with the conversation

CREATE TABLE outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(36)   NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    address         VARCHAR(128)  NULL,                    -- platform recipient, NULL once erased
    payload         TEXT          NOT NULL,                -- JSON {"text": ..., "buttons": [{"label", "action"}]}
    origin          VARCHAR(8)    NOT NULL DEFAULT 'bot',  -- bot | staff
    status          VARCHAR(8)    NOT NULL DEFAULT 'queued', -- queued | sent | failed
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)   NULL,
    failure_reason  VARCHAR(300)  NULL,
    PRIMARY KEY (id),
    KEY outbox_due (status, next_attempt_at),
    KEY outbox_by_conversation (conversation_id, id),
    CONSTRAINT outbox_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT outbox_status CHECK (status IN ('queued', 'sent', 'failed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
