-- The conversation's history as append-only events (issue 13): what the citizen said as the NLU understood it (no
-- text: the text stays in `message`, which retention and erasure clear), what the bot said (reply kind), topic, form
-- steps, consent decisions, handoffs, session starts and erasures. No personal data: field names only, never values.
CREATE TABLE conversation_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(36)  NOT NULL,
    type            VARCHAR(32)  NOT NULL,       -- user_said, bot_said, topic_set, form_started, field_filled, ...
    message_id      BIGINT       NULL,           -- the message row this event is about (user_said, bot_said)
    intent          VARCHAR(64)  NULL,           -- user_said: the NLU's top intent
    aspect          VARCHAR(32)  NULL,           -- user_said / bot_said / topic_set
    confidence      DECIMAL(5,4) NULL,           -- user_said: probability of the intent
    procedure_id    VARCHAR(64)  NULL,
    detail          VARCHAR(128) NULL,           -- reply kind, field name, decision, case code, entity types, "clarify"
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY conversation_event_by_conversation (conversation_id, id),
    KEY conversation_event_by_message (message_id),
    CONSTRAINT conversation_event_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
