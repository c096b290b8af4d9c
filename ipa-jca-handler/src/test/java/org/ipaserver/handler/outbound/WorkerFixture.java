package org.ipaserver.handler.outbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.spi.EchoHandler;
import org.ipaserver.handler.spi.SleepHandler;

/** A started adapter whose connection factory runs the programs of a temporary handlers folder through a pool. */
final class WorkerFixture implements AutoCloseable {

    final ExecutorService threads = Executors.newCachedThreadPool();
    final HandlerPrograms programs;
    final HandlerResourceAdapter adapter = new HandlerResourceAdapter();
    final TestPool pool = new TestPool();
    final HandlerConnectionFactory connections;

    WorkerFixture(Path root) throws Exception {
        programs = new HandlerPrograms(Files.createDirectory(root.resolve("handlers")));
        adapter.start(new HandlerRegistry(List.of(new EchoHandler(), new SleepHandler())), threads);
        var factory = new HandlerManagedConnectionFactory();
        factory.setHandlersDirectory(programs.folder().toString());
        factory.setResourceAdapter(adapter);
        connections = (HandlerConnectionFactory) factory.createConnectionFactory(pool);
    }

    HandlerResult run(String handlerName, Map<String, String> inputs, Duration timeout) {
        try (var connection = connections.getConnection(handlerName)) {
            return connection.run(new HandlerRequest(handlerName, inputs, timeout, "call-1", "flow-9/call-1"));
        }
    }

    HandlerResult run(String handlerName) {
        return run(handlerName, Map.of(), Duration.ofSeconds(10));
    }

    @Override
    public void close() throws Exception {
        pool.destroyAll();
        adapter.stop();
        threads.shutdownNow();
    }
}
