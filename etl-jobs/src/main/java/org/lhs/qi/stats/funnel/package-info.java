/** Funnel plots comparing sites with the organisation rate (Spiegelhalter, Stat Med 2005). */
package org.lhs.qi.stats.funnel;
