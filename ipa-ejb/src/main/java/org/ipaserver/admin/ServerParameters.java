package org.ipaserver.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server parameters of the original product, under their original names, with their defaults.
 * Values come from any key lookup (MicroProfile Config in the server, a map in tests); an invalid
 * value is refused with a message naming the parameter, the value and what is allowed.
 */
public record ServerParameters(
        boolean blockLaunchDuringRestore,
        int depthThreshold,
        Duration handlerResponseTimeout,
        int maximumMonitoredFlows,
        int loadBalanceThreshold,
        boolean connectIpaEnabled) {

    public static final String BLOCK_LAUNCH_DURING_RESTORE = "PAS_blockLaunchDuringRestore";
    public static final String DEPTH_THRESHOLD = "PAS_DepthThreshold";
    public static final String HANDLER_RESPONSE_TIMEOUT = "PAS_HandlerResponseTimeout";
    public static final String MAXIMUM_MONITORED_FLOWS = "PAS Maximum Monitored Flows";
    /** Same parameter under a name that environment variables and -D options can carry. */
    public static final String MAXIMUM_MONITORED_FLOWS_ALIAS = "PAS_MaximumMonitoredFlows";
    public static final String LOAD_BALANCE_THRESHOLD = "PAS_LoadBalanceThreshold";
    public static final String CONNECT_IPA_ENABLED = "ConnectIPAEnabled";

    public static ServerParameters defaults() {
        return from(key -> Optional.empty());
    }

    /** Reads every parameter; throws {@link InvalidServerParameterException} listing all bad values. */
    public static ServerParameters from(Function<String, Optional<String>> lookup) {
        var problems = new ArrayList<String>();
        var parser = new Parser(lookup, problems);
        var parameters = new ServerParameters(
                parser.bool(BLOCK_LAUNCH_DURING_RESTORE, false),
                parser.integer(DEPTH_THRESHOLD, 10, 1),
                Duration.ofSeconds(parser.integer(HANDLER_RESPONSE_TIMEOUT, 30, 0)),
                parser.integer(MAXIMUM_MONITORED_FLOWS, MAXIMUM_MONITORED_FLOWS_ALIAS, 5000, 100),
                parser.integer(LOAD_BALANCE_THRESHOLD, 5000, 1000),
                parser.bool(CONNECT_IPA_ENABLED, false));
        if (!problems.isEmpty()) {
            throw new InvalidServerParameterException(problems);
        }
        return parameters;
    }

    /** The parameters under their original names, as the API shows them. */
    public Map<String, Object> asMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put(BLOCK_LAUNCH_DURING_RESTORE, blockLaunchDuringRestore);
        map.put(DEPTH_THRESHOLD, depthThreshold);
        map.put(HANDLER_RESPONSE_TIMEOUT, handlerResponseTimeout.toSeconds());
        map.put(MAXIMUM_MONITORED_FLOWS, maximumMonitoredFlows);
        map.put(LOAD_BALANCE_THRESHOLD, loadBalanceThreshold);
        map.put(CONNECT_IPA_ENABLED, connectIpaEnabled);
        return map;
    }

    private record Parser(Function<String, Optional<String>> lookup, List<String> problems) {

        boolean bool(String name, boolean fallback) {
            var raw = lookup.apply(name).map(String::trim);
            if (raw.isEmpty() || raw.get().isEmpty()) {
                return fallback;
            }
            switch (raw.get().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "t", "y":
                    return true;
                case "false", "0", "no", "f", "n":
                    return false;
                default:
                    problems.add(name + " = '" + raw.get() + "' is not a boolean (use true/false, 1/0 or yes/no)");
                    return fallback;
            }
        }

        int integer(String name, int fallback, int minimum) {
            return integer(name, null, fallback, minimum);
        }

        int integer(String name, String alias, int fallback, int minimum) {
            var raw = lookup.apply(name);
            if ((raw.isEmpty() || raw.get().isBlank()) && alias != null) {
                raw = lookup.apply(alias);
            }
            if (raw.isEmpty() || raw.get().isBlank()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get().trim());
                if (value < minimum) {
                    problems.add(name + " = " + value + " is below its minimum of " + minimum);
                    return fallback;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(name + " = '" + raw.get() + "' is not a whole number");
                return fallback;
            }
        }
    }
}
