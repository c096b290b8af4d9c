package org.ipaserver.monitor;

/**
 * A subscriber's connection as the hub sees it (the web module's WebSocket session behind an
 * outbox): {@link #send} never blocks; a client that cannot keep up is closed and comes back with
 * its last number.
 */
public interface MonitorClient {

    void send(String frame);
}
