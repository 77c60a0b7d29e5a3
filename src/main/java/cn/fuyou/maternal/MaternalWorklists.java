package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.PostpartumSchedule;
import cn.fuyou.maternal.rules.PrenatalSchedule;
import cn.fuyou.maternal.rules.RiskColour;
import static cn.fuyou.shared.Rows.dates;
import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.maternal.internal.PregnancyReader;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An institution's worklists: antenatal contacts due or overdue by the national 5-visit schedule
 * (§2), postpartum visits, grading tasks, open dedicated cases and PMTCT infant items; the district
 * case list; and the dashboard counts. Read models over the module's own tables.
 */
@Service
public class MaternalWorklists {

    private final JdbcClient jdbc;
    private final Areas areas;
    private final Persons persons;
    private final Institutions institutions;

    private final java.time.Clock clock;

    MaternalWorklists(JdbcClient jdbc, Areas areas, Persons persons, Institutions institutions, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.areas = areas;
        this.persons = persons;
        this.institutions = institutions;
    }

    /** One line of a worklist: whose, what, the window, and whether it is due or overdue. */
    public record Item(String kind, UUID pregnancyId, UUID personId, String personName, String colour, boolean purple,
                       String itemCode, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil, String status) {}

    public record Filter(String kind, String status, String colour, String q) {}

