/** Equity: disparities between groups of a stratifier versus a reference group, and summary disparity measures. */
package org.lhs.qi.stats.equity;
