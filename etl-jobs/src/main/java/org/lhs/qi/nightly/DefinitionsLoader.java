package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.definition.IndicatorDefinition;
import org.springframework.stereotype.Component;

/**
 * Loads the indicator definitions for a run and refuses to go on when any has an error: a run never
 * computes numbers from a definition it could not fully check.
 */
@Component
public class DefinitionsLoader {

    /** The checked definitions and one hash over all their content hashes. */
    public record Loaded(DefinitionSet set, String hash) {}

    public Loaded load(Path definitionsDir) {
        DefinitionSet set = DefinitionRepository.load(definitionsDir);
        if (set.hasErrors()) {
            String messages = set.diagnostics().stream().map(Diagnostic::toString)
                    .collect(Collectors.joining("\n  "));
            throw new IllegalStateException("indicator definitions in " + definitionsDir
                    + " have errors; fix them (check with `qi validate`):\n  " + messages);
        }
        if (set.indicators().isEmpty()) {
            throw new IllegalStateException("no indicator definitions found in " + definitionsDir);
        }
        return new Loaded(set, hash(set));
    }

    private static String hash(DefinitionSet set) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            set.indicators().stream().map(IndicatorDefinition::contentHash).sorted()
                    .forEach(h -> digest.update(h.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
