package cn.fuyou.hospital;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Length of stay in days as Chinese inpatient statistics count it (住院天数): the discharge date
 * minus the admission date; a stay that begins and ends on the same day counts as one day (fuyou
 * rule: the source counts "days", a same-day stay is still a stay).
 */
public final class LengthOfStay {

    private LengthOfStay() {}

    public static int days(LocalDate admitted, LocalDate discharged) {
        if (discharged.isBefore(admitted)) throw new IllegalArgumentException("discharge before admission");
        return (int) Math.max(1, ChronoUnit.DAYS.between(admitted, discharged));
    }
}
