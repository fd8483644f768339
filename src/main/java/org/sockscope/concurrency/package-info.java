/** Server models (iterative, thread per connection, busy polling, select, work queue) and load clients. */
package org.sockscope.concurrency;
