/**
 * Data exports written beside each scorecard PDF: the results as CSV and as a FHIR R4 Bundle of summary
 * MeasureReports. They publish exactly what the PDF may publish: suppressed cells have no counts, rates or
 * intervals, only the mark that they are suppressed.
 */
package org.lhs.qi.export;
