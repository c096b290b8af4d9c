package org.ipaserver.action;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ipaserver.definition.ActionDef;

/**
 * An object of the definition being read, at its JSON path. Every reader reports what is wrong
 * and goes on (null or empty for what it could not read), so one pass finds every problem.
 */
public interface ActionJson {

    JsonObject json();

    String path();

    /** The action's optional {@code name}. */
    String label();

    /** Reports members other than these and those every action has (type, name, description). */
    void members(String... specific);

    /** Reports members other than these (for objects inside an action). */
    void known(Set<String> members);

    String requiredString(String key);

    String optionalString(String key);

    /** A required expression: unlike a name it may be the empty string. */
    String requiredExpression(String key);

    Integer integer(String key);

    boolean bool(String key, boolean fallback);

    List<String> strings(String key);

    /** An object of name → string, such as inputs and outputs. */
    Map<String, String> stringMap(String key);

    /** A nested action list. */
    List<ActionDef> actions(String key);

    /** {@code exits}: exit path (a button, success, failure, a named exit) → its actions. */
    Map<String, List<ActionDef>> exits();

    /** An array of objects, each read by {@code item} at its own path. */
    <T> List<T> list(String key, Function<ActionJson, T> item);

    /** The member as an object to read further, or null when it is absent or not an object. */
    ActionJson object(String key);

    void error(String path, String message);
}
