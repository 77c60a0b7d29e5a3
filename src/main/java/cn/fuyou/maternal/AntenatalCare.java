package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.internal.PregnancyReader;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Antenatal contacts: each one is stored with its gestational age, re-grades the pregnancy
 * (§1: at every contact), and a positive HIV/syphilis/HBsAg result opens a PMTCT case (§5).
 */
@Service
public class AntenatalCare {

    private final JdbcClient jdbc;
    private final RiskGradingPolicy policy;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final RiskAssessments risk;
    private final Pmtct pmtct;
    private final PregnancyReader reader;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    AntenatalCare(JdbcClient jdbc, RiskGradingPolicy policy, PersonAccess access, Entitlements entitlements, AuditLog audit, RiskAssessments risk, Pmtct pmtct,
                  PregnancyReader reader, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.policy = policy;
        this.access = access;
        this.entitlements = entitlements;
        this.audit = audit;
        this.risk = risk;
        this.pmtct = pmtct;
        this.reader = reader;
    }

    @Transactional
    public PregnancyRecord recordContact(UUID pregnancyId, ContactForm f) {
        add(pregnancyId, f);
        return reader.read(pregnancyId).orElseThrow();
    }

    /** Stores, audits and grades one contact; the caller decides whether to read the record back (an import does not). */
    void add(UUID pregnancyId, ContactForm f) {
        addAll(pregnancyId, java.util.List.of(f), "AntenatalContact");
    }

    /**
     * Stores many contacts of one pregnancy (an import) in one batch, audits them, and grades the
     * pregnancy once as of the last contact — the grading reads the latest value of each measurement,
     * so it is the grading the last contact would have made. Returns how many were stored.
     */
    int addAll(UUID pregnancyId, java.util.List<ContactForm> contacts, String auditKind) {
        if (contacts.isEmpty()) return 0;
        Actor actor = CurrentActor.get();
        record P(UUID womanId, LocalDate edd, LocalDate lmp, LocalDate registeredOn, String status, UUID deliveryId) {}
        P p = jdbc.sql("""
                select woman_id, edd, lmp, registered_on, status, (select id from delivery d where d.pregnancy_id = p.id) as delivery_id
                  from pregnancy p where id = ? for update""")
                .param(pregnancyId).query(P.class).optional()
                .orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
        if (!access.canAccess(p.womanId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        if (!"OPEN".equals(p.status()) || p.deliveryId() != null) {
            throw ApiException.conflict("not-antenatal", "已分娩或已结束，不能再登记产前检查 / the pregnancy is delivered or closed", Map.of());
        }
        java.util.List<Object[]> rows = new java.util.ArrayList<>(contacts.size());
        LocalDate last = null;
        for (ContactForm f : contacts) {
            int ga = PregnancyReader.gaDays(p.edd(), f.contactDate());
            if (ga < 0 || (p.lmp() != null && f.contactDate().isBefore(p.lmp()))) {
                throw ApiException.badField("contactDate", "检查日期早于末次月经 / the contact is before the LMP");
            }
            if (ga > 45 * 7) throw ApiException.badField("contactDate", "孕周超过45周 / gestational age would exceed 45 weeks");
            if (f.systolic() != null && f.diastolic() != null && f.diastolic() >= f.systolic()) {
                throw ApiException.badField("diastolic", "舒张压应低于收缩压 / diastolic must be below systolic");
            }
            if (f.nextAppointment() != null && !f.nextAppointment().isAfter(f.contactDate())) {
                throw ApiException.badField("nextAppointment", "预约日期应晚于本次检查 / the next appointment must be after this contact");
            }
            policy.checkCodes(f.factorsOrEmpty(), "factors");
            rows.add(new Object[] {UUID.randomUUID(), pregnancyId, actor.institutionId(), f.contactDate(), ga, f.weightKg(), f.systolic(), f.diastolic(),
                    f.fundalHeightCm(), f.fetalHeartRate(), f.presentation(), f.oedema(), f.urineProtein(), f.hemoglobinGPerL(),
                    f.plateletsE9PerL(), f.glucoseFasting(), f.ogtt1h(), f.ogtt2h(), f.bloodGroup(), f.rh(), f.hiv(),
                    f.syphilis(), f.hbsag(), f.creatinineTimesUpperLimit(), f.pulmonaryArterySystolicMmHg(), f.nyhaClass(),
                    f.ejectionFractionPercent(), f.ultrasound(), f.factorsOrEmpty().toArray(String[]::new), f.plan(),
                    f.nextAppointment(), actor.username(), actor.username()});
            if (last == null || f.contactDate().isAfter(last)) last = f.contactDate();
        }
        String insert = """
                insert into antenatal_contact (id, pregnancy_id, institution_id, contact_date, ga_days, weight_kg, systolic, diastolic,
                    fundal_height_cm, fetal_heart_rate, presentation, oedema, urine_protein, hemoglobin_g_per_l, platelets_e9_per_l,
                    glucose_fasting, ogtt_1h, ogtt_2h, blood_group, rh, hiv, syphilis, hbsag, creatinine_x_uln, pasp_mmhg, nyha_class,
                    ejection_fraction, ultrasound, factors, plan, next_appointment, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        if (rows.size() == 1) jdbc.sql(insert).params(rows.get(0)).update();
        else batch.batchUpdate(insert, rows);
        // The institution that sees her in person cares for her from now on (and may see her record).
        jdbc.sql("""
                update pregnancy set care_institution_id = ?, contact_dates = (select array_agg(c.contact_date order by c.contact_date)
                         from antenatal_contact c where c.pregnancy_id = pregnancy.id and c.voided_at is null),
                       version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(actor.institutionId(), actor.username(), pregnancyId).update();
        entitlements.entitle(p.womanId(), actor.institutionId(), "CARED");
        for (Object[] row : rows) {
            audit.record(AuditRecord.write("CREATE", auditKind, (UUID) row[0], p.womanId(), Map.of("pregnancyId", pregnancyId.toString())));
        }
        for (ContactForm f : contacts) {
            if ("POSITIVE".equals(f.hiv())) pmtct.open(pregnancyId, "HIV", f.contactDate(), "PREGNANCY");
            if ("POSITIVE".equals(f.syphilis())) pmtct.open(pregnancyId, "SYPHILIS", f.contactDate(), "PREGNANCY");
            if ("POSITIVE".equals(f.hbsag())) pmtct.open(pregnancyId, "HBV", f.contactDate(), "PREGNANCY");
        }
        risk.gradeAfterChange(pregnancyId, last);
        return rows.size();
    }
}
