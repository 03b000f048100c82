package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StarterDefinitionsTest {

    static final Path LIBRARY = Path.of("../indicator-definitions");

    @Test
    void starterLibraryLoadsWithoutAnyDiagnostic() {
        DefinitionSet set = DefinitionRepository.load(LIBRARY);
        assertThat(set.diagnostics()).isEmpty();
        assertThat(set.indicators()).extracting(IndicatorDefinition::id).contains(
                "controlling-high-blood-pressure", "diabetes-hba1c-poor-control", "ed-length-of-stay-median", "falls-with-injury",
                "readmission-30-day",
                // the starter library (issue 3 item 6)
                "breast-cancer-screening", "cauti-rate", "clabsi-rate", "colorectal-cancer-screening",
                "depression-screening-follow-up", "hospital-acquired-pressure-injury", "hospital-harm-severe-hypoglycemia",
                "low-back-pain-imaging", "near-miss-reporting-rate", "patient-experience-top-box",
                "safety-event-reporting-rate", "vte-prophylaxis-icu");
        assertThat(set.valueSets()).extracting(ValueSet::name).contains("diabetes-hba1c-poor-control/hba1c",
                "controlling-high-blood-pressure/esrd");
        for (IndicatorDefinition d : set.indicators()) {
            assertThat(d.tests()).as(d.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(d.contentHash()).hasSize(64);
        }
    }

    @Test
    void metadataIsRead() {
        IndicatorDefinition falls = DefinitionRepository.load(LIBRARY).find("falls-with-injury").orElseThrow();
        assertThat(falls.scoring()).isEqualTo(Scoring.RATIO);
        assertThat(falls.basis()).isEqualTo(Basis.ENCOUNTER);
        assertThat(falls.domain()).isEqualTo(Domain.SAFETY);
        assertThat(falls.improvement()).isEqualTo(Improvement.DECREASE);
        assertThat(falls.multiplier()).isEqualTo(1000.0);
        assertThat(falls.target()).isEqualTo(1.0);
        assertThat(falls.populations().exposure()).isEqualTo(Exposure.PATIENT_DAYS);
        assertThat(falls.stratifiers()).containsExactly(Stratifier.SEX, Stratifier.AGE_BAND, Stratifier.PAYER);

        IndicatorDefinition dm = DefinitionRepository.load(LIBRARY).find("diabetes-hba1c-poor-control").orElseThrow();
        assertThat(dm.target()).isEqualTo(0.15);
        assertThat(dm.references()).containsExactly("CMS122");
        assertThat(dm.valueSets().get("diabetes").codes()).hasSize(5);
    }

    @Test
    void plainLanguageReadsLikeTheDefinition() {
        IndicatorDefinition dm = DefinitionRepository.load(LIBRARY).find("diabetes-hba1c-poor-control").orElseThrow();
        String text = dm.plainLanguage();
        System.out.println(text);
        assertThat(text).contains("target 15%, lower is better")
                .contains("patient aged 18 to 75 on the last day of the period")
                .contains("the latest observation from value set 'hba1c' within the 12 months ending at the end of the period is greater than 9.0 %")
                .contains("Denominator: the initial population.");
        IndicatorDefinition falls = DefinitionRepository.load(LIBRARY).find("falls-with-injury").orElseThrow();
        System.out.println(falls.plainLanguage());
        assertThat(falls.plainLanguage()).contains("rate per 1,000");
    }
}
