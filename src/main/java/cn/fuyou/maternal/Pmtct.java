package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.PmtctInfantFollowUp;
import cn.fuyou.maternal.rules.BirthWeightPlausibility;
import cn.fuyou.maternal.rules.PmtctSchedule;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PMTCT (clinical-rules.md §5): a positive HIV, syphilis or HBsAg result opens a case for the
 * mother; at delivery each exposed live-born baby gets the follow-up items of §5 as a worklist.
 */
@Service
public class Pmtct {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PersonAccess access;

    private final java.time.Clock clock;

    Pmtct(JdbcClient jdbc, AuditLog audit, PersonAccess access, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    /** Issue 15 §1: a PMTCT write needs the caller's right to the mother's (or the child's) record, like every read. */
    private void requireWriteAccess(UUID personId) {
        if (!access.canAccess(personId)) {
            audit.recordIndependently(new AuditRecord("WRITE", "Pmtct", null, personId, false, false, "not entitled", Map.of()));
            throw ApiException.forbidden("您所在机构无权修改此记录 / your institution is not entitled to this record");
        }
    }

    /** Opens the case once per infection (a second positive result changes nothing). */
    @Transactional
    public void open(UUID pregnancyId, String infection, LocalDate foundOn, String stage) {
        int n = jdbc.sql("""
                insert into pmtct_case (id, pregnancy_id, infection, found_on, found_at_stage, created_by)
                values (?, ?, ?, ?, ?, ?) on conflict (pregnancy_id, infection) do nothing""")
                .params(UUID.randomUUID(), pregnancyId, infection, foundOn, stage, CurrentActor.get().username()).update();
        if (n > 0) {
            UUID woman = jdbc.sql("select woman_id from pregnancy where id = ?").param(pregnancyId).query(UUID.class).single();
            audit.record(AuditRecord.write("OPEN_PMTCT", "Pregnancy", pregnancyId, woman, Map.of("infection", infection)));
        }
    }

    public record Treatment(LocalDate maternalArtStart,
                            @Min(value = 0, message = "病毒载量≥0 / viral load ≥ 0") @Max(100_000_000) Integer viralLoadCopies,
                            @DecimalMin("0") @DecimalMax("1e12") BigDecimal hbvDnaIuPerMl,
                            Boolean hbeagPositive,
                            @Size(max = 1000) String treatment,
                            LocalDate antiviralStart,
                            @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public void updateTreatment(UUID caseId, Treatment t) {
        UUID woman = jdbc.sql("select p.woman_id from pmtct_case c join pregnancy p on p.id = c.pregnancy_id where c.id = ?")
                .param(caseId).query(UUID.class).optional().orElseThrow(() -> ApiException.notFound("PMTCT case", caseId));
        requireWriteAccess(woman);
        record Dates(LocalDate lmp, LocalDate edd, LocalDate registeredOn) {}
        Dates d = jdbc.sql("select p.lmp, p.edd, p.registered_on from pmtct_case c join pregnancy p on p.id = c.pregnancy_id where c.id = ?")
                .param(caseId).query(Dates.class).single();
        LocalDate conception = d.edd().minusDays(280);
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        if (t.maternalArtStart() != null && t.maternalArtStart().isAfter(today)) {
            throw ApiException.badField("maternalArtStart", "开始日期不能晚于今天 / the start cannot be in the future");
        }
        if (t.antiviralStart() != null && (t.antiviralStart().isAfter(today) || t.antiviralStart().isBefore(conception))) {
            throw ApiException.badField("antiviralStart", "抗病毒开始日期须在孕期内且不晚于今天 / the antiviral start must be in the pregnancy and not in the future");
        }
        long current = jdbc.sql("select version from pmtct_case where id = ?").param(caseId).query(Long.class).single();
        int n = jdbc.sql("""
                update pmtct_case set maternal_art_start = ?, viral_load_copies = ?, hbv_dna_iu_per_ml = ?, hbeag_positive = ?,
                       treatment = ?, antiviral_start = ?, version = version + 1 where id = ? and version = ?""")
                .params(t.maternalArtStart(), t.viralLoadCopies(), t.hbvDnaIuPerMl(), t.hbeagPositive(), t.treatment(), t.antiviralStart(),
                        caseId, t.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("PMTCT case", caseId, t.version(), current);
        audit.record(AuditRecord.write("UPDATE", "PmtctCase", caseId, woman, Map.of()));
    }

    /**
     * Every exposed live-born baby gets the §5 schedule of her mother's infections (at delivery, and
     * again when an infection is found after delivery).
     */
    @Transactional
    void planInfants(UUID pregnancyId, List<UUID> liveBornChildren, OffsetDateTime birth) {
        var cases = jdbc.sql("select id from pmtct_case where pregnancy_id = ?").param(pregnancyId).query(UUID.class).list();
        for (UUID caseId : cases) {
            for (UUID child : liveBornChildren) {
                jdbc.sql("insert into pmtct_infant (pmtct_case_id, child_id, born_at) values (?, ?, ?) on conflict do nothing")
                        .params(caseId, child, birth).update();
                replan(caseId, child);
            }
        }
    }

    /** The infant's items as §5 has them given the results so far; an exit when the results give one. */
    private void replan(UUID caseId, UUID child) {
        record C(String infection, String foundAtStage, LocalDate maternalArtStart, Integer viralLoadCopies, OffsetDateTime bornAt,
                 String status) {}
        C c = jdbc.sql("""
                select c.infection, c.found_at_stage, c.maternal_art_start, c.viral_load_copies, i.born_at, i.status
                  from pmtct_case c join pmtct_infant i on i.pmtct_case_id = c.id where c.id = ? and i.child_id = ?""")
                .params(caseId, child).query(C.class).single();
        List<PmtctInfantFollowUp.Result> results = jdbc.sql("""
                select code, done_at, finding, anti_hbs_miu_per_ml from pmtct_infant_item
                 where pmtct_case_id = ? and child_id = ? and done_at is not null""")
                .params(caseId, child)
                .query((rs, n) -> new PmtctInfantFollowUp.Result(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getBigDecimal(4)))
                .list();
        OffsetDateTime birth = c.bornAt();
        PmtctInfantFollowUp.Plan plan;
        try {
            plan = switch (c.infection()) {
                case "HIV" -> PmtctInfantFollowUp.hiv(birth, PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(c.viralLoadCopies(),
                        c.maternalArtStart(), birth.atZoneSameInstant(Deliveries.CHINA).toLocalDate(), c.foundAtStage())), results);
                case "SYPHILIS" -> PmtctInfantFollowUp.syphilis(birth, results);
                default -> PmtctInfantFollowUp.hepatitisB(birth, results);
            };
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(e.getMessage(), "乙肝血清学HBsAg阴性时须填写抗-HBs / anti-HBs is required when HBsAg is negative");
        }
        List<String> codes = plan.items().stream().map(PmtctSchedule.Item::code).toList();
        // Items that no longer apply (e.g. the 12-month antibody test after a positive NAT) leave the worklist.
        jdbc.sql("delete from pmtct_infant_item where pmtct_case_id = ? and child_id = ? and done_at is null and code <> all(?)")
                .params(caseId, child, codes.toArray(String[]::new)).update();
        for (var item : plan.items()) {
            jdbc.sql("""
                    insert into pmtct_infant_item (id, pmtct_case_id, child_id, code, label_zh, label_en, due_from, due_until)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(UUID.randomUUID(), caseId, child, item.code(), item.labelZh(), item.labelEn(), item.dueFrom(), item.dueUntil())
                    .update();
        }
        if (plan.exit() != null && "FOLLOWING".equals(c.status())) {
            LocalDate on = results.stream().map(PmtctInfantFollowUp.Result::doneAt).max(OffsetDateTime::compareTo).orElseThrow()
                    .atZoneSameInstant(Deliveries.CHINA).toLocalDate();
            exit(caseId, child, plan.exit().outcome(), plan.exit().reasonZh(), plan.exit().reasonEn(), on);
        }
    }

    private void exit(UUID caseId, UUID child, PmtctInfantFollowUp.Outcome outcome, String reasonZh, String reasonEn, LocalDate on) {
        jdbc.sql("""
                update pmtct_infant set status = 'EXITED', outcome = ?, reason_zh = ?, reason_en = ?, exited_on = ?, exited_by = ?,
                       version = version + 1 where pmtct_case_id = ? and child_id = ?""")
                .params(outcome.name(), reasonZh, reasonEn, on, CurrentActor.get().username(), caseId, child).update();
        audit.record(AuditRecord.write("PMTCT_EXIT", "PmtctInfant", caseId, child, Map.of("outcome", outcome.name())));
    }

    public record ItemResult(@NotNull(message = "完成时间必填 / doneAt is required") OffsetDateTime doneAt,
                             @Size(max = 500) String result,
                             @jakarta.validation.constraints.Pattern(regexp = "POSITIVE|NEGATIVE", message = "结果为POSITIVE或NEGATIVE / finding is POSITIVE or NEGATIVE") String finding,
                             @DecimalMin(value = "0", message = "抗-HBs ≥ 0") @DecimalMax(value = "100000", message = "抗-HBs ≤ 100000") BigDecimal antiHbsMiuPerMl) {}

    @Transactional
    public void completeItem(UUID itemId, ItemResult r) {
        record I(UUID caseId, UUID childId, String code, OffsetDateTime bornAt, String status, OffsetDateTime doneAt) {}
        I i = jdbc.sql("""
                select it.pmtct_case_id as case_id, it.child_id, it.code, f.born_at, f.status, it.done_at from pmtct_infant_item it
                  join pmtct_infant f on f.pmtct_case_id = it.pmtct_case_id and f.child_id = it.child_id where it.id = ? for update""")
                .param(itemId).query(I.class).optional()
                .orElseThrow(() -> ApiException.notFound("PMTCT item", itemId));
        requireWriteAccess(i.childId());
        if (r.doneAt().isAfter(OffsetDateTime.now().plusMinutes(5))) throw ApiException.badField("doneAt", "不能晚于现在 / cannot be in the future");
        if (r.doneAt().isBefore(i.bornAt())) throw ApiException.badField("doneAt", "早于出生 / before the birth");
        if (!"FOLLOWING".equals(i.status())) {
            throw ApiException.conflict("exited", "该婴儿随访已结案 / this infant's follow-up has ended", Map.of());
        }
        if (i.doneAt() != null) throw ApiException.conflict("done", "该项目已完成 / this item is already done", Map.of());
        if (PmtctInfantFollowUp.isTest(i.code()) && r.finding() == null) {
            throw ApiException.badField("finding", "检测项目须填写阴性或阳性 / a test needs its finding");
        }
        if (i.code().equals("HBV_SEROLOGY") && "NEGATIVE".equals(r.finding()) && r.antiHbsMiuPerMl() == null) {
            throw ApiException.badField("antiHbsMiuPerMl", "HBsAg阴性时须填写抗-HBs / anti-HBs is required when HBsAg is negative");
        }
        jdbc.sql("update pmtct_infant_item set done_at = ?, result = ?, finding = ?, anti_hbs_miu_per_ml = ? where id = ?")
                .params(r.doneAt(), r.result(), r.finding(), r.antiHbsMiuPerMl(), itemId).update();
        audit.record(AuditRecord.write("COMPLETE", "PmtctInfantItem", itemId, i.childId(),
                r.finding() == null ? Map.of() : Map.of("finding", r.finding())));
        replan(i.caseId(), i.childId());
    }

    public record ExitForm(@NotNull(message = "结局必填 / outcome is required")
                           @jakarta.validation.constraints.Pattern(regexp = "LOST_TO_FOLLOW_UP|DIED", message = "手工结案为LOST_TO_FOLLOW_UP或DIED / by hand: LOST_TO_FOLLOW_UP or DIED") String outcome,
                           @NotNull(message = "日期必填 / date is required") LocalDate on,
                           @NotNull(message = "说明必填 / reason is required") @Size(min = 2, max = 500, message = "说明2–500字 / reason 2–500 characters") String reason) {}

    /** Lost to follow-up or died: exits the clinician records by hand (the others follow from results). */
    @Transactional
    public void exitByHand(UUID caseId, UUID childId, ExitForm f) {
        record F(String status, OffsetDateTime bornAt) {}
        F x = jdbc.sql("select status, born_at from pmtct_infant where pmtct_case_id = ? and child_id = ? for update")
                .params(caseId, childId).query(F.class).optional()
                .orElseThrow(() -> ApiException.notFound("PMTCT infant", childId));
        if (!access.canAccess(childId)) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        if (f.on().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) throw ApiException.badField("on", "不能晚于今天 / cannot be in the future");
        if (f.on().isBefore(x.bornAt().atZoneSameInstant(Deliveries.CHINA).toLocalDate())) {
            throw ApiException.badField("on", "早于出生 / before the birth");
        }
        if (!"FOLLOWING".equals(x.status())) throw ApiException.conflict("exited", "该婴儿随访已结案 / this infant's follow-up has ended", Map.of());
        PmtctInfantFollowUp.Outcome o = PmtctInfantFollowUp.Outcome.valueOf(f.outcome());
        exit(caseId, childId, o, o.zh + "：" + f.reason().strip(), o.en + ": " + f.reason().strip(), f.on());
    }
}
