package org.ipaserver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerParametersTest {

    private static ServerParameters of(Map<String, String> values) {
        return ServerParameters.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsAreThoseOfTheOriginal() {
        var parameters = ServerParameters.defaults();
        assertFalse(parameters.blockLaunchDuringRestore());
        assertEquals(Duration.ofSeconds(30), parameters.handlerResponseTimeout());
        assertEquals(5000, parameters.maximumMonitoredFlows());
        assertEquals(5000, parameters.loadBalanceThreshold());
        assertFalse(parameters.connectIpaEnabled());
    }

    @Test
    void valuesAreReadUnderTheirOriginalNames() {
        var parameters = of(Map.of("PAS_blockLaunchDuringRestore", "Yes", "PAS_DepthThreshold", "4",
                "PAS_HandlerResponseTimeout", "0", "PAS Maximum Monitored Flows", "100",
                "PAS_LoadBalanceThreshold", "1000", "ConnectIPAEnabled", "t"));
        assertTrue(parameters.blockLaunchDuringRestore());
        assertEquals(4, parameters.depthThreshold());
        assertEquals(Duration.ZERO, parameters.handlerResponseTimeout(), "0 = unlimited");
        assertEquals(100, parameters.maximumMonitoredFlows());
        assertTrue(parameters.connectIpaEnabled());
        assertEquals(250, of(Map.of("PAS_MaximumMonitoredFlows", "250")).maximumMonitoredFlows());
    }

    @Test
    void everyInvalidValueIsRefusedWithItsNameAtOnce() {
        var error = assertThrows(InvalidServerParameterException.class, () -> of(Map.of(
                "PAS Maximum Monitored Flows", "99", "PAS_LoadBalanceThreshold", "many",
                "PAS_blockLaunchDuringRestore", "perhaps")));
        assertEquals(3, error.problems().size(), error.problems().toString());
        assertTrue(error.getMessage().contains("PAS Maximum Monitored Flows = 99 is below its minimum of 100"));
        assertTrue(error.getMessage().contains("PAS_LoadBalanceThreshold = 'many' is not a whole number"));
        assertTrue(error.getMessage().contains("PAS_blockLaunchDuringRestore = 'perhaps' is not a boolean"));
    }
}
