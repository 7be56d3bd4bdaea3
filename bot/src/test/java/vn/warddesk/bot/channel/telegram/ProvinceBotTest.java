package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration's bot serving a whole province: it asks "which ward?" and routes each citizen to the ward named. */
@ServerTest
class ProvinceBotTest {
    private static WireMockServer telegram;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;

    private final Http1Client client;

    ProvinceBotTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlMatching("/bot.*/(sendMessage|answerCallbackQuery)"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        pool = TestDatabase.fresh("province_bot");
        Instant now = Instant.now();
        WardStore wards = new WardStore(pool);
        wards.putProvince(new Province("demo-quang-nam", "Tỉnh Quảng Nam (DEMO)", "Quang Nam Province (DEMO)"), now);
        wards.putWard(new Ward("hoa-khanh", "demo-da-nang", "Phường Hòa Khánh", "Hoa Khanh Ward", true, false), now);
        wards.putWard(new Ward("hoa-phu-dn", "demo-da-nang", "Xã Hòa Phú", "Hoa Phu Commune", true, false), now);
        wards.putWard(new Ward("hoa-phu-qn", "demo-quang-nam", "Phường Hòa Phú", "Hoa Phu Ward", true, false), now);
        port = new RecordingPort(pool);
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(WardBotsTest.config(telegram.baseUrl(), true)).channels(), pool, Clock.systemUTC(), port);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(r);
        });
    }

    @AfterAll
    static void close() {
        channels.close();
        pool.close();
        telegram.stop();
    }

    @Test
    void the_first_message_asks_which_ward_and_the_answer_without_diacritics_routes_the_conversation() {
        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3001, 801, "/start", "vi")));
        assertTrue(sent(801, 1).get(0).contains("phường/xã nào"), "asked which ward");
        assertEquals(0, WardBotsTest.inboxRows(pool, "tg:3001"), "nothing for the engine yet");

        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3002, 801, "phuong hoa an", "vi")));
        InboundEvent chosen = eventFor("tg:3002");
        assertEquals("demo-hoa-an", ward(chosen));
        assertInstanceOf(Input.Started.class, chosen.input(), "the ward's conversation starts with its greeting");

        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3003, 801, "Lệ phí khai sinh?", "vi")));
        InboundEvent next = eventFor("tg:3003");
        assertEquals("demo-hoa-an", ward(next));
        assertEquals(new Input.Text("Lệ phí khai sinh?"), next.input());
        assertTrue(Await.until(Waits.BACKGROUND, () -> sent(801, 3).stream().anyMatch(b -> b.contains("heard: Lệ phí"))),
                   "the ward's reply goes out through the province bot");
    }

    @Test
    void an_address_that_contains_the_ward_name_routes_too() {
        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3011, 802, "12 Âu Cơ, P. Hòa Khánh, Đà Nẵng", "vi")));
        assertEquals("hoa-khanh", ward(eventFor("tg:3011")));
    }

    @Test
    void an_ambiguous_name_offers_the_candidates_as_buttons_and_a_press_routes() {
        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3021, 803, "Hoa Phu", "vi")));
        String question = sent(803, 1).get(0);
        assertTrue(question.contains("ward:hoa-phu-dn") && question.contains("ward:hoa-phu-qn"), question);
        assertEquals(0, WardBotsTest.inboxRows(pool, "tg:3021"));

        String press = """
                {"update_id":3022,"callback_query":{"id":"cbq-3022","chat_instance":"-7","data":"ward:hoa-phu-qn",
                 "from":{"id":803,"is_bot":false,"first_name":"An","language_code":"vi"},
                 "message":{"message_id":9,"date":1732780800,"chat":{"id":803,"type":"private"},"text":"?"}}}""";
        assertEquals(Status.OK_200, webhook(press));
        assertEquals("hoa-phu-qn", ward(eventFor("tg:3022")));
    }

    @Test
    void a_name_no_ward_has_is_asked_again() {
        assertEquals(Status.OK_200, webhook(TelegramWebhookTest.textUpdate(3031, 804, "Phường Không Có", "vi")));
        assertTrue(sent(804, 1).get(0).contains("chưa tìm thấy"));
        assertEquals(0, WardBotsTest.inboxRows(pool, "tg:3031"));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("tg:3031")));
    }

    private static String ward(InboundEvent event) {
        return ((ConversationRef.ByChannelUser) event.conversation()).wardId();
    }

    private Status webhook(String body) {
        try (Http1ClientResponse response = client.post("/webhooks/telegram")
                .header(TelegramWebhook.SECRET_HEADER, WardBotsTest.GLOBAL_SECRET)
                .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body)) {
            return response.status();
        }
    }

    private static InboundEvent eventFor(String eventId) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals(eventId))));
        return port.events().stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private static List<String> sent(long chatId, int atLeast) {
        return WardBotsTest.sent(telegram, WardBotsTest.GLOBAL_TOKEN, chatId, atLeast).stream()
                .map(r -> r.getBodyAsString()).toList();
    }
}
