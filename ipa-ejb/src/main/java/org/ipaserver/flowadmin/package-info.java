/**
 * flow-admin, the administrator's tool on a flow store: flows and instances by storage ID, transfer
 * of flows between storage IDs by the rules of a take-over, export and import of flows. Plain JDBC
 * and JSON-P, run outside the server ({@code ./ipa flow-admin}).
 */
package org.ipaserver.flowadmin;
