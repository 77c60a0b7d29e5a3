package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.defects.internal.ListScope;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free pre-pregnancy eugenic health check (孕前优生健康检查, issue 17 §0), the first level of
 * birth-defect prevention: history, examinations and tests for both partners, the risk assessment
 * (general or high risk, with counselling and a follow-up date) and folic acid from three months before
 * conception. Her pregnancy registration shows the latest check. His part is his record: recording a check
 * with a partner needs the caller's entitlement to him as to her, and a read shows his part (and is audited
 * against him) only to a caller entitled to him — to others it is withheld ({@code partnerWithheld}).
 */
@Service
public class PreconceptionChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Items of the national check (history and risk factors), as codes the UI names. */
    public static final Set<String> HISTORY = Set.of("GENETIC_DISEASE_FAMILY", "BIRTH_DEFECT_CHILD", "ADVERSE_PREGNANCY", "CHRONIC_DISEASE",
            "INFECTIOUS_DISEASE", "MEDICATION", "SMOKING", "ALCOHOL", "TERATOGEN_EXPOSURE", "CONSANGUINITY");
    public static final Set<String> RISK_FACTORS = Set.of("AGE_35_PLUS", "GENETIC_RISK", "ADVERSE_PREGNANCY", "CHRONIC_DISEASE",
            "INFECTION", "RUBELLA_SUSCEPTIBLE", "TERATOGEN_EXPOSURE", "ANAEMIA", "THYROID", "NUTRITION", "OTHER");

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final FollowUps followUps;
    private final ListScope scope;
    private final AuditLog audit;

    PreconceptionChecks(JdbcClient jdbc, Persons persons, Institutions institutions, FollowUps followUps, ListScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.followUps = followUps;
        this.scope = scope;
        this.audit = audit;
    }

    /** One partner's part: history items (codes) and note, examinations and tests (item → result text). */
    public record Findings(@Size(max = 20) List<String> history, @Size(max = 1000) String historyNote,
                           @Size(max = 40) Map<String, @Size(max = 200) String> examinations,
                           @Size(max = 40) Map<String, @Size(max = 200) String> tests) {}

    public record CheckForm(@NotNull UUID womanId, UUID partnerId, @NotNull LocalDate checkDate, @NotNull @Valid Findings woman,
                            @NotNull @Valid Findings partner, @NotNull String assessment, @Size(max = 20) List<String> riskFactors,
                            @Size(max = 2000) String counselling, LocalDate followUpOn, LocalDate followUpDoneOn, LocalDate folicAcidFrom,
                            LocalDate plannedConception, Long version) {}

    public record CheckView(UUID id, UUID womanId, String womanName, UUID partnerId, String partnerName, String institutionCode,
                            String institutionNameZh, String institutionNameEn, LocalDate checkDate, JsonNode woman, JsonNode partner,
                            String assessment, List<String> riskFactors, String counselling, LocalDate followUpOn, LocalDate followUpDoneOn,
                            boolean followUpOverdue, LocalDate folicAcidFrom, LocalDate plannedConception, boolean folicAcidLate,
                            String status, long version, OffsetDateTime createdAt, String createdBy, boolean partnerWithheld) {

        /** The check without his part, for a caller not entitled to his record. */
        CheckView withoutPartner() {
            return new CheckView(id, womanId, womanName, null, null, institutionCode, institutionNameZh, institutionNameEn, checkDate, woman,
                    JSON.valueToTree(new Findings(List.of(), null, Map.of(), Map.of())), assessment, riskFactors, counselling, followUpOn, followUpDoneOn, followUpOverdue, folicAcidFrom,
                    plannedConception, folicAcidLate, status, version, createdAt, createdBy, true);
        }
    }

    @Transactional
    public CheckView create(CheckForm f) {
        Actor actor = scope.writer();
        Validated v = validate(f);
        UUID id = UUID.randomUUID();
        String area = v.woman.addressAreaCode() != null ? v.woman.addressAreaCode() : institutions.findById(actor.institutionId()).orElseThrow().areaCode();
        jdbc.sql("""
                insert into preconception_check (id, woman_id, partner_id, institution_id, area_code, check_date, woman_findings, partner_findings,
                    assessment, risk_factors, counselling, follow_up_on, follow_up_done_on, folic_acid_from, planned_conception, created_by)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.womanId(), v.partnerId, actor.institutionId(), area, f.checkDate(), JSON.valueToTree(f.woman()).toString(),
                        JSON.valueToTree(f.partner()).toString(), f.assessment(), v.factors.toArray(String[]::new), f.counselling(),
                        f.followUpOn(), f.followUpDoneOn(), f.folicAcidFrom(), f.plannedConception(), actor.username())
                .update();
        audit.record(AuditRecord.write("CREATE", "PreconceptionCheck", id, f.womanId(), writeDetail(f, v)));
        return view(id);
    }

    @Transactional
    public CheckView update(UUID id, CheckForm f) {
        Actor actor = scope.writer();
        CheckView before = view(id);
        if (!actor.institutionId().equals(jdbc.sql("select institution_id from preconception_check where id = ? for update").param(id).query(UUID.class).single())) {
            throw ApiException.forbidden("defects.error.not-your-record");
        }
        if (f.version() == null) throw ApiException.badField("version", "defects.error.required");
        if (before.version() != f.version()) throw ApiException.staleVersion("preconception-check", id, f.version(), before.version());
        if (!before.womanId().equals(f.womanId())) throw ApiException.badField("womanId", "defects.preconception.woman-fixed");
        Validated v = validate(f);
        jdbc.sql("""
                update preconception_check set partner_id = ?, check_date = ?, woman_findings = ?::jsonb, partner_findings = ?::jsonb, assessment = ?,
                    risk_factors = ?, counselling = ?, follow_up_on = ?, follow_up_done_on = ?, folic_acid_from = ?, planned_conception = ?,
                    version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?""")
                .params(v.partnerId, f.checkDate(), JSON.valueToTree(f.woman()).toString(), JSON.valueToTree(f.partner()).toString(),
                        f.assessment(), v.factors.toArray(String[]::new), f.counselling(), f.followUpOn(), f.followUpDoneOn(), f.folicAcidFrom(),
                        f.plannedConception(), actor.username(), id, f.version())
                .update();
        audit.record(AuditRecord.write("UPDATE", "PreconceptionCheck", id, f.womanId(), writeDetail(f, v)));
        return view(id);
    }

    /** A write's audit names both partners (his findings are written too). */
    private static Map<String, Object> writeDetail(CheckForm f, Validated v) {
        return v.partnerId == null ? Map.of("assessment", f.assessment())
                : Map.of("assessment", f.assessment(), AuditRecord.PERSON_IDS, List.of(f.womanId().toString(), v.partnerId.toString()));
    }

    /** His part only for a caller entitled to his record. */
    private CheckView shown(CheckView v) {
        return v.partnerId() == null || followUps.entitled(v.partnerId()) ? v : v.withoutPartner();
    }

    /** The persons a read showed: each woman, and each partner whose part was shown. */
    private static List<String> personsShown(List<CheckView> views) {
        List<String> ids = new ArrayList<>();
        for (CheckView v : views) {
            ids.add(v.womanId().toString());
            if (v.partnerId() != null) ids.add(v.partnerId().toString());
        }
        return ids.stream().distinct().toList();
    }

    private record Validated(PersonDetail woman, UUID partnerId, List<String> factors) {}

    private Validated validate(CheckForm f) {
        PersonDetail woman = persons.load(f.womanId()).orElseThrow(() -> ApiException.badField("womanId", "defects.error.no-such-person"));
        if (!"F".equals(woman.sex())) throw ApiException.badField("womanId", "defects.preconception.not-a-woman");
        // a write: entitlement checked (refusals audited); the write's own audit row names them
        followUps.requireEntitled(f.womanId(), "PreconceptionCheck", null, "defects.error.not-entitled");
        UUID partner = f.partnerId() != null ? f.partnerId()
                : woman.links().stream().filter(l -> "PARTNER".equals(l.kind())).map(PersonDetail.Link::personId).findFirst().orElse(null);
        if (f.partnerId() != null && persons.load(f.partnerId()).isEmpty()) throw ApiException.badField("partnerId", "defects.error.no-such-person");
        if (partner != null && partner.equals(f.womanId())) throw ApiException.badField("partnerId", "defects.preconception.partner-self");
        // named or linked on her record, his findings go on his record: the caller must be entitled to him too
        if (partner != null) followUps.requireEntitled(partner, "PreconceptionCheck", null, "defects.preconception.partner-not-entitled");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (f.checkDate().isAfter(today)) throw ApiException.badField("checkDate", "defects.error.date-in-future", today);
        if (woman.birthDate() != null && !f.checkDate().isAfter(woman.birthDate().plusYears(14))) throw ApiException.badField("checkDate", "defects.preconception.too-young");
        if (!Set.of("GENERAL", "HIGH_RISK").contains(f.assessment())) throw ApiException.badField("assessment", "defects.error.bad-value", f.assessment());
        checkHistory(f.woman(), "woman");
        checkHistory(f.partner(), "partner");
        List<String> factors = f.riskFactors() == null ? List.of() : f.riskFactors();
        for (int i = 0; i < factors.size(); i++) {
            if (!RISK_FACTORS.contains(factors.get(i))) throw ApiException.badField("riskFactors[" + i + "]", "defects.error.bad-value", factors.get(i));
        }
        if ("HIGH_RISK".equals(f.assessment())) {
            if (factors.isEmpty()) throw ApiException.badField("riskFactors", "defects.preconception.high-risk-needs-factor");
            if (f.counselling() == null || f.counselling().isBlank()) throw ApiException.badField("counselling", "defects.preconception.high-risk-needs-counselling");
            if (f.followUpOn() == null) throw ApiException.badField("followUpOn", "defects.preconception.high-risk-needs-follow-up");
        }
        if (f.followUpOn() != null && f.followUpOn().isBefore(f.checkDate())) throw ApiException.badField("followUpOn", "defects.error.date-order", f.checkDate());
        if (f.followUpDoneOn() != null) {
            if (f.followUpOn() == null) throw ApiException.badField("followUpOn", "defects.error.required");
            if (f.followUpDoneOn().isBefore(f.checkDate())) throw ApiException.badField("followUpDoneOn", "defects.error.date-order", f.checkDate());
            if (f.followUpDoneOn().isAfter(today)) throw ApiException.badField("followUpDoneOn", "defects.error.date-in-future", today);
        }
        if (f.folicAcidFrom() != null && (f.folicAcidFrom().isAfter(today.plusYears(1)) || f.folicAcidFrom().isBefore(f.checkDate().minusYears(2)))) {
            throw ApiException.badField("folicAcidFrom", "defects.preconception.folic-range");
        }
        if (f.plannedConception() != null && f.plannedConception().isBefore(f.checkDate())) {
            throw ApiException.badField("plannedConception", "defects.error.date-order", f.checkDate());
        }
        return new Validated(woman, partner, List.copyOf(factors));
    }

    private static void checkHistory(Findings f, String who) {
        if (f.history() == null) return;
        for (int i = 0; i < f.history().size(); i++) {
            if (!HISTORY.contains(f.history().get(i))) throw ApiException.badField(who + ".history[" + i + "]", "defects.error.bad-value", f.history().get(i));
        }
        for (Map<String, String> m : Arrays.asList(f.examinations(), f.tests())) {
            if (m == null) continue;
            for (String k : m.keySet()) {
                if (!k.matches("[A-Z][A-Z0-9_]{1,39}")) throw ApiException.badField(who + ".tests", "defects.preconception.item-code", k);
            }
        }
    }

    @Transactional
    public CheckView open(UUID id) {
        CheckView v = view(id);
        followUps.requireEntitled(v.womanId(), "PreconceptionCheck", id, "defects.error.not-entitled");
        CheckView shown = shown(v);
        audit.recordRead(new AuditRecord("READ", "PreconceptionCheck", id.toString(), v.womanId(), true, false, null,
                Map.of(AuditRecord.PERSON_IDS, personsShown(List.of(shown)))));
        return shown;
    }

    /** Her checks, newest first: shown on her record when her pregnancy is registered. */
    @Transactional
    public List<CheckView> forWoman(UUID womanId) {
        followUps.requireEntitled(womanId, "PreconceptionCheck", null, "defects.error.not-entitled");
        List<CheckView> checks = jdbc.sql("select id from preconception_check where woman_id = ? and status = 'ACTIVE' order by check_date desc")
                .param(womanId).query(UUID.class).list().stream().map(this::view).map(this::shown).toList();
        audit.recordRead(new AuditRecord("READ", "PreconceptionCheck", null, womanId, true, false, null,
                Map.of(AuditRecord.PERSON_IDS, checks.isEmpty() ? List.of(womanId.toString()) : personsShown(checks))));
        return checks;
    }

    @Transactional
    public PageResult<CheckView> list(String q, String assessment, PageRequest page) {
        if (assessment != null && !assessment.isBlank() && !Set.of("GENERAL", "HIGH_RISK").contains(assessment)) {
            throw ApiException.badField("assessment", "defects.error.bad-value", assessment);
        }
        ListScope.Clause clause = scope.of("c", false);
        String where = " from preconception_check c join person p on p.id = c.woman_id where c.status = 'ACTIVE' and " + clause.sql()
                + " and (?::text is null or p.full_name ilike '%' || ? || '%') and (?::text is null or c.assessment = ?)";
        List<Object> params = new ArrayList<>(clause.params());
        String qq = q == null || q.isBlank() ? null : q.strip();
        String aa = assessment == null || assessment.isBlank() ? null : assessment;
        params.addAll(Arrays.asList(qq, qq, aa, aa));
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<CheckView> items = jdbc.sql("select c.id" + where + " order by c.check_date desc, c.created_at desc limit ? offset ?")
                .params(pageParams).query(UUID.class).list().stream().map(this::view).map(this::shown).toList();
        audit.recordRead(AuditRecord.list("LIST", "PreconceptionCheck", personsShown(items).stream().map(UUID::fromString).toList(),
                Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    CheckView view(UUID id) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        return jdbc.sql("""
                select c.*, w.full_name as woman_name, m.full_name as partner_name, i.code as i_code, i.name_zh, i.name_en
                  from preconception_check c join person w on w.id = c.woman_id left join person m on m.id = c.partner_id
                  join institution i on i.id = c.institution_id where c.id = ?""").param(id)
                .query((rs, n) -> map(rs, today)).optional().orElseThrow(() -> ApiException.notFound("preconception-check", id));
    }

    private static CheckView map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate follow = rs.getObject("follow_up_on", LocalDate.class);
        LocalDate done = rs.getObject("follow_up_done_on", LocalDate.class);
        LocalDate folic = rs.getObject("folic_acid_from", LocalDate.class);
        LocalDate planned = rs.getObject("planned_conception", LocalDate.class);
        boolean late = planned != null && (folic == null || folic.isAfter(planned.minusMonths(3)));
        try {
            return new CheckView(rs.getObject("id", UUID.class), rs.getObject("woman_id", UUID.class), rs.getString("woman_name"),
                    rs.getObject("partner_id", UUID.class), rs.getString("partner_name"), rs.getString("i_code"), rs.getString("name_zh"),
                    rs.getString("name_en"), rs.getObject("check_date", LocalDate.class), JSON.readTree(rs.getString("woman_findings")),
                    JSON.readTree(rs.getString("partner_findings")), rs.getString("assessment"),
                    List.of((String[]) rs.getArray("risk_factors").getArray()), rs.getString("counselling"), follow, done,
                    follow != null && done == null && follow.isBefore(today), folic, planned, late, rs.getString("status"), rs.getLong("version"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
