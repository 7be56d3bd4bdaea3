-- Honest delivery states for staff replies (issue 18, point 3).
-- outbox.message_id: the stored message an outbox row sends, so a staff reply is matched to its row by id, not by
-- order. outbox.platform_message_id: the id the platform gave the sent message (Telegram message_id, Zalo
-- data.message_id). staff_reply: where each staff reply went at the moment it was written.

ALTER TABLE outbox
    ADD COLUMN message_id          BIGINT       NULL AFTER conversation_id,
    ADD COLUMN platform_message_id VARCHAR(64)  NULL AFTER sent_at,
    ADD KEY outbox_by_message (message_id);

CREATE TABLE staff_reply (
    message_id  BIGINT       NOT NULL,                  -- message.id of the reply
    case_code   VARCHAR(24)  NOT NULL,
    route       VARCHAR(12)  NOT NULL,                  -- push | web_open | case_page
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (message_id),
    KEY staff_reply_by_case (case_code, message_id),
    CONSTRAINT staff_reply_route CHECK (route IN ('push', 'web_open', 'case_page'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
