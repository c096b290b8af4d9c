import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The web service of .ci/durability: counts its calls per Idempotency-Key in <dir>/ws-calls, holds
 * each answer while <dir>/ws-slow exists, answers {"count": n}. Run with the JDK alone:
 * java .ci/CountingService.java <port> <dir>
 */
public class CountingService {
    public static void main(String[] args) throws IOException {
        var dir = Path.of(args[1]);
        var calls = dir.resolve("ws-calls");
        var slow = dir.resolve("ws-slow");
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 50);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/count", exchange -> {
            exchange.getRequestBody().readAllBytes();
            var key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            long count;
            synchronized (CountingService.class) {
                Files.writeString(calls, key + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                count = Files.readAllLines(calls).stream().filter(key::equals).count();
            }
            while (Files.exists(slow)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            var body = ("{\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("counting service on port " + args[0]);
    }
}
