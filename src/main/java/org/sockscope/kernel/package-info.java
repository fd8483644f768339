/** Read-only kernel observation: socket queues and options, pipe fill and capacity, descriptor tables, thread states. */
package org.sockscope.kernel;
