package cn.fuyou.reporting;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One record counted in a measure — a population the indicator catalogue divides (live births,
 * women delivered, maternal deaths, newborns screened…). Indicators are ratios of measures, so the
 * records behind any number are exactly the facts of its measure in the area and period.
 *
 * @param measure         the measure's code, e.g. {@code LIVE_BIRTH}; declared in a module's
 *                        {@code indicators/<module>.json}
 * @param personId        the woman or child counted
 * @param institutionCode the institution the record belongs to
 * @param areaCode        GB/T 2260 district code the record is counted in (residence, else institution)
 * @param date            the date that places the fact in a period (delivery date, death date…)
 * @param colour          five-colour grade where the measure is split by colour, else {@code null}
 */
public record IndicatorFact(String measure, UUID personId, String institutionCode, String areaCode,
                            LocalDate date, String colour) {
    public IndicatorFact {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(areaCode, "areaCode");
    }
}
