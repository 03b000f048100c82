/** The {@code qi} command line: demo, run, generate, validate. */
package org.lhs.qi.cli;
