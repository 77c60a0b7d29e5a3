package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.rules.PmtctInfantFollowUp;
import cn.fuyou.maternal.rules.BirthWeightPlausibility;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import java.util.Locale;
import cn.fuyou.registry.Areas;
import cn.fuyou.maternal.rules.PrenatalSchedule;
import static cn.fuyou.shared.Rows.integer;
import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.PregnancyRecord.GestationalAge;
import cn.fuyou.maternal.PregnancyRecord.InstitutionRef;
import cn.fuyou.maternal.rules.RiskColour;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a pregnancy and everything under it into one {@link PregnancyRecord} (a handful of indexed queries). */
@Component
public class PregnancyReader {

    private final JdbcClient jdbc;
    private final Areas areas;
    private final MessageSource messages;
    private final Persons persons;
    private final Institutions institutions;
    private final ObjectMapper json;

    private final java.time.Clock clock;

    PregnancyReader(JdbcClient jdbc, Persons persons, Institutions institutions, ObjectMapper json, Areas areas, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.areas = areas;
        this.messages = messages;
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.json = json;
    }

    public Optional<PregnancyRecord> read(UUID id) {
        return readAll(List.of(id)).stream().findFirst();
    }

    /**
     * A woman's pregnancies, newest registration first, each read whole — the same handful of queries
     * for all of them (one per kind of record under a pregnancy), not one handful per pregnancy.
     */
    public List<PregnancyRecord> readOfWoman(UUID womanId) {
        return readAll(jdbc.sql("select id from pregnancy where woman_id = ? order by registered_on desc, id").param(womanId)
                .query(UUID.class).list());
    }

