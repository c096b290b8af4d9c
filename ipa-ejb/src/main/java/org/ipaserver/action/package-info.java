/**
 * The kinds of action, one class each: how an action is read from a definition, what publishing
 * checks of it and what it does when a flow reaches it ({@link org.ipaserver.action.ActionType}).
 * They see the definition and the flow only through {@link org.ipaserver.action.ActionJson},
 * {@link org.ipaserver.action.ActionCheck} and {@link org.ipaserver.action.ActionRun}, which the
 * catalog and the engine implement.
 */
package org.ipaserver.action;
