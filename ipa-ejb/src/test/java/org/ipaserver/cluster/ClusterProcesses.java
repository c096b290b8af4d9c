package org.ipaserver.cluster;

/**
 * The processes whose flows a dead or stopped instance leaves behind, one per thing it can hold:
 * a timer (Sleeper), a work item in a user's hands (Review), an external call in flight (Scoring).
 */
public final class ClusterProcesses {

    public static final String SLEEPER = """
            {"name": "Sleeper", "startState": "S", "variables": [{"name": "A", "type": "Integer", "initial": 1}],
             "states": [{"name": "S", "actions": [{"type": "Wait", "duration": "PT1M"},
               {"type": "UpdateVariables", "assignments": [{"variable": "A", "value": "${A + 1}"}]}]}]}
            """;
    /** Its outcome carries a quote, which SQL written out must keep. */
    public static final String REVIEW = """
            {"name": "Review", "startState": "S", "variables": [{"name": "Outcome", "type": "String"}],
             "forms": [{"name": "Check", "fields": [], "buttons": [{"name": "Approve"}]}],
             "states": [{"name": "S", "actions": [
               {"type": "SendWorkItemToUser", "form": "Check", "user": "alice",
                "exits": {"Approve": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "it's approved"}]}]}}]}]}
            """;
    public static final String SCORING = """
            {"name": "Scoring", "startState": "S", "variables": [{"name": "Score", "type": "Integer"}],
             "states": [{"name": "S", "actions": [
               {"type": "RunHandler", "handler": "score", "outputs": {"Score": "Score"}, "timeout": "PT30S"}]}]}
            """;

    private ClusterProcesses() {
    }
}
