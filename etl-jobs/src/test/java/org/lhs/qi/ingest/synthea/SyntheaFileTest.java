package org.lhs.qi.ingest.synthea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lhs.qi.ingest.ExtractRejectedException;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.RecordMapper;
import org.lhs.qi.ingest.RowConverter;

class SyntheaFileTest {

    static final IngestSettings SETTINGS = new IngestSettings("synthea", ZoneOffset.UTC);

    static RecordMapper mapper(SyntheaFile file, String header, Map<String, Optional<String>> payers) {
        return file.mappers(SETTINGS, payers).forHeader(List.of(header.split(",", -1)));
    }

    static RowConverter.Outcome map(RecordMapper m, String line) {
        return m.convert(List.of(line.split(",", -1)));
    }

    static List<String> good(RowConverter.Outcome o) {
        assertThat(o).isInstanceOf(RowConverter.Good.class);
        return java.util.Arrays.asList(((RowConverter.Good) o).values());
    }

    @Test
    void patientVocabularyOfBothVersions() {
        RecordMapper v30 = mapper(SyntheaFile.PATIENTS, "Id,BIRTHDATE,DEATHDATE,RACE,ETHNICITY,GENDER,ZIP", Map.of());
        // staging order: source_system, source_id, birth_date, death_date, sex, race, ethnicity, language, zip, …
        assertThat(good(map(v30, "p1,2014-10-06,,hawaiian,hispanic,F,02155")))
                .containsExactly("synthea", "p1", "2014-10-06", null, "female",
                        "native-hawaiian-or-other-pacific-islander", "hispanic-or-latino", null, "02155", null, null);
        RecordMapper v33 = mapper(SyntheaFile.PATIENTS,
                "Id,BIRTHDATE,DEATHDATE,MIDDLE,RACE,ETHNICITY,GENDER,FIPS,ZIP,INCOME", Map.of());
        assertThat(good(map(v33, "p2,1950-01-02,2020-05-06,X,black,nonhispanic,M,25027,,1")))
                .containsSubsequence("p2", "1950-01-02", "2020-05-06", "male", "black-or-african-american",
                        "not-hispanic-or-latino");
        assertThat(map(v33, "p3,not-a-date,,X,white,nonhispanic,M,1,,1")).isInstanceOf(RowConverter.Bad.class);
        assertThat(map(v33, "too,few")).isInstanceOf(RowConverter.Bad.class);
    }

    @Test
    void payerTransitionsOfBothVersionsAndNoInsurance() {
        Map<String, Optional<String>> payers = Map.of("MC", Optional.of("medicare"), "NI", Optional.empty());
        RecordMapper v30 = mapper(SyntheaFile.PAYER_TRANSITIONS, "PATIENT,MEMBERID,START_YEAR,END_YEAR,PAYER", payers);
        assertThat(good(map(v30, "p1,m,2014-10-14T04:17:47Z,2015-10-20T04:17:47Z,MC")))
                .containsSubsequence("p1", "medicare", "2014-10-14", "2015-10-20");
        assertThat(good(map(v30, "p1,m,1999,2001,MC"))).containsSubsequence("1999-01-01", "2001-12-31");
        assertThat(map(v30, "p1,m,1999,2001,NI")).isInstanceOf(RowConverter.Skipped.class);
        assertThat(((RowConverter.Bad) map(v30, "p1,m,1999,2001,XX")).reason()).contains("'XX' is not in payers.csv");
        RecordMapper v33 = mapper(SyntheaFile.PAYER_TRANSITIONS, "PATIENT,MEMBERID,START_DATE,END_DATE,PAYER", payers);
        assertThat(good(map(v33, "p1,m,2021-06-27T03:34:33Z,,MC"))).containsSubsequence("p1", "medicare", "2021-06-27");
        assertThatThrownBy(() -> mapper(SyntheaFile.PAYER_TRANSITIONS, "PATIENT,PAYER", payers))
                .isInstanceOf(ExtractRejectedException.class).hasMessageContaining("START_DATE or START_YEAR");
    }

