/**
 * The web tier's own security: sign-in (HTTP Basic for integrations, a session for the browser
 * client), the guard against cross-site requests, HTTPS-only credentials, and the headers of the
 * client's pages.
 */
package org.ipaserver.web;
