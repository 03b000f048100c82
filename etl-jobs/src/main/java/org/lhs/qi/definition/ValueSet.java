package org.lhs.qi.definition;

import java.nio.file.Path;
import java.util.List;

/**
 * A named code list loaded from a CSV file. Value sets are namespaced per indicator:
 * {@code name = <indicator-id>/<local name>}, so two definitions can never disagree about one set.
 */
public record ValueSet(String name, String indicatorId, String localName, Path sourceFile, String contentHash,
                       List<Code> codes) {

    /** One row of the value set file. */
    public record Code(String codeSystem, String code, String display) {}

    /** The namespaced name of a local value set of an indicator. */
    public static String qualifiedName(String indicatorId, String localName) {
        return indicatorId + "/" + localName;
    }
}
