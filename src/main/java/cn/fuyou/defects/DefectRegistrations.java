package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.defects.internal.ListScope;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.reporting.IndicatorFacts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospital-based birth-defect registration (issue 17 §4; clinical-rules.md §7): births from 28 weeks to
 * 7 days after birth, and terminations after prenatal diagnosis; the monitored categories with ICD-10
 * codes and side, diagnosis basis and outcome, linked to mother and child. A live-born child goes on the
 * high-risk infant list; the registration states its surveillance facts in the same transaction.
 */
@Service
public class DefectRegistrations {

    static final Set<String> OUTCOMES = Set.of("LIVE_BIRTH", "STILLBIRTH", "EARLY_NEONATAL_DEATH", "TERMINATION");
    static final Set<String> BASES = Set.of("CLINICAL", "ULTRASOUND", "AUTOPSY", "BIOCHEMISTRY", "CHROMOSOME", "OTHER");
    static final Set<String> SIDES = Set.of("LEFT", "RIGHT", "BILATERAL");

    private final JdbcClient jdbc;
    private final ScreeningPolicy policy;
    private final Persons persons;
    private final Institutions institutions;
    private final ChildHealth childHealth;
    private final FollowUps followUps;
    private final IndicatorFacts facts;
    private final ListScope scope;
    private final AuditLog audit;

    DefectRegistrations(JdbcClient jdbc, ScreeningPolicy policy, Persons persons, Institutions institutions, ChildHealth childHealth,
                        FollowUps followUps, IndicatorFacts facts, ListScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.persons = persons;
        this.institutions = institutions;
        this.childHealth = childHealth;
        this.followUps = followUps;
        this.facts = facts;
        this.scope = scope;
        this.audit = audit;
    }

    public record ItemView(String category, String categoryNameZh, String categoryNameEn, String icd10, String side, String description) {}

    public record RegistrationView(UUID id, UUID motherId, String motherName, UUID childId, String childName, UUID pregnancyId,
                                   UUID followUpId, String institutionCode, String institutionNameZh, String institutionNameEn,
                                   String areaCode, LocalDate eventDate, int gestationalWeeks, Integer weightG, String sex, String outcome,
                                   LocalDate diagnosedOn, List<String> diagnosisBasis, boolean prenatal, int maternalAge,
                                   boolean multipleBirth, boolean perinatal, String note, List<ItemView> items, String ruleVersion,
                                   String status, String voidReason, long version, OffsetDateTime createdAt, String createdBy) {}

