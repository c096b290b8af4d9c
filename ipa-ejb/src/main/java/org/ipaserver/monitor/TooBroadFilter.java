package org.ipaserver.monitor;

import jakarta.ejb.ApplicationException;

/** A subscription's filter matches more flows than PAS Maximum Monitored Flows: refused with the count. */
@ApplicationException
public class TooBroadFilter extends RuntimeException {

    private final long count;
    private final boolean exact;
    private final int maximum;

    public TooBroadFilter(long count, boolean exact, int maximum) {
        super("the filter matches " + (exact ? "" : "at least ") + count + " flows, more than " + maximum);
        this.count = count;
        this.exact = exact;
        this.maximum = maximum;
    }

    public long count() {
        return count;
    }

    public boolean exact() {
        return exact;
    }

    public int maximum() {
        return maximum;
    }
}
