package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void countsFromOneToTenAreNeverPrinted() {
        assertThat(Counts.mask(0)).isEqualTo("0");
        assertThat(Counts.mask(1)).isEqualTo("<11");
        assertThat(Counts.mask(10)).isEqualTo("<11");
        assertThat(Counts.mask(11)).isEqualTo("11");
        assertThat(Counts.mask(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void exposureIsRoundedBeforeMasking() {
        assertThat(Counts.mask(10.4)).isEqualTo("<11");
        assertThat(Counts.mask(10.5)).isEqualTo("11");
        assertThat(Counts.mask(0.3)).isEqualTo("0");
        assertThat(Counts.mask((Double) null)).isEqualTo("–");
    }
}
