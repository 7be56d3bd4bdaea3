-- Issue 13: the dialogue state is folded from conversation_event (Tracker), no longer kept as a JSON blob.
-- The engine reads a conversation's events from its last start-over event (session_started, data_erased,
-- session_ended, restarted): this index finds that event without reading the whole history.
CREATE INDEX conversation_event_by_type ON conversation_event (conversation_id, type, id);
-- field_rejected keeps the bot's error text (shown again with the question), clarify_asked the offered actions.
ALTER TABLE conversation_event MODIFY detail VARCHAR(512) NULL;
ALTER TABLE conversation DROP COLUMN context;
