package org.lhs.qi.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 parsing for the extract's dates and times. The common shapes ({@code 2026-03-01},
 * {@code 2026-03-01T08:30:00} with {@code Z}, {@code ±hh:mm} or nothing) are read digit by digit, because
 * {@link DateTimeFormatter} costs several microseconds per value and a large extract has hundreds of
 * millions of them; anything else goes through the strict ISO formatters. Invalid values throw.
 */
final class FastIso {

    private FastIso() {}

    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)); // validates day-of-month
        }
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    static Instant instant(String s, ZoneId zone) {
        int n = s.length();
        if (n >= 19 && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':') {
            LocalDate d = date(s.substring(0, 10));
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            LocalDateTime local = d.atTime(hour, minute, second);
            if (n == 19) {
                return local.atZone(zone).toInstant();
            }
            if (n == 20 && (s.charAt(19) == 'Z' || s.charAt(19) == 'z')) {
                return local.toInstant(ZoneOffset.UTC);
            }
            if (n == 25 && (s.charAt(19) == '+' || s.charAt(19) == '-') && s.charAt(22) == ':') {
                int hours = digits(s, 20, 22);
                int minutes = digits(s, 23, 25);
                int sign = s.charAt(19) == '-' ? -1 : 1;
                return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            }
        }
        // fractions of a second, hh:mm without seconds, …
        if (hasOffset(s)) {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
    }

    private static boolean hasOffset(String value) {
        int t = value.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = value.substring(t + 1);
        return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