    @Test
    void payerTypes() {
        assertThat(SyntheaVocabulary.payerType("Dual Eligible", null)).contains("medicare");
        assertThat(SyntheaVocabulary.payerType("Medicaid", "GOVERNMENT")).contains("medicaid");
        assertThat(SyntheaVocabulary.payerType("Humana", "PRIVATE")).contains("commercial");
        assertThat(SyntheaVocabulary.payerType("Tricare", "GOVERNMENT")).contains("other");
        assertThat(SyntheaVocabulary.payerType("NO_INSURANCE", null)).isEmpty();
    }

    @Test
    void encounterClassesDevicesAndCodeSystems() {
        RecordMapper enc = mapper(SyntheaFile.ENCOUNTERS, "Id,START,STOP,PATIENT,ORGANIZATION,ENCOUNTERCLASS", Map.of());
        assertThat(good(map(enc, "e1,2023-01-27T16:17:47Z,,p1,o1,urgentcare"))).contains("emergency");
        assertThat(good(map(enc, "e1,2023-01-27T16:17:47Z,,p1,o1,wellness"))).contains("ambulatory");
        assertThat(map(enc, "e1,2023-01-27T16:17:47Z,,p1,o1,snf")).isInstanceOf(RowConverter.Skipped.class);
        assertThat(((RowConverter.Bad) map(enc, "e1,2023-01-27T16:17:47Z,,p1,o1,spaceship")).reason()).contains("class");

        RecordMapper dev = mapper(SyntheaFile.DEVICES, "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,UDI", Map.of());
        assertThat(good(map(dev, "2020-01-01T00:00:00Z,,p1,e1,23973005,Indwelling urinary catheter,x")))
                .contains("urinary-catheter");
        assertThat(((RowConverter.Skipped) map(dev, "2020-01-01T00:00:00Z,,p1,e1,705643001,Stent,x")).reason())
                .contains("705643001");

        // v3.0 conditions have no SYSTEM column (SNOMED-CT), v3.3 have one; bare dates are midnight UTC
        RecordMapper c30 = mapper(SyntheaFile.CONDITIONS, "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION", Map.of());
        List<String> c = good(map(c30, "2023-01-27,,p1,e1,44054006,Diabetes"));
        assertThat(c).containsSubsequence("p1", "e1", "SNOMED-CT", "44054006", "2023-01-27T00:00:00Z").contains("active");
        RecordMapper c33 = mapper(SyntheaFile.CONDITIONS, "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION", Map.of());
        assertThat(good(map(c33, "2023-01-27,2023-02-01,p1,e1,SNOMED-CT,44054006,Diabetes"))).contains("resolved");
        // the same record gives the same source id (re-import is a no-op); another code another id
        assertThat(good(map(c30, "2023-01-27,,p1,e1,44054006,x")).get(1)).isEqualTo(c.get(1)).startsWith("condition-");
        assertThat(good(map(c30, "2023-01-27,,p1,e1,38341003,x")).get(1)).isNotEqualTo(c.get(1));
    }

    @Test
    void observationValuesNumericOrText() {
        RecordMapper obs = mapper(SyntheaFile.OBSERVATIONS,
                "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE", Map.of());
        // staging: …, code_system, code, effective_time, value_num, value_code_system, value_code, unit, status
        assertThat(good(map(obs, "2023-10-10T04:17:47Z,p1,e1,laboratory,4548-4,HbA1c,9.5,%,numeric")))
                .containsSubsequence("LOINC", "4548-4", "2023-10-10T04:17:47Z", "9.5", null, null, "%", "final");
        assertThat(good(map(obs, "2023-10-10T04:17:47Z,p1,e1,survey,72166-2,Smoking,Never smoked,,text")))
                .containsSubsequence("LOINC", "72166-2", "2023-10-10T04:17:47Z", null, "LOCAL", "Never smoked");
        assertThat(map(obs, "2023-10-10T04:17:47Z,p1,e1,laboratory,4548-4,HbA1c,high,%,numeric"))
                .isInstanceOf(RowConverter.Bad.class);
        RecordMapper imm = mapper(SyntheaFile.IMMUNIZATIONS, "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST", Map.of());
        assertThat(good(map(imm, "2023-10-10T04:17:47Z,p1,e1,08,Hep B,1")))
                .containsSubsequence("p1", "e1", "administration", "CVX", "08").first().isEqualTo("synthea");
    }
}
