package cn.fuyou.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The one checker of what is possible in a form (issue 16 §5), used by every module before anything
 * is computed or stored: a date not in the future where that is impossible, a date not before the
 * event it follows (birth, LMP, registration, a visit), a number within what a record can hold. A
 * refusal is an {@link InvalidFieldException} naming the field — a 400 problem+json through the
 * shared error handling, never a result computed from an impossible input.
 * <pre>
 * Possible.asOf(ChinaTime.today(clock))
 *         .notFuture("visitDate", f.visitDate())
 *         .notBefore("visitDate", f.visitDate(), "birthDate", child.birthDate());
 * </pre>
 */
public final class Possible {

    private final LocalDate today;

    private Possible(LocalDate today) {
        this.today = today;
    }

    /** Checks against this "today" (China's date: {@link ChinaTime#today(java.time.Clock)}). */
    public static Possible asOf(LocalDate today) {
        return new Possible(today);
    }

    /** The date is today or earlier (null: nothing to check). */
    public Possible notFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today)) throw new InvalidFieldException(field, "shared.error.date-in-future", field, today);
        return this;
    }

    /** The instant's China date is today or earlier. */
    public Possible notFuture(String field, OffsetDateTime at) {
        return at == null ? this : notFuture(field, at.atZoneSameInstant(ChinaTime.ZONE).toLocalDate());
    }

    /** The date is not before the earlier event it follows ({@code earlierName}: the field or fact it is compared with). */
    public Possible notBefore(String field, LocalDate date, String earlierName, LocalDate earlier) {
        if (date != null && earlier != null && date.isBefore(earlier)) throw new InvalidFieldException(field, "shared.error.date-order", field, earlierName);
        return this;
    }

    /** The instant's China date is not before the earlier date (e.g. an admission before the child's birth date). */
    public Possible notBefore(String field, OffsetDateTime at, String earlierName, LocalDate earlier) {
        return at == null ? this : notBefore(field, at.atZoneSameInstant(ChinaTime.ZONE).toLocalDate(), earlierName, earlier);
    }

    /** The number lies in [min, max] (null: nothing to check). */
    public Possible within(String field, Number value, Number min, Number max) {
        if (value == null) return this;
        BigDecimal v = new BigDecimal(value.toString());
        if (v.compareTo(new BigDecimal(min.toString())) < 0 || v.compareTo(new BigDecimal(max.toString())) > 0) {
            throw new InvalidFieldException(field, "shared.error.out-of-range", field, min, max);
        }
        return this;
    }
}
