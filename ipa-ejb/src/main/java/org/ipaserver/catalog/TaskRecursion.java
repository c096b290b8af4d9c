package org.ipaserver.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.ProcessDefinition;

/**
 * Refuses tasks that call themselves on every path, directly or through other tasks, before any
 * way out: a flow of such a definition can only nest tasks until it fails. A call counts when it
 * stands at the top level of a task's actions (not in a Decision, Select, Loop or work-item exit)
 * and no EndTask, at any depth, comes before it. Recursion under a condition is allowed; the
 * engine bounds its depth at run time.
 */
final class TaskRecursion {

    private record Call(ActionDef.RunTask action, String target) {
    }

    private final Map<String, List<Call>> calls = new LinkedHashMap<>();

    private TaskRecursion(ProcessDefinition definition) {
        for (var task : definition.tasks()) {
            if (task.name() != null) {
                calls.putIfAbsent(task.name(), unconditionalCalls(task.actions()));
            }
        }
    }

    static void check(ProcessDefinition definition, List<Problem> problems) {
        var recursion = new TaskRecursion(definition);
        recursion.calls.forEach((task, calls) -> {
            for (var call : calls) {
                var back = recursion.pathTo(call.target(), task, new HashSet<>());
                if (back != null) {
                    var cycle = new ArrayList<String>(List.of(task));
                    cycle.addAll(back);
                    problems.add(Problem.error(call.action().path(), "task '" + task + "' always calls itself again "
                            + "(" + String.join(" → ", cycle) + ") with no way out before: a flow would nest tasks "
                            + "until it fails; make the call conditional (Decision, Select, Loop) or end the task "
                            + "first"));
                }
            }
        });
    }

    /** The tasks from {@code from} to {@code goal} along unconditional calls (both included), or null. */
    private List<String> pathTo(String from, String goal, HashSet<String> seen) {
        if (from.equals(goal)) {
            return new ArrayList<>(List.of(goal));
        }
        if (!seen.add(from) || !calls.containsKey(from)) {
            return null;
        }
        for (var call : calls.get(from)) {
            var rest = pathTo(call.target(), goal, seen);
            if (rest != null) {
                rest.add(0, from);
                return rest;
            }
        }
        return null;
    }

    private static List<Call> unconditionalCalls(List<ActionDef> actions) {
        var found = new ArrayList<Call>();
        for (var action : actions) {
            if (endsTask(action)) {
                break;
            }
            if (action instanceof ActionDef.RunTask run && run.task() != null) {
                found.add(new Call(run, run.task()));
            }
        }
        return found;
    }

    /** Whether an action is, or holds at any depth, an EndTask: a way out of the task. */
    private static boolean endsTask(ActionDef action) {
        return action instanceof ActionDef.EndTask
                || action.blocks().stream().flatMap(List::stream).anyMatch(TaskRecursion::endsTask);
    }
}
