-- Issue 13: the replay ledger of a typed text or a pressed button is its own inbound message row. The engine stores
-- the message with INSERT IGNORE against this unique key, so one statement both stores it and recognises a replay
-- (a redelivered update inserts nothing). The bot's and staff's messages leave both columns NULL, which a unique key
-- allows any number of. inbound_event keeps the ledger of events that store no message (session start, leave).
ALTER TABLE message
    ADD COLUMN event_channel VARCHAR(16)  NULL AFTER action,
    ADD COLUMN event_id      VARCHAR(128) NULL AFTER event_channel,
    ADD UNIQUE KEY message_by_event (event_channel, event_id);

-- Texts and buttons recorded in inbound_event before this migration: their message row (written in the same turn, so
-- with the same conversation and the same time) gets the key, so that a platform's redelivery of one of them
-- (Telegram keeps an update for 24 hours) is still recognised. Only where the pair is unambiguous.
UPDATE message m
JOIN inbound_event e ON e.conversation_id = m.conversation_id AND e.received_at = m.created_at
SET m.event_channel = e.channel, m.event_id = e.event_id
WHERE m.direction = 'in' AND m.origin = 'citizen' AND e.received_at >= UTC_TIMESTAMP(3) - INTERVAL 2 DAY
  AND (SELECT COUNT(*) FROM message d
       WHERE d.conversation_id = m.conversation_id AND d.direction = 'in' AND d.created_at = m.created_at) = 1
  AND (SELECT COUNT(*) FROM inbound_event f
       WHERE f.conversation_id = e.conversation_id AND f.received_at = e.received_at) = 1;
