/** Refusals every feature shares (bad input), mapped to HTTP statuses by the REST boundary; depends on nothing. */
package org.ipaserver.refusal;
