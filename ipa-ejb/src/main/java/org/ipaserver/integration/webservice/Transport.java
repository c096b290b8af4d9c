package org.ipaserver.integration.webservice;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.ipaserver.action.CallResult;
import org.ipaserver.job.CallUnavailable;

/**
 * What REST and SOAP calls share: a JAX-RS client with the call's timeout and TLS trust, answers
 * read up to a limit, and the mapping of transport failures to exits or retries.
 */
final class Transport {

    /** The answer is larger than the limit; it was not read whole. */
    static final class AnswerTooLarge extends Exception {
        AnswerTooLarge(String message) {
            super(message);
        }
    }

    private final SSLContext ssl;
    private final long maxAnswerBytes;

    Transport(SSLContext ssl, long maxAnswerBytes) {
        this.ssl = ssl;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * A client per call: the standard API sets timeouts per client only, and a call's cost is
     * the far side's, not this. PATCH needs Jersey's method workaround over HttpURLConnection.
     * Redirects are not followed: they would carry the action's headers to a host the definition
     * did not name; a 3xx takes its exit like any status.
     */
    Client open(Duration timeout) {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return ClientBuilder.newBuilder().sslContext(ssl).connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
                .property("jersey.config.client.followRedirects", false).build();
    }

    SSLContext ssl() {
        return ssl;
    }

    /**
     * The answer's bytes, refused without reading them all when larger than the limit. The read
     * timeout bounds each wait for bytes; the deadline bounds the whole answer (a trickle too).
     */
    byte[] body(Response response, String host, long deadlineNanos) throws AnswerTooLarge, IOException {
        var tooLarge = new AnswerTooLarge("the answer of " + host + " is larger than " + maxAnswerBytes
                + " bytes (ipa.webservice.maxAnswerBytes)");
        if (response.getLength() > maxAnswerBytes) {
            throw tooLarge;
        }
        if (!response.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            var out = new java.io.ByteArrayOutputStream();
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxAnswerBytes) {
                    throw tooLarge;
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new SocketTimeoutException("the answer took longer than the timeout");
                }
            }
            return out.toByteArray();
        } catch (ProcessingException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** A far side down is worth another attempt; a late or refused answer takes an exit. */
    static CallResult failed(Exception e, String host, Duration timeout) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SocketTimeoutException) {
                return CallResult.timeout(host + " did not answer within " + timeout);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                throw new CallUnavailable("cannot connect to " + host + ": " + cause.getClass().getSimpleName());
            }
            if (cause instanceof SSLException ssl) {
                return CallResult.failure("the TLS connection to " + host + " failed: " + ssl.getMessage());
            }
            cause = cause.getCause();
        }
        return CallResult.failure("the call to " + host + " failed: " + e.getClass().getSimpleName());
    }
}
