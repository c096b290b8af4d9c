/** Actions that reach the outside world: handlers through the JCA connector (web services, email and databases to follow). */
package org.ipaserver.integration;
