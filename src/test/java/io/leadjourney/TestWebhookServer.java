package io.leadjourney;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in the test JVM that receives the application's webhooks (the suite configures it as the
 * target {@value #TARGET}). It records every request as received and answers with the status a test sets.
 */
public final class TestWebhookServer {

    public static final String TARGET = "test-crm";
    public static final String SECRET = "test-webhook-secret-0123456789";
    public static final String PATH = "/hooks/lead-journey";

    /** One request as the server saw it: headers (lower-case names) and the raw body. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger ANSWER = new AtomicInteger(200);
    private static HttpServer server;

    private TestWebhookServer() {
    }

    public static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(PATH, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(),
                        String.join(",", values)));
                RECEIVED.add(new Received(Map.copyOf(headers), body));
                byte[] answer = ANSWER.get() / 100 == 2 ? new byte[0]
                        : "{\"error\":\"the CRM is down\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(ANSWER.get(), answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
        }
        return server.getAddress().getPort();
    }

    public static String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    /** Requests received so far for the lead, in order. */
    public static List<Received> receivedFor(long leadId) {
        return RECEIVED.stream().filter(r -> r.body().contains("\"lead\":{\"id\":" + leadId + ",")).toList();
    }

    /** The status the next requests are answered with (200 unless a test says otherwise). */
    public static void answerWith(int status) {
        ANSWER.set(status);
    }
}
