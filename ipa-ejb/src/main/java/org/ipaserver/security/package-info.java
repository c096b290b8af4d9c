/** Who may do what: licences, access rights and data access security over the server realm's users. */
package org.ipaserver.security;
