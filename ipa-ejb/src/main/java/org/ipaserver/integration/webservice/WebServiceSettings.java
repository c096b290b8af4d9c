package org.ipaserver.integration.webservice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.Optional;

/**
 * Server-wide settings of web service calls (MicroProfile Config keys):
 * {@code ipa.webservice.caBundle} a PEM file of CA certificates trusted besides the JVM's roots;
 * {@code ipa.webservice.maxAnswerBytes} the largest answer read (default 10 MiB);
 * {@code ipa.webservice.timeout} connect and read timeout of an action without one (default PT30S).
 */
public record WebServiceSettings(Path caBundle, long maxAnswerBytes, Duration defaultTimeout) {

    public static final long DEFAULT_MAX_ANSWER_BYTES = 10L * 1024 * 1024;

    static WebServiceSettings from(Function<String, Optional<String>> config) {
        return new WebServiceSettings(
                config.apply("ipa.webservice.caBundle").filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                config.apply("ipa.webservice.maxAnswerBytes").map(Long::parseLong).orElse(DEFAULT_MAX_ANSWER_BYTES),
                config.apply("ipa.webservice.timeout").map(Duration::parse).orElse(Duration.ofSeconds(30)));
    }
}
