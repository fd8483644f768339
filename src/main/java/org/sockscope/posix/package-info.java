/** FFM bindings to libc: one method per system call, each returning the raw result and the captured errno. The only package that calls native code. */
package org.sockscope.posix;
