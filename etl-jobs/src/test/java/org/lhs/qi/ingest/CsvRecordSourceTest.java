package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordSourceTest {

    private record Seen(long line, List<String> fields, String raw) {}

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Seen> read(String csv) throws Exception {
        List<Seen> seen = new ArrayList<>();
        try (CsvRecordSource source = new CsvRecordSource(utf8(csv), "t.csv")) {
            while (source.next()) {
                seen.add(new Seen(source.lineNo(), source.fields(), source.raw()));
            }
        }
        return seen;
    }

    @Test
    void physicalLineNumbersAndRawTextSurviveQuotedNewlinesAndBlankLines() throws Exception {
        String csv = "\uFEFFa,b\n1,x\n2,\"multi\nline, quoted\"\n\n\n3,\"he said \"\"hi\"\"\"\n4\n5,y";
        List<Seen> seen = read(csv);
        assertThat(seen).containsExactly(
                new Seen(2, List.of("1", "x"), "1,x"),
                new Seen(3, List.of("2", "multi\nline, quoted"), "2,\"multi\nline, quoted\""),
                new Seen(7, List.of("3", "he said \"hi\""), "3,\"he said \"\"hi\"\"\""),
                new Seen(8, List.of("4"), "4"),
                new Seen(9, List.of("5", "y"), "5,y"));
    }

    @Test
    void crlfLineEndingsCountOnce() throws Exception {
        List<Seen> seen = read("a,b\r\n1,x\r\n\r\n2,y\r\n");
        assertThat(seen).containsExactly(new Seen(2, List.of("1", "x"), "1,x"), new Seen(4, List.of("2", "y"), "2,y"));
    }

    @Test
    void headerNamesAreExposedWithoutTheByteOrderMark() throws Exception {
        try (CsvRecordSource source = new CsvRecordSource(utf8("\uFEFFsite_id,name\n"), "site.csv")) {
            assertThat(source.header()).containsExactly("site_id", "name");
            assertThat(source.next()).isFalse();
        }
    }

    @Test
    void positionsStayCorrectAcrossManyRecordsAndWindowCompaction() throws Exception {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= 50_000; i++) {
            csv.append(i).append(i % 1000 == 0 ? ",\"two\nlines\"\n" : ",some text to fill the window\n");
        }
        try (CsvRecordSource source = new CsvRecordSource(utf8(csv.toString()), "t.csv")) {
            long expectedLine = 2;
            while (source.next()) {
                int id = Integer.parseInt(source.fields().get(0));
                assertThat(source.lineNo()).as("record %d", id).isEqualTo(expectedLine);
                assertThat(source.raw()).startsWith(id + ",");
                expectedLine += id % 1000 == 0 ? 2 : 1;
            }
            assertThat(expectedLine).isEqualTo(2 + 50_000 + 50);
        }
    }

    @Test
    void unparseableCsvRejectsTheFile() {
        assertThatThrownBy(() -> read("a,b\n1,x\n2,\"unterminated\n3,x\n"))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessageStartingWith("t.csv: the CSV cannot be parsed after line 2 (")
                .hasMessageEndingWith("); the whole file is rejected");
    }
}
