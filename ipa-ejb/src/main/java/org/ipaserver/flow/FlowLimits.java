package org.ipaserver.flow;

import java.util.Collection;
import java.util.Map;

/**
 * Bounds that keep one flow from exhausting the server: a definition can recurse through tasks
 * or grow a value in a loop, and the flow must then end in error, not take the heap with it.
 * Values are checked when they are stored; the whole state when the flow comes to rest. The rest
 * of a state is bounded already: a frame's cursors by how deep the definition nests its action
 * lists (a Loop reuses its cursor), the step history by {@link FlowState#HISTORY_LIMIT}.
 */
public final class FlowLimits {

    /** Task frames one flow may stack (a task that calls itself needs a way out before this). */
    static final int MAX_TASK_DEPTH = 100;
    /** Characters of one text value (a String, or one item of a list). */
    static final int MAX_TEXT_CHARS = 1_000_000;
    /** Items of one list value. */
    static final int MAX_LIST_ITEMS = 10_000;
    /** Characters of all values of a flow (globals and every frame's locals), about its state document. */
    static final long MAX_STATE_CHARS = 4_000_000;

    private FlowLimits() {
    }

    /** Refuses a value too large to be stored in variable {@code name}. */
    static void checkValue(String name, Object value) {
        var reason = valueTooLarge(value);
        if (reason != null) {
            throw new FlowFailure("variable '" + name + "': " + reason);
        }
    }

    /** Null when a value fits in a variable; else why not (for checks of input before it reaches a flow). */
    public static String valueTooLarge(Object value) {
        if (value instanceof CharSequence text && text.length() > MAX_TEXT_CHARS) {
            return "a text of more than " + MAX_TEXT_CHARS + " characters cannot be stored";
        }
        if (value instanceof Collection<?> items) {
            if (items.size() > MAX_LIST_ITEMS) {
                return "a list of more than " + MAX_LIST_ITEMS + " items cannot be stored";
            }
            if (chars(value) > MAX_TEXT_CHARS) {
                return "a list of more than " + MAX_TEXT_CHARS + " characters cannot be stored";
            }
        }
        return null;
    }

    /** Null when the flow's values fit; else why not. */
    static String stateTooLarge(FlowState state) {
        long total = chars(state.globals);
        for (var frame : state.frames) {
            total += chars(frame.locals);
        }
        if (total > MAX_STATE_CHARS) {
            return "the flow's variables hold more than " + MAX_STATE_CHARS + " characters, the most one flow "
                    + "may keep (is a list or a text growing in a loop?)";
        }
        return null;
    }

    private static long chars(Map<String, Object> values) {
        long total = 0;
        for (var value : values.values()) {
            total += chars(value);
        }
        return total;
    }

    /** About the characters a value takes in the state document. */
    private static long chars(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Collection<?> items) {
            long total = 2;
            for (var item : items) {
                total += chars(item) + 1;
            }
            return total;
        }
        return value instanceof CharSequence text ? text.length() + 2 : 24;
    }
}
