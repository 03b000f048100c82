package org.lhs.qi.testcase;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Outcome of one definition test case: per subject, the populations expected and the populations got. */
public record TestCaseResult(String indicatorId, String testCase, boolean passed, List<SubjectOutcome> subjects,
                             String error) {

    /** Expected versus actual membership of one subject (ratio counts only when the case states them). */
    public record SubjectOutcome(String subject, Set<String> expected, Set<String> actual,
                                 BigDecimal expectedCount, BigDecimal actualCount,
                                 BigDecimal expectedExposure, BigDecimal actualExposure,
                                 BigDecimal expectedObservation, BigDecimal actualObservation, boolean passed) {
        /** An outcome without a measure observation. */
        public SubjectOutcome(String subject, Set<String> expected, Set<String> actual, BigDecimal expectedCount,
                              BigDecimal actualCount, BigDecimal expectedExposure, BigDecimal actualExposure,
                              boolean passed) {
            this(subject, expected, actual, expectedCount, actualCount, expectedExposure, actualExposure, null, null,
                    passed);
        }

        @Override
        public String toString() {
            String s = subject + ": expected " + expected + " got " + actual;
            if (expectedCount != null) {
                s += ", numerator-count expected " + expectedCount.toPlainString() + " got " + plain(actualCount);
            }
            if (expectedExposure != null) {
                s += ", exposure expected " + expectedExposure.toPlainString() + " got " + plain(actualExposure);
            }
            if (expectedObservation != null) {
                s += ", observation expected " + expectedObservation.toPlainString() + " got " + plain(actualObservation);
            }
            return (passed ? "ok   " : "FAIL ") + s;
        }

        private static String plain(BigDecimal b) {
            return b == null ? "none" : b.stripTrailingZeros().toPlainString();
        }
    }

    @Override
    public String toString() {
        String head = (passed ? "PASS " : "FAIL ") + indicatorId + " / " + testCase;
        if (error != null) {
            return head + ": " + error;
        }
        return head + subjects.stream().map(o -> "\n    " + o).collect(Collectors.joining());
    }
}
