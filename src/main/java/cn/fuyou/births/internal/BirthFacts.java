package cn.fuyou.births.internal;

import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measures a birth contributes to the statistics (indicators/births.json), restated inside the
 * transaction of every change: certificates issued (vs LIVE_BIRTH by institution), newborns screened
 * (metabolic, hearing, CHD), metabolic positives, recalled, confirmation done. Each fact is dated by
 * the birth date so that numerators and the LIVE_BIRTH denominator cover the same births; counted in
 * the mother's district of residence, else the delivery institution's.
 */
@Component
public class BirthFacts {

    public static final String CERTIFICATE_SOURCE = "birth_certificate";
    public static final String SCREENING_SOURCE = "newborn_screening";

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;
    private final Persons persons;
    private final Institutions institutions;

    BirthFacts(JdbcClient jdbc, IndicatorFacts facts, Persons persons, Institutions institutions) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.persons = persons;
        this.institutions = institutions;
    }

    private record Where(LocalDate birthDate, String institutionCode, String areaCode) {}

    private Where where(UUID childId) {
        record B(UUID motherId, UUID institutionId, OffsetDateTime bornAt) {}
        B b = jdbc.sql("select mother_id, institution_id, born_at from birth where child_id = ?").param(childId).query(B.class).single();
        var inst = institutions.findById(b.institutionId()).orElseThrow();
        String area = persons.load(b.motherId()).map(p -> p.addressAreaCode()).filter(a -> a != null && !a.isBlank()).orElse(inst.areaCode());
        return new Where(b.bornAt().atZoneSameInstant(cn.fuyou.births.ScreeningRules.CHINA).toLocalDate(), inst.code(), area);
    }

    public void certificate(UUID childId) {
        Where w = where(childId);
        boolean issued = jdbc.sql("select count(*) from birth_certificate where child_id = ? and status = 'VALID'").param(childId)
                .query(Long.class).single() > 0;
        facts.replace(CERTIFICATE_SOURCE, childId, issued
                ? List.of(new IndicatorFact("BIRTH_CERT_ISSUED", childId, w.institutionCode(), w.areaCode(), w.birthDate(), null))
                : List.of());
    }

    public void screening(UUID childId) {
        Where w = where(childId);
        List<String> measures = new ArrayList<>();
        if (count("select count(*) from blood_spot_sample s where s.child_id = ? and exists (select 1 from screening_result r where r.sample_id = s.id)", childId) > 0) {
            measures.add("NBS_METABOLIC_SCREENED");
        }
        if (count("select count(*) from hearing_screen where child_id = ? and stage in ('FIRST', 'RESCREEN')", childId) > 0) {
            measures.add("NBS_HEARING_SCREENED");
        }
        if (count("select count(*) from chd_screen where child_id = ?", childId) > 0) measures.add("NBS_CHD_SCREENED");
        if (count("select count(*) from screening_case where child_id = ? and programme = 'METABOLIC'", childId) > 0) {
            measures.add("NBS_METABOLIC_POSITIVE");
        }
        if (count("select count(*) from screening_case where child_id = ? and programme = 'METABOLIC' and recalled_on is not null", childId) > 0) {
            measures.add("NBS_METABOLIC_RECALLED");
        }
        if (count("select count(*) from screening_case where child_id = ? and programme = 'METABOLIC' and confirmed_on is not null", childId) > 0) {
            measures.add("NBS_METABOLIC_CONFIRMATION_DONE");
        }
        if (count("select count(*) from screening_case where child_id = ? and programme = 'METABOLIC' and confirmation = 'CONFIRMED'", childId) > 0) {
            measures.add("NBS_METABOLIC_CONFIRMED");
        }
        facts.replace(SCREENING_SOURCE, childId, measures.stream()
                .map(m -> new IndicatorFact(m, childId, w.institutionCode(), w.areaCode(), w.birthDate(), null)).toList());
    }

    private long count(String sql, UUID childId) {
        return jdbc.sql(sql).param(childId).query(Long.class).single();
    }
}
