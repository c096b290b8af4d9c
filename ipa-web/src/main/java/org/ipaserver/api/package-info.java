/** The REST boundary: maps HTTP to the engine's facades and back, nothing more. */
package org.ipaserver.api;
