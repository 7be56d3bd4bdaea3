package vn.warddesk.bot.staff;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Per-ward listeners of the live queue on this instance. Changes made here are pushed at once; changes made by the
 * engine or another instance are noticed by each stream polling the ward's case version.
 */
final class StaffEvents {
    private final Map<String, Set<BlockingQueue<String>>> listeners = new ConcurrentHashMap<>();
    private final Duration pollInterval;

    StaffEvents(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    BlockingQueue<String> subscribe(String wardId) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(100);
        listeners.computeIfAbsent(wardId, w -> ConcurrentHashMap.newKeySet()).add(queue);
        return queue;
    }

    void unsubscribe(String wardId, BlockingQueue<String> queue) {
        Set<BlockingQueue<String>> set = listeners.get(wardId);
        if (set != null) {
            set.remove(queue);
        }
    }

    /** Tells this ward's open consoles that a case changed (the code only; they fetch what they may see). */
    void publish(String wardId, String caseCode) {
        for (BlockingQueue<String> queue : listeners.getOrDefault(wardId, Set.of())) {
            queue.offer("{\"code\":\"" + caseCode + "\"}");
        }
    }

    int listeners(String wardId) {
        return listeners.getOrDefault(wardId, Set.of()).size();
    }
}
