package org.ipaserver.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs the local PostgreSQL. It runs when PostgreSQL answers; when it does not,
 * the class is reported as not run, with the reason, unless {@code -Ppostgresql} requires it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgresql")
@ExtendWith(PostgresqlAvailable.class)
public @interface PostgresqlSuite {
}
