/** The model of a process definition: variables, states, tasks, actions, forms, security specifications. */
package org.ipaserver.definition;
