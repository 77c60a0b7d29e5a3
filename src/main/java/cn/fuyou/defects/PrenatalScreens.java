package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.defects.internal.DeliveryCounts;
import cn.fuyou.defects.internal.ListScope;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prenatal screening results (issue 17 §1): serum screening (first-trimester combined, second-trimester
 * double/triple/quadruple), NT, NIPT and anomaly ultrasound, entered, received over FHIR or imported from
 * CSV. Each is classified by the clinical-rules.md §7 cut-offs when stored (with the rule version), a
 * risk the laboratory did not compute is computed with its parameter set (stored with it), and a HIGH or
 * INTERMEDIATE result opens follow-up.
 */
@Service
public class PrenatalScreens {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> NIPT_TARGETS = Set.of("T21", "T18", "T13", "SCA");
    static final Set<String> NIPT_RESULTS = Set.of("LOW_RISK", "HIGH_RISK", "FAILED");

    private final JdbcClient jdbc;
    private final ScreeningPolicy policy;
    private final Pregnancies pregnancies;
    private final Institutions institutions;
    private final ParameterSets parameterSets;
    private final FollowUps followUps;
    private final DeliveryCounts deliveries;
    private final ListScope scope;
    private final AuditLog audit;

    PrenatalScreens(JdbcClient jdbc, ScreeningPolicy policy, Pregnancies pregnancies, Institutions institutions,
                    ParameterSets parameterSets, FollowUps followUps, DeliveryCounts deliveries, ListScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.pregnancies = pregnancies;
        this.institutions = institutions;
        this.parameterSets = parameterSets;
        this.followUps = followUps;
        this.deliveries = deliveries;
        this.scope = scope;
        this.audit = audit;
    }

    public record ScreenView(UUID id, UUID womanId, String womanName, UUID pregnancyId, String institutionCode, String institutionNameZh,
                             String institutionNameEn, String labInstitutionCode, String labNameZh, String labNameEn, String kind,
                             LocalDate sampledOn, LocalDate reportedOn, int gestationalDays, LocalDate edd, int maternalAgeAtEdd,
                             BigDecimal weightKg, JsonNode markers, Long t21OneIn, Long t18OneIn, BigDecimal afpMom, BigDecimal afpCutoff,
                             BigDecimal ntMm, JsonNode nipt, String ultrasoundFinding, Boolean ultrasoundAbnormal, String t21Band,
                             String t18Band, String ontdBand, String band, String riskSource, String parameterSet,
                             Boolean parameterSetIllustrative, JsonNode calculation, String ruleVersion, String source, String externalId,
                             String status, String voidReason, UUID followUpId, String followUpStep, long version,
                             OffsetDateTime createdAt, String createdBy) {}

    /** A result entered by the clinic or the laboratory. */
    @Transactional
    public ScreenView record(ScreenForm f) {
        return view(store(f, "ENTERED", null));
    }

    /** A result a laboratory sends over FHIR (DiagnosticReport + Observations). */
    @Transactional
    public ScreenView receive(ScreenForm f) {
        return view(store(f, "FHIR", null));
    }

