/**
 * The contract external handlers implement, and the built-in ones. A handler jar lists its classes
 * in {@code META-INF/services/org.ipaserver.handler.spi.Handler} and is put where the adapter's
 * class loader sees it (inside the RAR, or the EAR's {@code lib/} when the RAR is bundled in it).
 */
package org.ipaserver.handler.spi;
