package org.ipaserver.catalog;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.SecuritySpecification;
import org.ipaserver.definition.StateDef;
import org.ipaserver.definition.TaskDef;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.definition.VariableType;
import org.ipaserver.store.JsonFactory;

/**
 * Reads the JSON definition format into the model. It never stops at the first problem: each
 * structural problem (missing or mistyped member, unknown action type) is recorded with its JSON
 * path and reading goes on, so a designer gets every problem in one answer.
 */
public final class DefinitionReader {

    /** The result: the model read (null when the document is not a JSON object) and the problems. */
    public record Result(ProcessDefinition definition, List<Problem> problems) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final ActionReader actions = new ActionReader(this);

    public static Result read(String json) {
        var reader = new DefinitionReader();
        JsonValue document;
        try {
            document = JsonFactory.readValue(json);
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            return new Result(null, List.of(Problem.error("$", at == null || e instanceof JsonFactory.TrailingText
                    ? "not valid JSON: " + e.getMessage()
                    : "not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + "): "
                    + e.getMessage())));
        } catch (RuntimeException e) {
            return new Result(null, List.of(Problem.error("$", "not valid JSON: " + e.getMessage())));
        }
        return reader.result(document);
    }

    /**
     * A published version, as stored. Versions published before documents were strict may carry
     * text after their JSON, which was ignored then: it still is, so their flows go on.
     */
    public static Result readPublished(String source) {
        var result = read(source);
        if (result.definition() != null || source == null) {
            return result;
        }
        try (var lenient = org.ipaserver.store.JsonFactory.JSON.createReader(new java.io.StringReader(source))) {
            return new DefinitionReader().result(lenient.readValue());
        } catch (RuntimeException e) {
            return result;
        }
    }

    private Result result(JsonValue document) {
        if (!(document instanceof JsonObject root)) {
            return new Result(null, List.of(Problem.error("$", "a definition is a JSON object")));
        }
        var definition = definition(root);
        return new Result(definition, List.copyOf(problems));
    }

    private ProcessDefinition definition(JsonObject root) {
        known(root, "$", Set.of("name", "description", "variables", "startState", "states", "tasks", "forms",
                "securitySpecifications"));
        return new ProcessDefinition(
                requiredString(root, "name", "$"),
                optionalString(root, "description", "$"),
                list(root, "variables", "$", this::variable),
                requiredString(root, "startState", "$"),
                list(root, "states", "$", this::state),
                list(root, "tasks", "$", this::task),
                list(root, "forms", "$", this::form),
                list(root, "securitySpecifications", "$", this::securitySpecification));
    }

    private VariableDef variable(JsonObject o, String path) {
        known(o, path, Set.of("name", "type", "list", "initial", "securitySpecification", "report", "description"));
        var typeLabel = requiredString(o, "type", path);
        var base = typeLabel == null ? null : VariableType.Base.byLabel(typeLabel).orElse(null);
        if (typeLabel != null && base == null) {
            error(path + ".type", "unknown type '" + typeLabel + "'; use one of " + VariableType.knownLabels());
        }
        var type = base == null ? null : new VariableType(base, bool(o, "list", path, false));
        return new VariableDef(requiredString(o, "name", path), type, o.get("initial"),
                optionalString(o, "securitySpecification", path), bool(o, "report", path, false),
                optionalString(o, "description", path), path);
    }

    private StateDef state(JsonObject o, String path) {
        known(o, path, Set.of("name", "description", "inputs", "variables", "actions"));
        return new StateDef(requiredString(o, "name", path), optionalString(o, "description", path),
                list(o, "inputs", path, this::variable), list(o, "variables", path, this::variable),
                actions.list(o, "actions", path), path);
    }

    private TaskDef task(JsonObject o, String path) {
        known(o, path, Set.of("name", "description", "inputs", "outputs", "variables", "actions"));
        return new TaskDef(requiredString(o, "name", path), optionalString(o, "description", path),
                list(o, "inputs", path, this::variable), list(o, "outputs", path, this::variable),
                list(o, "variables", path, this::variable), actions.list(o, "actions", path), path);
    }

    private FormDef form(JsonObject o, String path) {
        known(o, path, Set.of("name", "category", "description", "fields", "buttons"));
        return new FormDef(requiredString(o, "name", path), optionalString(o, "category", path),
                optionalString(o, "description", path), list(o, "fields", path, this::field),
                list(o, "buttons", path, this::button), path);
    }

    private FormDef.Field field(JsonObject o, String path) {
        known(o, path, Set.of("name", "label", "variable", "readOnly", "required", "choices"));
        return new FormDef.Field(requiredString(o, "name", path), optionalString(o, "label", path),
                requiredString(o, "variable", path), bool(o, "readOnly", path, false),
                bool(o, "required", path, false), strings(o, "choices", path), path);
    }

    private FormDef.Button button(JsonObject o, String path) {
        known(o, path, Set.of("name", "label"));
        return new FormDef.Button(requiredString(o, "name", path), optionalString(o, "label", path), path);
    }

    private SecuritySpecification securitySpecification(JsonObject o, String path) {
        known(o, path, Set.of("name", "users", "workgroups", "roles"));
        return new SecuritySpecification(requiredString(o, "name", path), strings(o, "users", path),
                strings(o, "workgroups", path), strings(o, "roles", path), path);
    }

    // ---- member helpers, shared with ActionReader ----

    void error(String path, String message) {
        problems.add(Problem.error(path, message));
    }

    void known(JsonObject o, String path, Set<String> members) {
        for (var key : o.keySet()) {
            if (!members.contains(key)) {
                error(path + "." + key, "unknown member '" + key + "'");
            }
        }
    }

    String requiredString(JsonObject o, String key, String path) {
        var value = o.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            error(path + "." + key, "'" + key + "' is required");
            return null;
        }
        return string(value, path + "." + key);
    }

    String optionalString(JsonObject o, String key, String path) {
        var value = o.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : string(value, path + "." + key);
    }

    private String string(JsonValue value, String path) {
        if (value instanceof JsonString s) {
            if (s.getString().isBlank()) {
                error(path, "must not be blank");
                return null;
            }
            return s.getString();
        }
        error(path, "must be a string");
        return null;
    }

    boolean bool(JsonObject o, String key, String path, boolean fallback) {
        var value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        error(path + "." + key, "must be true or false");
        return fallback;
    }

    Integer integer(JsonObject o, String key, String path) {
        var value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        error(path + "." + key, "must be a whole number");
        return null;
    }

    List<String> strings(JsonObject o, String key, String path) {
        var items = new ArrayList<String>();
        var array = array(o, key, path);
        for (int i = 0; i < array.size(); i++) {
            var s = string(array.get(i), path + "." + key + "[" + i + "]");
            if (s != null) {
                items.add(s);
            }
        }
        return items;
    }

    /** A map of name → string (RunTask inputs/outputs and the like). */
    Map<String, String> stringMap(JsonObject o, String key, String path) {
        var map = new LinkedHashMap<String, String>();
        var value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return map;
        }
        if (!(value instanceof JsonObject object)) {
            error(path + "." + key, "must be an object of name → value");
            return map;
        }
        object.forEach((name, v) -> {
            var s = string(v, path + "." + key + "." + name);
            if (s != null) {
                map.put(name, s);
            }
        });
        return map;
    }

    JsonArray array(JsonObject o, String key, String path) {
        var value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value instanceof JsonArray a) {
            return a;
        }
        error(path + "." + key, "must be an array");
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    <T> List<T> list(JsonObject o, String key, String path, BiFunction<JsonObject, String, T> item) {
        var items = new ArrayList<T>();
        var array = array(o, key, path);
        for (int i = 0; i < array.size(); i++) {
            var itemPath = path + "." + key + "[" + i + "]";
            if (array.get(i) instanceof JsonObject object) {
                items.add(item.apply(object, itemPath));
            } else {
                error(itemPath, "must be an object");
            }
        }
        return items;
    }
}
