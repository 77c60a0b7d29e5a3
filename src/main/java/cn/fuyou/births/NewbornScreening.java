package cn.fuyou.births;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.births.internal.BirthFacts;
import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.Rows;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newborn disease screening (clinical-rules.md §9): blood-spot samples judged at collection, sent and
 * received in batches, laboratory results entered or imported, positives followed through recall →
 * confirmation → treatment → follow-up; the 1-3-6 hearing pathway; pulse-oximetry CHD screening; and
 * the due/overdue worklist of the institution following the child. A positive puts the child on the
 * high-risk infant list (childhealth).
 */
@Service
public class NewbornScreening {

    private final JdbcClient jdbc;
    private final ActiveScreeningRules active;
    private final Births births;
    private final Persons persons;
    private final Institutions institutions;
    private final ChildHealth childHealth;
    private final AuditLog audit;
    private final BirthFacts facts;
    private final String defaultLab;
    private final Entitlements entitlements;

    private final java.time.Clock clock;

    NewbornScreening(JdbcClient jdbc, ActiveScreeningRules active, Births births, Persons persons, Institutions institutions,
                     ChildHealth childHealth, AuditLog audit, BirthFacts facts, Entitlements entitlements,
                     @Value("${fuyou.screening.lab-institution:CQHCWC}") String defaultLab, java.time.Clock clock) {
        this.clock = clock;
        this.entitlements = entitlements;
        this.jdbc = jdbc;
        this.active = active;
        this.births = births;
        this.persons = persons;
        this.institutions = institutions;
        this.childHealth = childHealth;
        this.audit = audit;
        this.facts = facts;
        this.defaultLab = defaultLab;
    }

    private record BirthRow(UUID childId, OffsetDateTime bornAt, boolean nicu, UUID institutionId) {}

    private BirthRow birth(UUID childId) {
        return jdbc.sql("select child_id, born_at, nicu, institution_id from birth where child_id = ? for update").param(childId)
                .query(BirthRow.class).optional().orElseThrow(() -> ApiException.notFound("birth", childId));
    }

