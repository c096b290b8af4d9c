package org.ipaserver.admission;

/**
 * An instance's load as it reports it: idle, normal, busy or overloaded; its launch slots, the
 * launches running and waiting, how long the first has waited, and what it admitted and refused
 * since it started; refuse or queue when overloaded.
 */
public record InstanceLoad(String load, int permits, int running, int waiting, long oldestWaitMillis, long admitted,
                           long refused, String whenOverloaded) {
}
