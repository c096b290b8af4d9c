/** Deferred work: leased jobs (timers, external calls, retries) fired by a bounded pool of workers. */
package org.ipaserver.job;
