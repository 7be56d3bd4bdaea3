package vn.warddesk.bot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ZaloMiniAppVerifierTest {
    private static final String ME = "/v2.0/me?fields=id,name";
    private static WireMockServer graph;
    private ZaloMiniAppVerifier verifier;

    @BeforeAll
    static void start() {
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
        verifier = ZaloMiniAppVerifier.create(vn.warddesk.bot.WardDeskSettings.read(ZaloWebhookTest.config(graph.baseUrl())).channels().zalo());
    }

    @Test
    void a_valid_user_token_yields_the_zalo_user_id_and_carries_the_app_secret_proof() throws Exception {
        graph.stubFor(get(urlEqualTo(ME)).withHeader("access_token", equalTo("user-token-1"))
                              .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                  .withBody("{\"id\":\"5423717283019876543\",\"name\":\"Nguyễn Văn An\",\"error\":0,\"message\":\"Success\"}")));

        assertEquals(Optional.of("5423717283019876543"), verifier.verifiedUserId("user-token-1"));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String proof = HexFormat.of().formatHex(mac.doFinal("user-token-1".getBytes(StandardCharsets.UTF_8)));
        assertEquals(proof, graph.findAll(getRequestedFor(urlEqualTo(ME))).get(0).getHeader("appsecret_proof"));
    }

    @Test
    void an_invalid_token_yields_nothing() {
        graph.stubFor(get(urlEqualTo(ME)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                             .withBody("{\"error\":452,\"message\":\"Session key invalid\"}")));
        assertEquals(Optional.empty(), verifier.verifiedUserId("stolen-or-expired"));
        assertEquals(Optional.empty(), verifier.verifiedUserId(""));
    }

    @Test
    void a_graph_api_hiccup_is_retried() {
        graph.stubFor(get(urlEqualTo(ME)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                              .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        graph.stubFor(get(urlEqualTo(ME)).inScenario("s").whenScenarioStateIs("up")
                              .willReturn(aResponse().withBody("{\"id\":\"77\",\"name\":\"B\"}")));
        assertEquals(Optional.of("77"), verifier.verifiedUserId("user-token-2"));
        assertEquals(2, graph.findAll(getRequestedFor(urlEqualTo(ME))).size());
    }
}
