/** Replaying a recording: the playground's view-models and views over a recorded trace, stepped moment by moment. */
package org.sockscope.ui.replay;
