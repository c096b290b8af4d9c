package org.ipaserver.definition;

import java.util.List;
import java.util.Map;

/**
 * The smallest unit of work. Every action knows its JSON path in the definition, so that
 * validation problems and runtime errors can point at it; {@code label} is its optional name.
 */
public sealed interface ActionDef {

    String label();

    String path();

    /** The action lists this action owns (branches, cases, loop bodies), in a fixed order. */
    default List<List<ActionDef>> blocks() {
        return List.of();
    }

    default String type() {
        return getClass().getSimpleName();
    }

    record Assignment(String variable, String value, String path) {
    }

    record UpdateVariables(String label, List<Assignment> assignments, String path) implements ActionDef {
    }

    record Decision(String label, String condition, List<ActionDef> then, List<ActionDef> otherwise, String path)
            implements ActionDef {
        @Override
        public List<List<ActionDef>> blocks() {
            return List.of(then, otherwise);
        }
    }

    record Case(String name, String when, List<ActionDef> actions, String path) {
    }

    record Select(String label, List<Case> cases, List<ActionDef> otherwise, String path) implements ActionDef {
        @Override
        public List<List<ActionDef>> blocks() {
            var all = new java.util.ArrayList<List<ActionDef>>();
            cases.forEach(c -> all.add(c.actions()));
            all.add(otherwise);
            return all;
        }
    }

    /** Repeats its body while the condition holds, at most maxIterations times (then the flow errs). */
    record Loop(String label, String condition, int maxIterations, String counter, List<ActionDef> actions,
                String path) implements ActionDef {
        @Override
        public List<List<ActionDef>> blocks() {
            return List.of(actions);
        }
    }

    /** inputs: task input name → expression; outputs: task output name → variable of the caller. */
    record RunTask(String label, String task, Map<String, String> inputs, Map<String, String> outputs, String path)
            implements ActionDef {
    }

    record EndTask(String label, String path) implements ActionDef {
    }

    /** inputs: input of the target state → expression evaluated in the current scope. */
    record ChangeState(String label, String state, Map<String, String> inputs, String path) implements ActionDef {
    }

    record EndProcess(String label, String path) implements ActionDef {
    }

    /**
     * Starts a child flow and waits for it. inputs: child global variable → expression;
     * outputs: child global variable → variable of this flow. version null = latest published.
     */
    record RunProcess(String label, String process, Integer version, Map<String, String> inputs,
                      Map<String, String> outputs, String path) implements ActionDef {
    }

    /** Waits for a duration (ISO-8601 or an expression giving one, or seconds) or until a DateTime. */
    record Wait(String label, String duration, String until, String path) implements ActionDef {
    }

    /**
     * Sends a work item built from a form to a user or to a workgroup queue and waits for it.
     * Each button of the form is an exit path with its own actions; an optional timeout is one more.
     * {@code user} and {@code workgroup} are texts or expressions; exactly one is set.
     */
    record SendWorkItem(String label, String form, String user, String workgroup, Map<String, Integer> skills,
                        String description, String timeout, Map<String, List<ActionDef>> exits,
                        List<ActionDef> onTimeout, String path) implements ActionDef {

        public boolean toWorkgroup() {
            return workgroup != null;
        }

        @Override
        public String type() {
            return toWorkgroup() ? "SendWorkItemToWorkgroup" : "SendWorkItemToUser";
        }

        @Override
        public List<List<ActionDef>> blocks() {
            var all = new java.util.ArrayList<List<ActionDef>>(exits.values());
            all.add(onTimeout);
            return all;
        }
    }

    /**
     * An action that reaches the outside world. The flow commits "calling" first; the call runs
     * outside any transaction; its answer picks one of {@link #exits()} (success, failure, timeout
     * or a named one) and its outputs go to variables. {@code trusted}: the security
     * specifications whose variables may go into the call.
     */
    sealed interface External extends ActionDef {
        Map<String, String> inputs();

        Map<String, String> outputs();

        String timeout();

        List<String> trusted();

        Map<String, List<ActionDef>> exits();

        /** Where an input stands in the definition, for validation problems. */
        default String inputPath(String name) {
            return path() + ".inputs." + name;
        }

        default String outputPath(String name) {
            return path() + ".outputs." + name;
        }

        @Override
        default List<List<ActionDef>> blocks() {
            return List.copyOf(exits().values());
        }
    }

