-- Platform events that can never be handled (ids that break the platform's rules, an unreadable payload, an event
-- the engine failed on every retry): stored once, acknowledged to the platform, visible to admins. Never message
-- text or a platform user id: the event is named by a SHA-256 of its platform id only.
CREATE TABLE dead_letter (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    channel     VARCHAR(16)  NOT NULL,
    event_key   CHAR(64)     NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY dead_letter_event (channel, event_key),
    KEY dead_letter_by_time (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
