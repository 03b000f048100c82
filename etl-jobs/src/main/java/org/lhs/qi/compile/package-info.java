/** Compiles indicator definitions to set-based PostgreSQL: one small SQL builder per criterion kind. */
package org.lhs.qi.compile;
