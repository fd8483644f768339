/** The live world: actors (named platform threads) that execute calls, connection and pipe set-up, cancellation, reset, and the sampler. */
package org.sockscope.lab;
