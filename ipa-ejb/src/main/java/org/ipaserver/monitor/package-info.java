/**
 * The live monitor: the journal of flow events the engine writes while someone watches, the
 * subscriptions (a filter, counted first; each viewer's rights and data security) and the hub
 * that tails the journal and hands every subscriber its masked events in number order.
 */
package org.ipaserver.monitor;
