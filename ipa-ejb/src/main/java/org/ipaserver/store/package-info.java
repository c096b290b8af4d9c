/** The flow store: schema scripts, and the JDBC/JPA access to the engine's tables. */
package org.ipaserver.store;
