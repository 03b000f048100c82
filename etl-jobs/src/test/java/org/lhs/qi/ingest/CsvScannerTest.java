package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner reads exactly what Apache Commons CSV (the previous reader, kept as {@link CommonsCsvRecordSource})
 * reads: same header, fields, physical line numbers and raw text, and the same files rejected, on hand-made edge
 * cases and on thousands of random files built from the characters that matter (quotes, commas, CR, LF, non-ASCII,
 * invalid UTF-8), read through a tiny input buffer so records straddle every refill.
 */
class CsvScannerTest {

    private record Rec(long line, List<String> fields, String raw) {}

    private record Outcome(List<String> header, List<Rec> records, boolean rejected) {}

    private static Outcome scanner(byte[] bytes) {
        List<Rec> records = new ArrayList<>();
        try (CsvRecordSource s = new CsvRecordSource(new Trickle(bytes), "t.csv")) {
            while (s.next()) {
                records.add(new Rec(s.lineNo(), s.fields(), s.raw()));
            }
            return new Outcome(s.header(), records, false);
        } catch (ExtractRejectedException e) {
            return new Outcome(List.of(), records, true);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome oracle(byte[] bytes) {
        List<Rec> records = new ArrayList<>();
        Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        try (CommonsCsvRecordSource s = new CommonsCsvRecordSource(reader, "t.csv")) {
            while (s.next()) {
                records.add(new Rec(s.lineNo(), s.fields(), s.raw()));
            }
            return new Outcome(s.header(), records, false);
        } catch (ExtractRejectedException e) {
            return new Outcome(List.of(), records, true);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Hands out at most 7 bytes per read, so every buffer boundary case happens. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int pos;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 7), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static void same(String csv) {
        same(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void same(byte[] bytes) {
        Outcome expected = oracle(bytes);
        Outcome actual = scanner(bytes);
        String shown = new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
        assertThat(actual.rejected()).as("rejected: %s", shown).isEqualTo(expected.rejected());
        if (!expected.rejected()) {
            assertThat(actual.header()).as("header: %s", shown).isEqualTo(expected.header());
            assertThat(actual.records()).as("records: %s", shown).isEqualTo(expected.records());
        }
    }

    @Test
    void handMadeEdgeCasesReadAsCommonsCsvReadsThem() {
        same("a,b\n1,x\n2,\"multi\nline, quoted\"\n\n\n3,\"he said \"\"hi\"\"\"\n4\n5,y");
        same("\uFEFFa,b\r\n1,x\r\n\r\n2,y\r\n");
        same("a,b\r1,x\r\r2,\"y\rz\"\r");
        same("a,b\n1,\"quoted\"trailing\"more,x\n2,mid\"dle\"quote\n");
        same("a,b\n1,\n,\n\"\",\"\"\n\" \",x");
        same("a,b\n1,x,extra,fields\n2\n   \n");
        same("a,b\n1,\"ends at eof\"");
        same("a,b\n1,\"unterminated\n2,x\n");
        same("a,\"b\"\"c\",\"d\ne\"\n1,2,3\n");
        same("");
        same("\n\n");
        same("a,b");
        same("a,a,,b\n1,2,3,4\n");
        same("a,b\n1,caf\u00e9 \u00fc\u4e2d\uD83D\uDE00\n");
    }

    @Test
    void recordsLongerThanTheBufferGrowItAndKeepTheirLines() {
        // a 200 KB field, a quoted field of 100,000 CRLF lines, 50,000 escaped quotes with trailing data
        String csv = "a,b\n1," + "x".repeat(200_000) + "\n2,\"" + "y\r\n".repeat(100_000) + "\"\n3,z\n4,\""
                + "q\"\"".repeat(50_000) + "\"tail\n5,w";
        same(csv);
        assertThat(scanner(csv.getBytes(StandardCharsets.UTF_8)).records()).extracting(Rec::line)
                .containsExactly(2L, 3L, 100_004L, 100_005L, 100_006L);
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersInTheSameFields() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, ',', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, '\n',
                '"', (byte) 0xC3, '"', ',', 'x', '\n'};
        same(bytes);
        assertThat(scanner(bytes).records().getFirst().fields()).containsExactly("1", "\uFFFD", "\uFFFD\uFFFD");
    }

    @Test
    void anUnterminatedQuoteRejectsTheFileNamingTheLastGoodLine() {
        assertThatThrownBy(() -> {
            try (CsvRecordSource s = new CsvRecordSource(CsvRecordSourceTest.utf8("a,b\n1,x\n2,\"open\n3,x\n"), "t.csv")) {
                while (s.next()) {
                    s.fields();
                }
            }
        }).isInstanceOf(ExtractRejectedException.class)
                .hasMessageStartingWith("t.csv: the CSV cannot be parsed after line 2 (")
                .hasMessageContaining("starts on line 3");
    }

    @Test
    void randomHostileFilesReadAsCommonsCsvReadsThem() {
        Random random = new Random(7_2026_11_23L);
        byte[][] pieces = {{','}, {'"'}, {'"', '"'}, {'\r'}, {'\n'}, {'\r', '\n'}, {'a'}, {'b', 'c'}, {' '},
                "é".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}, {'\t'}};
        int rejected = 0;
        for (int f = 0; f < 5000; f++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            if (random.nextInt(10) == 0) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                // mostly plain text, so records have several fields and lines
                out.writeBytes(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[6 + random.nextInt(2)]);
            }
            byte[] bytes = out.toByteArray();
            same(bytes);
            rejected += oracle(bytes).rejected() ? 1 : 0;
        }
        assertThat(rejected).as("some random files are unparseable, most are not").isBetween(100, 4000);
    }
}
