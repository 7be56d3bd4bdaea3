-- The dispatcher's claim asks "does this conversation have an older queued message?" for every candidate row. With
-- only (status, …) and (conversation_id, id) to choose from, MariaDB answered it by walking all queued rows, so a
-- backlog of thousands (a burst of webhooks) cost thousands of index reads per claim. This index answers it directly.
ALTER TABLE outbox ADD KEY outbox_waiting_by_conversation (conversation_id, status, id);
