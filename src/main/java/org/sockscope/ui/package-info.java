/** JavaFX only: the shell, feature views and reusable widgets. Nothing here touches a socket. */
package org.sockscope.ui;
