-- Webhook updates are accepted into this table with one single-row INSERT and answered 200 as soon as it commits;
-- workers feed them to the conversation engine. An accepted update survives a crash, a slow engine or a deploy.
-- A row is deleted once the engine has handled it (its text then lives only in the conversation's messages);
-- rows the engine kept failing on stay as 'failed' for the operator and are purged after inbox.keep-failed.

CREATE TABLE inbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    channel          VARCHAR(16)   NOT NULL,
    event_id         VARCHAR(128)  NOT NULL,               -- platform id of the update (tg:<update_id>, zalo:<msg_id>)
    conversation_key VARCHAR(200)  NOT NULL,               -- channel + keyed hash of the platform user: orders the work
    payload          TEXT          NOT NULL,               -- the InboundEvent as JSON (holds the citizen's text)
    status           VARCHAR(8)    NOT NULL DEFAULT 'pending', -- pending | failed
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    received_at      DATETIME(3)   NOT NULL,
    failure_reason   VARCHAR(300)  NULL,                   -- exception class only, never message text
    PRIMARY KEY (id),
    UNIQUE KEY inbox_event (channel, event_id),
    KEY inbox_due (status, id),
    KEY inbox_by_conversation (conversation_key, status, id),
    CONSTRAINT inbox_status CHECK (status IN ('pending', 'failed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
