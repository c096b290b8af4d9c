package org.ipaserver.definition;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads action lists: the {@code type} member picks the action, the rest are its members. */
final class ActionReader {

    static final List<String> TYPES = List.of("UpdateVariables", "Decision", "Select", "Loop", "RunTask", "EndTask",
            "ChangeState", "EndProcess", "RunProcess", "Wait", "SendWorkItemToUser", "SendWorkItemToWorkgroup", "RunHandler",
            "Database", "CallWebService", "SendEmail");
    static final int DEFAULT_MAX_ITERATIONS = 1000;
    static final int DEFAULT_MAX_ROWS = 1000;

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
            r.error(path + ".type", "'type' is required: one of " + String.join(", ", TYPES));
            return null;
        }
        var label = r.optionalString(o, "name", path);
        return switch (type) {
            case "UpdateVariables" -> {
                members(o, path, "assignments");
                yield new ActionDef.UpdateVariables(label, r.list(o, "assignments", path, this::assignment), path);
            }
            case "Decision" -> {
                members(o, path, "condition", "then", "else");
                yield new ActionDef.Decision(label, r.requiredString(o, "condition", path), list(o, "then", path),
                        list(o, "else", path), path);
            }
            case "Select" -> {
                members(o, path, "cases", "otherwise");
                yield new ActionDef.Select(label, r.list(o, "cases", path, this::selectCase),
                        list(o, "otherwise", path), path);
            }
            case "Loop" -> {
                members(o, path, "while", "maxIterations", "counter", "actions");
                var max = r.integer(o, "maxIterations", path);
                yield new ActionDef.Loop(label, r.requiredString(o, "while", path),
                        max == null ? DEFAULT_MAX_ITERATIONS : max, r.optionalString(o, "counter", path),
                        list(o, "actions", path), path);
            }
            case "RunTask" -> {
                members(o, path, "task", "inputs", "outputs");
                yield new ActionDef.RunTask(label, r.requiredString(o, "task", path), r.stringMap(o, "inputs", path),
                        r.stringMap(o, "outputs", path), path);
            }
            case "EndTask" -> {
                members(o, path);
                yield new ActionDef.EndTask(label, path);
            }
            case "ChangeState" -> {
                members(o, path, "state", "inputs");
                yield new ActionDef.ChangeState(label, r.requiredString(o, "state", path),
                        r.stringMap(o, "inputs", path), path);
            }
            case "EndProcess" -> {
                members(o, path);
                yield new ActionDef.EndProcess(label, path);
            }
            case "RunProcess" -> {
                members(o, path, "process", "version", "inputs", "outputs");
                yield new ActionDef.RunProcess(label, r.requiredString(o, "process", path),
                        r.integer(o, "version", path), r.stringMap(o, "inputs", path),
                        r.stringMap(o, "outputs", path), path);
            }
            case "Wait" -> {
                members(o, path, "duration", "until");
                yield new ActionDef.Wait(label, r.optionalString(o, "duration", path),
                        r.optionalString(o, "until", path), path);
            }
            case "RunHandler" -> {
                members(o, path, "handler", "inputs", "outputs", "timeout", "securitySpecifications", "exits");
                yield new ActionDef.RunHandler(label, r.requiredString(o, "handler", path), r.stringMap(o, "inputs", path),
                        r.stringMap(o, "outputs", path), r.optionalString(o, "timeout", path),
                        r.strings(o, "securitySpecifications", path), exits(o, path), path);
            }
            case "Database" -> {
                members(o, path, "dataSource", "statement", "parameters", "kind", "outputs", "listOutputs", "maxRows",
                        "timeout", "securitySpecifications", "exits");
                var maxRows = r.integer(o, "maxRows", path);
                yield new ActionDef.Database(label, r.requiredString(o, "dataSource", path),
                        r.requiredString(o, "statement", path), r.strings(o, "parameters", path),
                        r.requiredString(o, "kind", path), r.stringMap(o, "outputs", path),
                        r.stringMap(o, "listOutputs", path), maxRows == null ? DEFAULT_MAX_ROWS : maxRows,
                        r.optionalString(o, "timeout", path), r.strings(o, "securitySpecifications", path),
                        exits(o, path), path);
            }
            case "CallWebService" -> {
                members(o, path, "rest", "soap", "outputs", "timeout", "securitySpecifications", "exits");
                yield new WebServiceReader(r).read(o, path, label, exits(o, path));
            }
            case "SendEmail" -> {
                members(o, path, "to", "cc", "bcc", "subject", "body", "html", "timeout", "securitySpecifications",
                        "exits");
                yield new ActionDef.SendEmail(label, r.strings(o, "to", path), r.strings(o, "cc", path),
                        r.strings(o, "bcc", path), r.requiredString(o, "subject", path), r.optionalString(o, "body", path),
                        r.bool(o, "html", path, false), r.optionalString(o, "timeout", path),
                        r.strings(o, "securitySpecifications", path), exits(o, path), path);
            }
            case "SendWorkItemToUser", "SendWorkItemToWorkgroup" -> sendWorkItem(o, path, label,
                    type.endsWith("Workgroup"));
            default -> {
                r.error(path + ".type", "unknown action type '" + type + "': use one of " + String.join(", ", TYPES));
                yield null;
            }
        };
    }

    private ActionDef sendWorkItem(JsonObject o, String path, String label, boolean toWorkgroup) {
        var target = toWorkgroup ? "workgroup" : "user";
        if (toWorkgroup) {
            members(o, path, "form", "workgroup", "skills", "description", "timeout", "exits", "onTimeout");
        } else {
            members(o, path, "form", "user", "description", "timeout", "exits", "onTimeout");
        }
        var skills = new java.util.LinkedHashMap<String, Integer>();
        if (o.get("skills") instanceof JsonObject given) {
            given.forEach((skill, level) -> {
                if (level instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.intValue() >= 1
                        && n.intValue() <= 100) {
                    skills.put(skill, n.intValue());
                } else {
                    r.error(path + ".skills." + skill, "a skill level is a whole number from 1 to 100");
                }
            });
        } else if (o.containsKey("skills")) {
            r.error(path + ".skills", "must be an object of skill name → minimum level");
        }
        var exits = exits(o, path);
        var recipient = r.requiredString(o, target, path);
        return new ActionDef.SendWorkItem(label, r.requiredString(o, "form", path),
                toWorkgroup ? null : recipient, toWorkgroup ? (recipient == null ? "" : recipient) : null, skills,
                r.optionalString(o, "description", path), r.optionalString(o, "timeout", path), exits,
                list(o, "onTimeout", path), path);
    }

    /** exits: exit path (a button, success, failure, a handler's named exit) → its actions. */
    private Map<String, List<ActionDef>> exits(JsonObject o, String path) {
        var exits = new java.util.LinkedHashMap<String, List<ActionDef>>();
        if (o.get("exits") instanceof JsonObject given) {
            given.keySet().forEach(exit -> exits.put(exit, r.list(given, exit, path + ".exits", this::action)
                    .stream().filter(a -> a != null).toList()));
        } else if (o.containsKey("exits") && o.get("exits") != jakarta.json.JsonValue.NULL) {
            r.error(path + ".exits", "must be an object of exit path name → actions");
        }
        return exits;
    }

    private void members(JsonObject o, String path, String... specific) {
        var allowed = new java.util.HashSet<>(Set.of(specific));
        allowed.add("type");
        allowed.add("name");
        allowed.add("description");
        r.known(o, path, allowed);
    }

    private ActionDef.Assignment assignment(JsonObject o, String path) {
        r.known(o, path, Set.of("variable", "value"));
        return new ActionDef.Assignment(r.requiredString(o, "variable", path), requiredExpression(o, "value", path),
                path);
    }

    private ActionDef.Case selectCase(JsonObject o, String path) {
        r.known(o, path, Set.of("name", "when", "actions"));
        return new ActionDef.Case(r.optionalString(o, "name", path), r.requiredString(o, "when", path),
                list(o, "actions", path), path);
    }

    /** An assigned value may legitimately be the empty string, unlike names. */
    private String requiredExpression(JsonObject o, String key, String path) {
        if (o.get(key) instanceof JsonString s) {
            return s.getString();
        }
        return r.requiredString(o, key, path);
    }
}
