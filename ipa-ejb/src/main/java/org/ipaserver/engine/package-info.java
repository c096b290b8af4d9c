/**
 * The composition root: builds this instance's engine (definition catalog, flow engine, work-item
 * desk and router) and produces its parts for the features' facades. Nothing imports it.
 */
package org.ipaserver.engine;
