package org.ipaserver.catalog;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ipaserver.action.ActionJson;
import org.ipaserver.action.ActionTypes;
import org.ipaserver.definition.ActionDef;

/** Reads action lists: the {@code type} member picks the kind of action, which reads the rest. */
final class ActionReader {

    private final DefinitionReader r;

    ActionReader(DefinitionReader reader) {
        this.r = reader;
    }

    List<ActionDef> list(JsonObject owner, String key, String path) {
        return r.list(owner, key, path, this::action).stream().filter(a -> a != null).toList();
    }

    private ActionDef action(JsonObject o, String path) {
        var type = o.get("type") instanceof JsonString s ? s.getString() : null;
        if (type == null) {
            r.error(path + ".type", "'type' is required: one of " + String.join(", ", ActionTypes.names()));
            return null;
        }
        var kind = ActionTypes.named(type);
        if (kind.isEmpty()) {
            r.error(path + ".type", "unknown action type '" + type + "': use one of "
                    + String.join(", ", ActionTypes.names()));
            return null;
        }
        return kind.get().read(new At(o, path, r.optionalString(o, "name", path)));
    }

    /** An object of an action (or the action itself) at its path. */
    private final class At implements ActionJson {
        private final JsonObject o;
        private final String path;
        private final String label;

        At(JsonObject o, String path, String label) {
            this.o = o;
            this.path = path;
            this.label = label;
        }

        @Override
        public JsonObject json() {
            return o;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void members(String... specific) {
            var allowed = new HashSet<>(Set.of(specific));
            allowed.add("type");
            allowed.add("name");
            allowed.add("description");
            r.known(o, path, allowed);
        }

        @Override
        public void known(Set<String> members) {
            r.known(o, path, members);
        }

        @Override
        public String requiredString(String key) {
            return r.requiredString(o, key, path);
        }

        @Override
        public String optionalString(String key) {
            return r.optionalString(o, key, path);
        }

        @Override
        public String requiredExpression(String key) {
            return o.get(key) instanceof JsonString s ? s.getString() : r.requiredString(o, key, path);
        }

        @Override
        public Integer integer(String key) {
            return r.integer(o, key, path);
        }

        @Override
        public boolean bool(String key, boolean fallback) {
            return r.bool(o, key, path, fallback);
        }

        @Override
        public List<String> strings(String key) {
            return r.strings(o, key, path);
        }

        @Override
        public Map<String, String> stringMap(String key) {
            return r.stringMap(o, key, path);
        }

        @Override
        public List<ActionDef> actions(String key) {
            return ActionReader.this.list(o, key, path);
        }

        @Override
        public Map<String, List<ActionDef>> exits() {
            var exits = new LinkedHashMap<String, List<ActionDef>>();
            if (o.get("exits") instanceof JsonObject given) {
                given.keySet().forEach(exit -> exits.put(exit, ActionReader.this.list(given, exit, path + ".exits")));
            } else if (o.containsKey("exits") && o.get("exits") != JsonValue.NULL) {
                r.error(path + ".exits", "must be an object of exit path name → actions");
            }
            return exits;
        }

        @Override
        public <T> List<T> list(String key, Function<ActionJson, T> item) {
            return r.list(o, key, path, (object, itemPath) -> item.apply(new At(object, itemPath, null)));
        }

        @Override
        public ActionJson object(String key) {
            return o.get(key) instanceof JsonObject object ? new At(object, path + "." + key, null) : null;
        }

        @Override
        public void error(String at, String message) {
            r.error(at, message);
        }
    }
}
