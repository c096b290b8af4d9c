package org.ipaserver.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Properties;
import java.util.TimeZone;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * TIMESTAMP columns hold UTC, whatever the JVM's default time zone. JDBC drivers render a
 * {@link Timestamp} in that zone unless given a calendar, and EclipseLink (the provider of Payara
 * and Liberty) gives none: so the connections it gets are wrapped to pass a UTC calendar wherever
 * a timestamp is written or read. Set as {@code eclipselink.session.customizer} of the unit.
 */
public class UtcTimestamps implements SessionCustomizer {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Override
    public void customize(Session session) {
        wrap(session.getDatasourceLogin());
        if (session instanceof ServerSession server) {
            server.getConnectionPools().values().forEach(pool -> wrap(pool.getLogin()));
            if (server.getReadConnectionPool() != null) {
                wrap(server.getReadConnectionPool().getLogin());
            }
        }
    }

    private static void wrap(Object login) {
        if (login instanceof DatasourceLogin datasource && !(datasource.getConnector() instanceof UtcConnector)) {
            datasource.setConnector(new UtcConnector(datasource.getConnector()));
        }
    }

    /** The server's connector, its connections wrapped. */
    private record UtcConnector(Connector connector) implements Connector {

        @Override
        public Connection connect(Properties properties, Session session) {
            return wrapped(Connection.class, connector.connect(properties, session));
        }

        @Override
        public Object clone() {
            return new UtcConnector((Connector) connector.clone());
        }

        @Override
        public void toString(PrintWriter writer) {
            connector.toString(writer);
        }

        @Override
        public String getConnectionDetails() {
            return connector.getConnectionDetails();
        }
    }

    private static <T> T wrapped(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(UtcTimestamps.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> invoke(target, method, args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            var name = method.getName();
            if (args != null && args.length == 2 && target instanceof PreparedStatement statement
                    && args[1] instanceof Timestamp timestamp && (name.equals("setTimestamp")
                    || name.equals("setObject")) && args[0] instanceof Integer index) {
                statement.setTimestamp(index, timestamp, utc());
                return null;
            }
            if (target instanceof ResultSet results && args != null && args.length == 1
                    && (name.equals("getTimestamp") || name.equals("getObject"))) {
                var value = method.invoke(target, args);
                if (!(value instanceof Timestamp)) {
                    return value;
                }
                return args[0] instanceof Integer column ? results.getTimestamp(column, utc())
                        : results.getTimestamp((String) args[0], utc());
            }
            return wrapResult(method.invoke(target, args));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Statements and result sets come wrapped too, so that every timestamp passes through here. */
    private static Object wrapResult(Object result) {
        if (result instanceof CallableStatement callable) {
            return wrapped(CallableStatement.class, callable);
        }
        if (result instanceof PreparedStatement prepared) {
            return wrapped(PreparedStatement.class, prepared);
        }
        if (result instanceof Statement statement) {
            return wrapped(Statement.class, statement);
        }
        if (result instanceof ResultSet results) {
            return wrapped(ResultSet.class, results);
        }
        return result;
    }

    /** A calendar of its own for each call: drivers may change the one they are given. */
    private static Calendar utc() {
        return Calendar.getInstance(UTC);
    }
}
