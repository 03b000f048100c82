package org.lhs.qi.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The generated time span, in UTC epoch seconds: from the first day of the month {@code months} before the month
 * of {@code endDate} up to (excluding) {@code endDate}. Month index 0 is the first complete month; index
 * {@code months} is the (possibly empty) partial month of the end date.
 */
final class Window {

    static final long DAY = 86_400L;
    static final long HOUR = 3_600L;

    private final LocalDate startDate;
    private final LocalDate endDate;
    private final long start;
    private final long end;
    private final int months;
    private final int startMonthNumber;

    Window(LocalDate endDate, int months) {
        this.endDate = endDate;
        this.months = months;
        this.startDate = YearMonth.from(endDate).minusMonths(months).atDay(1);
        this.start = epoch(startDate);
        this.end = epoch(endDate);
        this.startMonthNumber = monthNumber(startDate);
    }

    LocalDate startDate() {
        return startDate;
    }

    LocalDate endDate() {
        return endDate;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    int months() {
        return months;
    }

    /** Month index (0 = first complete month) of an instant. */
    int monthIndex(long epochSecond) {
        return monthNumber(LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY))) - startMonthNumber;
    }

    static long epoch(LocalDate date) {
        return date.toEpochDay() * DAY;
    }

    static LocalDate date(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY));
    }

    /** ISO-8601 UTC timestamp with seconds and {@code Z}, e.g. {@code 2026-03-01T08:30:00Z}. */
    static String timestamp(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(20);
        b.append(t.getYear()).append('-');
        pad(b, t.getMonthValue()).append('-');
        pad(b, t.getDayOfMonth()).append('T');
        pad(b, t.getHour()).append(':');
        pad(b, t.getMinute()).append(':');
        pad(b, t.getSecond()).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int v) {
        return (v < 10 ? b.append('0') : b).append(v);
    }

    private static int monthNumber(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }
}
