package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.PmtctSchedule;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
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

    Pmtct(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
                            @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public void updateTreatment(UUID caseId, Treatment t) {
        UUID woman = jdbc.sql("select p.woman_id from pmtct_case c join pregnancy p on p.id = c.pregnancy_id where c.id = ?")
                .param(caseId).query(UUID.class).optional().orElseThrow(() -> ApiException.notFound("PMTCT case", caseId));
        long current = jdbc.sql("select version from pmtct_case where id = ?").param(caseId).query(Long.class).single();
        int n = jdbc.sql("""
                update pmtct_case set maternal_art_start = ?, viral_load_copies = ?, hbv_dna_iu_per_ml = ?, hbeag_positive = ?,
                       treatment = ?, version = version + 1 where id = ? and version = ?""")
                .params(t.maternalArtStart(), t.viralLoadCopies(), t.hbvDnaIuPerMl(), t.hbeagPositive(), t.treatment(), caseId, t.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("PMTCT case", caseId, t.version(), current);
        audit.record(AuditRecord.write("UPDATE", "PmtctCase", caseId, woman, Map.of()));
    }

    /** At delivery: every exposed live-born baby gets the §5 schedule of her mother's infections. */
    @Transactional
    void planInfants(UUID pregnancyId, List<UUID> liveBornChildren, OffsetDateTime birth, LocalDate deliveryDate) {
        record C(UUID id, String infection, String foundAtStage, LocalDate maternalArtStart, Integer viralLoadCopies) {}
        var cases = jdbc.sql("select id, infection, found_at_stage, maternal_art_start, viral_load_copies from pmtct_case where pregnancy_id = ?")
                .param(pregnancyId).query(C.class).list();
        for (C c : cases) {
            var items = PmtctSchedule.infantItems(c.infection(),
                    new PmtctSchedule.HivExposure(c.viralLoadCopies(), c.maternalArtStart(), deliveryDate, c.foundAtStage()), birth);
            for (UUID child : liveBornChildren) {
                for (var item : items) {
                    jdbc.sql("""
                            insert into pmtct_infant_item (id, pmtct_case_id, child_id, code, label_zh, label_en, due_from, due_until)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                            .params(UUID.randomUUID(), c.id(), child, item.code(), item.labelZh(), item.labelEn(), item.dueFrom(),
                                    item.dueUntil())
                            .update();
                }
            }
        }
    }

    public record ItemResult(@NotNull(message = "完成时间必填 / doneAt is required") OffsetDateTime doneAt,
                             @Size(max = 500) String result) {}

    @Transactional
    public void completeItem(UUID itemId, ItemResult r) {
        UUID child = jdbc.sql("select child_id from pmtct_infant_item where id = ?").param(itemId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("PMTCT item", itemId));
        if (r.doneAt().isAfter(OffsetDateTime.now().plusMinutes(5))) throw ApiException.badField("doneAt", "不能晚于现在 / cannot be in the future");
        jdbc.sql("update pmtct_infant_item set done_at = ?, result = ? where id = ?").params(r.doneAt(), r.result(), itemId).update();
        audit.record(AuditRecord.write("COMPLETE", "PmtctInfantItem", itemId, child, Map.of()));
    }
}
