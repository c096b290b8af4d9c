/** Skills-based routing: workgroups and their members, skills, presence, and who gets a workgroup item. */
package org.ipaserver.routing;
