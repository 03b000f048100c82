package org.lhs.qi.quality;

import java.util.List;

/** Rows checked and rows offending for one site, with the first offending rows' source ids. */
record Tally(String siteKey, long total, long offending, List<String> sample) {
}
