/** The Database action: parameterised statements on the server's data sources, each in its own transaction. */
package org.ipaserver.integration.database;
