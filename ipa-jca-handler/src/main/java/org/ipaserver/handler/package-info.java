/** Outbound resource adapter through which RunHandler actions reach external handlers. */
package org.ipaserver.handler;
