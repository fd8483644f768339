/** Append-only events, immutable snapshots of the visible world, and their JSON form. */
package org.sockscope.trace;
