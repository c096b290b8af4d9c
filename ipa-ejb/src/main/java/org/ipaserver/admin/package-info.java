/** Server administration: server parameters, store health, the storage ID of this instance. */
package org.ipaserver.admin;
