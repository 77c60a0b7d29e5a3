package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Area;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.training.internal.Directory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion and pass rates by area, institution and profession over a period, the certificates
 * expiring within 90 days and a monthly series. Scope: a system admin the whole network, an official
 * her area, an institution admin her own institution's workers and everyone its courses and rounds trained. Completion = attended / attendance
 * recorded; pass rate = passed / assessed (every attempt) — the definitions of indicators/training.json.
 */
@Service
public class TrainingStatistics {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Areas areas;
    private final TrainingAccess access;
    private final Certificates certificates;
    private final AuditLog audit;

    TrainingStatistics(JdbcClient jdbc, Directory directory, Areas areas, TrainingAccess access, Certificates certificates, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.areas = areas;
        this.access = access;
        this.certificates = certificates;
        this.audit = audit;
    }

    public record Figures(String key, String nameZh, String nameEn, long participation, long completed, BigDecimal completionRate,
                          long assessed, long passed, BigDecimal passRate) {}

    public record Month(String month, long sessions, long participation, long completed, long assessed, long passed) {}

    public record Summary(LocalDate from, LocalDate to, String scope, Figures total, List<Figures> byArea, List<Figures> byInstitution,
                          List<Figures> byProfession, List<Figures> bySkill, List<Month> months, long expiringWithin90Days, long courses,
                          long sessions, BigDecimal creditHours) {}

    private record Fact(UUID institutionId, String profession, String skill, LocalDate on, boolean counted, boolean ok, UUID organiserId) {}

    @Transactional
    public Summary summary(LocalDate from, LocalDate to) {
        access.requireStatisticsViewer();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate f = from == null ? today.minusYears(1).plusDays(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) throw ApiException.badField("to", "training.stats.to-before-from");
        if (f.plusYears(5).isBefore(t)) throw ApiException.badField("to", "training.stats.too-long");
        Map<UUID, Institution> dir = directory.all();
        Actor actor = access.actor();
        // a system admin: everything; an official: workers of her area; an institution: its own workers and everyone its courses and rounds trained
        Function<UUID, Boolean> own = id -> {
            if (actor.isSystemAdmin()) return true;
            if (actor.role() == StaffRole.REGIONAL_OFFICIAL) return access.officialCovers(dir.get(id));
            return id.equals(actor.institutionId());
        };
        java.util.function.Predicate<Fact> inScope = x -> own.apply(x.institutionId())
                || (actor.role() != StaffRole.REGIONAL_OFFICIAL && x.organiserId() != null && x.organiserId().equals(actor.institutionId()));
        List<Fact> enrolments = jdbc.sql("""
                select w.institution_id, w.profession, e.status, s.ends_on, c.organiser_id
                  from training_enrolment e join training_session s on s.id = e.session_id join training_course c on c.id = s.course_id
                  join training_worker w on w.id = e.worker_id
                 where e.status in ('ATTENDED', 'ABSENT') and s.cancelled_reason is null and c.cancelled_reason is null and s.ends_on between ? and ?""")
                .params(f, t).query((rs, n) -> new Fact(rs.getObject(1, UUID.class), rs.getString(2), null, rs.getObject(4, LocalDate.class),
                        true, "ATTENDED".equals(rs.getString(3)), rs.getObject(5, UUID.class))).list().stream().filter(inScope).toList();
        List<Fact> assessments = jdbc.sql("""
                select w.institution_id, w.profession, a.skill, a.assessed_on, a.passed, r.organiser_id
                  from skill_assessment a join training_worker w on w.id = a.worker_id join skill_round r on r.id = a.round_id
                 where a.voided_reason is null and a.assessed_on between ? and ?""")
                .params(f, t).query((rs, n) -> new Fact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        true, rs.getBoolean(5), rs.getObject(6, UUID.class))).list().stream().filter(inScope).toList();

        Function<Fact, String[]> area = x -> {
            Institution i = dir.get(x.institutionId());
            String code = i == null ? "?" : i.areaCode();
            Area a = areas.find(code).orElse(new Area(code, code, code, null, null));
            return new String[]{code, a.nameZh(), a.nameEn()};
        };
        Function<Fact, String[]> institution = x -> {
            Institution i = dir.get(x.institutionId());
            return i == null ? new String[]{"?", "?", "?"} : new String[]{i.code(), i.nameZh(), i.nameEn()};
        };
        Function<Fact, String[]> profession = x -> new String[]{x.profession(), null, null};
        Function<Fact, String[]> skill = x -> new String[]{x.skill(), null, null};

