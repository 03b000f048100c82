package org.lhs.qi.terminology;

import java.util.List;
import java.util.Set;

/**
 * One FHIR ValueSet expansion: its identity (canonical URL + version), the codes it lists (code systems as
 * stored short names), the {@code expansion.total} it claims (null when absent), how many codes the file listed
 * and the code systems it had to skip (not a warehouse code system).
 */
public record Expansion(String url, String version, String title, Integer total, int listed, List<Code> codes,
                        Set<String> skippedSystems, String source) {

    /** One code of the expansion. */
    public record Code(String codeSystem, String code, String display) {}

    /** {@code url|version}, the identity of an expansion. */
    public String identity() {
        return url + "|" + version;
    }

    /** True when the server said it has more codes than it listed (VSAC stops at 1,000). */
    public boolean partial() {
        return total != null && total > listed;
    }

    /** The set of (system, code) pairs, for comparing expansions. */
    public Set<String> keys() {
        return codes.stream().map(c -> c.codeSystem() + "|" + c.code()).collect(java.util.stream.Collectors.toSet());
    }
}
