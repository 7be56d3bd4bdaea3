package vn.warddesk.bot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTest {
    private static WireMockServer telegram;

    @BeforeAll
    static void start() {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlEqualTo("/bot9:adm/setWebhook")).willReturn(aResponse()
                .withBody("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
        telegram.stubFor(post(urlEqualTo("/bot9:adm/getWebhookInfo")).willReturn(aResponse()
                .withBody("{\"ok\":true,\"result\":{\"url\":\"https://ward.example/webhooks/telegram\",\"pending_update_count\":3}}")));
    }

    @AfterAll
    static void stop() {
        telegram.stop();
    }

    private static Config config() {
        return Config.just(ConfigSources.create(Map.of("telegram.bot-token", "9:adm", "telegram.webhook-secret", "Sec_ret-1",
                                                       "telegram.api-base-url", telegram.baseUrl())));
    }

    @Test
    void telegram_set_webhook_registers_the_url_with_the_secret_and_the_update_kinds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Admin.run(List.of("telegram-set-webhook", "--url", "https://ward.example/webhooks/telegram"), config(),
                               new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Webhook was set"));
        assertEquals(1, telegram.findAll(postRequestedFor(urlEqualTo("/bot9:adm/setWebhook"))
                .withRequestBody(matchingJsonPath("$.url", equalTo("https://ward.example/webhooks/telegram")))
                .withRequestBody(matchingJsonPath("$.secret_token", equalTo("Sec_ret-1")))
                .withRequestBody(matchingJsonPath("$.allowed_updates[1]", equalTo("callback_query")))).size());
    }

    @Test
    void telegram_webhook_info_prints_telegrams_answer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Admin.run(List.of("telegram-webhook-info"), config(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"pending_update_count\" : 3"));
    }

    @Test
    void a_missing_option_or_unknown_command_is_reported() {
        assertThrows(IllegalArgumentException.class, () -> Admin.run(List.of("telegram-set-webhook"), config(), System.out));
        assertEquals(2, Admin.run(List.of("frobnicate"), config(), System.out));
        assertThrows(IllegalStateException.class, () -> Admin.run(List.of("telegram-webhook-info"), Config.empty(), System.out));
    }
}
