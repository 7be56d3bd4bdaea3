package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.OutboxRows;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.DispatcherSettings;
import vn.warddesk.bot.outbox.OutboxDispatcher;
import vn.warddesk.bot.testing.SwitchableDataSource;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox dispatcher sending to WireMock as Telegram: retries, 429, outages, order, several instances. */
class TelegramDeliveryTest {
    private static final String TOKEN = "42:delivery";
    private static final String SEND = "/bot" + TOKEN + "/sendMessage";
    private static WireMockServer telegram;
    private static HikariDataSource pool;
    private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

    @BeforeAll
    static void start() {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        pool = TestDatabase.fresh("telegram_delivery");
    }

    @AfterAll
    static void stop() {
        pool.close();
        telegram.stop();
    }

    @BeforeEach
    void reset() {
        telegram.resetAll();
    }

    @org.junit.jupiter.api.AfterEach
    void closeDispatchers() {
        dispatchers.forEach(OutboxDispatcher::close);
    }

    private OutboxDispatcher dispatcher(Map<String, String> extra) {
        return dispatcher(pool, extra);
    }

    private OutboxDispatcher dispatcher(javax.sql.DataSource dataSource, Map<String, String> extra) {
        Map<String, String> map = new HashMap<>(Map.of(
                "telegram.bot-token", TOKEN, "telegram.webhook-secret", "s", "telegram.api-base-url", telegram.baseUrl(),
                "telegram.rate.per-chat-per-second", "1000", "telegram.rate.per-bot-per-second", "1000",
                "outbox.poll-interval", "PT0.02S", "outbox.backoff.initial", "PT0.05S", "outbox.backoff.max", "PT0.2S",
                "outbox.max-attempts", "50"));
        map.putAll(extra);
        Config root = Config.just(ConfigSources.create(map));
        TelegramSettings settings = TelegramSettings.from(root.get("telegram"));
        OutboxDispatcher dispatcher = new OutboxDispatcher(dataSource, Clock.systemUTC(), DispatcherSettings.from(root.get("outbox")),
                                                           List.of(new TelegramSender(new TelegramApi(settings), settings, new TelegramBots(
                        settings, new vn.warddesk.bot.ward.WardStore(dataSource), new vn.warddesk.bot.ward.WardChannelSecrets(
                                dataSource, vn.warddesk.bot.secret.SecretKeys.parse(""))))));
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    private static void ok() {
        telegram.stubFor(post(urlEqualTo(SEND)).atPriority(5).willReturn(okJson()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson() {
        return aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":{\"message_id\":9}}");
    }

    private static List<LoggedRequest> requestsTo(String chat) {
        return telegram.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
    }

    @Test
    void the_sent_row_keeps_the_message_id_telegram_gave_the_message() {
        ok();
        String conversation = OutboxRows.conversation(pool, "telegram", "709", Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", "709", Reply.text("Lệ phí: miễn phí"));
        dispatcher(Map.of()).start();
        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.allSent(pool, conversation)));
        String id = vn.warddesk.bot.store.Jdbc.withConnection(pool, c -> {
            try (var q = c.prepareStatement("SELECT platform_message_id FROM outbox WHERE conversation_id = ?")) {
                q.setString(1, conversation);
                try (var rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertEquals("9", id, "result.message_id of sendMessage's answer");
    }

    @Test
    void a_platform_error_twice_then_success_delivers_exactly_once() {
        telegram.stubFor(post(urlEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                                 .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}"))
                                 .willSetStateTo("once"));
        telegram.stubFor(post(urlEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs("once")
                                 .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        telegram.stubFor(post(urlEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson()));
        String conversation = OutboxRows.conversation(pool, "telegram", "701", Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", "701", Reply.text("Hồ sơ gồm tờ khai"));

        double sentBefore = counter("warddesk.outbox.sent");
        double retriedBefore = counter("warddesk.outbox.retried");
        dispatcher(Map.of()).start();

        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.allSent(pool, conversation)));
        sleepQuietly(200);
        assertEquals(3, requestsTo("701").size(), "two failed attempts and one delivery");
        assertTrue(counter("warddesk.outbox.sent") >= sentBefore + 1, "sent is counted");
        assertTrue(counter("warddesk.outbox.retried") >= retriedBefore + 2, "both retries are counted");
        OutboxRows.Row row = OutboxRows.rows(pool, conversation).get(0);
        assertEquals(3, row.attempts());
    }

    @Test
    void messages_to_one_chat_are_spaced_by_the_per_chat_limit() {
        ok();
        String conversation = OutboxRows.conversation(pool, "telegram", "707", Instant.now());
        for (int i = 1; i <= 3; i++) {
            OutboxRows.enqueue(pool, conversation, "telegram", "707", Reply.text("Phần " + i));
        }
        dispatcher(Map.of("telegram.rate.per-chat-per-second", "2")).start();

        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.allSent(pool, conversation)));
        List<Long> sentAt = requestsTo("707").stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(3, sentAt.size());
        for (int i = 1; i < sentAt.size(); i++) {
            long gap = sentAt.get(i) - sentAt.get(i - 1);
            assertTrue(gap >= 450, "2 messages/s per chat: " + gap + " ms between message " + i + " and " + (i + 1));
        }
        assertTrue(requestsTo("707").get(0).getBodyAsString().contains("Phần"));
    }

    @Test
    void a_sent_message_holds_the_next_one_of_its_chat_back_in_the_database_for_other_instances() {
        ok();
        List<String> conversations = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String chat = String.valueOf(720 + c);
            String conversation = OutboxRows.conversation(pool, "telegram", chat, Instant.now());
            conversations.add(conversation);
            OutboxRows.enqueue(pool, conversation, "telegram", chat, Reply.text("đầu"));
            OutboxRows.enqueue(pool, conversation, "telegram", chat, Reply.text("sau"));
        }
        // 0.5 messages/s per chat: each second message may not go out before 2 s after its chat's first, from any
        // instance, so the database holds it back (another instance's limiter knows nothing of this one's sends).
        dispatcher(Map.of("telegram.rate.per-chat-per-second", "0.5")).start();

        assertTrue(Await.until(Duration.ofSeconds(10), () -> conversations.stream().allMatch(c -> {
            List<Instant[]> rows = sentAndDue(c);
            return rows.get(0)[0] != null && rows.get(1)[1].isAfter(rows.get(0)[0].plusMillis(1900));
        })), "every chat's second message is due 2 s after its first was sent");
        for (String c : conversations) {
            assertEquals("queued", OutboxRows.rows(pool, c).get(1).status(), "not sent before its time");
        }
        // …and they do go out once due. Waiting for it also keeps the class's tests apart: a row left queued here
        // would be sent by the next test's dispatcher and advance that test's WireMock scenario.
        assertTrue(Await.until(Waits.BACKGROUND, () -> conversations.stream().allMatch(c -> OutboxRows.allSent(pool, c))),
                   "the held-back messages are sent once due");
    }

    /** Per outbox row of the conversation, in order: [sent_at (null while queued), next_attempt_at]. */
    private static List<Instant[]> sentAndDue(String conversation) {
        return vn.warddesk.bot.store.Jdbc.withConnection(pool, c -> {
            try (var q = c.prepareStatement("SELECT sent_at, next_attempt_at FROM outbox WHERE conversation_id = ? ORDER BY id")) {
                q.setString(1, conversation);
                List<Instant[]> rows = new ArrayList<>();
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Instant[] {rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                                                rs.getTimestamp(2).toInstant()});
                    }
                }
                return rows;
            }
        });
    }

    @Test
    void too_many_requests_waits_for_retry_after_before_sending_again() {
        telegram.stubFor(post(urlEqualTo(SEND)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                                 .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(
                                         "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                                         + "\"parameters\":{\"retry_after\":1}}"))
                                 .willSetStateTo("ok"));
        telegram.stubFor(post(urlEqualTo(SEND)).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson()));
        String conversation = OutboxRows.conversation(pool, "telegram", "702", Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", "702", Reply.text("Lệ phí: miễn phí"));

        dispatcher(Map.of()).start();

        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.allSent(pool, conversation)));
        List<LoggedRequest> requests = requestsTo("702");
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 950, "waited " + gap + " ms, retry_after said 1 s");
        assertTrue(gap < 5000, "but not much longer: " + gap + " ms");
    }

    @Test
    void after_an_outage_queued_messages_of_a_conversation_arrive_in_order() {
        telegram.stubFor(post(urlEqualTo(SEND)).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String conversation = OutboxRows.conversation(pool, "telegram", "703", Instant.now());
        for (int i = 1; i <= 4; i++) {
            OutboxRows.enqueue(pool, conversation, "telegram", "703", Reply.text("phần " + i));
        }
        dispatcher(Map.of("outbox.workers", "3")).start();
        assertTrue(Await.until(Waits.BACKGROUND, () -> requestsTo("703").size() >= 2), "the dispatcher tried during the outage");
        assertTrue(OutboxRows.rows(pool, conversation).stream().noneMatch(r -> r.status().equals("sent")));
        assertEquals(Set.of("phần 1"), requestsTo("703").stream().map(r -> r.getBodyAsString().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toSet()), "only the first message is tried while it fails: the rest wait behind it");

        telegram.resetAll();
        ok();

        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.allSent(pool, conversation)));
        List<String> delivered = requestsTo("703").stream().map(r -> r.getBodyAsString().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1")).toList();
        assertEquals(List.of("phần 1", "phần 2", "phần 3", "phần 4"), delivered);
    }

    @Test
    void two_dispatchers_on_one_database_send_each_message_exactly_once() {
        ok();
        List<String> conversations = new ArrayList<>();
        int perConversation = 4;
        for (int c = 0; c < 8; c++) {
            String chat = String.valueOf(800 + c);
            String conversation = OutboxRows.conversation(pool, "telegram", chat, Instant.now());
            conversations.add(conversation);
            for (int i = 0; i < perConversation; i++) {
                OutboxRows.enqueue(pool, conversation, "telegram", chat, Reply.text("tin " + chat + "-" + i));
            }
        }
        OutboxDispatcher first = dispatcher(Map.of("outbox.workers", "2"));
        OutboxDispatcher second = dispatcher(Map.of("outbox.workers", "2"));
        first.start();
        second.start();

        assertTrue(Await.until(Waits.BACKGROUND, () -> conversations.stream().allMatch(c -> OutboxRows.allSent(pool, c))));
        sleepQuietly(200);
        List<LoggedRequest> all = telegram.findAll(postRequestedFor(urlEqualTo(SEND)));
        List<String> texts = all.stream().map(LoggedRequest::getBodyAsString)
                .filter(b -> b.contains("tin 8")).toList();
        assertEquals(8 * perConversation, texts.size(), "one request per message");
        assertEquals(8 * perConversation, new HashSet<>(texts).size(), "no message twice");
    }

    @Test
    void a_sender_that_loses_the_database_after_the_platform_answered_leaves_the_message_to_others_after_its_lease() {
        // The documented duplicate window (docs/adr/0004-galera.md): answered by the platform, "sent" not recorded.
        String chat = "7001";
        String conversation = slowlyAnsweredMessage(chat, 400);
        SwitchableDataSource cut = new SwitchableDataSource(pool);
        OutboxDispatcher dying = dispatcher(cut.dataSource(), Map.of("outbox.claim-lease", "PT3S"));
        OutboxDispatcher other = dispatcher(Map.of("outbox.claim-lease", "PT3S"));

        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                dying.drain();
            } catch (RuntimeException expected) {
                // the "sent" could not be recorded within half the lease
            }
        });
        assertTrue(Await.until(Waits.BACKGROUND, () -> !requestsTo(chat).isEmpty()), "the platform got the message");
        cut.down(true);
        joinQuietly(sender);
        assertEquals(0, other.drain(), "a leased message is not claimed by another sender");
        assertEquals(1, requestsTo(chat).size());

        assertTrue(Await.until(Waits.BACKGROUND, () -> other.drain() > 0), "claimable again once the lease ended");
        assertTrue(OutboxRows.allSent(pool, conversation), "never lost");
        assertEquals(2, requestsTo(chat).size(), "sent once more: the only duplicate window left");
    }

    @Test
    void a_database_outage_shorter_than_half_the_lease_after_a_send_is_bridged_and_the_message_sent_once() {
        String chat = "7002";
        String conversation = slowlyAnsweredMessage(chat, 300);
        SwitchableDataSource cut = new SwitchableDataSource(pool);
        OutboxDispatcher dispatcher = dispatcher(cut.dataSource(), Map.of("outbox.claim-lease", "PT10S"));

        Thread sender = Thread.ofVirtual().start(dispatcher::drain);
        assertTrue(Await.until(Waits.BACKGROUND, () -> !requestsTo(chat).isEmpty()), "the platform got the message");
        cut.down(true);
        sleepQuietly(1500); // a writer failover: the "sent" cannot be recorded meanwhile
        cut.down(false);
        joinQuietly(sender);

        assertTrue(OutboxRows.allSent(pool, conversation), "recorded as sent once the database answered again");
        sleepQuietly(200);
        assertEquals(1, requestsTo(chat).size(), "sent exactly once");
    }

    /** One queued message to {@code chat}, which the platform answers after {@code millis}; returns its conversation. */
    private static String slowlyAnsweredMessage(String chat, int millis) {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(okJson().withFixedDelay(millis)));
        String conversation = OutboxRows.conversation(pool, "telegram", chat, Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", chat, Reply.text("tin " + chat));
        return conversation;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_message_the_platform_refuses_is_marked_failed_with_the_reason() {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        String conversation = OutboxRows.conversation(pool, "telegram", "704", Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", "704", Reply.text("Xin chào"));
        OutboxRows.enqueue(pool, conversation, "telegram", "704", Reply.text("Bạn cần gì?"));

        dispatcher(Map.of()).drain();

        List<OutboxRows.Row> rows = OutboxRows.rows(pool, conversation);
        assertTrue(rows.stream().allMatch(r -> r.status().equals("failed")), rows.toString());
        assertTrue(rows.get(0).failureReason().contains("bot was blocked by the user"), rows.get(0).failureReason());
        assertEquals(2, requestsTo("704").size(), "a failed message does not block the next one, and is tried once");
    }

    @Test
    void a_message_still_failing_after_the_retry_budget_is_marked_failed() {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(503)));
        String conversation = OutboxRows.conversation(pool, "telegram", "705", Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", "705", Reply.text("Xin chào"));

        dispatcher(Map.of("outbox.max-attempts", "3")).start();

        assertTrue(Await.until(Waits.BACKGROUND, () -> OutboxRows.rows(pool, conversation).get(0).status().equals("failed")));
        OutboxRows.Row row = OutboxRows.rows(pool, conversation).get(0);
        assertEquals(3, row.attempts());
        assertTrue(row.failureReason().startsWith("gave up after 3 attempts"), row.failureReason());
        assertEquals(3, requestsTo("705").size());
    }

    @Test
    void long_texts_are_split_and_oversized_button_actions_are_left_out() {
        ok();
        String conversation = OutboxRows.conversation(pool, "telegram", "706", Instant.now());
        String paragraph = "Thủ tục đăng ký khai sinh gồm các bước sau đây. ".repeat(40) + "\n";
        String longText = paragraph.repeat(5); // ~10 000 characters
        OutboxRows.enqueue(pool, conversation, "telegram", "706", new Reply(longText, List.of(
                new vn.warddesk.bot.message.Button("Hỏi tiếp", "ask:birth:documents"),
                new vn.warddesk.bot.message.Button("Quá dài", "x".repeat(65)))));

        dispatcher(Map.of()).drain();

        List<LoggedRequest> requests = requestsTo("706");
        assertEquals(3, requests.size());
        for (LoggedRequest request : requests) {
            String text = request.getBodyAsString().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
            assertTrue(text.length() <= 4096, "part of " + text.length());
        }
        assertTrue(requests.get(2).getBodyAsString().contains("ask:birth:documents"));
        assertTrue(!requests.get(2).getBodyAsString().contains("xxxxx"), "a 65-byte callback_data is not sent");
        assertTrue(!requests.get(0).getBodyAsString().contains("inline_keyboard"), "buttons go under the last part");
    }

    private static double counter(String name) {
        return io.helidon.metrics.api.Metrics.globalRegistry()
                .getOrCreate(io.helidon.metrics.api.Counter.builder(name)).count();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
