package vn.warddesk.bot.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    @Test
    void only_literal_addresses_are_accepted_never_host_names() {
        assertTrue(ClientAddress.literal("example.org").isEmpty(), "no DNS look-up from a header");
        assertTrue(ClientAddress.literal("203.0.113.9").isPresent());
        assertTrue(ClientAddress.literal("[2001:db8::1]").isPresent());
        assertTrue(ClientAddress.literal("1.2.3.4\u0000").isEmpty());
    }
}
