/** CallWebService: REST/JSON and SOAP calls over the platform's JAX-RS client, trusting the JVM's roots plus an operator CA bundle. */
package org.ipaserver.integration.webservice;