    @Transactional
    public RegistrationView register(RegistrationForm f) {
        Actor actor = scope.writer();
        PersonDetail mother = persons.load(f.motherId()).orElseThrow(() -> ApiException.badField("motherId", "defects.error.no-such-person"));
        followUps.requireAccess(f.motherId(), "DefectRegistration", null);
        if (!OUTCOMES.contains(f.outcome())) throw ApiException.badField("outcome", "defects.error.bad-value", f.outcome());
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (f.eventDate().isAfter(today)) throw ApiException.badField("eventDate", "defects.error.date-in-future", today);
        if (f.diagnosedOn().isAfter(today)) throw ApiException.badField("diagnosedOn", "defects.error.date-in-future", today);
        boolean termination = "TERMINATION".equals(f.outcome());
        if (f.gestationalWeeks() < 12 || f.gestationalWeeks() > 45) throw ApiException.badField("gestationalWeeks", "defects.registration.weeks-range");
        if (termination && !Boolean.TRUE.equals(f.prenatal())) throw ApiException.badField("prenatal", "defects.registration.termination-needs-prenatal");
        if (!termination && f.gestationalWeeks() < DefectFacts.PERINATAL_FROM_WEEKS) {
            throw ApiException.badField("gestationalWeeks", "defects.registration.before-28-weeks");
        }
        // surveillance window: diagnosed before birth or within 7 days after it
        if (f.diagnosedOn().isAfter(f.eventDate().plusDays(7))) throw ApiException.badField("diagnosedOn", "defects.registration.after-7-days", f.eventDate().plusDays(7));
        if (Boolean.TRUE.equals(f.prenatal()) && f.diagnosedOn().isAfter(f.eventDate())) {
            throw ApiException.badField("diagnosedOn", "defects.registration.prenatal-after-birth", f.eventDate());
        }
        if (mother.birthDate() == null || !mother.birthDate().isBefore(f.eventDate().minusYears(10))) {
            throw ApiException.badField("eventDate", "defects.registration.mother-age");
        }
        if (f.weightG() != null && (f.weightG() < 100 || f.weightG() > 7000)) throw ApiException.badField("weightG", "defects.registration.weight-range");
        if (f.sex() != null && !Set.of("F", "M", "U").contains(f.sex())) throw ApiException.badField("sex", "defects.error.bad-value", f.sex());
        for (int i = 0; i < f.diagnosisBasis().size(); i++) {
            if (!BASES.contains(f.diagnosisBasis().get(i))) throw ApiException.badField("diagnosisBasis[" + i + "]", "defects.error.bad-value", f.diagnosisBasis().get(i));
        }
        String sex = f.sex();
        if (f.childId() != null) {
            if (termination || "STILLBIRTH".equals(f.outcome())) throw ApiException.badField("childId", "defects.registration.child-not-born-alive");
            PersonDetail child = persons.load(f.childId()).orElseThrow(() -> ApiException.badField("childId", "defects.error.no-such-person"));
            boolean hers = child.links().stream().anyMatch(l -> l.personId().equals(f.motherId()));
            if (!hers) throw ApiException.badField("childId", "defects.registration.not-her-child");
            if (child.birthDate() != null && !child.birthDate().equals(f.eventDate())) {
                throw ApiException.badField("eventDate", "defects.registration.birth-date-mismatch", child.birthDate());
            }
            if (sex == null && child.sex() != null) sex = child.sex().substring(0, 1);
        }
        List<ItemView> items = new ArrayList<>();
        for (int i = 0; i < f.items().size(); i++) items.add(item(f.items().get(i), i));
        if (f.followUpId() != null) {
            FollowUps.FollowUpView fu = followUps.view(f.followUpId());
            if (!fu.womanId().equals(f.motherId())) throw ApiException.badField("followUpId", "defects.registration.not-her-follow-up");
        }
        UUID id = UUID.randomUUID();
        int age = Period.between(mother.birthDate(), f.eventDate()).getYears();
        String area = mother.addressAreaCode() != null ? mother.addressAreaCode() : institutions.findById(actor.institutionId()).orElseThrow().areaCode();
        jdbc.sql("""
                insert into defect_registration (id, mother_id, child_id, pregnancy_id, follow_up_id, institution_id, area_code, event_date,
                    gestational_weeks, weight_g, sex, outcome, diagnosed_on, diagnosis_basis, prenatal, maternal_age, multiple_birth, note,
                    rule_version, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.motherId(), f.childId(), f.pregnancyId(), f.followUpId(), actor.institutionId(), area, f.eventDate(),
                        f.gestationalWeeks(), f.weightG(), sex, f.outcome(), f.diagnosedOn(), f.diagnosisBasis().toArray(String[]::new),
                        f.prenatal(), age, Boolean.TRUE.equals(f.multipleBirth()), f.note(), policy.version(), actor.username())
                .update();
        for (int i = 0; i < items.size(); i++) {
            ItemView it = items.get(i);
            jdbc.sql("insert into defect_registration_item (registration_id, position, category, icd10, side, description) values (?, ?, ?, ?, ?, ?)")
                    .params(id, i, it.category(), it.icd10(), it.side(), it.description()).update();
        }
        if (f.followUpId() != null) followUps.closeByRegistration(f.followUpId(), f.eventDate(), f.outcome());
        if (f.childId() != null) {
            String detail = String.join(", ", items.stream().map(it -> it.icd10() + " " + it.categoryNameZh()).toList());
            childHealth.flagHighRisk(f.childId(), "BIRTH_DEFECT", detail, f.eventDate());
        }
        audit.record(AuditRecord.write("REGISTER", "DefectRegistration", id, f.motherId(),
                Map.of("categories", items.stream().map(ItemView::category).toList(), "outcome", f.outcome())));
        restate(id);
        return view(id);
    }

    private ItemView item(RegistrationForm.Item it, int i) {
        String field = "items[" + i + "]";
        DefectRuleSet.Category c = policy.rules().category(it.category())
                .orElseThrow(() -> ApiException.badField(field + ".category", "defects.registration.category-unknown", String.valueOf(it.category())));
        String icd = it.icd10() == null || it.icd10().isBlank() ? c.defaultIcd10() : it.icd10().strip().toUpperCase(Locale.ROOT);
        if (!icd.matches("Q\\d{2}(\\.\\d{1,2})?")) throw ApiException.badField(field + ".icd10", "defects.registration.icd10-format", icd);
        String belongs = policy.rules().categoryOfIcd10(icd).map(DefectRuleSet.Category::code).orElse(null);
        if (!c.code().equals(belongs)) {
            throw ApiException.badField(field + ".icd10", "defects.registration.icd10-category", icd,
                    belongs == null ? "—" : policy.rules().category(belongs).orElseThrow().nameZh());
        }
        String side = it.side() == null || it.side().isBlank() ? null : it.side();
        if (c.side() && side == null) throw ApiException.badField(field + ".side", "defects.registration.side-required");
        if (!c.side() && side != null) throw ApiException.badField(field + ".side", "defects.registration.side-not-recorded");
        if (side != null && !SIDES.contains(side)) throw ApiException.badField(field + ".side", "defects.error.bad-value", side);
        if ("OTHER".equals(c.code()) && (it.description() == null || it.description().isBlank())) {
            throw ApiException.badField(field + ".description", "defects.error.required");
        }
        return new ItemView(c.code(), c.nameZh(), c.nameEn(), icd, side, it.description());
    }

    @Transactional
    public RegistrationView voidRegistration(UUID id, String reason, long version) {
        Actor actor = scope.writer();
        RegistrationView r = view(id);
        if (!actor.institutionId().equals(jdbc.sql("select institution_id from defect_registration where id = ? for update").param(id).query(UUID.class).single())) {
            throw ApiException.forbidden("defects.error.not-your-record");
        }
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "defects.error.required");
        if (r.version() != version) throw ApiException.staleVersion("registration", id, version, r.version());
        if ("VOIDED".equals(r.status())) throw ApiException.conflict("already-voided", "defects.error.already-voided", Map.of());
        jdbc.sql("update defect_registration set status = 'VOIDED', void_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(reason, actor.username(), id).update();
        audit.record(AuditRecord.write("VOID", "DefectRegistration", id, r.motherId(), Map.of("reason", reason)));
        restate(id);
        return view(id);
    }

    /** States the registration's surveillance facts (none once voided). */
    void restate(UUID id) {
        RegistrationView r = view(id);
        String institutionCode = r.institutionCode();
        facts.replace("defect_registration", id, DefectFacts.of(new DefectFacts.Registration(r.motherId(), r.childId(), institutionCode,
                r.areaCode(), r.eventDate(), r.gestationalWeeks(), r.outcome(), r.prenatal(), r.maternalAge(),
                r.items().stream().map(ItemView::category).toList(), "VOIDED".equals(r.status()))));
    }

    @Transactional
    public RegistrationView open(UUID id) {
        RegistrationView r = view(id);
        followUps.requireAccess(r.motherId(), "DefectRegistration", id);
        return r;
    }

    @Transactional
    public PageResult<RegistrationView> list(String q, String category, PageRequest page) {
        if (category != null && !category.isBlank() && policy.rules().category(category).isEmpty()) {
            throw ApiException.badField("category", "defects.registration.category-unknown", category);
        }
        ListScope.Clause clause = scope.of("r", false);
        String where = " from defect_registration r join person p on p.id = r.mother_id where " + clause.sql()
                + " and (?::text is null or p.full_name ilike '%' || ? || '%')"
                + " and (?::text is null or exists (select 1 from defect_registration_item i where i.registration_id = r.id and i.category = ?))";
        List<Object> params = new ArrayList<>(clause.params());
        String qq = q == null || q.isBlank() ? null : q.strip();
        String cc = category == null || category.isBlank() ? null : category;
        params.addAll(Arrays.asList(qq, qq, cc, cc));
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<RegistrationView> items = jdbc.sql("select r.id" + where + " order by r.event_date desc, r.created_at desc limit ? offset ?")
                .params(pageParams).query(UUID.class).list().stream().map(this::view).toList();
        audit.recordRead(AuditRecord.list("LIST", "DefectRegistration", items.stream().map(RegistrationView::motherId).toList(), Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    RegistrationView view(UUID id) {
        List<ItemView> items = jdbc.sql("select * from defect_registration_item where registration_id = ? order by position").param(id)
                .query((rs, n) -> {
                    var c = policy.rules().category(rs.getString("category"));
                    return new ItemView(rs.getString("category"), c.map(DefectRuleSet.Category::nameZh).orElse(null),
                            c.map(DefectRuleSet.Category::nameEn).orElse(null), rs.getString("icd10"), rs.getString("side"), rs.getString("description"));
                }).list();
        return jdbc.sql("""
                select r.*, m.full_name as mother_name, c.full_name as child_name, i.code as i_code, i.name_zh, i.name_en
                  from defect_registration r join person m on m.id = r.mother_id left join person c on c.id = r.child_id
                  join institution i on i.id = r.institution_id where r.id = ?""").param(id)
                .query((rs, n) -> map(rs, items)).optional().orElseThrow(() -> ApiException.notFound("registration", id));
    }

    private static RegistrationView map(ResultSet rs, List<ItemView> items) throws SQLException {
        int weight = rs.getInt("weight_g");
        Integer w = rs.wasNull() ? null : weight;
        int weeks = rs.getInt("gestational_weeks");
        return new RegistrationView(rs.getObject("id", UUID.class), rs.getObject("mother_id", UUID.class), rs.getString("mother_name"),
                rs.getObject("child_id", UUID.class), rs.getString("child_name"), rs.getObject("pregnancy_id", UUID.class),
                rs.getObject("follow_up_id", UUID.class), rs.getString("i_code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("area_code"), rs.getObject("event_date", LocalDate.class), weeks, w, rs.getString("sex"), rs.getString("outcome"),
                rs.getObject("diagnosed_on", LocalDate.class), List.of((String[]) rs.getArray("diagnosis_basis").getArray()),
                rs.getBoolean("prenatal"), rs.getInt("maternal_age"), rs.getBoolean("multiple_birth"), weeks >= DefectFacts.PERINATAL_FROM_WEEKS,
                rs.getString("note"), items, rs.getString("rule_version"), rs.getString("status"), rs.getString("void_reason"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
