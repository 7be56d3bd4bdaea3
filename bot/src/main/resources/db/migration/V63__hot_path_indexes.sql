-- Issue 13 (throughput): secondary indexes that every turn or every reply writes and no query needs.
-- outbox_by_conversation (conversation_id, id): every query by conversation also filters on status and is answered by
--   outbox_waiting_by_conversation (conversation_id, status, id) (V8), which also serves the foreign key; the old one
--   cost an index insert per reply and led the optimizer to read sent rows when looking for the next queued one.
-- conversation_by_channel_user (channel, channel_user_hash): a prefix of conversation_channel_user_unique (V4).
-- conversation_by_ward (ward_id, updated_at): every turn sets updated_at, so every turn moved this index entry, yet
--   the queries by ward filter on created_at (analytics: conversations per ward since a date), which never changes.
ALTER TABLE outbox DROP KEY outbox_by_conversation;
ALTER TABLE conversation
    DROP KEY conversation_by_channel_user,
    DROP KEY conversation_by_ward,
    ADD KEY conversation_by_ward_created (ward_id, created_at);
