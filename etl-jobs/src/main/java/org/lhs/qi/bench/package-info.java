/** The benchmark harness: measures a whole nightly run at several sizes on one machine and records the figures. */
package org.lhs.qi.bench;
