package org.ipaserver.integration.webservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP endpoint on 127.0.0.1 that records what it received and counts calls per idempotency key. */
final class TestServer implements AutoCloseable {

    record Received(String method, String rawPath, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
    private final HttpServer server;

    TestServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool());
    }

    static TestServer http() {
        try {
            return new TestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every request on path with the handler, after recording it. */
    TestServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                callsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    TestServer start() {
        server.start();
        return this;
    }

    /** The server's own base address, https for an HttpsServer. */
    String base() {
        return base(server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http");
    }

    String base(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
