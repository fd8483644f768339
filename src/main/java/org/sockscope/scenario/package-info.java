/** Scenario model, loader and validator, runner, and quiz logic. */
package org.sockscope.scenario;
