package vn.warddesk.bot.channel.zalo;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ZaloHttp sends and how it reports answers, errors and the two kinds of "no answer". */
class ZaloHttpTest {
    private static WireMockServer zalo;
    private final ZaloHttp http = new ZaloHttp(Duration.ofSeconds(2));

    @BeforeAll
    static void start() {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
    }

    @AfterAll
    static void stop() {
        zalo.stop();
    }

    @BeforeEach
    void reset() {
        zalo.resetAll();
    }

    @Test
    void a_post_carries_its_headers_and_utf8_body_and_the_json_answer_is_read() {
        zalo.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"error\":-216,\"message\":\"Access token is invalid\"}")));

        ZaloHttp.Answer answer = http.send(ZaloHttp.Request.post(zalo.baseUrl() + "/v3.0/oa/message/cs", "application/json",
                                                                 "{\"text\":\"Lệ phí 8.000 đồng\"}")
                                                   .header("access_token", "tok-1"));

        assertEquals(200, answer.status());
        assertEquals(-216, answer.error());
        assertEquals("Access token is invalid", answer.message());
        var sent = zalo.findAll(postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                                        .withHeader("access_token", equalTo("tok-1"))
                                        .withHeader("Content-Type", equalTo("application/json")));
        assertEquals(1, sent.size());
        assertEquals("{\"text\":\"Lệ phí 8.000 đồng\"}", sent.get(0).getBodyAsString());
    }

    @Test
    void a_get_sends_no_body_and_a_non_json_answer_keeps_its_status() {
        zalo.stubFor(get(urlEqualTo("/v2.0/me/info")).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        ZaloHttp.Answer answer = http.send(ZaloHttp.Request.get(zalo.baseUrl() + "/v2.0/me/info").header("code", "c-1"));

        assertEquals(502, answer.status());
        assertEquals("HTTP 502", answer.message(), "no JSON: the problem stands in for Zalo's message");
        assertTrue(answer.mayHaveReached());
        assertEquals("", zalo.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    @Test
    void a_reset_connection_may_have_reached_zalo_but_a_refused_one_has_not() throws IOException {
        zalo.stubFor(post(urlEqualTo("/v4/oa/access_token")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ZaloHttp.Answer reset = http.send(ZaloHttp.Request.post(zalo.baseUrl() + "/v4/oa/access_token",
                                                                "application/x-www-form-urlencoded", "grant_type=refresh_token"));
        assertEquals(0, reset.status());
        assertTrue(reset.mayHaveReached(), "a single-use refresh token must not be sent again: " + reset.problem());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ZaloHttp.Answer refused = http.send(ZaloHttp.Request.post("http://127.0.0.1:" + closedPort + "/v4/oa/access_token",
                                                                  "application/x-www-form-urlencoded", "grant_type=refresh_token"));
        assertEquals(0, refused.status());
        assertFalse(refused.mayHaveReached(), "nothing left this machine: " + refused.problem());
    }
}
