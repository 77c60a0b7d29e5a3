package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
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
 * The couple record (issue 14 item 1): the woman and her partner as registry persons, infertility type
 * and duration, female and male factors, the work-up (AMH, AFC, hormones, semen analysis flagged against
 * the WHO 2021 lower reference limits) and the indication. Kept by an ART centre or a member institution
 * of its remote workstation.
 */
@Service
public class Couples {

    public static final Set<String> FEMALE_FACTORS = Set.of("TUBAL", "OVULATORY", "PCOS", "ENDOMETRIOSIS", "UTERINE",
            "DIMINISHED_OVARIAN_RESERVE", "UNEXPLAINED", "OTHER");
    public static final Set<String> MALE_FACTORS = Set.of("OLIGOZOOSPERMIA", "ASTHENOZOOSPERMIA", "TERATOZOOSPERMIA", "AZOOSPERMIA",
            "EJACULATORY", "OTHER");
    public static final Set<String> INDICATIONS = Set.of("TUBAL_FACTOR", "OVULATION_DISORDER", "ENDOMETRIOSIS", "MALE_FACTOR",
            "UNEXPLAINED", "DIMINISHED_OVARIAN_RESERVE", "GENETIC_PGT", "FAILED_IUI", "OTHER");

    private final JdbcClient jdbc;
    private final ArtStaff staff;
    private final Persons persons;
    private final Institutions institutions;
    private final SemenAnalysis semen;
    private final AuditLog audit;

    Couples(JdbcClient jdbc, ArtStaff staff, Persons persons, Institutions institutions, SemenAnalysis semen, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.persons = persons;
        this.institutions = institutions;
        this.semen = semen;
        this.audit = audit;
    }

