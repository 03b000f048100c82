/** Statistics of indicator results: confidence intervals for proportions and rates, small-cell suppression. */
package org.lhs.qi.stats;