    /**
     * Stores one result from any source in the caller's transaction and returns its id; a refusal is a
     * 400 naming the form field (the importer prefixes the row).
     */
    @Transactional
    public UUID store(ScreenForm f, String source, Institution labFromSource) {
        Actor actor = scope.writer();
        if (!policy.rules().windows().containsKey(f.kind())) throw ApiException.badField("kind", "defects.screen.kind-unknown", f.kind());
        UUID pregnancyId = f.pregnancyId() != null ? f.pregnancyId()
                : pregnancies.openPregnancyOf(f.womanId()).orElseThrow(() -> ApiException.badField("pregnancyId", "defects.screen.no-open-pregnancy"));
        PregnancyRecord p;
        try {
            p = pregnancies.readForWrite(pregnancyId);
        } catch (ApiException e) {
            if (e.status().value() == 404) throw ApiException.badField("pregnancyId", "defects.screen.no-such-pregnancy");
            throw e;
        }
        if (!p.womanId().equals(f.womanId())) throw ApiException.badField("pregnancyId", "defects.screen.not-her-pregnancy");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate lmp = p.edd().minusDays(280);
        if (f.sampledOn().isAfter(today)) throw ApiException.badField("sampledOn", "defects.error.date-in-future", today);
        if (f.sampledOn().isBefore(lmp)) throw ApiException.badField("sampledOn", "defects.screen.before-pregnancy", lmp);
        if (f.reportedOn() != null && (f.reportedOn().isBefore(f.sampledOn()) || f.reportedOn().isAfter(today))) {
            throw ApiException.badField("reportedOn", "defects.screen.reported-order", f.sampledOn(), today);
        }
        int ga = f.gestationalDays() != null ? f.gestationalDays() : (int) (280 - ChronoUnit.DAYS.between(f.sampledOn(), p.edd()));
        int[] window = policy.rules().windows().get(f.kind());
        if (ga < window[0] || ga > window[1]) {
            throw ApiException.badField(f.gestationalDays() != null ? "gestationalDays" : "sampledOn", "defects.screen.outside-window",
                    ga / 7 + "+" + ga % 7, window[0] / 7 + "+" + window[0] % 7, window[1] / 7 + "+" + window[1] % 7);
        }
        if (f.weightKg() != null && (f.weightKg().compareTo(BigDecimal.valueOf(30)) < 0 || f.weightKg().compareTo(BigDecimal.valueOf(200)) > 0)) {
            throw ApiException.badField("weightKg", "defects.screen.weight-range");
        }
        int age = p.womanBirthDate() == null ? 0 : ScreeningPolicy.maternalAgeAtEdd(p.womanBirthDate(), p.edd());
        if (p.womanBirthDate() == null) throw ApiException.badField("womanId", "defects.screen.no-birth-date");
        Institution lab = labFromSource;
        if (lab == null && f.labInstitutionCode() != null && !f.labInstitutionCode().isBlank()) {
            lab = institutions.find(f.labInstitutionCode()).orElseThrow(() -> ApiException.badField("labInstitutionCode", "defects.error.unknown-institution"));
        }
        // prenatal screening and diagnosis are done by designated prenatal diagnosis centres' laboratories (母婴保健法 / 产前诊断技术管理办法):
        // a result from any other institution is not a screening result of record
        if (lab != null && !lab.designations().contains(Designation.PRENATAL_DIAGNOSIS_CENTRE)) {
            throw ApiException.badField("labInstitutionCode", "defects.screen.lab-not-designated", lab.code());
        }

        Classified c = classify(f, ga, age);
        UUID id = UUID.randomUUID();
        String area = p.womanAreaCode() != null ? p.womanAreaCode() : institutions.findById(actor.institutionId()).orElseThrow().areaCode();
        if (f.externalId() != null && lab != null && jdbc.sql("select count(*) from prenatal_screen where lab_institution_id = ? and external_id = ?")
                .params(lab.id(), f.externalId()).query(Long.class).single() > 0) {
            throw ApiException.badField("externalId", "defects.screen.duplicate-external", f.externalId());
        }
        jdbc.sql("""
                insert into prenatal_screen (id, woman_id, pregnancy_id, institution_id, lab_institution_id, area_code, kind, sampled_on,
                    reported_on, gestational_days, edd, maternal_age_at_edd, weight_kg, markers, t21_one_in, t18_one_in, afp_mom, afp_cutoff,
                    nt_mm, nipt, ultrasound_finding, ultrasound_abnormal, t21_band, t18_band, ontd_band, band, risk_source,
                    parameter_set_id, calculation, rule_version, source, external_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, f.womanId(), pregnancyId, actor.institutionId(), lab == null ? null : lab.id(), area, f.kind(), f.sampledOn(),
                        f.reportedOn(), ga, p.edd(), age, f.weightKg(), JSON.valueToTree(c.markers).toString(), c.t21OneIn, c.t18OneIn,
                        c.afpMom, c.afpCutoff, f.ntMm(), f.nipt() == null ? null : JSON.valueToTree(f.nipt()).toString(),
                        f.ultrasoundFinding(), f.ultrasoundAbnormal(), name(c.t21), name(c.t18), name(c.ontd), c.band.name(), c.riskSource,
                        c.parameterSetId, c.calculation == null ? null : c.calculation.toString(), policy.version(), source, f.externalId(),
                        actor.username())
                .update();
        audit.record(AuditRecord.write("CREATE", "PrenatalScreen", id, f.womanId(), Map.of("kind", f.kind(), "band", c.band.name(), "source", source)));
        if (c.band != RiskBand.LOW) followUps.open(id, f.womanId(), pregnancyId, actor.institutionId(), area, c.band, f.reportedOn() != null ? f.reportedOn() : f.sampledOn());
        deliveries.refreshWoman(pregnancyId);
        return id;
    }

    private static String name(RiskBand b) {
        return b == null ? null : b.name();
    }

    private static final class Classified {
        RiskBand t21, t18, ontd, band = RiskBand.LOW;
        Long t21OneIn, t18OneIn;
        BigDecimal afpMom, afpCutoff;
        Map<String, Object> markers = new LinkedHashMap<>();
        String riskSource = "NONE";
        UUID parameterSetId;
        JsonNode calculation;
    }

    private Classified classify(ScreenForm f, int ga, int age) {
        Classified c = new Classified();
        boolean serum = ScreenForm.SERUM.contains(f.kind());
        c.t21OneIn = f.t21OneIn();
        c.t18OneIn = f.t18OneIn();
        c.afpMom = f.afpMom();
        if (f.markerValues() != null) c.markers.putAll(f.markerValues());
        BigDecimal afpExact = null;
        if (f.parameterSet() != null && !f.parameterSet().isBlank()) {
            if (!serum) throw ApiException.badField("parameterSet", "defects.screen.calculation-serum-only");
            if (f.t21OneIn() != null) throw ApiException.badField("t21OneIn", "defects.screen.risk-or-calculation");
            if (f.markerValues() == null || f.markerValues().isEmpty()) throw ApiException.badField("markerValues", "defects.error.required");
            var set = parameterSets.find(f.parameterSet()).orElseThrow(() -> ApiException.badField("parameterSet", "defects.screen.no-parameter-set", f.parameterSet()));
            RiskCalculation.Result r;
            try {
                r = RiskCalculation.compute(policy, parameterSets.parameters(set), age, ga, f.weightKg() == null ? null : f.weightKg().doubleValue(),
                        f.markerValues());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("markerValues", "defects.screen.calculation-refused", e.getMessage());
            }
            c.t21OneIn = r.risks().get("T21").oneIn();
            if (r.risks().containsKey("T18")) c.t18OneIn = r.risks().get("T18").oneIn();
            if (c.afpMom == null && r.moms().containsKey("AFP")) {
                afpExact = BigDecimal.valueOf(r.moms().get("AFP")); // §7 compares the MoM itself with the cut-off, not its rounded display
                c.afpMom = afpExact.setScale(2, java.math.RoundingMode.HALF_UP);
            }
            c.riskSource = "CALCULATED";
            c.parameterSetId = set.id();
            c.calculation = JSON.valueToTree(r);
            Map<String, Object> moms = new LinkedHashMap<>();
            r.moms().forEach((k, v) -> moms.put(k + "_MOM", Math.round(v * 100) / 100.0));
            c.markers.putAll(moms);
        } else if (c.t21OneIn != null) {
            c.riskSource = "LABORATORY";
        }
        if (serum) {
            if (c.t21OneIn == null) throw ApiException.badField("t21OneIn", "defects.error.required");
            if (!f.kind().equals("FIRST_TRIMESTER_COMBINED") && c.afpMom == null) throw ApiException.badField("afpMom", "defects.error.required");
        }
        try {
            if (c.t21OneIn != null) c.t21 = policy.t21(c.t21OneIn);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("t21OneIn", "defects.screen.one-in-positive");
        }
        try {
            if (c.t18OneIn != null) c.t18 = policy.t18(c.t18OneIn);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("t18OneIn", "defects.screen.one-in-positive");
        }
        if (c.afpMom != null) {
            if (c.afpMom.signum() <= 0 || c.afpMom.compareTo(BigDecimal.valueOf(50)) > 0) throw ApiException.badField("afpMom", "defects.screen.afp-range");
            try {
                c.afpCutoff = policy.afpCutoff(f.afpCutoff());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("afpCutoff", "defects.screen.afp-cutoff-range", policy.rules().cutoffs().afpMomMin(), policy.rules().cutoffs().afpMomMax());
            }
            c.ontd = policy.ontd(afpExact != null ? afpExact : c.afpMom, c.afpCutoff);
        }
        RiskBand band = RiskBand.worst(RiskBand.worst(c.t21, c.t18), c.ontd);
        if (f.ntMm() != null) {
            if (f.ntMm().signum() <= 0 || f.ntMm().compareTo(BigDecimal.valueOf(20)) > 0) throw ApiException.badField("ntMm", "defects.screen.nt-range");
            band = RiskBand.worst(band, policy.nt(f.ntMm()));
        } else if (f.kind().equals("NT")) {
            throw ApiException.badField("ntMm", "defects.error.required");
        }
        if (f.kind().equals("NIPT")) {
            if (f.nipt() == null || f.nipt().isEmpty()) throw ApiException.badField("nipt", "defects.error.required");
            for (var e : f.nipt().entrySet()) {
                if (!NIPT_TARGETS.contains(e.getKey())) throw ApiException.badField("nipt." + e.getKey(), "defects.screen.nipt-target");
                if (!NIPT_RESULTS.contains(e.getValue())) throw ApiException.badField("nipt." + e.getKey(), "defects.screen.nipt-result");
                // fuyou rule: a high-risk NIPT needs diagnosis (HIGH); a failed one is offered a redraw or diagnosis (INTERMEDIATE)
                band = RiskBand.worst(band, switch (e.getValue()) {
                    case "HIGH_RISK" -> RiskBand.HIGH;
                    case "FAILED" -> RiskBand.INTERMEDIATE;
                    default -> RiskBand.LOW;
                });
            }
        }
        if (f.kind().equals("ANOMALY_ULTRASOUND")) {
            if (f.ultrasoundAbnormal() == null) throw ApiException.badField("ultrasoundAbnormal", "defects.error.required");
            if (f.ultrasoundAbnormal() && (f.ultrasoundFinding() == null || f.ultrasoundFinding().isBlank())) {
                throw ApiException.badField("ultrasoundFinding", "defects.error.required");
            }
            if (f.ultrasoundAbnormal()) band = RiskBand.HIGH;
        }
        if (band == null) band = RiskBand.LOW;
        c.band = band;
        return c;
    }

    /** Voids a result entered in error (with a reason); its follow-up, if untouched, closes with it. */
    @Transactional
    public ScreenView voidScreen(UUID id, String reason, long version) {
        Actor actor = scope.writer();
        ScreenView s = view(id);
        if (!actor.institutionId().equals(institutionIdOf(id))) throw ApiException.forbidden("defects.error.not-your-record");
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "defects.error.required");
        if (s.version() != version) throw ApiException.staleVersion("screen", id, version, s.version());
        if ("VOIDED".equals(s.status())) throw ApiException.conflict("already-voided", "defects.error.already-voided", Map.of());
        jdbc.sql("update prenatal_screen set status = 'VOIDED', void_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(reason, actor.username(), id, version).update();
        followUps.closeForVoidedScreen(id);
        audit.record(AuditRecord.write("VOID", "PrenatalScreen", id, s.womanId(), Map.of("reason", reason)));
        deliveries.refreshWoman(s.pregnancyId());
        return view(id);
    }

    private UUID institutionIdOf(UUID id) {
        return jdbc.sql("select institution_id from prenatal_screen where id = ?").param(id).query(UUID.class).single();
    }

    /** A result's page: access-checked on her record and audited. */
    @Transactional
    public ScreenView open(UUID id) {
        ScreenView v = view(id);
        followUps.requireAccess(v.womanId(), "PrenatalScreen", id);
        return v;
    }

    /** Her results (for her pregnancy record and the registration page). */
    @Transactional
    public List<ScreenView> forWoman(UUID womanId) {
        followUps.requireAccess(womanId, "PrenatalScreen", null);
        return jdbc.sql("select id from prenatal_screen where woman_id = ? order by sampled_on desc").param(womanId).query(UUID.class).list()
                .stream().map(this::view).toList();
    }

    /** The institution's (or area's) results, newest first; search by her name, band and kind. */
    @Transactional
    public PageResult<ScreenView> list(String q, String band, String kind, PageRequest page) {
        if (band != null && !band.isBlank() && !Set.of("HIGH", "INTERMEDIATE", "LOW").contains(band)) throw ApiException.badField("band", "defects.error.bad-value", band);
        if (kind != null && !kind.isBlank() && !policy.rules().windows().containsKey(kind)) throw ApiException.badField("kind", "defects.screen.kind-unknown", kind);
        ListScope.Clause clause = scope.of("s", true);
        String where = " from prenatal_screen s join person p on p.id = s.woman_id where " + clause.sql()
                + " and (?::text is null or p.full_name ilike '%' || ? || '%') and (?::text is null or s.band = ?) and (?::text is null or s.kind = ?)";
        List<Object> params = new ArrayList<>(clause.params());
        String qq = q == null || q.isBlank() ? null : q.strip();
        String bb = band == null || band.isBlank() ? null : band;
        String kk = kind == null || kind.isBlank() ? null : kind;
        params.addAll(java.util.Arrays.asList(qq, qq, bb, bb, kk, kk));
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<UUID> ids = jdbc.sql("select s.id" + where + " order by s.sampled_on desc, s.created_at desc limit ? offset ?").params(pageParams)
                .query(UUID.class).list();
        List<ScreenView> items = ids.stream().map(this::view).toList();
        audit.recordRead(AuditRecord.list("LIST", "PrenatalScreen", items.stream().map(ScreenView::womanId).toList(), Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    ScreenView view(UUID id) {
        return jdbc.sql("""
                select s.*, p.full_name, i.code as i_code, i.name_zh as i_zh, i.name_en as i_en, l.code as l_code, l.name_zh as l_zh,
                       l.name_en as l_en, ps.code || '@' || ps.version as ps_code, ps.illustrative as ps_illustrative,
                       f.id as follow_up_id, f.step as follow_up_step
                  from prenatal_screen s join person p on p.id = s.woman_id join institution i on i.id = s.institution_id
                  left join institution l on l.id = s.lab_institution_id left join screening_parameter_set ps on ps.id = s.parameter_set_id
                  left join defect_follow_up f on f.screen_id = s.id
                 where s.id = ?""").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> ApiException.notFound("screen", id));
    }

    private static JsonNode json(String s) {
        try {
            return s == null ? null : JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static ScreenView map(ResultSet rs) throws SQLException {
        Boolean abnormal = rs.getObject("ultrasound_abnormal") == null ? null : rs.getBoolean("ultrasound_abnormal");
        Boolean illustrative = rs.getObject("ps_illustrative") == null ? null : rs.getBoolean("ps_illustrative");
        return new ScreenView(rs.getObject("id", UUID.class), rs.getObject("woman_id", UUID.class), rs.getString("full_name"),
                rs.getObject("pregnancy_id", UUID.class), rs.getString("i_code"), rs.getString("i_zh"), rs.getString("i_en"),
                rs.getString("l_code"), rs.getString("l_zh"), rs.getString("l_en"), rs.getString("kind"),
                rs.getObject("sampled_on", LocalDate.class), rs.getObject("reported_on", LocalDate.class), rs.getInt("gestational_days"),
                rs.getObject("edd", LocalDate.class), rs.getInt("maternal_age_at_edd"), rs.getBigDecimal("weight_kg"), json(rs.getString("markers")),
                longOrNull(rs, "t21_one_in"), longOrNull(rs, "t18_one_in"), rs.getBigDecimal("afp_mom"), rs.getBigDecimal("afp_cutoff"),
                rs.getBigDecimal("nt_mm"), json(rs.getString("nipt")), rs.getString("ultrasound_finding"), abnormal, rs.getString("t21_band"),
                rs.getString("t18_band"), rs.getString("ontd_band"), rs.getString("band"), rs.getString("risk_source"), rs.getString("ps_code"),
                illustrative, json(rs.getString("calculation")), rs.getString("rule_version"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("status"), rs.getString("void_reason"), rs.getObject("follow_up_id", UUID.class), rs.getString("follow_up_step"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
