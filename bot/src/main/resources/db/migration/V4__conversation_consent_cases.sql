-- Conversation engine: persisted state machine, idempotent inbound events, consent records, cases, erasure tombstones.
-- Personal data lives only in conversation.draft (unsubmitted intake), case_file.fields and message.text; retention and
-- erasure NULL exactly those columns.

ALTER TABLE conversation
    ADD COLUMN token_sha256     CHAR(64)     NULL AFTER channel_address,  -- web/kiosk bearer token, SHA-256 only
    ADD COLUMN context          TEXT         NULL AFTER state,            -- engine JSON: current field, attempts, options (no personal data)
    ADD COLUMN draft            TEXT         NULL AFTER context,          -- JSON of intake answers before submission (personal)
    ADD COLUMN draft_updated_at DATETIME(3)  NULL AFTER draft,
    ADD COLUMN case_code        VARCHAR(24)  NULL AFTER draft_updated_at, -- the case this conversation last opened
    ADD COLUMN session_started_at DATETIME(3) NULL AFTER case_code;

-- One conversation per platform chat user and ward (find-or-create must not race into two rows).
ALTER TABLE conversation
    ADD UNIQUE KEY conversation_channel_user_unique (channel, channel_user_hash, ward_id);

ALTER TABLE message
    ADD COLUMN origin VARCHAR(8)  NOT NULL DEFAULT 'bot' AFTER direction, -- citizen | bot | staff
    ADD COLUMN action VARCHAR(64) NULL AFTER text;                        -- pressed button, for the transcript

CREATE TABLE inbound_event (
    channel         VARCHAR(16)  NOT NULL,
    event_id        VARCHAR(128) NOT NULL,
    conversation_id VARCHAR(36)  NOT NULL,
    received_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (channel, event_id),
    KEY inbound_event_by_age (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: a decision is never updated; a withdrawal is a new row.
CREATE TABLE consent (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(36)  NOT NULL,
    purpose         VARCHAR(64)  NOT NULL,
    notice_version  VARCHAR(64)  NOT NULL,
    notice_sha256   CHAR(64)     NOT NULL,                -- of the exact text shown to the citizen
    channel         VARCHAR(16)  NOT NULL,
    decision        VARCHAR(8)   NOT NULL,                -- agree | decline | withdraw
    method          VARCHAR(8)   NOT NULL,                -- button | typed
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY consent_by_conversation (conversation_id, id),
    KEY consent_by_age (created_at),
    CONSTRAINT consent_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT consent_decision CHECK (decision IN ('agree', 'decline', 'withdraw')),
    CONSTRAINT consent_method CHECK (method IN ('button', 'typed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE case_file (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    code            VARCHAR(24)  NOT NULL,
    ward_id         VARCHAR(64)  NOT NULL,
    conversation_id VARCHAR(36)  NOT NULL,
    kind            VARCHAR(8)   NOT NULL,                -- request (intake confirmed) | handoff (talk to staff)
    procedure_id    VARCHAR(64)  NULL,
    fields          TEXT         NULL,                    -- JSON of intake answers (personal); NULL once erased
    consent_id      BIGINT       NULL,
    channel         VARCHAR(16)  NOT NULL,
    status          VARCHAR(10)  NOT NULL DEFAULT 'new',
    claimed_by      VARCHAR(80)  NULL,
    claimed_at      DATETIME(3)  NULL,
    outcome         VARCHAR(500) NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    closed_at       DATETIME(3)  NULL,
    erased_at       DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY case_file_code (code),
    KEY case_file_queue (ward_id, status, created_at),
    KEY case_file_by_conversation (conversation_id),
    CONSTRAINT case_file_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT case_file_consent FOREIGN KEY (consent_id) REFERENCES consent (id),
    CONSTRAINT case_file_status CHECK (status IN ('new', 'claimed', 'waiting', 'resolved', 'withdrawn')),
    CONSTRAINT case_file_kind CHECK (kind IN ('request', 'handoff'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Proof that an erasure happened (withdrawal by the citizen): counts only, no content.
CREATE TABLE erasure (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id  VARCHAR(36)  NOT NULL,
    reason           VARCHAR(16)  NOT NULL,               -- withdrawal | session_end
    messages_erased  INT          NOT NULL,
    fields_erased    INT          NOT NULL,
    cases_withdrawn  INT          NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY erasure_by_conversation (conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
