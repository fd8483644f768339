/** Headless runs of scenarios that print a transcript. */
package org.sockscope.cli;