    private Actor writer() {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL || actor.institutionId() == null) {
            throw ApiException.forbidden("筛查由医疗机构人员记录 / screening is recorded by staff of a care institution");
        }
        return actor;
    }

    // ---- blood spot -------------------------------------------------------------------------------

    public record Sample(UUID id, UUID childId, String childName, OffsetDateTime bornAt, OffsetDateTime collectedAt, int feeds,
                         boolean transfused, String lateReason, int hoursOfLife, int dayOfLife, String timing, boolean repeatRequired,
                         String ruleVersion, UUID batchId, String batchCode, String status, List<ResultRow> results, long version) {}

    public record ResultRow(UUID id, String analyte, BigDecimal value, String unit, BigDecimal cutoff, boolean positive, String source,
                            String ruleVersion, OffsetDateTime createdAt, String createdBy) {}

    /** §9 timing checked at collection; the judgement and the rule version are stored with the sample. */
    @Transactional
    public Sample collect(UUID childId, ScreeningForms.BloodSpot f) {
        Actor actor = writer();
        BirthRow b = birth(childId);
        births.requireAccess(childId);
        if (f.collectedAt().isBefore(b.bornAt())) throw ApiException.badField("collectedAt", "采血时间早于出生 / collected before birth");
        if (f.collectedAt().toInstant().isAfter(java.time.Instant.now().plusSeconds(300))) {
            throw ApiException.badField("collectedAt", "采血时间不能晚于现在 / collection time cannot be in the future");
        }
        ScreeningRules rules = active.rules();
        var j = rules.judgeBloodSpot(b.bornAt(), f.collectedAt(), f.feeds(), Boolean.TRUE.equals(f.transfused()), f.lateReason());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into blood_spot_sample (id, child_id, institution_id, collected_at, feeds, transfused, late_reason, hours_of_life,
                    day_of_life, timing, repeat_required, rule_version, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, childId, actor.institutionId(), f.collectedAt(), f.feeds(), Boolean.TRUE.equals(f.transfused()), f.lateReason(),
                        (int) j.hoursOfLife(), j.dayOfLife(), j.timing().name(), j.repeatRequired(), rules.version(), actor.username())
                .update();
        audit.record(AuditRecord.write("COLLECT", "BloodSpotSample", id, childId, Map.of("timing", j.timing().name())));
        return sample(id);
    }

    /** Samples of the caller's institution, e.g. COLLECTED ones waiting for a batch. */
    public PageResult<Sample> samples(String status, PageRequest page) {
        Actor actor = CurrentActor.get();
        String st = status == null || status.isBlank() ? null : status;
        if (st != null && !List.of("COLLECTED", "SENT", "RECEIVED", "RESULTED").contains(st)) {
            throw ApiException.badField("status", "状态为COLLECTED/SENT/RECEIVED/RESULTED");
        }
        long total = jdbc.sql("select count(*) from blood_spot_sample where institution_id = ? and (?::text is null or status = ?)")
                .params(actor.institutionId(), st, st).query(Long.class).single();
        List<UUID> ids = jdbc.sql("""
                select id from blood_spot_sample where institution_id = ? and (?::text is null or status = ?)
                 order by collected_at desc limit ? offset ?""")
                .params(actor.institutionId(), st, st, page.size(), page.offset()).query(UUID.class).list();
        return new PageResult<>(ids.stream().map(this::sample).toList(), total, page.page(), page.size());
    }

    private String childName(UUID childId) {
        return persons.namesOf(List.of(childId)).get(childId);
    }

    private Sample sample(UUID id) {
        var results = jdbc.sql("select * from screening_result where sample_id = ? order by analyte").param(id)
                .query((rs, n) -> result(rs)).list();
        return jdbc.sql("""
                select s.*, b.born_at, sb.code as batch_code from blood_spot_sample s join birth b on b.child_id = s.child_id
                  left join sample_batch sb on sb.id = s.batch_id where s.id = ?""")
                .param(id).query((rs, n) -> new Sample(id, rs.getObject("child_id", UUID.class), childName(rs.getObject("child_id", UUID.class)),
                        rs.getObject("born_at", OffsetDateTime.class), rs.getObject("collected_at", OffsetDateTime.class), rs.getInt("feeds"),
                        rs.getBoolean("transfused"), rs.getString("late_reason"), rs.getInt("hours_of_life"), rs.getInt("day_of_life"),
                        rs.getString("timing"), rs.getBoolean("repeat_required"), rs.getString("rule_version"),
                        rs.getObject("batch_id", UUID.class), rs.getString("batch_code"), rs.getString("status"), results,
                        rs.getLong("version"))).optional().orElseThrow(() -> ApiException.notFound("sample", id));
    }

    private static ResultRow result(ResultSet rs) throws SQLException {
        return new ResultRow(rs.getObject("id", UUID.class), rs.getString("analyte"), rs.getBigDecimal("value"), rs.getString("unit"),
                rs.getBigDecimal("cutoff"), rs.getBoolean("positive"), rs.getString("source"), rs.getString("rule_version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    // ---- batches ----------------------------------------------------------------------------------

    public record BatchView(UUID id, String code, String institutionCode, String labInstitutionCode, String labNameZh, String labNameEn,
                            OffsetDateTime sentAt, String sentBy, OffsetDateTime receivedAt, String receivedBy, String status,
                            int samples, int resulted, long version) {}

    /** The institution sends its collected samples to the screening centre's laboratory in one batch. */
    @Transactional
    public BatchView send(ScreeningForms.Batch f) {
        Actor actor = writer();
        Institution lab = institutions.find(f.labInstitutionCode() == null || f.labInstitutionCode().isBlank() ? defaultLab : f.labInstitutionCode())
                .orElseThrow(() -> ApiException.badField("labInstitutionCode", "实验室机构不存在 / no such laboratory institution"));
        UUID id = UUID.randomUUID();
        String code = "NBS-" + actor.institutionCode() + "-" + OffsetDateTime.now(ScreeningRules.CHINA).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + id.toString().substring(0, 4).toUpperCase();
        jdbc.sql("insert into sample_batch (id, code, institution_id, lab_institution_id, sent_at, sent_by) values (?, ?, ?, ?, now(), ?)")
                .params(id, code, actor.institutionId(), lab.id(), actor.username()).update();
        for (UUID s : f.sampleIds()) {
            int n = jdbc.sql("update blood_spot_sample set batch_id = ?, status = 'SENT', version = version + 1 where id = ? and institution_id = ? and status = 'COLLECTED'")
                    .params(id, s, actor.institutionId()).update();
            if (n == 0) {
                throw ApiException.conflict("sample-not-collected", "标本不存在、非本机构或已送检 / sample unknown, not yours or already sent",
                        Map.of("sampleId", s));
            }
            UUID child = jdbc.sql("select child_id from blood_spot_sample where id = ?").param(s).query(UUID.class).single();
            entitlements.entitle(child, lab.id(), "REFERRED");
        }
        audit.record(AuditRecord.write("SEND", "SampleBatch", id, null, Map.of("samples", f.sampleIds().size(), "lab", lab.code())));
        return batch(id);
    }

    /** The laboratory confirms receipt of a batch. */
    @Transactional
    public BatchView receive(UUID batchId, long version) {
        Actor actor = writer();
        BatchView b = batch(batchId);
        if (!b.labInstitutionCode().equals(actor.institutionCode())) throw ApiException.forbidden("只有接收实验室可签收 / only the receiving laboratory signs for a batch");
        if (b.version() != version) throw ApiException.staleVersion("batch", batchId, version, b.version());
        if (!"SENT".equals(b.status())) throw ApiException.conflict("already-received", "该批次已签收 / batch already received", Map.of());
        jdbc.sql("update sample_batch set status = 'RECEIVED', received_at = now(), received_by = ?, version = version + 1 where id = ?")
                .params(actor.username(), batchId).update();
        jdbc.sql("update blood_spot_sample set status = 'RECEIVED', version = version + 1 where batch_id = ? and status = 'SENT'")
                .param(batchId).update();
        audit.record(AuditRecord.write("RECEIVE", "SampleBatch", batchId, null, Map.of()));
        return batch(batchId);
    }

    public PageResult<BatchView> batches(String status, PageRequest page) {
        Actor actor = CurrentActor.get();
        String st = status == null || status.isBlank() ? null : status;
        String where = " where (institution_id = ? or lab_institution_id = ?) and (?::text is null or status = ?)";
        long total = jdbc.sql("select count(*) from sample_batch" + where).params(actor.institutionId(), actor.institutionId(), st, st)
                .query(Long.class).single();
        List<UUID> ids = jdbc.sql("select id from sample_batch" + where + " order by sent_at desc limit ? offset ?")
                .params(actor.institutionId(), actor.institutionId(), st, st, page.size(), page.offset()).query(UUID.class).list();
        return new PageResult<>(ids.stream().map(this::batch).toList(), total, page.page(), page.size());
    }

    public record BatchDetail(BatchView batch, List<Sample> samples) {}

    public BatchDetail batchDetail(UUID id) {
        Actor actor = CurrentActor.get();
        BatchView b = batch(id);
        if (!actor.institutionCode().equals(b.institutionCode()) && !actor.institutionCode().equals(b.labInstitutionCode())) {
            throw ApiException.forbidden("非本机构批次 / not your institution's batch");
        }
        List<UUID> ids = jdbc.sql("select id from blood_spot_sample where batch_id = ? order by collected_at").param(id).query(UUID.class).list();
        return new BatchDetail(b, ids.stream().map(this::sample).toList());
    }

    private BatchView batch(UUID id) {
        return jdbc.sql("""
                select b.*, (select count(*) from blood_spot_sample s where s.batch_id = b.id) as n,
                       (select count(*) from blood_spot_sample s where s.batch_id = b.id and s.status = 'RESULTED') as r
                  from sample_batch b where b.id = ?""").param(id).query((rs, n) -> {
            Institution from = institutions.findById(rs.getObject("institution_id", UUID.class)).orElseThrow();
            Institution lab = institutions.findById(rs.getObject("lab_institution_id", UUID.class)).orElseThrow();
            return new BatchView(id, rs.getString("code"), from.code(), lab.code(), lab.nameZh(), lab.nameEn(),
                    rs.getObject("sent_at", OffsetDateTime.class), rs.getString("sent_by"), rs.getObject("received_at", OffsetDateTime.class),
                    rs.getString("received_by"), rs.getString("status"), rs.getInt("n"), rs.getInt("r"), rs.getLong("version"));
        }).optional().orElseThrow(() -> ApiException.notFound("batch", id));
    }

    // ---- laboratory results ---------------------------------------------------------------------------

    /** The laboratory enters results for a received sample; a value above the cut-off opens a positive and a recall. */
    @Transactional
    public Sample enterResults(UUID sampleId, ScreeningForms.Results f) {
        Actor actor = writer();
        List<String> analytes = f.results().stream().map(ScreeningForms.Result::analyte).toList();
        if (analytes.stream().distinct().count() != analytes.size()) throw ApiException.badField("results", "同一项目重复 / an analyte twice");
        storeResults(sampleId, f.results(), "ENTRY", actor);
        return sample(sampleId);
    }

    public record ImportReport(int rows, int samples, int positives) {}

    /**
     * CSV import, all or nothing. Columns (header line required, comma-separated, UTF-8):
     * {@code sample_id,analyte,value,cutoff} — sample_id the fuyou sample id, analyte PHE or TSH, value
     * in the analyte's unit (PHE µmol/L, TSH mIU/L), cutoff optional (the laboratory's own; empty = the setting).
     */
    @Transactional
    public ImportReport importCsv(String csv) {
        Actor actor = writer();
        String[] lines = csv.replace("\r", "").split("\n");
        if (lines.length < 2) throw ApiException.badField("file", "文件为空 / no rows");
        List<String> header = List.of(lines[0].replace("\uFEFF", "").strip().toLowerCase().split("\\s*,\\s*"));
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("sample_id", "analyte", "value"))) {
            throw ApiException.badField("file", "表头应为 sample_id,analyte,value,cutoff / header must be sample_id,analyte,value,cutoff");
        }
        Map<UUID, List<ScreeningForms.Result>> bySample = new java.util.LinkedHashMap<>();
        List<ApiException.FieldError> errors = new ArrayList<>();
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            rows++;
            String[] c = lines[i].split(",", -1);
            String where = "line " + (i + 1);
            try {
                UUID id = UUID.fromString(c[0].strip());
                String analyte = c[1].strip().toUpperCase();
                if (!List.of("PHE", "TSH").contains(analyte)) throw new IllegalArgumentException("analyte must be PHE or TSH");
                BigDecimal value = new BigDecimal(c[2].strip());
                if (value.signum() < 0) throw new IllegalArgumentException("value < 0");
                BigDecimal cutoff = c.length > 3 && !c[3].isBlank() ? new BigDecimal(c[3].strip()) : null;
                if (cutoff != null && cutoff.signum() <= 0) throw new IllegalArgumentException("cutoff must be > 0");
                var list = bySample.computeIfAbsent(id, k -> new ArrayList<>());
                if (list.stream().anyMatch(r -> r.analyte().equals(analyte))) throw new IllegalArgumentException("analyte twice for the sample");
                list.add(new ScreeningForms.Result(analyte, value, cutoff));
            } catch (RuntimeException e) {
                errors.add(new ApiException.FieldError(where, "第" + (i + 1) + "行：" + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-file", "导入文件有错误，未导入任何结果 / the file has errors; nothing imported",
                    errors, Map.of());
        }
        int positives = 0;
        for (var e : bySample.entrySet()) positives += storeResults(e.getKey(), e.getValue(), "IMPORT", actor);
        audit.record(AuditRecord.write("IMPORT", "ScreeningResult", "csv", null, Map.of("rows", rows, "samples", bySample.size())));
        return new ImportReport(rows, bySample.size(), positives);
    }

    private int storeResults(UUID sampleId, List<ScreeningForms.Result> results, String source, Actor actor) {
        record S(UUID childId, String status, UUID labId) {}
        S s = jdbc.sql("""
                select s.child_id, s.status, b.lab_institution_id as lab_id from blood_spot_sample s left join sample_batch b on b.id = s.batch_id
                 where s.id = ? for update of s""").param(sampleId).query(S.class).optional()
                .orElseThrow(() -> ApiException.badField("sampleId", "标本不存在 / no such sample " + sampleId));
        if (s.labId() == null || !s.labId().equals(actor.institutionId())) {
            throw ApiException.forbidden("只有接收实验室可录入结果 / only the receiving laboratory enters results");
        }
        if (!List.of("RECEIVED", "RESULTED").contains(s.status())) {
            throw ApiException.conflict("not-received", "标本尚未签收 / the sample's batch has not been received", Map.of("sampleId", sampleId));
        }
        ScreeningRules rules = active.rules();
        int positives = 0;
        for (ScreeningForms.Result r : results) {
            if (jdbc.sql("select count(*) from screening_result where sample_id = ? and analyte = ?").params(sampleId, r.analyte())
                    .query(Long.class).single() > 0) {
                throw ApiException.conflict("result-exists", "该标本此项目已有结果 / this sample already has a " + r.analyte() + " result",
                        Map.of("sampleId", sampleId, "analyte", r.analyte()));
            }
            BigDecimal cutoff = rules.cutoff(r.analyte(), r.cutoff());
            boolean positive = rules.positive(r.analyte(), r.value(), r.cutoff());
            jdbc.sql("""
                    insert into screening_result (id, sample_id, analyte, value, unit, cutoff, positive, source, rule_version, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), sampleId, r.analyte(), r.value(), rules.cutoffs().get(r.analyte()).unit(), cutoff, positive,
                            source, rules.version(), actor.username()).update();
            if (positive) {
                positives++;
                String condition = "PHE".equals(r.analyte()) ? "PKU" : "CH";
                openCase(s.childId(), "METABOLIC", condition, r.analyte() + " " + r.value().toPlainString() + " > " + cutoff.toPlainString(),
                        cn.fuyou.shared.ChinaTime.today(clock), rules);
            }
        }
        jdbc.sql("update blood_spot_sample set status = 'RESULTED', version = version + 1 where id = ?").param(sampleId).update();
        audit.record(AuditRecord.write("RESULT", "BloodSpotSample", sampleId, s.childId(), Map.of("source", source, "positives", positives)));
        facts.screening(s.childId());
        return positives;
    }

    private void openCase(UUID childId, String programme, String condition, String detail, LocalDate on, ScreeningRules rules) {
        jdbc.sql("""
                insert into screening_case (id, child_id, programme, condition, detail, opened_on, rule_version, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (child_id, programme, condition) do update set detail = excluded.detail""")
                .params(UUID.randomUUID(), childId, programme, condition, detail, on, rules.version(), CurrentActor.orSystem().username())
                .update();
        childHealth.flagHighRisk(childId, "NEWBORN_SCREEN_POSITIVE", "新生儿筛查阳性 " + programme + " " + condition + "：" + detail, on);
    }

    /** Results of samples the caller's institution sent or tested; {@code positive} filters. */
    public PageResult<Sample> results(Boolean positive, PageRequest page) {
        Actor actor = CurrentActor.get();
        String where = """
                 from blood_spot_sample s left join sample_batch b on b.id = s.batch_id
                 where s.status = 'RESULTED' and (s.institution_id = ? or b.lab_institution_id = ?)
                   and (?::boolean is null or exists (select 1 from screening_result r where r.sample_id = s.id and r.positive) = ?)""";
        long total = jdbc.sql("select count(*) " + where).params(actor.institutionId(), actor.institutionId(), positive, positive)
                .query(Long.class).single();
        List<UUID> ids = jdbc.sql("select s.id " + where + " order by s.collected_at desc limit ? offset ?")
                .params(actor.institutionId(), actor.institutionId(), positive, positive, page.size(), page.offset()).query(UUID.class).list();
        return new PageResult<>(ids.stream().map(this::sample).toList(), total, page.page(), page.size());
    }

    // ---- positives: recall → confirmation → treatment → follow-up ------------------------------------------

    public record CaseView(UUID id, UUID childId, String programme, String condition, String detail, LocalDate openedOn,
                           LocalDate recalledOn, LocalDate confirmedOn, String confirmation, String diagnosis, LocalDate treatmentOn,
                           String treatment, LocalDate followUpOn, String followUpNote, String status, String nextStep,
                           String ruleVersion, long version) {}

    @Transactional
    public CaseView recordStep(UUID caseId, ScreeningForms.CaseStep f) {
        Actor actor = writer();
        CaseView c = jdbc.sql("select * from screening_case where id = ? for update").param(caseId).query((rs, n) -> caseView(rs))
                .optional().orElseThrow(() -> ApiException.notFound("screening case", caseId));
        births.requireAccess(c.childId());
        if (c.version() != f.version()) throw ApiException.staleVersion("screening case", caseId, f.version(), c.version());
        if (c.nextStep() == null) throw ApiException.conflict("case-closed", "该阳性个案已结案 / this case is complete", Map.of());
        if (!c.nextStep().equals(f.step())) {
            throw ApiException.conflict("wrong-step", "下一步应为 " + c.nextStep() + " / the next step is " + c.nextStep(), Map.of("nextStep", c.nextStep()));
        }
        if (f.date().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) throw ApiException.badField("date", "日期不能晚于今天 / date in the future");
        LocalDate previous = c.followUpOn() != null ? c.followUpOn() : c.treatmentOn() != null ? c.treatmentOn()
                : c.confirmedOn() != null ? c.confirmedOn() : c.recalledOn() != null ? c.recalledOn() : c.openedOn();
        if (f.date().isBefore(previous)) throw ApiException.badField("date", "日期早于上一步（" + previous + "） / date before the previous step");
        switch (f.step()) {
            case "RECALL", "ECHO_REFERRAL" -> jdbc.sql("update screening_case set recalled_on = ? where id = ?").params(f.date(), caseId).update();
            case "CONFIRMATION" -> {
                if (f.confirmation() == null) throw ApiException.badField("confirmation", "请选择确诊或排除 / confirmed or excluded?");
                jdbc.sql("update screening_case set confirmed_on = ?, confirmation = ?, diagnosis = ?, status = ? where id = ?")
                        .params(f.date(), f.confirmation(), f.diagnosis(), "EXCLUDED".equals(f.confirmation()) ? "CLOSED" : "OPEN", caseId).update();
            }
            case "TREATMENT" -> {
                if (f.treatment() == null || f.treatment().isBlank()) throw ApiException.badField("treatment", "请填写治疗 / treatment is required");
                jdbc.sql("update screening_case set treatment_on = ?, treatment = ? where id = ?").params(f.date(), f.treatment().strip(), caseId).update();
            }
            default -> jdbc.sql("update screening_case set follow_up_on = ?, follow_up_note = ?, status = 'CLOSED' where id = ?")
                    .params(f.date(), f.note(), caseId).update();
        }
        jdbc.sql("update screening_case set version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), caseId).update();
        audit.record(AuditRecord.write(f.step(), "ScreeningCase", caseId, c.childId(), Map.of("date", f.date().toString())));
        facts.screening(c.childId());
        return jdbc.sql("select * from screening_case where id = ?").param(caseId).query((rs, n) -> caseView(rs)).single();
    }

    private static CaseView caseView(ResultSet rs) throws SQLException {
        var state = new ScreeningWorklistPolicy.CaseState(rs.getObject("id", UUID.class), rs.getString("programme"), rs.getString("condition"),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("recalled_on", LocalDate.class),
                rs.getObject("confirmed_on", LocalDate.class), rs.getString("confirmation"), rs.getObject("treatment_on", LocalDate.class),
                rs.getObject("follow_up_on", LocalDate.class), rs.getString("status"));
        return new CaseView(state.id(), rs.getObject("child_id", UUID.class), state.programme(), state.condition(), rs.getString("detail"),
                state.openedOn(), state.recalledOn(), state.confirmedOn(), state.confirmation(), rs.getString("diagnosis"),
                state.treatmentOn(), rs.getString("treatment"), state.followUpOn(), rs.getString("follow_up_note"), state.status(),
                ScreeningWorklistPolicy.nextCaseStep(state).orElse(null), rs.getString("rule_version"), rs.getLong("version"));
    }

    // ---- hearing -----------------------------------------------------------------------------------

    public record HearingRow(UUID id, String stage, String method, LocalDate doneOn, String leftEar, String rightEar, String outcome,
                             boolean onTime, String note, String ruleVersion, String createdBy) {}

    /** §9 1-3-6: each step only when the pathway has reached it; NICU babies are screened with AABR. */
    @Transactional
    public HearingRow recordHearing(UUID childId, ScreeningForms.Hearing f) {
        Actor actor = writer();
        BirthRow b = birth(childId);
        births.requireAccess(childId);
        ScreeningRules rules = active.rules();
        ScreeningRules.HearingStage stage = ScreeningRules.HearingStage.valueOf(f.stage());
        LocalDate birthDate = b.bornAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate();
        if (f.doneOn().isBefore(birthDate)) throw ApiException.badField("doneOn", "日期早于出生 / before birth");
        if (f.doneOn().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) throw ApiException.badField("doneOn", "日期不能晚于今天 / date in the future");
        if (!ScreeningRules.methodAllowed(stage, f.method(), b.nicu())) {
            throw ApiException.badField("method", b.nicu() && stage.ordinal() <= 1
                    ? "NICU新生儿须用AABR筛查（§9） / NICU babies are screened with AABR (§9)"
                    : "该阶段不能用此方法 / this method does not fit the stage");
        }
        List<ScreeningRules.HearingEvent> done = hearingEvents(childId);
        var next = rules.nextHearingStep(birthDate, done, f.doneOn());
        boolean allowed = next.map(s -> s.stage() == stage).orElse(false)
                // a first screen done late is recorded as a rescreen would be: both are screens
                || (stage == ScreeningRules.HearingStage.FIRST && done.isEmpty());
        if (!allowed) {
            throw ApiException.conflict("not-due", "听力筛查尚未到此步骤 / the hearing pathway is not at this step",
                    Map.of("nextStep", next.map(s -> s.stage().name()).orElse("COMPLETE")));
        }
        String outcome;
        if (stage.ordinal() <= 1) {
            if (f.leftEar() == null) throw ApiException.badField("leftEar", "左耳结果必填 / left ear result is required");
            if (f.rightEar() == null) throw ApiException.badField("rightEar", "右耳结果必填 / right ear result is required");
            outcome = "REFER".equals(f.leftEar()) || "REFER".equals(f.rightEar()) ? "REFER" : "PASS";
        } else if (stage == ScreeningRules.HearingStage.DIAGNOSIS) {
            if (f.diagnosis() == null) throw ApiException.badField("diagnosis", "诊断结果必填 / diagnosis is required");
            outcome = f.diagnosis();
        } else {
            outcome = "STARTED";
        }
        boolean onTime = !f.doneOn().isAfter(rules.hearingDueBy(stage, birthDate));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hearing_screen (id, child_id, institution_id, stage, method, done_on, left_ear, right_ear, outcome, on_time, note,
                    rule_version, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, childId, actor.institutionId(), f.stage(), f.method(), f.doneOn(), f.leftEar(), f.rightEar(), outcome, onTime,
                        f.note(), rules.version(), actor.username()).update();
        if (stage == ScreeningRules.HearingStage.RESCREEN && "REFER".equals(outcome)) {
            childHealth.flagHighRisk(childId, "NEWBORN_SCREEN_POSITIVE", "听力复筛未通过 hearing rescreen refer", f.doneOn());
        }
        audit.record(AuditRecord.write("HEARING_" + f.stage(), "HearingScreen", id, childId, Map.of("outcome", outcome)));
        facts.screening(childId);
        return hearing(childId).stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    private List<ScreeningRules.HearingEvent> hearingEvents(UUID childId) {
        return jdbc.sql("select stage, done_on, outcome from hearing_screen where child_id = ? order by done_on, created_at").param(childId)
                .query((rs, n) -> new ScreeningRules.HearingEvent(ScreeningRules.HearingStage.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }

    private List<HearingRow> hearing(UUID childId) {
        return jdbc.sql("select * from hearing_screen where child_id = ? order by done_on, created_at").param(childId)
                .query((rs, n) -> new HearingRow(rs.getObject("id", UUID.class), rs.getString("stage"), rs.getString("method"),
                        rs.getObject("done_on", LocalDate.class), rs.getString("left_ear"), rs.getString("right_ear"), rs.getString("outcome"),
                        rs.getBoolean("on_time"), rs.getString("note"), rs.getString("rule_version"), rs.getString("created_by"))).list();
    }

    // ---- congenital heart disease ----------------------------------------------------------------------

    public record ChdRow(UUID id, OffsetDateTime screenedAt, int hoursOfLife, int spo2Hand, int spo2Foot, int murmurGrade, boolean inWindow,
                         boolean positive, List<String> reasons, String ruleVersion, String createdBy) {}

    /** §9 pulse oximetry + auscultation; a positive opens an echocardiography referral and flags the child high-risk. */
    @Transactional
    public ChdRow recordChd(UUID childId, ScreeningForms.Chd f) {
        Actor actor = writer();
        BirthRow b = birth(childId);
        births.requireAccess(childId);
        if (f.screenedAt().isBefore(b.bornAt())) throw ApiException.badField("screenedAt", "筛查时间早于出生 / before birth");
        if (f.screenedAt().toInstant().isAfter(java.time.Instant.now().plusSeconds(300))) {
            throw ApiException.badField("screenedAt", "筛查时间不能晚于现在 / in the future");
        }
        ScreeningRules rules = active.rules();
        var j = rules.judgeChd(b.bornAt(), f.screenedAt(), f.spo2Hand(), f.spo2Foot(), f.murmurGrade());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into chd_screen (id, child_id, institution_id, screened_at, hours_of_life, spo2_hand, spo2_foot, murmur_grade, in_window,
                    positive, reasons, rule_version, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, childId, actor.institutionId(), f.screenedAt(), (int) j.hoursOfLife(), f.spo2Hand(), f.spo2Foot(), f.murmurGrade(),
                        j.inWindow(), j.positive(), j.reasons().toArray(String[]::new), rules.version(), actor.username()).update();
        if (j.positive()) {
            openCase(childId, "CHD", "CHD_SUSPECTED", String.join(",", j.reasons()) + " (SpO₂ " + f.spo2Hand() + "/" + f.spo2Foot()
                    + ", murmur " + f.murmurGrade() + "/6)", f.screenedAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate(), rules);
        }
        audit.record(AuditRecord.write("CHD_SCREEN", "ChdScreen", id, childId, Map.of("positive", j.positive())));
        facts.screening(childId);
        return chd(childId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private List<ChdRow> chd(UUID childId) {
        return jdbc.sql("select * from chd_screen where child_id = ? order by screened_at").param(childId)
                .query((rs, n) -> new ChdRow(rs.getObject("id", UUID.class), rs.getObject("screened_at", OffsetDateTime.class),
                        rs.getInt("hours_of_life"), rs.getInt("spo2_hand"), rs.getInt("spo2_foot"), rs.getInt("murmur_grade"),
                        rs.getBoolean("in_window"), rs.getBoolean("positive"), Rows.strings(rs.getArray("reasons")), rs.getString("rule_version"),
                        rs.getString("created_by"))).list();
    }

    // ---- one child, and the worklist -------------------------------------------------------------------

    public record ChildScreening(UUID childId, List<Sample> samples, List<HearingRow> hearing, List<ChdRow> chd, List<CaseView> cases,
                                 List<WorkItem> nextSteps, String ruleVersion) {}

    @Transactional
    public ChildScreening ofChild(UUID childId) {
        Births.Birth b = births.find(childId).orElseThrow(() -> ApiException.notFound("birth", childId));
        births.requireAccess(childId);
        audit.recordRead(AuditRecord.read("NewbornScreening", childId, childId, true, false, null));
        List<UUID> ids = jdbc.sql("select id from blood_spot_sample where child_id = ? order by collected_at").param(childId).query(UUID.class).list();
        List<CaseView> cases = jdbc.sql("select * from screening_case where child_id = ? order by opened_on").param(childId)
                .query((rs, n) -> caseView(rs)).list();
        Map<UUID, String> names = Map.of(childId, b.childName());
        List<WorkItem> next = stateOf(List.of(childId)).stream()
                .flatMap(s -> ScreeningWorklistPolicy.items(active.rules(), s, cn.fuyou.shared.ChinaTime.today(clock)).stream())
                .map(i -> workItem(i, names, Map.of(childId, b.bornAt()))).toList();
        return new ChildScreening(childId, ids.stream().map(this::sample).toList(), hearing(childId), chd(childId), cases, next,
                active.rules().version());
    }

    public record WorkItem(UUID childId, String childName, OffsetDateTime bornAt, String step, UUID caseId, LocalDate dueFrom,
                           LocalDate dueBy, String status) {}

    /**
     * Due and overdue steps of the children the caller's institution follows (born within the last
     * 7 months: the hearing intervention is due by 6). {@code group}: METABOLIC, HEARING, CHD or CASE.
     */
    public PageResult<WorkItem> worklist(String status, String group, PageRequest page) {
        Actor actor = CurrentActor.get();
        if (status != null && !status.isBlank() && !List.of("DUE", "OVERDUE").contains(status)) {
            throw ApiException.badField("status", "状态为DUE或OVERDUE");
        }
        if (group != null && !group.isBlank() && !List.of("METABOLIC", "HEARING", "CHD", "CASE").contains(group)) {
            throw ApiException.badField("group", "分组为METABOLIC/HEARING/CHD/CASE");
        }
        record C(UUID childId, OffsetDateTime bornAt) {}
        List<C> children = jdbc.sql("""
                select child_id, born_at from birth where follow_institution_id = ? and born_at > now() - interval '7 months'""")
                .param(actor.institutionId()).query(C.class).list();
        Map<UUID, OffsetDateTime> born = new HashMap<>();
        children.forEach(c -> born.put(c.childId(), c.bornAt()));
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        List<ScreeningWorklistPolicy.Item> items = new ArrayList<>();
        for (var s : stateOf(children.stream().map(C::childId).toList())) {
            for (var i : ScreeningWorklistPolicy.items(active.rules(), s, today)) {
                if ("UPCOMING".equals(i.status())) continue;
                if (status != null && !status.isBlank() && !status.equals(i.status())) continue;
                if (group != null && !group.isBlank() && !group.equals(groupOf(i.step()))) continue;
                items.add(i);
            }
        }
        items.sort(Comparator.comparing((ScreeningWorklistPolicy.Item i) -> !"OVERDUE".equals(i.status()))
                .thenComparing(ScreeningWorklistPolicy.Item::dueBy).thenComparing(i -> i.childId().toString()));
        int from = Math.min(page.offset(), items.size());
        var slice = items.subList(from, Math.min(from + page.size(), items.size()));
        Map<UUID, String> names = persons.namesOf(slice.stream().map(ScreeningWorklistPolicy.Item::childId).distinct().toList());
        return new PageResult<>(slice.stream().map(i -> workItem(i, names, born)).toList(), items.size(), page.page(), page.size());
    }

    static String groupOf(String step) {
        if (step.startsWith("BLOOD_SPOT")) return "METABOLIC";
        if (step.startsWith("HEARING_")) return "HEARING";
        if (step.equals("CHD_SCREEN")) return "CHD";
        return "CASE";
    }

    private static WorkItem workItem(ScreeningWorklistPolicy.Item i, Map<UUID, String> names, Map<UUID, OffsetDateTime> born) {
        return new WorkItem(i.childId(), names.get(i.childId()), born.get(i.childId()), i.step(), i.caseId(), i.dueFrom(), i.dueBy(), i.status());
    }

    private List<ScreeningWorklistPolicy.ChildState> stateOf(List<UUID> children) {
        if (children.isEmpty()) return List.of();
        UUID[] ids = children.toArray(UUID[]::new);
        Map<UUID, OffsetDateTime> born = new HashMap<>();
        jdbc.sql("select child_id, born_at from birth where child_id = any(?)").param(ids)
                .query((rs, n) -> born.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class))).list();
        Map<UUID, List<ScreeningWorklistPolicy.Sample>> samples = new HashMap<>();
        jdbc.sql("select child_id, collected_at, repeat_required from blood_spot_sample where child_id = any(?)").param(ids)
                .query((rs, n) -> samples.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ScreeningWorklistPolicy.Sample(rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3)))).list();
        java.util.Set<UUID> chd = new java.util.HashSet<>(jdbc.sql("select distinct child_id from chd_screen where child_id = any(?)")
                .param(ids).query(UUID.class).list());
        Map<UUID, List<ScreeningRules.HearingEvent>> hearing = new HashMap<>();
        jdbc.sql("select child_id, stage, done_on, outcome from hearing_screen where child_id = any(?)").param(ids)
                .query((rs, n) -> hearing.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ScreeningRules.HearingEvent(ScreeningRules.HearingStage.valueOf(rs.getString(2)),
                                rs.getObject(3, LocalDate.class), rs.getString(4)))).list();
        Map<UUID, List<ScreeningWorklistPolicy.CaseState>> cases = new HashMap<>();
        jdbc.sql("select * from screening_case where child_id = any(?) and status = 'OPEN'").param(ids)
                .query((rs, n) -> cases.computeIfAbsent(rs.getObject("child_id", UUID.class), k -> new ArrayList<>())
                        .add(new ScreeningWorklistPolicy.CaseState(rs.getObject("id", UUID.class), rs.getString("programme"),
                                rs.getString("condition"), rs.getObject("opened_on", LocalDate.class), rs.getObject("recalled_on", LocalDate.class),
                                rs.getObject("confirmed_on", LocalDate.class), rs.getString("confirmation"),
                                rs.getObject("treatment_on", LocalDate.class), rs.getObject("follow_up_on", LocalDate.class),
                                rs.getString("status")))).list();
        return children.stream().filter(born::containsKey).map(c -> new ScreeningWorklistPolicy.ChildState(c, born.get(c),
                samples.getOrDefault(c, List.of()), chd.contains(c), hearing.getOrDefault(c, List.of()), cases.getOrDefault(c, List.of())))
                .toList();
    }
}
