package cn.fuyou.reporting;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a figure counts: facts placed in these statistical units (district/county codes, the
 * Liangjiang zone), dated {@code from}..{@code to} inclusive, optionally of one institution and
 * one colour.
 *
 * @param area        the area asked for (500000 = the whole city)
 * @param units       the area codes facts may carry to be counted in it
 */
public record StatsScope(String area, Set<String> units, LocalDate from, LocalDate to, String institution, String colour) {

    public StatsScope withPeriod(LocalDate from, LocalDate to) {
        return new StatsScope(area, units, from, to, institution, colour);
    }

    public StatsScope withUnits(String area, Set<String> units) {
        return new StatsScope(area, units, from, to, institution, colour);
    }

    public StatsScope withInstitution(String institution) {
        return new StatsScope(area, units, from, to, institution, colour);
    }
}
