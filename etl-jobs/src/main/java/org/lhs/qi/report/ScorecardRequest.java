package org.lhs.qi.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/** What to render: the business date, the audience ({@code ALL} or a site source id) and where the PDF goes. */
public record ScorecardRequest(LocalDate businessDate, String audience, String organisationName, Path outputPdf) {

    /** The audience key of the organisation-wide scorecard. */
    public static final String ALL = "ALL";

    public ScorecardRequest {
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(outputPdf, "outputPdf");
    }

    /** True for the organisation-wide scorecard. */
    public boolean organisationWide() {
        return ALL.equals(audience);
    }
}
