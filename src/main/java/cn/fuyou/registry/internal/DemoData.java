package cn.fuyou.registry.internal;

import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.StaffRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: on the first start (no institutions yet) builds the network, the demo staff
 * and {@code fuyou.demo.persons} synthetic people. Same seed, same data.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    public static final String DEMO_PASSWORD = "Demo@2026";

    /** A woman every demo has, registered at CQHCWC (tests and the README tour use her). */
    public static final String SHOWCASE_ID_NUMBER = ResidentIdNumber.compose("500112", LocalDate.of(1992, 3, 15), 124);
    public static final String SHOWCASE_NAME = "李秀英";

    @ConfigurationProperties("fuyou.demo")
    public record Settings(boolean enabled, long seed, long persons) {}

    private final Settings settings;
    private final Institutions institutions;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    private final java.time.Clock clock;

    DemoData(Settings settings, Institutions institutions, StaffAccounts staff, PasswordEncoder encoder,
             TransactionTemplate tx, JdbcClient jdbc, DataSource dataSource, java.time.Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.institutions = institutions;
        this.staff = staff;
        this.encoder = encoder;
        this.tx = tx;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void loadOnFirstStart() {
        if (!settings.enabled()) return;
        if (jdbc.sql("select count(*) from institution where code = ?").param(DemoNetwork.CQHCWC).query(Long.class).single() > 0) {
            return;
        }
        long t0 = System.currentTimeMillis();
        tx.executeWithoutResult(s -> {
            DemoNetwork.build(settings.seed()).forEach(institutions::create);
            createStaff();
            showcase();
        });
        long n = loadPersons(settings.persons());
        log.info("Demo data: {} institutions, {} persons in {} ms", jdbc.sql("select count(*) from institution").query(Long.class).single(),
                n, System.currentTimeMillis() - t0);
    }

    /** Loads synthetic persons spread over Chongqing's districts (benchmarks load a million). */
    public long loadPersons(long count) {
        if (count <= 0) return 0;
        Map<String, List<UUID>> byArea = jdbc.sql("""
                select area_code, id from institution where type in ('COMMUNITY_HEALTH_CENTRE', 'MCH_HOSPITAL')
                   and area_code like '50%' order by code""")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<DemoPeople.Placement> places = new ArrayList<>();
        byArea.forEach((area, ids) -> places.add(new DemoPeople.Placement(area, ids)));
        UUID centre = institutions.get(DemoNetwork.CQHCWC).id();
        long existing = jdbc.sql("select count(*) from person").query(Long.class).single();
        var people = new DemoPeople(settings.seed() + existing, places, centre, cn.fuyou.shared.ChinaTime.today(clock));
        return tx.execute(s -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                return people.load(connection, count, done -> {
                    if (count >= 100_000 && done % 100_000 < 20_000) log.info("demo persons: {} / {}", done, count);
                });
            } catch (Exception e) {
                throw new IllegalStateException("demo person load failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private void createStaff() {
        String hash = encoder.encode(DEMO_PASSWORD);
        record S(String user, String name, String inst, StaffRole role, String area) {}
        List<S> users = List.of(
                new S("admin", "系统管理员 王敏", DemoNetwork.CQHCWC, StaffRole.SYSTEM_ADMIN, "500000"),
                new S("cqfy-doctor", "产科 陈静医生", DemoNetwork.CQHCWC, StaffRole.CLINICIAN, null),
                new S("cqfy-midwife", "助产士 刘芳", DemoNetwork.CQHCWC, StaffRole.MIDWIFE_NURSE, null),
                new S("cqfy-admin", "医务科 张伟", DemoNetwork.CQHCWC, StaffRole.INSTITUTION_ADMIN, null),
                new S("hc-doctor", "社区医生 杨丽", "CHC-500117-1", StaffRole.CLINICIAN, null),
                new S("etyy-doctor", "儿科 赵强医生", DemoNetwork.CHILDRENS, StaffRole.CLINICIAN, null),
                new S("official-jb", "江北区妇幼科 周平", "MCH-500105", StaffRole.REGIONAL_OFFICIAL, "500105"),
                new S("official-cq", "市卫健委妇幼处 吴涛", DemoNetwork.CQHCWC, StaffRole.REGIONAL_OFFICIAL, "500000"));
        for (S u : users) {
            staff.create(new StaffAccounts.NewAccount(u.user(), hash, u.name(), u.inst(), u.role(), u.area()));
        }
    }

    /** A fixed family at CQHCWC: a woman, her partner and their daughter. */
    private void showcase() {
        UUID centre = institutions.get(DemoNetwork.CQHCWC).id();
        UUID woman = insert("李", "秀英", 'F', LocalDate.of(1992, 3, 15), SHOWCASE_ID_NUMBER, "13883001234", "500112", centre);
        UUID partner = insert("王", "磊", 'M', LocalDate.of(1990, 8, 2),
                ResidentIdNumber.compose("500105", LocalDate.of(1990, 8, 2), 317), "13983005678", "500105", centre);
        UUID child = insert("王", "小雨", 'F', cn.fuyou.shared.ChinaTime.today(clock).minusMonths(7),
                ResidentIdNumber.compose("500112", cn.fuyou.shared.ChinaTime.today(clock).minusMonths(7), 42), null, "500112", centre);
        jdbc.sql("insert into person_link (id, person_id, related_person_id, kind, created_by) values (?, ?, ?, 'PARTNER_OF', 'demo'), (?, ?, ?, 'MOTHER_OF', 'demo')")
                .params(UUID.randomUUID(), woman, partner, UUID.randomUUID(), woman, child).update();
    }

    private UUID insert(String family, String given, char sex, LocalDate birth, String idNumber, String phone, String area, UUID at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone,
                                    address_area_code, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, 'RESIDENT_ID', ?, ?, ?, ?, 'demo', 'demo')""")
                .params(id, family, given, family + given, String.valueOf(sex), birth, idNumber, phone, area, at).update();
        jdbc.sql("insert into person_institution (person_id, institution_id, reason) values (?, ?, 'REGISTERED')").params(id, at).update();
        return id;
    }
}
