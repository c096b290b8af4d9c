package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.spi.ManagedConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerTimeoutException;
import org.ipaserver.handler.spi.EchoHandler;
import org.ipaserver.handler.spi.SleepHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerManagedConnectionFactoryTest {

    private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void equalWhenConfiguredAlike() {
        var a = factory(30);
        var b = factory(30);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, factory(5));
        assertNotEquals(a, null);
        assertNotEquals(a, new Object());
    }

    @Test
    void theHandlersDirectoryIsPartOfEquality() {
        var a = factory(30);
        a.setHandlersDirectory("/opt/ipa/handlers");
        var b = factory(30);
        b.setHandlersDirectory(" /opt/ipa/handlers ");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("/opt/ipa/handlers", b.getHandlersDirectory());
        assertNotEquals(a, factory(30));
    }

    @Test
    void theHandlersDirectoryIsUnsetByDefault() {
        assertEquals("", new HandlerManagedConnectionFactory().getHandlersDirectory());
    }

    @Test
    void aRequestForAHandlerMatchesAConnectionMeantForIt() throws Exception {
        var factory = factory(30);
        factory.setResourceAdapter(startedAdapter());
        var forA = factory.createManagedConnection(null, new HandlerRequestInfo("a"));
        var forB = factory.createManagedConnection(null, new HandlerRequestInfo("b"));
        var unbound = factory.createManagedConnection(null, null);

        assertSame(forA, factory.matchManagedConnections(Set.of(forB, unbound, forA), null, new HandlerRequestInfo("a")));
        assertSame(unbound, factory.matchManagedConnections(Set.of(forB, unbound), null, new HandlerRequestInfo("a")));
        assertNull(factory.matchManagedConnections(Set.of(forB), null, new HandlerRequestInfo("a")),
                "another handler's worker is not stopped while the pool can make a connection");
        assertSame(unbound, factory.matchManagedConnections(Set.of(forA, unbound, forB), null, null));
        assertSame(forA, factory.matchManagedConnections(Set.of(forA), null, null));
    }

    @Test
    void theAdapterIsNotPartOfEquality() throws Exception {
        var a = factory(30);
        a.setResourceAdapter(startedAdapter());

        assertEquals(factory(30), a);
    }

    @Test
    void refusesANegativeDefaultTimeout() {
        var factory = new HandlerManagedConnectionFactory();

        assertThrows(IllegalArgumentException.class, () -> factory.setDefaultTimeoutSeconds(-1));
        assertEquals(30, factory.getDefaultTimeoutSeconds());
    }

    @Test
    void matchesOnlyItsOwnConnections() throws Exception {
        var factory = factory(30);
        factory.setResourceAdapter(startedAdapter());
        var ours = factory.createManagedConnection(null, null);
        var other = factory(5);
        other.setResourceAdapter(startedAdapter());
        ManagedConnection theirs = other.createManagedConnection(null, null);

        assertSame(ours, factory.matchManagedConnections(Set.of(theirs, ours), null, null));
        assertNull(factory.matchManagedConnections(Set.of(theirs), null, null));
    }

    @Test
    void runsHandlersWithoutAServer() throws Exception {
        var factory = factory(30);
        factory.setResourceAdapter(startedAdapter());
        var connections = (HandlerConnectionFactory) factory.createConnectionFactory();

        try (var connection = connections.getConnection()) {
            var result = connection.run("echo", Map.of("order", "7"), Duration.ofSeconds(5));
            assertEquals(Map.of("order", "7"), result.outputs());
        }
    }

    @Test
    void theConfiguredDefaultTimeoutApplies() throws Exception {
        var factory = factory(1);
        factory.setResourceAdapter(startedAdapter());
        var connections = (HandlerConnectionFactory) factory.createConnectionFactory();

        try (var connection = connections.getConnection()) {
            var e = assertThrows(HandlerTimeoutException.class,
                    () -> connection.run("sleep", Map.of("millis", "10000")));
            assertEquals(Duration.ofSeconds(1), e.timeout());
        }
    }

    @Test
    void needsItsAdapterToMakeConnections() {
        assertThrows(IllegalStateException.class, () -> factory(30).createManagedConnection(null, null));
    }

    private static HandlerManagedConnectionFactory factory(int defaultTimeoutSeconds) {
        var factory = new HandlerManagedConnectionFactory();
        factory.setDefaultTimeoutSeconds(defaultTimeoutSeconds);
        return factory;
    }

    private HandlerResourceAdapter startedAdapter() {
        var adapter = new HandlerResourceAdapter();
        adapter.start(new HandlerRegistry(List.of(new EchoHandler(), new SleepHandler())), threads);
        return adapter;
    }
}
