/** Statistical process control for indicator time series: p, u, Laney p′/u′ charts, run and special-cause rules. */
package org.lhs.qi.stats.spc;
