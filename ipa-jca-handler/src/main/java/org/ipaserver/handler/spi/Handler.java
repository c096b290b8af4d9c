package org.ipaserver.handler.spi;

import java.util.Map;
import org.ipaserver.handler.HandlerResult;

/**
 * A named unit of external logic. One instance serves every call, possibly from several threads
 * at once, so it keeps no per-call state in fields. A call that times out is interrupted: a
 * handler that blocks should let {@link InterruptedException} end it.
 */
public interface Handler {

    /** The name RunHandler actions use; unique among the installed handlers. */
    String name();

    /**
     * @param inputs unmodifiable
     * @return never null
     * @throws Exception any failure; the caller sees it as the cause of a HandlerException
     */
    HandlerResult run(Map<String, String> inputs) throws Exception;
}
