/** LHS Quality Indicators: nightly pipeline from EHR extracts to indicator results and PDF scorecards. */
package org.lhs.qi;
