/** Derived placement of queued bytes in their stream (which call wrote them), shared by the playground and the scenario mode. */
package org.sockscope.ui.ledger;
