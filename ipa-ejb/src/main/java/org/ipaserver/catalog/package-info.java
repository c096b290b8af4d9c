/** The catalog of process definitions: reading the JSON format, validation, publishing and versions. */
package org.ipaserver.catalog;