    /** The pregnancies in the order of {@code ids} (those that exist). */
    private List<PregnancyRecord> readAll(List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        String[] keys = ids.stream().map(UUID::toString).toArray(String[]::new);
        Under under = new Under(byPregnancy("""
                select c.* from antenatal_contact c
                 where c.pregnancy_id = any(?::uuid[]) and c.voided_at is null order by c.contact_date, c.created_at""", keys, this::contact),
                byPregnancy("""
                select g.*, g.factors::text as factors_json from risk_grading g where g.pregnancy_id = any(?::uuid[]) order by g.created_at""",
                        keys, this::grading),
                byPregnancy("select c.* from high_risk_case c where c.pregnancy_id = any(?::uuid[]) order by c.opened_at", keys, this::riskCase),
                byPregnancy("select t.* from grading_task t where t.pregnancy_id = any(?::uuid[]) order by t.created_on", keys, this::task),
                deliveries(keys),
                byPregnancy("select * from postpartum_visit where pregnancy_id = any(?::uuid[]) order by visit_date", keys, this::postpartumVisit),
                pmtct(keys), new HashMap<>());
        Map<UUID, PregnancyRecord> read = new HashMap<>();
        jdbc.sql("select *, history::text as history_json from pregnancy where id = any(?::uuid[])").param(keys)
                .query((RowCallbackHandler) rs -> read.put(rs.getObject("id", UUID.class), map(rs, under)));
        return ids.stream().map(read::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What lies under the pregnancies being read, by pregnancy id. */
    private record Under(Map<UUID, List<PregnancyRecord.Contact>> contacts, Map<UUID, List<PregnancyRecord.Grading>> gradings,
                         Map<UUID, List<PregnancyRecord.Case>> cases, Map<UUID, List<PregnancyRecord.Task>> tasks,
                         Map<UUID, List<PregnancyRecord.Delivery>> deliveries, Map<UUID, List<PregnancyRecord.PostpartumVisit>> postpartum,
                         Map<UUID, List<PregnancyRecord.Pmtct>> pmtct, Map<UUID, PersonDetail> women) {

        <T> List<T> of(Map<UUID, List<T>> byPregnancy, UUID id) {
            return byPregnancy.getOrDefault(id, List.of());
        }
    }

    /** The rows of a query over {@code any(?::uuid[])}, grouped by their {@code column} (in the query's order within each group). */
    private <T> Map<UUID, List<T>> grouped(String sql, String[] keys, String column, RowMapper<T> mapper) {
        Map<UUID, List<T>> out = new HashMap<>();
        jdbc.sql(sql).param(keys).query((RowCallbackHandler) rs ->
                out.computeIfAbsent(rs.getObject(column, UUID.class), k -> new ArrayList<>()).add(mapper.mapRow(rs, 0)));
        return out;
    }

    private <T> Map<UUID, List<T>> byPregnancy(String sql, String[] keys, RowMapper<T> mapper) {
        return grouped(sql, keys, "pregnancy_id", mapper);
    }

    /** Gestational age in days on a date, from the (possibly redated) EDD. */
    public static int gaDays(LocalDate edd, LocalDate on) {
        return 280 - (int) ChronoUnit.DAYS.between(on, edd);
    }

    private PregnancyRecord map(ResultSet rs, Under under) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID womanId = rs.getObject("woman_id", UUID.class);
        PersonDetail woman = under.women().computeIfAbsent(womanId, k -> persons.load(k).orElseThrow());
        InstitutionRef registered = ref(rs.getObject("registered_institution_id", UUID.class));
        InstitutionRef care = ref(rs.getObject("care_institution_id", UUID.class));
        LocalDate edd = rs.getObject("edd", LocalDate.class);
        String status = rs.getString("status");
        RiskColour colour = RiskColour.parse(rs.getString("colour"));
        JsonNode history = readTree(rs.getString("history_json"));
        List<String> historyFactors = toList(history.path("factors"));
        var contacts = under.of(under.contacts(), id);
        var delivery = under.of(under.deliveries(), id).stream().findFirst().orElse(null);
        List<LocalDate> contactDates = contacts.stream().map(PregnancyRecord.Contact::contactDate).toList();
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        List<PregnancyRecord.ScheduledVisit> schedule = "OPEN".equals(status) && delivery == null
                ? PrenatalSchedule.visits(edd, contactDates, today).stream()
                    .map(v -> new PregnancyRecord.ScheduledVisit(v.window().number(), v.window().labelZh(), v.window().labelEn(),
                            v.dueFrom(), v.dueUntil(), v.doneOn(), v.status().name())).toList()
                : List.of();
        return new PregnancyRecord(id, womanId, woman.fullName(), woman.birthDate(), woman.addressAreaCode(),
                rs.getObject("partner_id", UUID.class), registered, care, rs.getObject("registered_on", LocalDate.class),
                rs.getInt("gravida"), rs.getInt("para"), rs.getObject("lmp", LocalDate.class), rs.getObject("us_date", LocalDate.class),
                rs.getBigDecimal("us_crl_mm"), (Integer) rs.getObject("us_ga_days"), rs.getObject("art_transfer_date", LocalDate.class),
                rs.getObject("art_embryo_age_days") == null ? null : rs.getInt("art_embryo_age_days"), edd,
                rs.getString("dating_method"), rs.getBoolean("redated"), rs.getBoolean("suboptimally_dated"),
                "OPEN".equals(status) && delivery == null ? GestationalAge.of(gaDays(edd, today)) : null,
                rs.getBigDecimal("height_cm"), rs.getBigDecimal("pre_pregnancy_weight_kg"), rs.getInt("fetus_count"),
                rs.getInt("uterine_surgeries"), (Integer) rs.getObject("months_since_uterine_surgery"),
                rs.getObject("last_birth_date", LocalDate.class), historyFactors, history.path("notes").asText(""),
                status, rs.getString("outcome"), rs.getObject("outcome_date", LocalDate.class), colour,
                rs.getBoolean("purple"), rs.getBoolean("screen_positive"), careWarning(colour, care, status, () -> criticalCentre(care)),
                contacts, under.of(under.gradings(), id), under.of(under.cases(), id), under.of(under.tasks(), id), schedule, delivery,
                under.of(under.postpartum(), id), under.of(under.pmtct(), id), rs.getLong("version"));
    }

    private boolean criticalCentre(InstitutionRef care) {
        return institutions.findById(care.id()).map(i -> i.designations().contains(cn.fuyou.registry.Designation.CRITICAL_MATERNAL_CARE_CENTRE))
                .orElse(false);
    }

    /**
     * §1 management by colour: yellow needs level 2+; orange a county-level-or-above critical
     * maternal care centre (a designated level-2 centre is enough; delivery at level 3 where
     * possible); red level 3.
     */
    static PregnancyRecord.CareWarning careWarning(RiskColour colour, InstitutionRef care, String status,
                                                   java.util.function.BooleanSupplier criticalCentre) {
        if (colour == null || "CLOSED".equals(status)) return null;
        int required = colour.requiredLevel();
        if (care.level() >= required) return null;
        // Asked only when it decides (its designation is read from the registry, not memoised: designations change).
        if (colour == RiskColour.ORANGE && care.level() >= 2 && criticalCentre.getAsBoolean()) return null;
        return new PregnancyRecord.CareWarning(required, care.level(),
                "其风险颜色要求在" + required + "级及以上医疗机构管理，当前机构为" + care.level() + "级，请转诊",
                "her colour needs care at level " + required + " or above; this institution is level " + care.level() + ": refer her");
    }

    /** Institutions are few and change rarely; their references are memoised (edits clear it on restart or after 5 min). */
    private final java.util.concurrent.ConcurrentMap<UUID, InstitutionRef> refs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long refsLoadedAt = System.nanoTime();

    private InstitutionRef ref(UUID id) {
        if (System.nanoTime() - refsLoadedAt > 300_000_000_000L) {
            refs.clear();
            refsLoadedAt = System.nanoTime();
        }
        return refs.computeIfAbsent(id, k -> {
            Institution i = institutions.findById(k).orElseThrow();
            return new InstitutionRef(i.id(), i.code(), i.nameZh(), i.nameEn(), i.level(), i.areaCode());
        });
    }

    private PregnancyRecord.Contact contact(ResultSet rs, int n) throws SQLException {
        InstitutionRef at = ref(rs.getObject("institution_id", UUID.class));
        return new PregnancyRecord.Contact(rs.getObject("id", UUID.class),
                rs.getObject("contact_date", LocalDate.class), GestationalAge.of(rs.getInt("ga_days")), at.code(), at.nameZh(),
                rs.getBigDecimal("weight_kg"), integer(rs, "systolic"),
                integer(rs, "diastolic"), rs.getBigDecimal("fundal_height_cm"), integer(rs, "fetal_heart_rate"),
                rs.getString("presentation"), rs.getString("oedema"), rs.getString("urine_protein"),
                rs.getBigDecimal("hemoglobin_g_per_l"), rs.getBigDecimal("platelets_e9_per_l"),
                rs.getBigDecimal("glucose_fasting"), rs.getBigDecimal("ogtt_1h"), rs.getBigDecimal("ogtt_2h"),
                rs.getString("blood_group"), rs.getString("rh"), rs.getString("hiv"), rs.getString("syphilis"),
                rs.getString("hbsag"), rs.getBigDecimal("creatinine_x_uln"), integer(rs, "pasp_mmhg"),
                integer(rs, "nyha_class"), integer(rs, "ejection_fraction"), rs.getString("ultrasound"),
                strings(rs.getArray("factors")), rs.getString("plan"), rs.getObject("next_appointment", LocalDate.class),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private PregnancyRecord.Grading grading(ResultSet rs, int n) throws SQLException {
        return new PregnancyRecord.Grading(rs.getObject("id", UUID.class),
                rs.getObject("assessed_on", LocalDate.class), rs.getString("stage"), RiskColour.parse(rs.getString("computed_colour")),
                RiskColour.parse(rs.getString("colour")), rs.getBoolean("purple"), rs.getBoolean("screen_positive"),
                readTree(rs.getString("factors_json")), rs.getString("rule_set_version"), rs.getString("override_reason"),
                rs.getBoolean("confirmed"), ref(rs.getObject("institution_id", UUID.class)).code(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private PregnancyRecord.Case riskCase(ResultSet rs, int n) throws SQLException {
        var to = rs.getObject("reported_to_institution_id") == null ? null : ref(rs.getObject("reported_to_institution_id", UUID.class));
        return new PregnancyRecord.Case(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getString("reason"), rs.getString("district_code"), to == null ? null : to.code(),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getString("status"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("outcome"),
                caseDescription(rs.getString("reason"), rs.getString("district_code"), to));
    }

    /** "橙色 · 渝北区 · 报告至 渝北区妇幼保健院" / "orange · Yubei District · reported to Yubei District MCH Hospital". */
    String caseDescription(String reason, String districtCode, PregnancyRecord.InstitutionRef reportedTo) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        for (String part : (reason == null ? "" : reason).split("\\+")) {
            if (part.isBlank()) continue;
            if (!sb.isEmpty()) sb.append(" + ");
            sb.append(messages.getMessage("risk.colour." + part, null, part, locale));
        }
        if (districtCode != null) {
            String district = areas.find(districtCode).map(a -> english && a.nameEn() != null ? a.nameEn() : a.nameZh()).orElse(districtCode);
            sb.append(" · ").append(district);
        }
        if (reportedTo != null) {
            sb.append(" · ").append(messages.getMessage("case.reportedTo", null, locale)).append(' ')
                    .append(english && reportedTo.nameEn() != null ? reportedTo.nameEn() : reportedTo.nameZh());
        }
        return sb.toString();
    }

    private PregnancyRecord.Task task(ResultSet rs, int n) throws SQLException {
        return new PregnancyRecord.Task(rs.getObject("id", UUID.class), ref(rs.getObject("institution_id", UUID.class)).code(),
                rs.getObject("created_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("status"), rs.getObject("done_on", LocalDate.class));
    }

    /** The deliveries (one per pregnancy at most) with their newborns. */
    private Map<UUID, List<PregnancyRecord.Delivery>> deliveries(String[] keys) {
        var newborns = grouped("""
                select * from newborn where delivery_id in (select id from delivery where pregnancy_id = any(?::uuid[])) order by birth_order""",
                keys, "delivery_id", this::newborn);
        return byPregnancy("select d.* from delivery d where d.pregnancy_id = any(?::uuid[])", keys, (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new PregnancyRecord.Delivery(id, rs.getObject("delivered_at", OffsetDateTime.class),
                    GestationalAge.of(rs.getInt("ga_days")), rs.getString("mode"), rs.getString("caesarean_indication"),
                    ref(rs.getObject("institution_id", UUID.class)).code(), rs.getString("attendant"), integer(rs, "blood_loss_ml"),
                    strings(rs.getArray("complications")), rs.getString("maternal_condition"),
                    rs.getObject("discharged_on", LocalDate.class), newborns.getOrDefault(id, List.of()));
        });
    }

    private PregnancyRecord.Newborn newborn(ResultSet rs, int n) throws SQLException {
        return new PregnancyRecord.Newborn(rs.getObject("id", UUID.class), rs.getInt("birth_order"),
                rs.getObject("child_id", UUID.class), rs.getString("sex"), rs.getInt("weight_g"),
                rs.getBigDecimal("length_cm"), rs.getBigDecimal("head_circumference_cm"), integer(rs, "apgar1"),
                integer(rs, "apgar5"), integer(rs, "apgar10"), rs.getBoolean("live_born"), rs.getString("anomalies"),
                rs.getBoolean("nicu_transfer"), rs.getString("implausible_reason"));
    }

    private PregnancyRecord.PostpartumVisit postpartumVisit(ResultSet rs, int n) throws SQLException {
        return new PregnancyRecord.PostpartumVisit(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("visit_date", LocalDate.class), rs.getString("findings"), integer(rs, "systolic"),
                integer(rs, "diastolic"), rs.getString("created_by"));
    }

    /** PMTCT cases with their infants' schedule items and follow-ups. */
    private Map<UUID, List<PregnancyRecord.Pmtct>> pmtct(String[] keys) {
        List<UUID> caseIds = jdbc.sql("select id from pmtct_case where pregnancy_id = any(?::uuid[])").param(keys).query(UUID.class).list();
        if (caseIds.isEmpty()) return Map.of();
        String[] cases = caseIds.stream().map(UUID::toString).toArray(String[]::new);
        OffsetDateTime now = OffsetDateTime.now();
        var items = grouped("""
                select i.*, case when f.status = 'EXITED' then f.outcome end as exit_status
                  from pmtct_infant_item i left join pmtct_infant f on f.pmtct_case_id = i.pmtct_case_id and f.child_id = i.child_id
                 where i.pmtct_case_id = any(?::uuid[]) order by i.due_from, i.code""", cases, "pmtct_case_id", (r, k) -> {
            OffsetDateTime from = r.getObject("due_from", OffsetDateTime.class);
            OffsetDateTime until = r.getObject("due_until", OffsetDateTime.class);
            OffsetDateTime done = r.getObject("done_at", OffsetDateTime.class);
            return new PregnancyRecord.InfantItem(r.getObject("id", UUID.class), r.getObject("child_id", UUID.class),
                    r.getString("code"), r.getString("label_zh"), r.getString("label_en"), from, until, done,
                    r.getString("result"), r.getString("exit_status") != null && done == null ? "CLOSED"
                            : itemStatus(from, until, done, now),
                    r.getString("finding"), r.getBigDecimal("anti_hbs_miu_per_ml"),
                    PmtctInfantFollowUp.isTest(r.getString("code")));
        });
        var infants = grouped("select * from pmtct_infant where pmtct_case_id = any(?::uuid[]) order by born_at, child_id", cases,
                "pmtct_case_id", (r, k) -> new PregnancyRecord.InfantFollowUp(r.getObject("child_id", UUID.class), r.getString("status"),
                        r.getString("outcome"), r.getString("reason_zh"), r.getString("reason_en"),
                        r.getObject("exited_on", LocalDate.class)));
        return byPregnancy("""
                select c.*, p.edd from pmtct_case c join pregnancy p on p.id = c.pregnancy_id
                 where c.pregnancy_id = any(?::uuid[]) order by c.infection""", keys, (rs, n) -> {
            UUID caseId = rs.getObject("id", UUID.class);
            return new PregnancyRecord.Pmtct(caseId, rs.getString("infection"), rs.getObject("found_on", LocalDate.class),
                    rs.getString("found_at_stage"), rs.getObject("maternal_art_start", LocalDate.class),
                    integer(rs, "viral_load_copies"), rs.getBigDecimal("hbv_dna_iu_per_ml"),
                    (Boolean) rs.getObject("hbeag_positive"), rs.getString("treatment"), rs.getString("status"),
                    rs.getLong("version"), items.getOrDefault(caseId, List.of()), infants.getOrDefault(caseId, List.of()),
                    antiviral(rs, rs.getObject("edd", LocalDate.class)));
        });
    }

    /** §5 maternal antiviral for an HBV case: indicated from 28+0 to 32+0 weeks, done once a start date is recorded. */
    private PregnancyRecord.Antiviral antiviral(java.sql.ResultSet rs, LocalDate edd) throws java.sql.SQLException {
        if (!"HBV".equals(rs.getString("infection"))) return null;
        boolean indicated = cn.fuyou.maternal.rules.PmtctSchedule.maternalAntiviralIndicated(rs.getBigDecimal("hbv_dna_iu_per_ml"),
                (Boolean) rs.getObject("hbeag_positive"));
        LocalDate lmp = edd.minusDays(280);
        LocalDate from = lmp.plusWeeks(28), until = lmp.plusWeeks(32);
        LocalDate started = rs.getObject("antiviral_start", LocalDate.class);
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        String status = !indicated ? "NOT_INDICATED" : started != null ? "DONE" : today.isBefore(from) ? "UPCOMING"
                : today.isAfter(until) ? "OVERDUE" : "DUE";
        return new PregnancyRecord.Antiviral(indicated, from, until, started, status);
    }

    /** DONE, UPCOMING (window not open), DUE (inside its window) or OVERDUE (window passed) — §2/§5 wording. */
    public static String itemStatus(OffsetDateTime from, OffsetDateTime until, OffsetDateTime done, OffsetDateTime now) {
        if (done != null) return "DONE";
        if (now.isBefore(from)) return "UPCOMING";
        return now.isAfter(until) ? "OVERDUE" : "DUE";
    }



    private static List<String> toList(JsonNode node) {
        return node.isArray() ? java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList() : List.of();
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s == null ? "{}" : s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
