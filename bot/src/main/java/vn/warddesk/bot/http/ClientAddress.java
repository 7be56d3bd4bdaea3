package vn.warddesk.bot.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The real client address of a request. Only when {@code edge.trust-forwarded-headers} is on and the socket peer is
 * one of {@code edge.trusted-proxies} (addresses or CIDR ranges) is X-Forwarded-For read, from the right, skipping
 * trusted proxies: the first address a trusted proxy did not add itself is the client. A client cannot pick its
 * own bucket by sending the header directly.
 */
public final class ClientAddress {
    private final boolean trustForwarded;
    private final List<Range> proxies;

    public ClientAddress(boolean trustForwarded, List<String> trustedProxies) {
        this.trustForwarded = trustForwarded;
        this.proxies = trustedProxies.stream().map(Range::parse).toList();
    }

    public static ClientAddress of(EdgeSettings settings) {
        return new ClientAddress(settings.trustForwardedHeaders(), settings.trustedProxies());
    }

    /** Direct connections only: the socket peer is the client. */
    public static ClientAddress direct() {
        return new ClientAddress(false, List.of());
    }

    public String of(ServerRequest req) {
        String peer = peer(req);
        if (!fromTrustedProxy(req)) {
            return peer;
        }
        List<String> hops = req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return peer; // a forged or broken header: fall back to the proxy's own address
            }
            if (!trusted(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        return peer;
    }

    /** True when the request came through a configured, trusted proxy (so its X-Forwarded-* headers count). */
    public boolean fromTrustedProxy(ServerRequest req) {
        return trustForwarded && literal(peer(req)).map(this::trusted).orElse(false);
    }

    private boolean trusted(InetAddress address) {
        return proxies.stream().anyMatch(r -> r.contains(address));
    }

    private static String peer(ServerRequest req) {
        if (req.remotePeer().address() instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return req.remotePeer().host();
    }

    /** An IP literal (never a DNS look-up), or empty. */
    static Optional<InetAddress> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.isEmpty() || t.length() > 45 || !t.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() -> new io.helidon.config.ConfigException(
                    "edge.trusted-proxies: '" + text + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            return new Range(address.getAddress(), Math.min(prefix, bits));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
