package org.lhs.qi.stats.equity;

import java.util.List;

/** Pairwise comparisons of every non-reference group with the reference, plus summary measures. */
public record DisparityResult(GroupRate reference, List<Disparity> disparities, DisparitySummary summary) {

    public DisparityResult {
        disparities = List.copyOf(disparities);
    }
}
