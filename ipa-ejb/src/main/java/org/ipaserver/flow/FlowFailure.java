package org.ipaserver.flow;

/** A runtime error of one action; its message names types and variables, never values. */
final class FlowFailure extends RuntimeException {

    FlowFailure(String message) {
        super(message, null, false, false);
    }
}
