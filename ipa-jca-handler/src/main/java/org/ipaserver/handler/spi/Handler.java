package org.ipaserver.handler.spi;

import java.util.Map;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * A named unit of external logic. One instance serves every call, possibly from several threads
 * at once, so it keeps no per-call state in fields. A call that times out is interrupted: a
 * handler that blocks should let {@link InterruptedException} end it.
 *
 * <p>Implement {@link #run(Map)} when the inputs are all a handler needs, or
 * {@link #run(HandlerRequest)} when it needs the call id or the idempotency key.
 */
public interface Handler {

    /** The name RunHandler actions use; unique among the installed handlers. */
    String name();

    /**
     * @param inputs unmodifiable
     * @return never null
     * @throws Exception any failure; the caller sees it as the cause of a HandlerException
     */
    default HandlerResult run(Map<String, String> inputs) throws Exception {
        throw new UnsupportedOperationException("Handler '" + name() + "' implements no run method");
    }

    /**
     * What the connector calls. The request carries the inputs (unmodifiable), the timeout, the
     * call id and the idempotency key (both may be null when the caller gave none).
     *
     * @return never null
     * @throws Exception any failure; the caller sees it as the cause of a HandlerException
     */
    default HandlerResult run(HandlerRequest request) throws Exception {
        return run(request.inputs());
    }
}
