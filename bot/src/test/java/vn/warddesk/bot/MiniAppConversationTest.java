package vn.warddesk.bot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.privacy.KeyedHash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Zalo Mini App starts conversations through the web API; a verified user token binds it to the Zalo user. */
@ServerTest
class MiniAppConversationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZALO_USER = "5423717283019876543";
    private static MiniAppServer app;
    private final Http1Client client;

    MiniAppConversationTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        app = MiniAppServer.start(server, "mini_app_conversation", graph -> {
            graph.stubFor(get(urlPathEqualTo("/v2.0/me")).withHeader("access_token", equalTo("good-token"))
                                  .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                      .withBody("{\"id\":\"" + ZALO_USER + "\",\"error\":0,\"message\":\"Success\"}")));
            graph.stubFor(get(urlPathEqualTo("/v2.0/me")).withHeader("access_token", equalTo("bad-token"))
                                  .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                      .withBody("{\"error\":-501,\"message\":\"Access token is invalid\"}")));
        }, Map.of("catalog.dir", "../config/catalog", "zalo.app-id", "1234567890", "privacy.hash-key", "mini-app-test-key"));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void a_verified_user_is_bound_by_keyed_hash_and_gets_the_same_conversation_back() throws Exception {
        JsonNode first = start("{\"channel\":\"zalo_mini_app\",\"locale\":\"vi\",\"zaloAccessToken\":\"good-token\"}",
                               Status.CREATED_201);
        JsonNode second = start("{\"channel\":\"zalo_mini_app\",\"locale\":\"vi\",\"zaloAccessToken\":\"good-token\"}",
                                Status.CREATED_201);
        assertEquals(first.path("id").asText(), second.path("id").asText(), "same Zalo user, same conversation");
        assertNotEquals(first.path("token").asText(), second.path("token").asText());
        assertEquals(new KeyedHash("mini-app-test-key").hash(ZALO_USER), userHash(first.path("id").asText()),
                     "only the keyed hash of the Zalo id is stored");
        try (Http1ClientResponse old = client.post("/api/v1/conversations/" + first.path("id").asText() + "/messages")
                .header(io.helidon.http.HeaderNames.AUTHORIZATION, "Bearer " + first.path("token").asText())
                .contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON)
                .submit("{\"text\":\"xin chào\"}")) {
            assertEquals(Status.UNAUTHORIZED_401, old.status(), "the earlier token no longer opens it");
        }
    }

    @Test
    void an_unverifiable_token_is_refused_and_no_token_means_anonymous() throws Exception {
        JsonNode refused = start("{\"channel\":\"zalo_mini_app\",\"zaloAccessToken\":\"bad-token\"}", Status.UNAUTHORIZED_401);
        assertTrue(refused.path("message").asText().contains("Zalo"), refused.toString());
        JsonNode anonymous = start("{\"channel\":\"zalo_mini_app\",\"locale\":\"en\"}", Status.CREATED_201);
        assertEquals(null, userHash(anonymous.path("id").asText()));
    }

    private JsonNode start(String body, Status expected) throws Exception {
        try (Http1ClientResponse response = client.post("/api/v1/conversations")
                .contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON).submit(body)) {
            assertEquals(expected, response.status());
            return JSON.readTree(response.as(String.class));
        }
    }

    private static String userHash(String conversationId) throws Exception {
        try (Connection c = app.pool.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT channel_user_hash FROM conversation WHERE id = ?")) {
            q.setString(1, conversationId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
