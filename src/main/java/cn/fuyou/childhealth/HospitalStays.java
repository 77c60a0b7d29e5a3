package cn.fuyou.childhealth;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospital stays in the child's record: a hospital files the discharge summary here, and the
 * follow-up plan puts the child on the high-risk infant list of the institution that follows her
 * (issue 11 §3). Called by the hospital module inside its discharge transaction.
 */
@Service
public class HospitalStays {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final Institutions institutions;
    private final AuditLog audit;
    private final ChildFacts facts;

    HospitalStays(JdbcClient jdbc, Persons persons, PersonAccess access, Entitlements entitlements, Institutions institutions, AuditLog audit,
                  ChildFacts facts) {
        this.facts = facts;
        this.access = access;
        this.entitlements = entitlements;
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.audit = audit;
    }

    /**
     * @param sourceId             the hospital's admission id (filing the same admission twice is refused)
     * @param followUpInstitutionId who follows her after discharge; null keeps the institution of her record
     * @param highRiskReason        why she joins the high-risk list (e.g. {@code NICU_GRADUATE}, {@code PRETERM}); null: not high-risk
     */
    public record Discharge(UUID childId, UUID sourceId, UUID institutionId, OffsetDateTime admittedAt, OffsetDateTime dischargedAt,
                            int lengthOfStayDays, List<String> diagnoses, String outcome, String summary, UUID followUpInstitutionId,
                            String followUpPlan, Integer birthGaDays, Integer birthWeightG, String highRiskReason, String highRiskDetail) {}

    public record Stay(UUID id, String institutionCode, String institutionName, OffsetDateTime admittedAt, OffsetDateTime dischargedAt,
                       int lengthOfStayDays, List<String> diagnoses, String outcome, String summary, String followUpInstitutionCode,
                       String followUpInstitutionName, String followUpPlan) {}

    @Transactional
    public void file(Discharge d) {
        Objects.requireNonNull(d.childId(), "childId");
        PersonDetail child = persons.load(d.childId()).orElseThrow(() -> ApiException.badField("childId", "儿童不存在 / no such child"));
        boolean hasRecord = jdbc.sql("select count(*) from child_record where child_id = ?").param(d.childId()).query(Long.class).single() > 0;
        UUID follower = d.followUpInstitutionId();
        String by = CurrentActor.orSystem().username();
        if (!hasRecord) {
            // A child born before fuyou or elsewhere: her record starts with what the hospital knows.
            UUID mother = child.links().stream().filter(l -> l.kind().equals("MOTHER")).map(PersonDetail.Link::personId).findFirst().orElse(null);
            jdbc.sql("""
                    insert into child_record (child_id, mother_id, birth_date, institution_id, source, birth_ga_days, birth_weight_g,
                                              nicu_stay, created_by, changed_by)
                    values (?, ?, ?, ?, 'DIRECT', ?, ?, ?, ?, ?)""")
                    .params(d.childId(), mother, child.birthDate(), follower != null ? follower : d.institutionId(), d.birthGaDays(),
                            d.birthWeightG(), "NICU_GRADUATE".equals(d.highRiskReason()), by, by).update();
            audit.record(AuditRecord.write("CREATE", "ChildRecord", d.childId(), d.childId(), Map.of("source", "HOSPITAL_DISCHARGE")));
        } else if (follower != null) {
            jdbc.sql("update child_record set institution_id = ?, version = version + 1, changed_at = now(), changed_by = ? where child_id = ?")
                    .params(follower, by, d.childId()).update();
        }
        if ("NICU_GRADUATE".equals(d.highRiskReason())) {
            jdbc.sql("update child_record set nicu_stay = true where child_id = ?").param(d.childId()).update();
        }
        if (follower != null) entitlements.entitle(d.childId(), follower, "CARED");
        jdbc.sql("""
                insert into child_hospital_stay (id, child_id, source_id, institution_id, admitted_at, discharged_at, length_of_stay_days,
                    diagnoses, outcome, summary, follow_up_institution_id, follow_up_plan, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), d.childId(), d.sourceId(), d.institutionId(), d.admittedAt(), d.dischargedAt(),
                        d.lengthOfStayDays(), d.diagnoses().toArray(String[]::new), d.outcome(), d.summary(), follower, d.followUpPlan(), by)
                .update();
        if (d.highRiskReason() != null) {
            jdbc.sql("""
                    insert into high_risk_infant (id, child_id, reason, detail, since) values (?, ?, ?, ?, ?)
                    on conflict (child_id, reason) do update set closed_on = null, detail = excluded.detail""")
                    .params(UUID.randomUUID(), d.childId(), d.highRiskReason(), d.highRiskDetail(), cn.fuyou.shared.ChinaTime.dayOf(d.dischargedAt())).update();
        }
        if ("DIED".equals(d.outcome())) {
            // Her death is in her record (and counts in the child mortality indicators), dated by the discharge's China day.
            jdbc.sql("""
                    update child_record set died_on = ?, death_institution_id = ?, death_source = 'HOSPITAL', version = version + 1,
                           changed_at = now(), changed_by = ?
                     where child_id = ? and died_on is null""")
                    .params(d.dischargedAt().atZoneSameInstant(cn.fuyou.shared.ChinaTime.ZONE).toLocalDate(), d.institutionId(), by, d.childId())
                    .update();
        }
        audit.record(AuditRecord.write("FILE_DISCHARGE", "ChildHospitalStay", d.sourceId(), d.childId(),
                Map.of("outcome", d.outcome(), "followedBy", follower == null ? "" : follower.toString())));
        facts.refresh(d.childId());
    }

    /** The hospital stays in a child's record, newest first (scoped like the record). */
    @Transactional
    public List<Stay> forChild(UUID childId) {
        if (!access.canAccess(childId)) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        audit.recordRead(AuditRecord.read("ChildHospitalStay", childId, childId, true, false, null));
        return jdbc.sql("select * from child_hospital_stay where child_id = ? order by discharged_at desc").param(childId)
                .query((rs, n) -> {
                    Institution at = institutions.findById(rs.getObject("institution_id", UUID.class)).orElseThrow();
                    Institution f = institutions.findById(rs.getObject("follow_up_institution_id", UUID.class)).orElse(null);
                    return new Stay(rs.getObject("id", UUID.class), at.code(), at.nameZh(), rs.getObject("admitted_at", OffsetDateTime.class),
                            rs.getObject("discharged_at", OffsetDateTime.class), rs.getInt("length_of_stay_days"),
                            strings(rs.getArray("diagnoses")), rs.getString("outcome"), rs.getString("summary"),
                            f == null ? null : f.code(), f == null ? null : f.nameZh(), rs.getString("follow_up_plan"));
                }).list();
    }
}