        List<Figures> byArea = group(enrolments, assessments, area);
        List<Figures> byInstitution = group(enrolments, assessments, institution);
        List<Figures> byProfession = group(enrolments, assessments, profession);
        List<Figures> bySkill = group(List.of(), assessments, skill);
        Figures total = group(enrolments, assessments, x -> new String[]{"ALL", null, null}).stream().findFirst()
                .orElse(figures("ALL", null, null, 0, 0, 0, 0));

        Map<String, long[]> months = new TreeMap<>();
        for (LocalDate m = f.withDayOfMonth(1); !m.isAfter(t); m = m.plusMonths(1)) months.put(m.toString().substring(0, 7), new long[5]);
        enrolments.forEach(x -> {
            long[] v = months.get(x.on().toString().substring(0, 7));
            if (v != null) { v[1]++; if (x.ok()) v[2]++; }
        });
        assessments.forEach(x -> {
            long[] v = months.get(x.on().toString().substring(0, 7));
            if (v != null) { v[3]++; if (x.ok()) v[4]++; }
        });
        record S(UUID organiser, LocalDate endsOn, UUID course) {}
        List<S> sessions = jdbc.sql("""
                select c.organiser_id, s.ends_on, c.id from training_session s join training_course c on c.id = s.course_id
                 where s.cancelled_reason is null and c.cancelled_reason is null and s.ends_on between ? and ?""").params(f, t)
                .query((rs, n) -> new S(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class))).list()
                .stream().filter(s -> own.apply(s.organiser()))
                .toList();
        sessions.forEach(s -> {
            long[] v = months.get(s.endsOn().toString().substring(0, 7));
            if (v != null) v[0]++;
        });
        BigDecimal credit = jdbc.sql("""
                select w.institution_id, coalesce(sum(e.credit_hours), 0) from training_enrolment e join training_session s on s.id = e.session_id
                  join training_worker w on w.id = e.worker_id where e.status = 'ATTENDED' and s.ends_on between ? and ? group by w.institution_id""")
                .params(f, t).query((rs, n) -> own.apply(rs.getObject(1, UUID.class)) ? rs.getBigDecimal(2) : BigDecimal.ZERO).list()
                .stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long expiring = certificates.expiring(90, null, new cn.fuyou.shared.PageRequest(0, 1)).total();
        String scope = actor.isSystemAdmin() ? "500000" : actor.role() == StaffRole.REGIONAL_OFFICIAL ? actor.areaCode() : actor.institutionCode();
        audit.recordRead(new AuditRecord("READ", "TrainingStatistics", scope, null, true, false, null,
                Map.of("from", f.toString(), "to", t.toString())));
        return new Summary(f, t, scope, total, byArea, byInstitution.stream().limit(30).toList(), byProfession, bySkill,
                months.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                        e.getValue()[4])).toList(), expiring, sessions.stream().map(S::course).distinct().count(), sessions.size(), credit);
    }

    private static List<Figures> group(List<Fact> enrolments, List<Fact> assessments, Function<Fact, String[]> key) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (Fact x : enrolments) {
            String[] k = key.apply(x);
            names.putIfAbsent(k[0], k);
            long[] v = counts.computeIfAbsent(k[0], z -> new long[4]);
            v[0]++;
            if (x.ok()) v[1]++;
        }
        for (Fact x : assessments) {
            String[] k = key.apply(x);
            names.putIfAbsent(k[0], k);
            long[] v = counts.computeIfAbsent(k[0], z -> new long[4]);
            v[2]++;
            if (x.ok()) v[3]++;
        }
        return counts.entrySet().stream()
                .map(e -> figures(e.getKey(), names.get(e.getKey())[1], names.get(e.getKey())[2], e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .sorted(Comparator.comparingLong((Figures x) -> -(x.participation() + x.assessed())).thenComparing(Figures::key)).toList();
    }

    private static Figures figures(String key, String zh, String en, long participation, long completed, long assessed, long passed) {
        return new Figures(key, zh, en, participation, completed, rate(completed, participation), assessed, passed, rate(passed, assessed));
    }

    static BigDecimal rate(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_UP);
    }
}
