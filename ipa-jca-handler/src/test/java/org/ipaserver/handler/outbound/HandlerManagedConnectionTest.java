package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.spi.EchoHandler;
import org.junit.jupiter.api.Test;

class HandlerManagedConnectionTest {

    private final HandlerRunner runner = new HandlerRunner(new HandlerRegistry(List.of(new EchoHandler())), Runnable::run);
    private final HandlerManagedConnection managed = new HandlerManagedConnection(new HandlerManagedConnectionFactory(), runner);
    private final Events events = new Events();

    @Test
    void closingTheHandleTellsThePool() throws Exception {
        managed.addConnectionEventListener(events);
        var handle = (HandlerConnection) managed.getConnection(null, null);

        handle.close();

        assertEquals(1, events.closed.size());
        var event = events.closed.get(0);
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, event.getId());
        assertSame(managed, event.getSource());
        assertSame(handle, event.getConnectionHandle());
    }

    @Test
    void closingTwiceTellsThePoolOnce() throws Exception {
        managed.addConnectionEventListener(events);
        var handle = (HandlerConnection) managed.getConnection(null, null);

        handle.close();
        handle.close();

        assertEquals(1, events.closed.size());
    }

    @Test
    void aClosedHandleRunsNothing() throws Exception {
        var handle = (HandlerConnection) managed.getConnection(null, null);
        handle.close();

        assertThrows(IllegalStateException.class, () -> handle.run("echo", Map.of(), Duration.ZERO));
    }

    @Test
    void anOpenHandleRunsHandlers() throws Exception {
        try (var handle = (HandlerConnection) managed.getConnection(null, null)) {
            assertEquals(Map.of("x", "1"), handle.run("echo", Map.of("x", "1"), Duration.ZERO).outputs());
        }
    }

    @Test
    void cleanupInvalidatesHandlesWithoutEvents() throws Exception {
        managed.addConnectionEventListener(events);
        var handle = (HandlerConnection) managed.getConnection(null, null);

        managed.cleanup();
        handle.close();

        assertTrue(events.closed.isEmpty());
        assertThrows(IllegalStateException.class, () -> handle.run("echo", Map.of(), Duration.ZERO));
    }

    @Test
    void anAssociatedHandleReportsToItsNewConnection() throws Exception {
        var other = new HandlerManagedConnection(new HandlerManagedConnectionFactory(), runner);
        var otherEvents = new Events();
        managed.addConnectionEventListener(events);
        other.addConnectionEventListener(otherEvents);
        var handle = (HandlerConnection) managed.getConnection(null, null);

        other.associateConnection(handle);
        managed.cleanup();
        handle.close();

        assertTrue(events.closed.isEmpty());
        assertEquals(1, otherEvents.closed.size());
        assertSame(other, otherEvents.closed.get(0).getSource());
    }

    @Test
    void refusesTransactions() {
        assertThrows(jakarta.resource.NotSupportedException.class, managed::getLocalTransaction);
        assertThrows(jakarta.resource.NotSupportedException.class, managed::getXAResource);
    }

    private static final class Events implements ConnectionEventListener {

        final List<ConnectionEvent> closed = new ArrayList<>();

        @Override
        public void connectionClosed(ConnectionEvent event) {
            closed.add(event);
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            throw new AssertionError("unexpected error event");
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
            throw new AssertionError("no transactions");
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
            throw new AssertionError("no transactions");
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
            throw new AssertionError("no transactions");
        }
    }
}
