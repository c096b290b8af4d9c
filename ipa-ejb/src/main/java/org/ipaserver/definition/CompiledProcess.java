package org.ipaserver.definition;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published, valid definition version prepared for execution: every action list gets a stable
 * number, so a flow's position is a few integers in its state document.
 */
public final class CompiledProcess {

    private final ProcessDefinition definition;
    private final int version;
    private final List<List<ActionDef>> blocks = new ArrayList<>();
    private final List<Scope> blockScopes = new ArrayList<>();
    private final Map<List<ActionDef>, Integer> blockIds = new IdentityHashMap<>();
    private final Map<String, VariableDef> globals;
    private final Map<Scope, Map<String, VariableDef>> locals = new IdentityHashMap<>();

    public CompiledProcess(ProcessDefinition definition, int version) {
        this.definition = definition;
        this.version = version;
        this.globals = java.util.Collections.unmodifiableMap(VariableDef.byName(definition.variables()));
        for (var scope : definition.states()) {
            number(scope, scope.actions());
            locals.put(scope, Map.copyOf(VariableDef.byName(scope.locals())));
        }
        for (var scope : definition.tasks()) {
            number(scope, scope.actions());
            locals.put(scope, Map.copyOf(VariableDef.byName(scope.locals())));
        }
    }

    private void number(Scope scope, List<ActionDef> block) {
        blockIds.put(block, blocks.size());
        blocks.add(block);
        blockScopes.add(scope);
        for (var action : block) {
            action.blocks().forEach(nested -> number(scope, nested));
        }
    }

    public ProcessDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public int version() {
        return version;
    }

    public Map<String, VariableDef> globals() {
        return globals;
    }

    /** The variables declared in a state or task: inputs, outputs and locals. */
    public Map<String, VariableDef> locals(Scope scope) {
        return locals.get(scope);
    }

    public List<ActionDef> block(int id) {
        return blocks.get(id);
    }

    /** The state or task an action list belongs to. */
    public Scope scopeOfBlock(int id) {
        return blockScopes.get(id);
    }

    public int blockId(List<ActionDef> block) {
        return blockIds.get(block);
    }

    public Scope scope(String kind, String name) {
        var scope = "task".equals(kind) ? definition.task(name) : definition.state(name);
        return scope.orElseThrow(() -> new IllegalStateException(kind + " '" + name + "' is not in " + name()
                + " v" + version));
    }
}