    public PageResult<Item> worklist(Filter f, PageRequest page) {
        UUID institution = CurrentActor.get().institutionId();
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        List<Item> items = new ArrayList<>();
        if (wants(f, "ANTENATAL")) items.addAll(antenatal(institution, today));
        if (wants(f, "POSTPARTUM")) items.addAll(postpartum(institution, today));
        if (wants(f, "GRADING_TASK")) items.addAll(gradingTasks(institution, today));
        if (wants(f, "PMTCT")) items.addAll(pmtctItems(institution));
        if (wants(f, "HBV_ANTIVIRAL")) items.addAll(hbvAntiviral(institution, today));
        boolean byName = f.q() != null && !f.q().isBlank();
        if (byName) {
            Map<UUID, String> all = persons.namesOf(items.stream().map(Item::personId).collect(java.util.stream.Collectors.toSet()));
            items.replaceAll(i -> withName(i, all.get(i.personId())));
        }
        var filtered = items.stream()
                .filter(i -> f.status() == null || f.status().isBlank() || f.status().equalsIgnoreCase(i.status()))
                .filter(i -> f.colour() == null || f.colour().isBlank() || f.colour().equalsIgnoreCase(i.colour()))
                .filter(i -> !byName || (i.personName() != null && i.personName().contains(f.q().trim())))
                .sorted(Comparator.comparing((Item i) -> !"OVERDUE".equals(i.status()))
                        .thenComparing(i -> colourRank(i.colour()), Comparator.reverseOrder())
                        .thenComparing(Item::dueUntil, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int from = Math.min(page.offset(), filtered.size());
        int to = Math.min(from + page.size(), filtered.size());
        // Names are looked up for the page only: thousands of items, twenty names.
        List<Item> slice = filtered.subList(from, to);
        Map<UUID, String> names = persons.namesOf(slice.stream().map(Item::personId).collect(java.util.stream.Collectors.toSet()));
        return new PageResult<>(slice.stream().map(i -> withName(i, names.get(i.personId()))).toList(), filtered.size(), page.page(), page.size());
    }

    /** The whole list (for export), same filters. */
    public List<Item> all(Filter f) {
        return worklist(f, new PageRequest(0, PageResult.MAX_SIZE)).total() <= PageResult.MAX_SIZE
                ? worklist(f, new PageRequest(0, PageResult.MAX_SIZE)).items()
                : exportAll(f);
    }

    private List<Item> exportAll(Filter f) {
        List<Item> out = new ArrayList<>();
        for (int p = 0; ; p++) {
            var page = worklist(f, new PageRequest(p, PageResult.MAX_SIZE));
            out.addAll(page.items());
            if (out.size() >= page.total()) return out;
        }
    }

    private static Item withName(Item i, String name) {
        return new Item(i.kind(), i.pregnancyId(), i.personId(), name, i.colour(), i.purple(), i.itemCode(), i.labelZh(), i.labelEn(),
                i.dueFrom(), i.dueUntil(), i.status());
    }

    private static boolean wants(Filter f, String kind) {
        return f.kind() == null || f.kind().isBlank() || f.kind().equalsIgnoreCase(kind);
    }

    private List<Item> antenatal(UUID institution, LocalDate today) {
        record Row(UUID id, UUID womanId, String name, String colour, boolean purple, LocalDate edd, List<LocalDate> contacts) {}
        var rows = jdbc.sql("""
                select p.id, p.woman_id, null, p.colour, p.purple, p.edd, p.contact_dates
                  from pregnancy p
                 where p.care_institution_id = ? and p.status = 'OPEN'
                   and not exists (select 1 from delivery d where d.pregnancy_id = p.id)""")
                .param(institution)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class), dates(rs.getArray(7))))
                .list();
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            for (PrenatalSchedule.Visit v : PrenatalSchedule.visits(r.edd(), r.contacts(), today)) {
                if (v.status() == PrenatalSchedule.Status.DUE || v.status() == PrenatalSchedule.Status.OVERDUE) {
                    items.add(new Item("ANTENATAL", r.id(), r.womanId(), r.name(), r.colour(), r.purple(), "VISIT_" + v.window().number(),
                            v.window().labelZh(), v.window().labelEn(), v.dueFrom(), v.dueUntil(), v.status().name()));
                }
            }
        }
        return items;
    }

    private List<Item> postpartum(UUID institution, LocalDate today) {
        record Row(UUID id, UUID womanId, String name, String colour, boolean purple, LocalDate delivered, LocalDate discharged,
                   List<String> done) {}
        var rows = jdbc.sql("""
                select p.id, p.woman_id, null, p.colour, p.purple, p.ended_on, d.discharged_on,
                       array(select v.kind from postpartum_visit v where v.pregnancy_id = p.id) as done
                  from pregnancy p join delivery d on d.pregnancy_id = p.id
                 where p.status = 'DELIVERED' and (d.institution_id = ? or p.care_institution_id = ?)""")
                .params(institution, institution)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        strings(rs.getArray(8))))
                .list();
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            for (PostpartumSchedule.Item i : PostpartumSchedule.items(r.delivered(), r.discharged())) {
                if (r.done().contains(i.code())) continue;
                String status = today.isBefore(i.dueFrom()) ? "UPCOMING" : today.isAfter(i.dueUntil()) ? "OVERDUE" : "DUE";
                if (!"UPCOMING".equals(status)) {
                    items.add(new Item("POSTPARTUM", r.id(), r.womanId(), r.name(), r.colour(), r.purple(), i.code(), i.labelZh(),
                            i.labelEn(), i.dueFrom(), i.dueUntil(), status));
                }
            }
        }
        return items;
    }

    private List<Item> gradingTasks(UUID institution, LocalDate today) {
        return jdbc.sql("""
                select t.pregnancy_id, p.woman_id, null, p.colour, p.purple, t.created_on, t.due_on
                  from grading_task t join pregnancy p on p.id = t.pregnancy_id
                 where t.institution_id = ? and t.status = 'OPEN'""")
                .param(institution)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(7, LocalDate.class);
                    return new Item("GRADING_TASK", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), "GRADE_AT_LEVEL_2",
                            "筛查阳性：2周内到二级及以上医院评估分级", "Positive screen: grade at a level-2+ hospital within 2 weeks",
                            rs.getObject(6, LocalDate.class), due, today.isAfter(due) ? "OVERDUE" : "DUE");
                })
                .list();
    }

    private List<Item> pmtctItems(UUID institution) {
        OffsetDateTime now = OffsetDateTime.now();
        return jdbc.sql("""
                select p.id, i.child_id, null, p.colour, p.purple, i.code, i.label_zh, i.label_en, i.due_from, i.due_until
                  from pmtct_infant_item i join pmtct_case c on c.id = i.pmtct_case_id join pregnancy p on p.id = c.pregnancy_id
                  left join delivery d on d.pregnancy_id = p.id
                 where i.done_at is null and i.due_from <= now() and (d.institution_id = ? or p.care_institution_id = ?)
                   and not exists (select 1 from pmtct_infant f where f.pmtct_case_id = i.pmtct_case_id and f.child_id = i.child_id
                                      and f.status = 'EXITED')""")
                .params(institution, institution)
                .query((rs, n) -> {
                    OffsetDateTime from = rs.getObject(9, OffsetDateTime.class);
                    OffsetDateTime until = rs.getObject(10, OffsetDateTime.class);
                    return new Item("PMTCT", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            from.atZoneSameInstant(Deliveries.CHINA).toLocalDate(), until.atZoneSameInstant(Deliveries.CHINA).toLocalDate(),
                            PregnancyReader.itemStatus(from, until, null, now));
                })
                .list();
    }

    /**
     * §5: an HBsAg-positive mother with HBV DNA > 2×10⁵ IU/ml or HBeAg positive starts an antiviral
     * from 28 to 32 weeks; the item is due from 28+0 (shown from 4 weeks before) until a start date is recorded.
     */
    private List<Item> hbvAntiviral(UUID institution, LocalDate today) {
        return jdbc.sql("""
                select p.id, p.woman_id, p.colour, p.purple, p.edd from pmtct_case c join pregnancy p on p.id = c.pregnancy_id
                 where c.infection = 'HBV' and c.antiviral_start is null and p.status = 'OPEN' and p.care_institution_id = ?
                   and (c.hbeag_positive or c.hbv_dna_iu_per_ml > 200000)""")
                .param(institution)
                .query((rs, n) -> {
                    LocalDate lmp = rs.getObject(5, LocalDate.class).minusDays(280);
                    LocalDate from = lmp.plusWeeks(28), until = lmp.plusWeeks(32);
                    return new Item("HBV_ANTIVIRAL", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, rs.getString(3),
                            rs.getBoolean(4), "HBV_MATERNAL_ANTIVIRAL", "孕28–32周开始抗乙肝病毒治疗（HBV DNA>2×10⁵ IU/ml或HBeAg阳性）",
                            "Start HBV antiviral at 28–32 weeks (HBV DNA > 2×10⁵ IU/ml or HBeAg positive)", from, until,
                            today.isBefore(from) ? "UPCOMING" : today.isAfter(until) ? "OVERDUE" : "DUE");
                })
                .list().stream().filter(i -> !today.isBefore(i.dueFrom().minusWeeks(4))).toList();
    }

    // ---- district case list -------------------------------------------------------------------

    public record CaseItem(UUID caseId, UUID pregnancyId, UUID womanId, String womanName, String colour, boolean purple,
                           String reason, String districtCode, String reportedToCode, String careInstitutionCode,
                           String careInstitutionNameZh, LocalDate edd, OffsetDateTime openedAt, String status) {}

    /**
     * Dedicated cases by district: a regional official sees her area's districts, a system admin all,
     * and institution staff the cases reported to or cared for at their institution.
     */
    public PageResult<CaseItem> cases(String district, String status, PageRequest page) {
        Actor actor = CurrentActor.get();
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (district != null && !district.isBlank()) {
            if (areas.find(district).isEmpty()) throw ApiException.badField("district", "未知地区 / unknown area " + district);
            where.append(" and c.district_code = any(?)");
            params.add(areas.withDescendants(district).toArray(String[]::new));
        }
        if (status != null && !status.isBlank()) { where.append(" and c.status = ?"); params.add(status.toUpperCase()); }
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            where.append(" and c.district_code = any(?)");
            params.add(areas.withDescendants(actor.areaCode()).toArray(String[]::new));
        } else if (actor.role() != StaffRole.SYSTEM_ADMIN) {
            where.append(" and (c.reported_to_institution_id = ? or p.care_institution_id = ?)");
            params.add(actor.institutionId());
            params.add(actor.institutionId());
        }
        String from = " from high_risk_case c join pregnancy p on p.id = c.pregnancy_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql("""
                select c.id, p.id, p.woman_id, p.colour, p.purple, c.reason, c.district_code, c.reported_to_institution_id,
                       p.care_institution_id, p.edd, c.opened_at, c.status""" + from + where
                        + " order by c.status desc, c.opened_at desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> {
                    Institution care = institutions.findById(rs.getObject(9, UUID.class)).orElseThrow();
                    UUID reportedTo = rs.getObject(8, UUID.class);
                    return new CaseItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            null, rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                            reportedTo == null ? null : institutions.findById(reportedTo).map(Institution::code).orElse(null),
                            care.code(), care.nameZh(), rs.getObject(10, LocalDate.class),
                            rs.getObject(11, OffsetDateTime.class), rs.getString(12));
                })
                .list();
        Map<UUID, String> names = persons.namesOf(items.stream().map(CaseItem::womanId).collect(java.util.stream.Collectors.toSet()));
        items = items.stream().map(c -> new CaseItem(c.caseId(), c.pregnancyId(), c.womanId(), names.get(c.womanId()), c.colour(),
                c.purple(), c.reason(), c.districtCode(), c.reportedToCode(), c.careInstitutionCode(), c.careInstitutionNameZh(),
                c.edd(), c.openedAt(), c.status())).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static int colourRank(String colour) {
        return colour == null ? 0 : RiskColour.valueOf(colour).ordinal() + 1;
    }


}
