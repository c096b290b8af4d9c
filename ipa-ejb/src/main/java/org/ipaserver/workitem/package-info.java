/** Work items: forms sent by flows to people, their lifecycle, and the answers that resume the flows. */
package org.ipaserver.workitem;
