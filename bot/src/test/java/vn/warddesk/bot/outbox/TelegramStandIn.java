package vn.warddesk.bot.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Telegram stand-in for the dispatcher's tests: sends everything with the platform id "tg-&lt;id&gt;" and counts what
 * it sent; {@link #holdingFirst} keeps the first send waiting until the test lets it go ({@code hold.countDown()}).
 */
final class TelegramStandIn implements ChannelSender {
    /** Longest a held send waits for the test. */
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(20);
    private final List<String> sent = new ArrayList<>();
    final CountDownLatch firstSendStarted = new CountDownLatch(1);
    final CountDownLatch hold;

    private TelegramStandIn(boolean holdFirst) {
        this.hold = new CountDownLatch(holdFirst ? 1 : 0);
    }

    static TelegramStandIn sendingAll() {
        return new TelegramStandIn(false);
    }

    static TelegramStandIn holdingFirst() {
        return new TelegramStandIn(true);
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public RateLimits limits() {
        return new RateLimits(1000, 1000);
    }

    @Override
    public SendResult send(Delivery delivery) {
        firstSendStarted.countDown();
        try {
            hold.await(HOLD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            sent.add(delivery.address());
        }
        return SendResult.sent("tg-" + delivery.id());
    }

    synchronized int count() {
        return sent.size();
    }
}
