package vn.warddesk.bot.staff;

import java.time.Clock;

/** Writes the append-only audit log. Addresses are stored as keyed hashes, never in clear. */
final class Audit {
    private final StaffStore store;
    private final Clock clock;
    private final String key;

    Audit(StaffStore store, Clock clock, String key) {
        this.store = store;
        this.clock = clock;
        this.key = key;
    }

    String ipHash(String ip) {
        return Secrets.hmac(key, "ip:" + (ip == null ? "" : ip));
    }

    void record(Account actor, String action, String target, String detail, String ip) {
        record(actor.username(), actor.wardId(), action, target, detail, ip);
    }

    void record(String actor, String wardId, String action, String target, String detail, String ip) {
        store.audit(clock.instant(), actor, wardId, action, target, detail, ipHash(ip));
    }
}