    /** Runs a handler through the connector: inputs name → expression, outputs handler output → variable. */
    record RunHandler(String label, String handler, Map<String, String> inputs, Map<String, String> outputs,
                      String timeout, List<String> trusted, Map<String, List<ActionDef>> exits, String path)
            implements External {
    }

    /**
     * A parameterised statement on a data source the server defines ({@code jdbc/...}), in a
     * transaction of its own. Parameters go into inputs "1", "2", ... (evaluated by the executor);
     * {@code columns}: column label or rowCount/updateCount/sqlState/errorCode → variable (the first
     * row); {@code listColumns}: column label → List variable (every row read, at most maxRows).
     */
    record Database(String label, String dataSource, String statement, List<String> parameters, String kind,
                    Map<String, String> columns, Map<String, String> listColumns, int maxRows, String timeout,
                    List<String> trusted, Map<String, List<ActionDef>> exits, String path) implements External {

        public static final String QUERY = "query";
        public static final String UPDATE = "update";
        /** The output a list column answers under, apart from the first-row output of the same column. */
        public static final String LIST_SUFFIX = "[]";
        /** Outputs that are not columns: what the statement did, or why it failed. */
        public static final java.util.Set<String> RESERVED = java.util.Set.of("rowCount", "updateCount", "sqlState",
                "errorCode");

        public boolean query() {
            return QUERY.equals(kind);
        }

        @Override
        public Map<String, String> inputs() {
            var inputs = new java.util.LinkedHashMap<String, String>();
            for (int i = 0; i < parameters.size(); i++) {
                inputs.put(String.valueOf(i + 1), parameters.get(i));
            }
            return inputs;
        }

        @Override
        public Map<String, String> outputs() {
            var outputs = new java.util.LinkedHashMap<>(columns);
            listColumns.forEach((column, variable) -> outputs.put(column + LIST_SUFFIX, variable));
            return outputs;
        }

        @Override
        public String inputPath(String name) {
            return path + ".parameters[" + (Integer.parseInt(name) - 1) + "]";
        }

        @Override
        public String outputPath(String name) {
            return name.endsWith(LIST_SUFFIX)
                    ? path + ".listOutputs." + name.substring(0, name.length() - LIST_SUFFIX.length())
                    : path + ".outputs." + name;
        }
    }

    /**
     * Calls a REST/JSON or a SOAP web service (exactly one of rest and soap). Its inputs are the
     * variable parts of the request, named by their member path (see {@link WebServiceRequest}).
     */
    record CallWebService(String label, WebServiceRequest.Rest rest, WebServiceRequest.Soap soap,
                          Map<String, String> outputs, String timeout, List<String> trusted,
                          Map<String, List<ActionDef>> exits, String path) implements External {
        @Override
        public Map<String, String> inputs() {
            return rest != null ? rest.inputs() : soap != null ? soap.inputs() : Map.of();
        }

        @Override
        public String inputPath(String input) {
            return path + "." + WebServiceRequest.memberPath(input);
        }
    }

    /**
     * Sends an email through the server's mail session. Recipients are addresses or expressions
     * giving Mailbox/String values or lists of them; subject and body are templates.
     */
    record SendEmail(String label, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
                     boolean html, String timeout, List<String> trusted, Map<String, List<ActionDef>> exits,
                     String path) implements External {

        /** Every text of the mail, keyed by its member's JSON path ("to[0]", "subject"), so all are evaluated and checked. */
        @Override
        public Map<String, String> inputs() {
            var texts = new java.util.LinkedHashMap<String, String>();
            addRecipients(texts, "to", to);
            addRecipients(texts, "cc", cc);
            addRecipients(texts, "bcc", bcc);
            if (subject != null) {
                texts.put("subject", subject);
            }
            if (body != null) {
                texts.put("body", html ? org.ipaserver.expression.HtmlTemplates.escaping(body) : body);
            }
            return texts;
        }

        private static void addRecipients(Map<String, String> texts, String member, List<String> recipients) {
            for (int i = 0; i < recipients.size(); i++) {
                texts.put(member + "[" + i + "]", recipients.get(i));
            }
        }

        @Override
        public Map<String, String> outputs() {
            return Map.of();
        }

        @Override
        public String inputPath(String name) {
            return path + "." + name;
        }
    }
}
