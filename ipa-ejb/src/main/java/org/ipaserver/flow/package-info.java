/** Flows: running instances of a definition, their execution, durable state and the services over them. */
package org.ipaserver.flow;
