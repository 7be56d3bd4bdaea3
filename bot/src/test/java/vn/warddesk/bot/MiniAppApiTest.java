package vn.warddesk.bot;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.zalo.MiniAppApi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/miniapp (the app's look from the ward's config) and the phone-number exchange with Zalo (WireMock). */
@ServerTest
class MiniAppApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MiniAppServer app;
    private final Http1Client client;

    MiniAppApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        app = MiniAppServer.start(server, "miniapp_api", graph -> {
            graph.stubFor(get(urlPathEqualTo("/v2.0/me/info")).withHeader("access_token", equalTo("user-token"))
                                  .withHeader("code", equalTo("phone-token")).withHeader("secret_key", equalTo("app-secret"))
                                  .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                      .withBody("{\"data\":{\"number\":\"84912345678\"},\"error\":0,\"message\":\"Success\"}")));
            graph.stubFor(get(urlPathEqualTo("/v2.0/me/info")).withHeader("code", equalTo("used-token"))
                                  .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                      .withBody("{\"error\":-2002,\"message\":\"Invalid code\"}")));
        }, Map.of("zalo.mini-app.name.vi", "Phường Hòa An", "zalo.mini-app.primary-color", "#C62828",
                  "zalo.mini-app.logo-url", "https://ward.example.vn/logo.png"));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private JsonNode look(String locale) throws Exception {
        try (Http1ClientResponse response = client.get("/api/v1/miniapp").queryParam("locale", locale).request()) {
            assertEquals(200, response.status().code());
            return JSON.readTree(response.as(String.class));
        }
    }

    private Http1ClientResponse phone(String body) {
        return client.post("/api/v1/miniapp/phone-number").contentType(MediaTypes.APPLICATION_JSON).submit(body);
    }

    @Test
    void the_app_takes_its_name_colour_and_logo_from_the_ward_config() throws Exception {
        JsonNode vi = look("vi");
        assertEquals("Phường Hòa An", vi.path("name").asText());
        assertEquals("#c62828", vi.path("colours").path("primary").asText());
        assertEquals("https://ward.example.vn/logo.png", vi.path("logoUrl").asText());
        assertTrue(look("en").path("name").isNull(), "no English name set: the app uses the office's");
    }

    @Test
    void a_phone_token_confirmed_by_zalo_becomes_the_national_number() throws Exception {
        try (Http1ClientResponse response = phone("{\"zaloAccessToken\":\"user-token\",\"phoneToken\":\"phone-token\"}")) {
            assertEquals(200, response.status().code());
            assertEquals("0912345678", JSON.readTree(response.as(String.class)).path("number").asText());
        }
    }

    @Test
    void a_token_zalo_refuses_or_a_missing_one_gets_a_clear_4xx() {
        try (Http1ClientResponse response = phone("{\"zaloAccessToken\":\"user-token\",\"phoneToken\":\"used-token\"}")) {
            assertEquals(422, response.status().code());
        }
        try (Http1ClientResponse response = phone("{\"zaloAccessToken\":\"user-token\"}")) {
            assertEquals(400, response.status().code());
        }
        try (Http1ClientResponse response = phone("not json")) {
            assertEquals(400, response.status().code());
        }
    }

    @Test
    void a_malformed_colour_stops_start_up_with_the_key_named() {
        ConfigException e = assertThrows(ConfigException.class, () -> MiniAppApi.create(vn.warddesk.bot.WardDeskSettings.read(
                Config.just(ConfigSources.create(Map.of("zalo.mini-app.primary-color", "red")))).channels()));
        assertTrue(e.getMessage().contains("zalo.mini-app.primary-color"), e.getMessage());
    }
}
