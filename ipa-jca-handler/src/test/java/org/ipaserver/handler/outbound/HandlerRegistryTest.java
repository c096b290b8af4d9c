package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.UnknownHandlerException;
import org.ipaserver.handler.spi.EchoHandler;
import org.ipaserver.handler.spi.Handler;
import org.ipaserver.handler.spi.SleepHandler;
import org.junit.jupiter.api.Test;

class HandlerRegistryTest {

    @Test
    void discoversTheBuiltInsThroughTheServiceLoader() {
        var registry = HandlerRegistry.discover(HandlerRegistry.class.getClassLoader());

        assertEquals(Set.of("echo", "sleep"), registry.names());
        assertInstanceOf(EchoHandler.class, registry.find("echo"));
        assertInstanceOf(SleepHandler.class, registry.find("sleep"));
    }

    @Test
    void anUnknownNameIsNamedInTheFailure() {
        var registry = new HandlerRegistry(List.of(new EchoHandler()));

        var e = assertThrows(UnknownHandlerException.class, () -> registry.find("crm-lookup"));
        assertEquals("crm-lookup", e.handlerName());
        assertTrue(e.getMessage().contains("'crm-lookup'"), e.getMessage());
        assertTrue(e.getMessage().contains("echo"), e.getMessage());
    }

    @Test
    void theFirstHandlerOfANameWins() {
        var first = new Named("twin");
        var registry = new HandlerRegistry(List.of(first, new Named("twin")));

        assertSame(first, registry.find("twin"));
    }

    @Test
    void handlersWithoutANameAreIgnored() {
        var registry = new HandlerRegistry(List.of(new Named(" "), new Named(null)));

        assertTrue(registry.names().isEmpty());
    }

    private record Named(String name) implements Handler {
        @Override
        public HandlerResult run(Map<String, String> inputs) {
            return HandlerResult.success(inputs);
        }
    }
}
