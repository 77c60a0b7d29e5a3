package cn.fuyou.criticalcare;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.registry.Institutions;
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
 * The measures each critical-care record contributes (indicators/criticalcare.json), restated inside
 * the transaction of every write. Maternal deaths are counted from the death report (not from the case),
 * so a woman who died is counted once however her death became known.
 */
@Component
class CriticalCareFacts {

    static final String CASE = "critical_case";
    static final String DEATH = "maternal_death_report";
    static final String ACTION = "review_action";

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;
    private final Institutions institutions;

    CriticalCareFacts(JdbcClient jdbc, IndicatorFacts facts, Institutions institutions) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.institutions = institutions;
    }

    private String code(UUID institutionId) {
        return institutions.findById(institutionId).map(i -> i.code()).orElse(null);
    }

    /** CRITICAL_CASE; LIFE_THREATENING_CONDITION and LTC_&lt;system&gt; when a criterion is met; MATERNAL_NEAR_MISS and SEVERE_MATERNAL_OUTCOME when she survived with one. */
    void ofCase(UUID id) {
        record C(UUID personId, UUID institution, String area, OffsetDateTime onset, boolean ltc, List<String> systems,
                 String classification, LocalDate outcomeOn) {}
        C c = jdbc.sql("select person_id, reporting_institution_id, area_code, onset_at, life_threatening, organ_systems, classification,"
                        + " outcome_on from critical_case where id = ?").param(id)
                .query((rs, n) -> new C(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5), strings(rs.getArray(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class))).single();
        String inst = code(c.institution());
        LocalDate onset = c.onset().atZoneSameInstant(CaseScope.CHINA).toLocalDate();
        List<IndicatorFact> f = new ArrayList<>();
        f.add(new IndicatorFact("CRITICAL_CASE", c.personId(), inst, c.area(), onset, null));
        if (c.ltc()) {
            f.add(new IndicatorFact("LIFE_THREATENING_CONDITION", c.personId(), inst, c.area(), onset, null));
            for (String s : c.systems()) f.add(new IndicatorFact("LTC_" + s, c.personId(), inst, c.area(), onset, null));
        }
        if ("NEAR_MISS".equals(c.classification()) && c.outcomeOn() != null) {
            f.add(new IndicatorFact("MATERNAL_NEAR_MISS", c.personId(), inst, c.area(), c.outcomeOn(), null));
            f.add(new IndicatorFact("SEVERE_MATERNAL_OUTCOME", c.personId(), inst, c.area(), c.outcomeOn(), null));
        }
        facts.replace(CASE, id, f);
    }

    /**
     * MATERNAL_DEATH and SEVERE_MATERNAL_OUTCOME (unless the cause is coincidental), the cause's type and
     * ICD-MM group, DEATH_REPORT_IN_TIME when reported within 2 days, DEATH_REVIEWED once a review concluded.
     */
    void ofDeathReport(UUID id) {
        record D(UUID personId, UUID institution, String area, LocalDate death, String group, String type, LocalDate reportedOn,
                 boolean reviewed) {}
        D d = jdbc.sql("""
                select person_id, reporting_institution_id, area_code, death_date, cause_group, cause_type, reported_on,
                       exists (select 1 from case_review v where v.death_report_id = r.id and v.status in ('CONCLUDED', 'CLOSED')) as reviewed
                  from maternal_death_report r where id = ?""").param(id)
                .query((rs, n) -> new D(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8)))
                .single();
        List<IndicatorFact> f = new ArrayList<>();
        if (!"COINCIDENTAL".equals(d.group())) {
            String inst = code(d.institution());
            f.add(new IndicatorFact("MATERNAL_DEATH_REPORTED", d.personId(), inst, d.area(), d.death(), null));
            f.add(new IndicatorFact("SEVERE_MATERNAL_OUTCOME", d.personId(), inst, d.area(), d.death(), null));
            if (d.type() != null) f.add(new IndicatorFact("MATERNAL_DEATH_" + d.type(), d.personId(), inst, d.area(), d.death(), null));
            if (d.group() != null) f.add(new IndicatorFact("MATERNAL_DEATH_CAUSE_" + d.group(), d.personId(), inst, d.area(), d.death(), null));
            if (d.reportedOn() != null && DeathReportTimer.inTime(d.death(), d.reportedOn())) {
                f.add(new IndicatorFact("DEATH_REPORT_IN_TIME", d.personId(), inst, d.area(), d.death(), null));
            }
            if (d.reviewed()) f.add(new IndicatorFact("DEATH_REVIEWED", d.personId(), inst, d.area(), d.death(), null));
        }
        facts.replace(DEATH, id, f);
    }

    /** REVIEW_ACTION for every recommended action (dated by its due day), REVIEW_ACTION_CLOSED once closed. */
    void ofAction(UUID id) {
        record A(UUID personId, UUID owner, String area, LocalDate due, String status) {}
        A a = jdbc.sql("""
                select v.person_id, a.owner_institution_id as owner, v.area_code as area, a.due_on as due, a.status
                  from review_action a join case_review v on v.id = a.review_id where a.id = ?""").param(id).query(A.class).single();
        String inst = code(a.owner());
        List<IndicatorFact> f = new ArrayList<>();
        f.add(new IndicatorFact("REVIEW_ACTION", a.personId(), inst, a.area(), a.due(), null));
        if ("CLOSED".equals(a.status())) f.add(new IndicatorFact("REVIEW_ACTION_CLOSED", a.personId(), inst, a.area(), a.due(), null));
        facts.replace(ACTION, id, f);
    }
}
