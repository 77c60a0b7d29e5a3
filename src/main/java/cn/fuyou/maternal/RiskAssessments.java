package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.RiskFindings;
import cn.fuyou.maternal.rules.RiskInputs;
import cn.fuyou.maternal.rules.RiskGrading;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.maternal.rules.RiskColour;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five-colour grading of a pregnancy from her latest measurements and the clinician's coded
 * factors (clinical-rules.md §1): every grading is kept with its inputs' reasons and rule-set
 * version; orange, red and purple open a dedicated case reported to her district; a positive
 * screen at a level-1 institution creates a task to grade her at level 2+ within 2 weeks.
 */
@Service
public class RiskAssessments {

    static final int GRADING_TASK_DAYS = 14;

    private final JdbcClient jdbc;
    private final RiskGradingPolicy policy;
    private final Persons persons;
    private final PersonAccess access;
    private final Institutions institutions;
    private final AuditLog audit;
    private final ObjectMapper json;

    private final java.time.Clock clock;

    RiskAssessments(JdbcClient jdbc, RiskGradingPolicy policy, Persons persons, PersonAccess access, Institutions institutions, AuditLog audit,
                    ObjectMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.policy = policy;
        this.persons = persons;
        this.access = access;
        this.institutions = institutions;
        this.audit = audit;
        this.json = json;
    }

    /** The grading inputs as of now: the pregnancy's data and the latest value of each measurement. */
    record Inputs(UUID womanId, LocalDate birthDate, String addressArea, BigDecimal heightCm, BigDecimal prePregnancyWeightKg,
                  BigDecimal firstWeightKg, int fetusCount, int uterineSurgeries, Integer monthsSinceSurgery,
                  LocalDate lastBirthDate, LocalDate lmp, LocalDate registeredOn, List<String> historyFactors,
                  BigDecimal hb, BigDecimal plt, Integer pasp, Integer nyha, Integer ef, BigDecimal creatinine,
                  String rh, String hiv, String syphilis, String hbsag, List<String> latestFactors, boolean postpartum,
                  LocalDate endedOn) {}

    @Transactional
    public UUID gradeAfterChange(UUID pregnancyId, LocalDate assessedOn) {
        Actor actor = CurrentActor.get();
        Inputs in = inputs(pregnancyId);
        if (in.endedOn() != null && assessedOn.isAfter(in.endedOn().plusDays(42))) {
            return null; // re-grading runs up to 42 days postpartum (§1)
        }
        RiskGrading g = policy.grade(toRiskInputs(in, assessedOn));
        Institution here = institutions.findById(actor.institutionId()).orElseThrow();
        String stage = here.level() >= 2 ? "GRADING" : "SCREENING";
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into risk_grading (id, pregnancy_id, institution_id, institution_level, assessed_on, stage, computed_colour,
                                          colour, purple, screen_positive, factors, rule_set_version, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, pregnancyId, here.id(), here.level(), assessedOn, stage, g.colour().name(), g.colour().name(),
                        g.purple(), g.screenPositive(), toJson(g.factors()), g.ruleSetVersion(), actor.username())
                .update();
        apply(pregnancyId, in, g.colour(), g.purple(), g.screenPositive(), here, stage);
        audit.record(AuditRecord.write("GRADE", "Pregnancy", pregnancyId, in.womanId(),
                Map.of("colour", g.colour().name(), "purple", g.purple(), "ruleSetVersion", g.ruleSetVersion())));
        return id;
    }

    /**
     * The clinician confirms the computed colour, or overrides it with a reason (audited). The
     * purple flag follows the test results and is not overridden.
     */
    @Transactional
    public void confirm(UUID gradingId, RiskColour override, String reason) {
        record Row(UUID pregnancyId, String computedColour, boolean purple, boolean screenPositive, String stage) {}
        Row row = jdbc.sql("select pregnancy_id, computed_colour, purple, screen_positive, stage from risk_grading where id = ?")
                .param(gradingId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("grading", gradingId));
        Inputs in = inputs(row.pregnancyId());
        if (!access.canAccess(in.womanId())) throw ApiException.forbidden("无权操作 / not entitled");
        RiskColour computed = RiskColour.valueOf(row.computedColour());
        RiskColour colour = override == null ? computed : override;
        if (colour != computed && (reason == null || reason.strip().length() < 4)) {
            throw ApiException.badField("reason", "调整颜色须填写理由 / overriding the colour needs a reason");
        }
        jdbc.sql("update risk_grading set confirmed = true, colour = ?, override_reason = ? where id = ?")
                .params(colour.name(), colour == computed ? null : reason.strip(), gradingId).update();
        Long latest = jdbc.sql("""
                select count(*) from risk_grading where pregnancy_id = ? and created_at > (select created_at from risk_grading where id = ?)""")
                .params(row.pregnancyId(), gradingId).query(Long.class).single();
        if (latest == 0) {
            Institution here = institutions.findById(CurrentActor.get().institutionId()).orElseThrow();
            apply(row.pregnancyId(), in, colour, row.purple(), row.screenPositive(), here, row.stage());
        }
        audit.record(AuditRecord.write(colour == computed ? "CONFIRM_GRADING" : "OVERRIDE_GRADING", "Pregnancy",
                row.pregnancyId(), in.womanId(), colour == computed ? Map.of("colour", colour.name())
                        : Map.of("computed", computed.name(), "colour", colour.name(), "reason", reason.strip())));
    }

