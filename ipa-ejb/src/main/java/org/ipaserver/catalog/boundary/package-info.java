/** The definitions' use cases for callers of the API, with the designer's rights checked. */
package org.ipaserver.catalog.boundary;
