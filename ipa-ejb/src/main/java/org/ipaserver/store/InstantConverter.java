package org.ipaserver.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in TIMESTAMP columns, as UTC wall-clock time whatever the JVM's default zone. A driver
 * renders a {@link Timestamp} in that zone field by field, so the converter hands it a timestamp
 * whose fields are the UTC ones. The one thing the default zone still decides: a UTC wall-clock
 * time that does not exist there (its spring-forward hour) is shifted by the JDK; the servers run
 * in UTC (user.timezone) so that no instant is ever affected.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
