/** PDF scorecards: reads indicator results, assembles a plain scorecard model and renders it with JasperReports. */
package org.lhs.qi.report;
