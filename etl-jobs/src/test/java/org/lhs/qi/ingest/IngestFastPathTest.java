package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The shortcuts of the ingest hot path give exactly what the general path gives. */
class IngestFastPathTest {

    @Test
    void canonicalUtcTimesAndDatesPassThroughAsTheirOwnIsoText() throws Exception {
        ValueType ts = ValueType.timestamp();
        for (String v : new String[] {"2026-03-01T08:30:00Z", "0999-12-31T23:59:59Z", "2024-02-29T00:00:00Z"}) {
            assertThat(ts.convert(v, ZoneOffset.UTC)).isEqualTo(v).isEqualTo(Instant.parse(v).toString());
        }
        // not canonical: still converted (offset, lower-case z, no zone)
        assertThat(ts.convert("2026-03-01T08:30:00+02:00", ZoneOffset.UTC)).isEqualTo("2026-03-01T06:30:00Z");
        assertThat(ts.convert("2026-03-01T08:30:00z", ZoneOffset.UTC)).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(ts.convert("2026-03-01T08:30:00", ZoneId.of("America/New_York"))).isEqualTo("2026-03-01T13:30:00Z");
        // still validated
        assertThatThrownBy(() -> ts.convert("2026-02-30T08:30:00Z", ZoneOffset.UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ts.convert("2026-03-01T24:30:00Z", ZoneOffset.UTC)).isInstanceOf(InvalidValueException.class);
        ValueType date = ValueType.date();
        assertThat(date.convert("2024-02-29", ZoneOffset.UTC)).isEqualTo("2024-02-29");
        assertThatThrownBy(() -> date.convert("2023-02-29", ZoneOffset.UTC)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void copyTextEscapesWhereverTheSpecialCharacterSits() {
        StringBuilder out = new StringBuilder();
        CopyText.appendValue(out, "plain");
        out.append('|');
        CopyText.appendValue(out, "a\tb\\c\nd\re\0");
        out.append('|');
        CopyText.appendValue(out, "\\");
        out.append('|');
        CopyText.appendValue(out, null);
        assertThat(out.toString()).isEqualTo("plain|a\\tb\\\\c\\nd\\re\uFFFD|\\\\|\\N");
    }

    @Test
    void trackingReaderCountsLineBreaksLikeTheSliceCount() throws Exception {
        String text = "a\r\nb\rc\n\nd\r";
        TrackingReader r = new TrackingReader(new StringReader(text));
        char[] buf = new char[64];
        while (r.read(buf, 0, buf.length) > 0) {
            // read everything
        }
        for (int from = 0; from <= text.length(); from++) {
            for (int to = from; to <= text.length(); to++) {
                assertThat(r.newlines(from, to)).as(from + ".." + to).isEqualTo(CommonsCsvRecordSource.newlines(r.slice(from, to)));
            }
        }
        assertThat(r.newlines(0, text.length())).isEqualTo(5);
    }
}
