/**
 * Statistics of indicator results: confidence intervals for proportions, rates, means and medians; reliability;
 * primary and complementary small-cell suppression. SPC, funnel plots and equity measures live in subpackages.
 */
package org.lhs.qi.stats;
