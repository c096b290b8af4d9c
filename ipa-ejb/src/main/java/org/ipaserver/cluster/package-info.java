/**
 * The server instances sharing one flow store: each storage ID's registration (epoch, lease,
 * heartbeat) in {@code ipa_Instances}, which is the truth about who may write the flows stamped
 * with that storage ID; a second live holder of a storage ID is refused.
 */
package org.ipaserver.cluster;
