/** SendEmail: mails built from a flow's variables, sent through the server's Jakarta Mail session mail/ipa. */
package org.ipaserver.integration.mail;
