package vn.warddesk.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook bench's Telegram: answers every {@code sendMessage} with {@code ok} and hands the body to a listener,
 * on platform threads named {@value #THREAD_PREFIX}… so the bench can tell its CPU apart from the server's. WireMock
 * (the tests' Telegram) spent about a third of the bench JVM's CPU on its request matching and Jetty; this one is the
 * JDK's plain HTTP server and costs a fraction of that.
 */
final class TelegramStandIn implements AutoCloseable {
    static final String THREAD_PREFIX = "telegram-stand-in-";
    private static final byte[] OK = "{\"ok\":true,\"result\":{\"message_id\":1}}".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService threads;

    private TelegramStandIn(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts on a free loopback port; {@code onSend} gets each request body (UTF-8). */
    static TelegramStandIn start(int threadCount, Consumer<String> onSend) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                onSend.accept(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, OK.length);
                out.write(OK);
            }
        });
        server.start();
        return new TelegramStandIn(server, threads);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
