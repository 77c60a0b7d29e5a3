package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dating a pregnancy (clinical-rules.md §3): Naegele's rule from the LMP, Robinson's CRL formula
 * (BMUS 2009), the ACOG Committee Opinion 700 redating bands, and ART transfer dates.
 */
public final class PregnancyDating {

    public static final int TERM_DAYS = 280;
    public static final BigDecimal MAX_CRL_MM = new BigDecimal("84");

    private PregnancyDating() {}

    public enum Method { LMP, ULTRASOUND, ART }

    /** An ultrasound: by crown–rump length, or a gestational age read from other biometry. */
    public record Ultrasound(LocalDate date, BigDecimal crlMm, Integer gestationalAgeDays) {}

    public record Art(LocalDate transferDate, int embryoAgeDays) {}

    public record Result(LocalDate edd, Method method, boolean redated, boolean suboptimallyDated) {
        public int gestationalAgeDays(LocalDate on) {
            return TERM_DAYS - (int) ChronoUnit.DAYS.between(on, edd);
        }
    }

    /** Refused inputs (a CRL above 84 mm, nothing to date by): the message names what is wrong. */
    public static final class DatingException extends cn.fuyou.shared.InvalidFieldException {
        DatingException(String field, String message) {
            super(field, message);
        }
    }

    /** Robinson: GA days = 8.052·√(1.037·CRL) + 23.73, rounded to the nearest day; CRL ≤ 84 mm. */
    public static int gestationalAgeFromCrl(BigDecimal crlMm) {
        if (crlMm == null || crlMm.signum() <= 0) throw new DatingException("ultrasound.crlMm", "CRL须为正数 / CRL must be positive");
        if (crlMm.compareTo(MAX_CRL_MM) > 0) {
            throw new DatingException("ultrasound.crlMm", "CRL超过84 mm，请用其他生物测量给出孕龄 / CRL above 84 mm: give the gestational age from other biometry");
        }
        return (int) Math.round(8.052 * Math.sqrt(1.037 * crlMm.doubleValue()) + 23.73);
    }

    /**
     * The redating threshold (days) for a scan, chosen by the gestational age by LMP on the scan date
     * (ACOG CO 700): ≤8+6: 5; 9+0–13+6: 7; 14+0–15+6: 7; 16+0–21+6: 10; 22+0–27+6: 14; ≥28+0: 21.
     */
    public static int redatingThresholdDays(int gaByLmpDays) {
        if (gaByLmpDays <= 8 * 7 + 6) return 5;
        if (gaByLmpDays <= 15 * 7 + 6) return 7;
        if (gaByLmpDays <= 21 * 7 + 6) return 10;
        if (gaByLmpDays <= 27 * 7 + 6) return 14;
        return 21;
    }

    public static Result date(LocalDate lmp, Ultrasound us, Art art) {
        if (art != null) {
            if (art.transferDate() == null) throw new DatingException("art.transferDate", "移植日期必填 / transfer date is required");
            // ART: EDD = transfer date + 266 − embryo age (a day-5 embryo: +261).
            return new Result(art.transferDate().plusDays(266 - art.embryoAgeDays()), Method.ART, false, false);
        }
        Integer usGa = null;
        if (us != null) {
            if (us.date() == null) throw new DatingException("ultrasound.date", "超声日期必填 / ultrasound date is required");
            usGa = us.crlMm() != null ? gestationalAgeFromCrl(us.crlMm()) : us.gestationalAgeDays();
            if (usGa == null) throw new DatingException("ultrasound.crlMm", "需CRL或超声孕龄 / give the CRL or a gestational age");
        }
        if (lmp == null) {
            if (us == null) throw new DatingException("lmp", "需末次月经或超声 / an LMP or an ultrasound is needed");
            LocalDate edd = us.date().plusDays(TERM_DAYS - usGa);
            return new Result(edd, Method.ULTRASOUND, false, usGa >= 22 * 7);
        }
        LocalDate eddByLmp = lmp.plusDays(TERM_DAYS);
        if (us == null) return new Result(eddByLmp, Method.LMP, false, true);
        int gaByLmp = (int) ChronoUnit.DAYS.between(lmp, us.date());
        boolean suboptimal = gaByLmp >= 22 * 7;
        if (Math.abs(gaByLmp - usGa) > redatingThresholdDays(gaByLmp)) {
            return new Result(us.date().plusDays(TERM_DAYS - usGa), Method.ULTRASOUND, true, suboptimal);
        }
        return new Result(eddByLmp, Method.LMP, false, suboptimal);
    }
}
