package cn.fuyou.maternal.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only ({@code fuyou.demo.pregnancies} > 0): open pregnancies with antenatal contacts
 * and gradings for demo women, streamed with COPY — benchmarks load 200,000 pregnancies and
 * 2,000,000 contacts this way. It reads the registry's person table directly: demo loading, not a
 * module API path.
 */
@Component
class DemoPregnancies {

    private static final Logger log = LoggerFactory.getLogger(DemoPregnancies.class);
    private static final String[] COLOURS = {"GREEN", "GREEN", "GREEN", "GREEN", "YELLOW", "YELLOW", "YELLOW", "ORANGE", "RED"};

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final long count;
    private final long seed;

    private final java.time.Clock clock;

    DemoPregnancies(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx,
                    @Value("${fuyou.demo.enabled:false}") boolean enabled,
                    @Value("${fuyou.demo.pregnancies:0}") long count, @Value("${fuyou.demo.seed:1}") long seed, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.enabled = enabled;
        this.count = count;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void load() {
        if (!enabled || count <= 0 || jdbc.sql("select count(*) from pregnancy").query(Long.class).single() > 0) return;
        long t0 = System.currentTimeMillis();
        record Woman(UUID id, UUID institution) {}
        List<Woman> women = jdbc.sql("""
                select id, registered_institution_id as institution from person
                 where sex = 'F' and birth_date between current_date - interval '45 years' and current_date - interval '18 years'
                   and merged_into is null order by id limit ?""")
                .param(count).query(Woman.class).list();
        UUID centre = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        Random rnd = new Random(seed);
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        long contacts = tx.execute(s -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                StringBuilder p = new StringBuilder(), c = new StringBuilder(), g = new StringBuilder();
                long nContacts = 0;
                for (int i = 0; i < women.size(); i++) {
                    Woman w = women.get(i);
                    // Every 40th pregnancy is cared for at CQHCWC: 5,000 of 200,000 (the worklist benchmark).
                    UUID care = i % 40 == 0 ? centre : w.institution();
                    UUID id = new UUID(rnd.nextLong(), rnd.nextLong());
                    int gaToday = 42 + rnd.nextInt(240);
                    LocalDate lmp = today.minusDays(gaToday);
                    String colour = COLOURS[rnd.nextInt(COLOURS.length)];
                    p.append(id).append('\t').append(w.id()).append('\t').append(care).append('\t').append(care).append('\t')
                            .append(lmp.plusDays(40)).append('\t').append(1 + rnd.nextInt(3)).append("\t0\t").append(lmp).append('\t')
                            .append(lmp.plusDays(280)).append("\tLMP\t").append(colour).append('\t').append(rnd.nextInt(40) == 0)
                            .append("\tdemo\tdemo\n");
                    int n = Math.max(1, Math.min(20, (gaToday - 40) / 12));
                    for (int k = 0; k < n; k++) {
                        LocalDate on = lmp.plusDays(40 + (long) k * Math.max(7, (gaToday - 40) / n));
                        c.append(new UUID(rnd.nextLong(), rnd.nextLong())).append('\t').append(id).append('\t').append(care).append('\t')
                                .append(on).append('\t').append((int) java.time.temporal.ChronoUnit.DAYS.between(lmp, on)).append('\t')
                                .append(50 + rnd.nextInt(25)).append('\t').append(100 + rnd.nextInt(30)).append('\t').append(60 + rnd.nextInt(25))
                                .append('\t').append(95 + rnd.nextInt(40)).append("\tdemo\tdemo\n");
                        nContacts++;
                    }
                    g.append(new UUID(rnd.nextLong(), rnd.nextLong())).append('\t').append(id).append('\t').append(care).append("\t3\t")
                            .append(today).append("\tGRADING\t").append(colour).append('\t').append(colour)
                            .append("\tfalse\tfalse\t[]\tNHC-2017-CQ-1\tdemo\n");
                    if ((i + 1) % 10_000 == 0 || i == women.size() - 1) {
                        copy.copyIn("copy pregnancy (id, woman_id, registered_institution_id, care_institution_id, registered_on, gravida, para, lmp, edd, dating_method, colour, purple, created_by, changed_by) from stdin", new StringReader(p.toString()));
                        copy.copyIn("copy antenatal_contact (id, pregnancy_id, institution_id, contact_date, ga_days, weight_kg, systolic, diastolic, hemoglobin_g_per_l, created_by, changed_by) from stdin", new StringReader(c.toString()));
                        copy.copyIn("copy risk_grading (id, pregnancy_id, institution_id, institution_level, assessed_on, stage, computed_colour, colour, purple, screen_positive, factors, rule_set_version, created_by) from stdin", new StringReader(g.toString()));
                        p.setLength(0);
                        c.setLength(0);
                        g.setLength(0);
                    }
                }
                return nContacts;
            } catch (Exception e) {
                throw new IllegalStateException("demo pregnancy load failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        jdbc.sql("""
                update pregnancy p set contact_dates = (select array_agg(c.contact_date order by c.contact_date)
                                                          from antenatal_contact c where c.pregnancy_id = p.id)""").update();
        jdbc.sql("analyze pregnancy").update();
        jdbc.sql("analyze antenatal_contact").update();
        log.info("Demo pregnancies: {} with {} contacts in {} ms", women.size(), contacts, System.currentTimeMillis() - t0);
    }
}