    public record WorkUp(LocalDate on,
                         @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "30", message = "art.couple.range") BigDecimal amhNgMl,
                         @Min(value = 0, message = "art.couple.range") @Max(value = 80, message = "art.couple.range") Integer afc,
                         @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "200", message = "art.couple.range") BigDecimal fshIuL,
                         @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "200", message = "art.couple.range") BigDecimal lhIuL,
                         @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "20000", message = "art.couple.range") BigDecimal e2PgMl,
                         @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "500", message = "art.couple.range") BigDecimal prlNgMl) {}

    public record Semen(LocalDate on,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "20", message = "art.couple.range") BigDecimal volumeMl,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "1000", message = "art.couple.range") BigDecimal concentration,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "5000", message = "art.couple.range") BigDecimal totalCount,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "100", message = "art.couple.range") BigDecimal progressive,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "100", message = "art.couple.range") BigDecimal totalMotility,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "100", message = "art.couple.range") BigDecimal vitality,
                        @DecimalMin(value = "0", message = "art.couple.range") @DecimalMax(value = "100", message = "art.couple.range") BigDecimal normalForms) {

        SemenAnalysis.Values values() {
            return new SemenAnalysis.Values(volumeMl, concentration, totalCount, progressive, totalMotility, vitality, normalForms);
        }
    }

    public record CoupleForm(@NotNull(message = "art.couple.woman-required") UUID womanId,
                             @NotNull(message = "art.couple.partner-required") UUID partnerId,
                             @NotNull(message = "art.couple.type-required") String infertilityType,
                             @NotNull(message = "art.couple.years-required") @DecimalMin(value = "0", message = "art.couple.years")
                             @DecimalMax(value = "30", message = "art.couple.years") BigDecimal infertilityYears,
                             @Size(max = 10) List<String> femaleFactors, @Size(max = 10) List<String> maleFactors,
                             @NotNull(message = "art.couple.indication-required") String indication,
                             @Size(max = 1000) String indicationNote,
                             @Valid WorkUp workUp, @Valid Semen semen, Long version) {}

    public record PersonRef(UUID id, String name, LocalDate birthDate, Integer age) {}

    public record InstitutionRef(String code, String nameZh, String nameEn) {}

    public record Consent(UUID id, String kind, LocalDate signedOn, String fileName, String mediaType, int sizeBytes) {}

    public record CycleSummary(UUID id, String cycleType, String protocol, LocalDate startedOn, int ageAtStart, String stage,
                               String outcome, boolean clinicalPregnancy) {}

    public record CoupleRecord(UUID id, PersonRef woman, PersonRef partner, InstitutionRef institution, String infertilityType,
                               BigDecimal infertilityYears, List<String> femaleFactors, List<String> maleFactors, String indication,
                               String indicationNote, WorkUp workUp, Semen semen, List<String> semenFlags, String semenRuleVersion,
                               String status, List<Consent> consents, List<CycleSummary> cycles, long version) {}

    public record CoupleListItem(UUID id, UUID womanId, String womanName, String partnerName, Integer womanAge, String infertilityType,
                                 BigDecimal infertilityYears, String indication, String institutionCode, String institutionNameZh,
                                 String institutionNameEn, long cycles, LocalDate lastCycleOn, String status) {}

    @Transactional
    public CoupleRecord register(CoupleForm f) {
        Actor actor = staff.centreOrMember();
        check(f);
        staff.entitled(f.womanId(), "ArtCouple", null);
        staff.entitled(f.partnerId(), "ArtCouple", null);
        UUID id = UUID.randomUUID();
        SemenAnalysis.Result s = f.semen() == null ? null : semen.assess(f.semen().values());
        WorkUp w = f.workUp() == null ? new WorkUp(null, null, null, null, null, null, null) : f.workUp();
        Semen m = f.semen() == null ? new Semen(null, null, null, null, null, null, null, null) : f.semen();
        int n = jdbc.sql("""
                insert into art_couple (id, woman_id, partner_id, institution_id, infertility_type, infertility_years, female_factors, male_factors,
                    indication, indication_note, workup_on, amh_ng_ml, afc, fsh_iu_l, lh_iu_l, e2_pg_ml, prl_ng_ml, semen_on, semen_volume_ml,
                    semen_concentration, semen_total, semen_progressive, semen_total_motility, semen_vitality, semen_normal_forms, semen_flags,
                    semen_rule_version, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (woman_id) where voided_at is null do nothing""")
                .params(id, f.womanId(), f.partnerId(), actor.institutionId(), f.infertilityType(), f.infertilityYears(),
                        list(f.femaleFactors()).toArray(String[]::new), list(f.maleFactors()).toArray(String[]::new), f.indication(),
                        blankToNull(f.indicationNote()), w.on(), w.amhNgMl(), w.afc(), w.fshIuL(), w.lhIuL(), w.e2PgMl(), w.prlNgMl(), m.on(),
                        m.volumeMl(), m.concentration(), m.totalCount(), m.progressive(), m.totalMotility(), m.vitality(), m.normalForms(),
                        s == null ? new String[0] : s.flags().toArray(String[]::new), s == null ? null : s.ruleVersion(),
                        actor.username(), actor.username())
                .update();
        if (n == 0) {
            UUID existing = jdbc.sql("select id from art_couple where woman_id = ? and voided_at is null").param(f.womanId())
                    .query(UUID.class).single();
            throw ApiException.conflict("couple-exists", "art.couple.exists", Map.of("coupleId", existing));
        }
        audit.record(AuditRecord.write("CREATE", "ArtCouple", id, f.womanId(), Map.of("partnerId", f.partnerId().toString())));
        return read(id);
    }

    /** Corrects the record and its work-up (a new semen analysis is flagged again). */
    @Transactional
    public CoupleRecord update(UUID id, CoupleForm f) {
        Actor actor = staff.centreOrMember();
        record Row(UUID womanId, UUID partnerId, long version) {}
        Row row = jdbc.sql("select woman_id, partner_id, version from art_couple where id = ? and voided_at is null for update").param(id)
                .query(Row.class).optional().orElseThrow(() -> ApiException.notFound("couple", id));
        staff.entitled(row.womanId(), "ArtCouple", id);
        if (f.version() == null) throw ApiException.badField("version", "art.version-required");
        if (f.version() != row.version()) throw ApiException.staleVersion("couple", id, f.version(), row.version());
        if (!row.womanId().equals(f.womanId()) || !row.partnerId().equals(f.partnerId())) {
            throw ApiException.badField("womanId", "art.couple.persons-fixed");
        }
        check(f);
        SemenAnalysis.Result s = f.semen() == null ? null : semen.assess(f.semen().values());
        WorkUp w = f.workUp() == null ? new WorkUp(null, null, null, null, null, null, null) : f.workUp();
        Semen m = f.semen() == null ? new Semen(null, null, null, null, null, null, null, null) : f.semen();
        jdbc.sql("""
                update art_couple set infertility_type = ?, infertility_years = ?, female_factors = ?, male_factors = ?, indication = ?,
                    indication_note = ?, workup_on = ?, amh_ng_ml = ?, afc = ?, fsh_iu_l = ?, lh_iu_l = ?, e2_pg_ml = ?, prl_ng_ml = ?,
                    semen_on = ?, semen_volume_ml = ?, semen_concentration = ?, semen_total = ?, semen_progressive = ?, semen_total_motility = ?,
                    semen_vitality = ?, semen_normal_forms = ?, semen_flags = ?, semen_rule_version = ?, version = version + 1,
                    changed_at = now(), changed_by = ? where id = ?""")
                .params(f.infertilityType(), f.infertilityYears(), list(f.femaleFactors()).toArray(String[]::new),
                        list(f.maleFactors()).toArray(String[]::new), f.indication(), blankToNull(f.indicationNote()), w.on(), w.amhNgMl(),
                        w.afc(), w.fshIuL(), w.lhIuL(), w.e2PgMl(), w.prlNgMl(), m.on(), m.volumeMl(), m.concentration(), m.totalCount(),
                        m.progressive(), m.totalMotility(), m.vitality(), m.normalForms(),
                        s == null ? new String[0] : s.flags().toArray(String[]::new), s == null ? null : s.ruleVersion(), actor.username(), id)
                .update();
        audit.record(AuditRecord.write("UPDATE", "ArtCouple", id, row.womanId(), Map.of()));
        return read(id);
    }

    /**
     * The couple's page; every read is audited against both partners' records (his work-up and semen analysis are
     * on it as hers are, so his access log must show the read too).
     */
    @Transactional
    public CoupleRecord open(UUID id) {
        UUID woman = womanOf(id);
        staff.entitled(woman, "ArtCouple", id);
        CoupleRecord c = read(id);
        audit.recordRead(new AuditRecord("READ", "ArtCouple", id.toString(), woman, true, false, null,
                Map.of(AuditRecord.PERSON_IDS, List.of(woman.toString(), c.partner().id().toString()))));
        return c;
    }

    /** Couple records the caller's institution keeps or treats (a cycle there), searched by name; the list read is audited. */
    @Transactional
    public PageResult<CoupleListItem> list(String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where c.voided_at is null");
        if (!actor.isSystemAdmin()) {
            where.append(" and (c.institution_id = ? or exists (select 1 from art_cycle y where y.couple_id = c.id and y.institution_id = ?)"
                    + " or exists (select 1 from art_workstation_case x where x.couple_id = c.id and x.centre_institution_id = ?))");
            params.add(actor.institutionId());
            params.add(actor.institutionId());
            params.add(actor.institutionId());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (w.full_name like ? or p.full_name like ? or w.id_number = ?)");
            String like = "%" + q.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(q.strip());
        }
        String from = " from art_couple c join person w on w.id = c.woman_id join person p on p.id = c.partner_id join institution i on i.id = c.institution_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        List<CoupleListItem> items = jdbc.sql("""
                select c.id, c.woman_id, w.full_name as woman_name, p.full_name as partner_name, w.birth_date, c.infertility_type,
                       c.infertility_years, c.indication, i.code, i.name_zh, i.name_en, c.status,
                       (select count(*) from art_cycle y where y.couple_id = c.id) as cycles,
                       (select max(started_on) from art_cycle y where y.couple_id = c.id) as last_cycle""" + from + where
                        + " order by c.changed_at desc, c.id limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new CoupleListItem(rs.getObject("id", UUID.class), rs.getObject("woman_id", UUID.class),
                        rs.getString("woman_name"), rs.getString("partner_name"), age(rs.getObject("birth_date", LocalDate.class), today),
                        rs.getString("infertility_type"), rs.getBigDecimal("infertility_years"), rs.getString("indication"), rs.getString("code"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getLong("cycles"), rs.getObject("last_cycle", LocalDate.class),
                        rs.getString("status")))
                .list();
        audit.recordRead(AuditRecord.list("LIST", "ArtCouple", items.stream().map(CoupleListItem::womanId).toList(),
                Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    UUID womanOf(UUID coupleId) {
        return jdbc.sql("select woman_id from art_couple where id = ? and voided_at is null").param(coupleId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("couple", coupleId));
    }

    private void check(CoupleForm f) {
        if (!Set.of("PRIMARY", "SECONDARY").contains(f.infertilityType())) throw ApiException.badField("infertilityType", "art.couple.type");
        codes(f.femaleFactors(), FEMALE_FACTORS, "femaleFactors");
        codes(f.maleFactors(), MALE_FACTORS, "maleFactors");
        if (!INDICATIONS.contains(f.indication())) throw ApiException.badField("indication", "art.couple.unknown-code", f.indication());
        PersonDetail woman = persons.load(f.womanId()).orElseThrow(() -> ApiException.badField("womanId", "art.couple.no-person"));
        PersonDetail partner = persons.load(f.partnerId()).orElseThrow(() -> ApiException.badField("partnerId", "art.couple.no-person"));
        if (!"F".equals(woman.sex())) throw ApiException.badField("womanId", "art.couple.woman-female");
        if (!"M".equals(partner.sex())) throw ApiException.badField("partnerId", "art.couple.partner-male");
        if (woman.voided() || woman.mergedInto() != null) throw ApiException.badField("womanId", "art.couple.no-person");
        if (partner.voided() || partner.mergedInto() != null) throw ApiException.badField("partnerId", "art.couple.no-person");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (f.workUp() != null) date(f.workUp().on(), "workUp.on", woman.birthDate(), today);
        if (f.semen() != null) date(f.semen().on(), "semen.on", partner.birthDate(), today);
        if (f.semen() != null && f.semen().progressive() != null && f.semen().totalMotility() != null
                && f.semen().progressive().compareTo(f.semen().totalMotility()) > 0) {
            throw ApiException.badField("semen.progressive", "art.couple.progressive-above-total");
        }
    }

    private static void date(LocalDate d, String field, LocalDate birth, LocalDate today) {
        if (d == null) return;
        if (d.isAfter(today)) throw ApiException.badField(field, "shared.error.date-in-future", field, today);
        if (birth != null && d.isBefore(birth)) throw ApiException.badField(field, "art.date-before-birth");
    }

    private static void codes(List<String> codes, Set<String> allowed, String field) {
        if (codes == null) return;
        for (int i = 0; i < codes.size(); i++) {
            if (!allowed.contains(codes.get(i))) throw ApiException.badField(field + "[" + i + "]", "art.couple.unknown-code", codes.get(i));
        }
    }

    static List<String> list(List<String> l) {
        return l == null ? List.of() : l.stream().distinct().toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Integer age(LocalDate birth, LocalDate on) {
        return birth == null ? null : Period.between(birth, on).getYears();
    }

    CoupleRecord read(UUID id) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        List<Consent> consents = jdbc.sql("""
                select id, kind, signed_on, file_name, media_type, size_bytes from art_consent where couple_id = ? and voided_at is null
                 order by signed_on, created_at""").param(id).query(Consent.class).list();
        List<CycleSummary> cycles = jdbc.sql("""
                select id, cycle_type, protocol, started_on, age_at_start, cancelled_on, transfer_on, retrieval_on, outcome, clinical_pregnancy
                  from art_cycle where couple_id = ? order by started_on, created_at""").param(id)
                .query((rs, n) -> new CycleSummary(rs.getObject("id", UUID.class), rs.getString("cycle_type"), rs.getString("protocol"),
                        rs.getObject("started_on", LocalDate.class), rs.getInt("age_at_start"), CycleStore.stage(rs), rs.getString("outcome"),
                        rs.getBoolean("clinical_pregnancy")))
                .list();
        return jdbc.sql("""
                select c.*, w.full_name as woman_name, w.birth_date as woman_birth, p.full_name as partner_name, p.birth_date as partner_birth,
                       i.code as i_code, i.name_zh as i_zh, i.name_en as i_en
                  from art_couple c join person w on w.id = c.woman_id join person p on p.id = c.partner_id
                  join institution i on i.id = c.institution_id where c.id = ?""").param(id)
                .query((rs, n) -> map(rs, today, consents, cycles)).optional()
                .orElseThrow(() -> ApiException.notFound("couple", id));
    }

    private static CoupleRecord map(ResultSet rs, LocalDate today, List<Consent> consents, List<CycleSummary> cycles) throws SQLException {
        LocalDate wb = rs.getObject("woman_birth", LocalDate.class);
        LocalDate pb = rs.getObject("partner_birth", LocalDate.class);
        return new CoupleRecord(rs.getObject("id", UUID.class),
                new PersonRef(rs.getObject("woman_id", UUID.class), rs.getString("woman_name"), wb, age(wb, today)),
                new PersonRef(rs.getObject("partner_id", UUID.class), rs.getString("partner_name"), pb, age(pb, today)),
                new InstitutionRef(rs.getString("i_code"), rs.getString("i_zh"), rs.getString("i_en")),
                rs.getString("infertility_type"), rs.getBigDecimal("infertility_years"), strings(rs, "female_factors"),
                strings(rs, "male_factors"), rs.getString("indication"), rs.getString("indication_note"),
                new WorkUp(rs.getObject("workup_on", LocalDate.class), rs.getBigDecimal("amh_ng_ml"), (Integer) rs.getObject("afc", Integer.class),
                        rs.getBigDecimal("fsh_iu_l"), rs.getBigDecimal("lh_iu_l"), rs.getBigDecimal("e2_pg_ml"), rs.getBigDecimal("prl_ng_ml")),
                new Semen(rs.getObject("semen_on", LocalDate.class), rs.getBigDecimal("semen_volume_ml"), rs.getBigDecimal("semen_concentration"),
                        rs.getBigDecimal("semen_total"), rs.getBigDecimal("semen_progressive"), rs.getBigDecimal("semen_total_motility"),
                        rs.getBigDecimal("semen_vitality"), rs.getBigDecimal("semen_normal_forms")),
                strings(rs, "semen_flags"), rs.getString("semen_rule_version"), rs.getString("status"), consents, cycles,
                rs.getLong("version"));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /** For the workstation: the institution keeping the couple record. */
    Institution keeper(UUID coupleId) {
        UUID inst = jdbc.sql("select institution_id from art_couple where id = ?").param(coupleId).query(UUID.class).single();
        return institutions.findById(inst).orElseThrow();
    }
}