    /** The pregnancy a stored grading belongs to (FHIR reads a RiskAssessment by its id). */
    public java.util.Optional<UUID> pregnancyOf(UUID gradingId) {
        return jdbc.sql("select pregnancy_id from risk_grading where id = ?").param(gradingId).query(UUID.class).optional();
    }

    private void apply(UUID pregnancyId, Inputs in, RiskColour colour, boolean purple, boolean screenPositive,
                       Institution here, String stage) {
        jdbc.sql("update pregnancy set colour = ?, purple = ?, screen_positive = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(colour.name(), purple, screenPositive, CurrentActor.get().username(), pregnancyId).update();
        if (colour.needsDedicatedCase() || purple) {
            openDedicatedCase(pregnancyId, in, colour, purple, here);
        }
        if ("GRADING".equals(stage)) {
            jdbc.sql("update grading_task set status = 'DONE', done_on = ? where pregnancy_id = ? and status = 'OPEN'")
                    .params(cn.fuyou.shared.ChinaTime.today(clock), pregnancyId).update();
        } else if (screenPositive) {
            jdbc.sql("""
                    insert into grading_task (id, pregnancy_id, institution_id, created_on, due_on)
                    select ?, ?, ?, ?::date, ?::date + ? where not exists
                      (select 1 from grading_task where pregnancy_id = ? and status = 'OPEN')""")
                    .params(UUID.randomUUID(), pregnancyId, here.id(), cn.fuyou.shared.ChinaTime.today(clock), cn.fuyou.shared.ChinaTime.today(clock),
                            GRADING_TASK_DAYS, pregnancyId).update();
        }
    }

    /** 发现一例、登记一例、报告一例: registered once, reported to the district's MCH institution. */
    private void openDedicatedCase(UUID pregnancyId, Inputs in, RiskColour colour, boolean purple, Institution here) {
        String district = in.addressArea() != null && in.addressArea().startsWith("50") && in.addressArea().length() == 6
                ? in.addressArea() : here.areaCode();
        UUID reportedTo = institutions.districtMchInstitution(district).map(Institution::id).orElse(null);
        String reason = (colour.needsDedicatedCase() ? colour.name() : "") + (purple ? (colour.needsDedicatedCase() ? "+PURPLE" : "PURPLE") : "");
        int updated = jdbc.sql("update high_risk_case set reason = ? where pregnancy_id = ? and kind = 'DEDICATED' and status = 'OPEN'")
                .params(reason, pregnancyId).update();
        // One dedicated case per pregnancy (§1): a closed one is closed by an outcome and is not opened again.
        boolean hadOne = updated > 0 || jdbc.sql("select count(*) from high_risk_case where pregnancy_id = ? and kind = 'DEDICATED'")
                .param(pregnancyId).query(Long.class).single() > 0;
        if (!hadOne) {
            UUID caseId = UUID.randomUUID();
            jdbc.sql("""
                    insert into high_risk_case (id, pregnancy_id, kind, reason, district_code, reported_to_institution_id, opened_by)
                    values (?, ?, 'DEDICATED', ?, ?, ?, ?)""")
                    .params(caseId, pregnancyId, reason, district, reportedTo, CurrentActor.get().username()).update();
            audit.record(AuditRecord.write("OPEN_CASE", "HighRiskCase", caseId, in.womanId(), Map.of("district", district, "reason", reason)));
        }
    }

    Inputs inputs(UUID pregnancyId) {
        return jdbc.sql("""
                select p.woman_id, p.height_cm, p.pre_pregnancy_weight_kg, p.fetus_count, p.uterine_surgeries,
                       p.months_since_uterine_surgery, p.last_birth_date, p.lmp, p.registered_on, p.history::text as history,
                       p.ended_on,
                       (select weight_kg from antenatal_contact c where c.pregnancy_id = p.id and c.voided_at is null
                         and c.weight_kg is not null order by contact_date, created_at limit 1) as first_weight,
                       (select array_to_string(v.factors, ',') from postpartum_visit v where v.pregnancy_id = p.id
                         order by v.visit_date desc, v.created_at desc limit 1) as postpartum_factors,
                       l.*
                  from pregnancy p left join lateral (
                       select (array_agg(hemoglobin_g_per_l order by contact_date desc, created_at desc) filter (where hemoglobin_g_per_l is not null))[1] as hb,
                              (array_agg(platelets_e9_per_l order by contact_date desc, created_at desc) filter (where platelets_e9_per_l is not null))[1] as plt,
                              (array_agg(pasp_mmhg order by contact_date desc, created_at desc) filter (where pasp_mmhg is not null))[1] as pasp,
                              (array_agg(nyha_class order by contact_date desc, created_at desc) filter (where nyha_class is not null))[1] as nyha,
                              (array_agg(ejection_fraction order by contact_date desc, created_at desc) filter (where ejection_fraction is not null))[1] as ef,
                              (array_agg(creatinine_x_uln order by contact_date desc, created_at desc) filter (where creatinine_x_uln is not null))[1] as creat,
                              (array_agg(rh order by contact_date desc, created_at desc) filter (where rh is not null))[1] as rh,
                              bool_or(hiv = 'POSITIVE') or exists (select 1 from pmtct_case x where x.pregnancy_id = p.id and x.infection = 'HIV') as hiv_pos,
                              bool_or(syphilis = 'POSITIVE') or exists (select 1 from pmtct_case x where x.pregnancy_id = p.id and x.infection = 'SYPHILIS') as syph_pos,
                              bool_or(hbsag = 'POSITIVE') or exists (select 1 from pmtct_case x where x.pregnancy_id = p.id and x.infection = 'HBV') as hbsag_pos,
                              (array_agg(array_to_string(factors, ',') order by contact_date desc, created_at desc))[1] as latest_factors
                         from antenatal_contact c where c.pregnancy_id = p.id and c.voided_at is null) l on true
                 where p.id = ?""")
                .param(pregnancyId)
                .query((rs, n) -> {
                    UUID woman = rs.getObject("woman_id", UUID.class);
                    PersonDetail w = persons.load(woman).orElseThrow();
                    // After delivery the latest postpartum visit's factors replace the antenatal ones.
                    String latest = rs.getString("postpartum_factors") != null ? rs.getString("postpartum_factors")
                            : rs.getString("latest_factors");
                    return new Inputs(woman, w.birthDate(), w.addressAreaCode(), rs.getBigDecimal("height_cm"),
                            rs.getBigDecimal("pre_pregnancy_weight_kg"), rs.getBigDecimal("first_weight"), rs.getInt("fetus_count"),
                            rs.getInt("uterine_surgeries"), (Integer) rs.getObject("months_since_uterine_surgery"),
                            rs.getObject("last_birth_date", LocalDate.class), rs.getObject("lmp", LocalDate.class),
                            rs.getObject("registered_on", LocalDate.class), historyFactors(rs.getString("history")),
                            rs.getBigDecimal("hb"), rs.getBigDecimal("plt"), (Integer) rs.getObject("pasp"),
                            rs.getObject("nyha") == null ? null : rs.getInt("nyha"),
                            rs.getObject("ef") == null ? null : rs.getInt("ef"), rs.getBigDecimal("creat"), rs.getString("rh"),
                            rs.getBoolean("hiv_pos") ? "POSITIVE" : null, rs.getBoolean("syph_pos") ? "POSITIVE" : null,
                            rs.getBoolean("hbsag_pos") ? "POSITIVE" : null,
                            latest == null || latest.isEmpty() ? List.of() : Arrays.asList(latest.split(",")),
                            rs.getObject("ended_on") != null, rs.getObject("ended_on", LocalDate.class));
                })
                .optional().orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
    }

    /** Her data as the policy's inputs, through the one mapping ({@link RiskFindings}). */
    static RiskInputs toRiskInputs(Inputs in, LocalDate on) {
        return RiskFindings.of()
                .ageOn(in.birthDate(), on)
                .body(in.heightCm(), in.prePregnancyWeightKg() != null ? in.prePregnancyWeightKg() : in.firstWeightKg())
                .bloods(in.hb(), in.plt())
                .heart(in.pasp() == null ? null : BigDecimal.valueOf(in.pasp()), in.nyha(), in.ef() == null ? null : BigDecimal.valueOf(in.ef()))
                .creatinine(in.creatinine())
                .obstetric(in.fetusCount(), in.uterineSurgeries(), in.monthsSinceSurgery())
                .factors(in.historyFactors())
                .factors(in.latestFactors())
                .tests(in.rh(), in.hiv(), in.syphilis(), in.hbsag())
                .birthInterval(in.lastBirthDate(), in.lmp(), in.registeredOn())
                .toInputs();
    }

    @SuppressWarnings("unchecked")
    private List<String> historyFactors(String history) {
        try {
            Object f = json.readValue(history, Map.class).get("factors");
            return f == null ? List.of() : (List<String>) f;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
