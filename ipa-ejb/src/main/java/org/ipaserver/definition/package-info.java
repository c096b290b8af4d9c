/** Process definitions: the JSON format, its model, validation and the published catalog. */
package org.ipaserver.definition;
