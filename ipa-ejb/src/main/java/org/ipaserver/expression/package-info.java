/** Expressions in Jakarta Expression Language over a flow's variables: compile, check, evaluate. */
package org.ipaserver.expression;
