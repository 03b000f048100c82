/** Aggregating {@code qi.member} into {@code qi.result}: counts, rates, intervals and suppression per cell. */
package org.lhs.qi.summarise;
