package cn.fuyou.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Input PostgreSQL or date arithmetic cannot take is a 400 naming the field, never a 500 (issue 15
 * §3, found by fuzzing): strings with NUL characters (PostgreSQL text refuses U+0000) and dates
 * outside {@value #MIN_YEAR}–{@value #MAX_YEAR} (e.g. year ±999999999), in JSON bodies and in
 * query parameters alike (applied to every request by {@code shared.web.InputBoundsConfig}), and
 * wherever else a module parses such input (FHIR resources).
 */
public final class InputBounds {

    public static final int MIN_YEAR = 1850;
    public static final int MAX_YEAR = 2200;

    private InputBounds() {}

    public static LocalDate checked(LocalDate d) {
        if (d != null && (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR)) {
            throw new IllegalArgumentException("date " + d + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return d;
    }

    public static OffsetDateTime checked(OffsetDateTime t) {
        if (t != null && (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR)) {
            throw new IllegalArgumentException("time " + t + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return t;
    }

    public static String checked(String s) {
        if (s != null && s.indexOf('\0') >= 0) throw new IllegalArgumentException("contains a NUL character (U+0000), which is not allowed");
        return s;
    }
}
