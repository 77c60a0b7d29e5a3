package cn.fuyou.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Source: issue 13 §1 and §3 — the child-health module's nursery training events become training sessions; nursery staff certificates shown by training. */
class NurseryTrainingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("V91 moves legacy TRAINING guidance events (with attendees) into a course, a held session and attended enrolments; free clinics stay; running it again moves nothing twice")
    void migrationMovesLegacyTrainings() throws Exception {
        UUID centre = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        UUID nursery = jdbc.sql("select id from institution where code = 'NUR-1'").query(UUID.class).single();
        jdbc.sql("insert into nursery (institution_id, licence_number, capacity, changed_by) values (?, 'L-1', 50, 't') on conflict do nothing")
                .param(nursery).update();
        UUID training = UUID.randomUUID(), clinic = UUID.randomUUID();
        jdbc.sql("insert into guidance_event (id, kind, title, held_on, place, institution_id, created_by) values (?, 'TRAINING', '托育机构保育人员传染病防控培训（旧）', ?, '指导中心', ?, 'legacy')")
                .params(training, TODAY.minusMonths(2), centre).update();
        jdbc.sql("insert into guidance_event (id, kind, title, held_on, place, institution_id, created_by) values (?, 'FREE_CLINIC', '社区义诊（旧）', ?, '江北', ?, 'legacy')")
                .params(clinic, TODAY.minusMonths(1), centre).update();
        jdbc.sql("insert into guidance_attendance (event_id, attendee, nursery_id) values (?, '旧保育员甲', ?), (?, '旧保育员乙', null), (?, '义诊志愿者', null)")
                .params(training, nursery, training, clinic).update();

        for (int run = 0; run < 2; run++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V91__nursery_training_to_training.sql"));
                c.commit();
            }
        }
        assertThat(jdbc.sql("select count(*) from guidance_event where id = ?").param(training).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from guidance_event where id = ?").param(clinic).query(Long.class).single()).isEqualTo(1);
        UUID course = jdbc.sql("select id from training_course where title = '托育机构保育人员传染病防控培训（旧）'").query(UUID.class).single();
        assertThat(jdbc.sql("select origin from training_course where id = ?").param(course).query(String.class).single()).isEqualTo("NURSERY_GUIDANCE");
        var session = jdbc.sql("select id, starts_on, enrolled, capacity from training_session where course_id = ?").param(course)
                .query((rs, n) -> List.of(rs.getObject(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4))).single();
        assertThat(session.get(1)).isEqualTo(TODAY.minusMonths(2));
        assertThat(session.get(2)).isEqualTo(2);
        assertThat(jdbc.sql("""
                select w.full_name || '@' || i.code from training_enrolment e join training_worker w on w.id = e.worker_id join institution i on i.id = w.institution_id
                 where e.session_id = ? and e.status = 'ATTENDED' order by 1""").param(session.get(0)).query(String.class).list())
                .containsExactly("旧保育员乙@CQHCWC", "旧保育员甲@NUR-1");
    }

    @Test
    @DisplayName("the nursery page's training events are recorded as training sessions; nursery staff certificates appear on the renewal worklist")
    void nurseryEventsAreTrainingSessions() {
        ApiClient centre = signIn("cqfy-admin");
        var r = centre.post("/api/nurseries/events", Map.of("kind", "TRAINING", "title", "婴幼儿照护：回应性照护培训", "heldOn", TODAY.minusDays(3).toString(),
                "place", "指导中心二楼", "attendance", List.of(Map.of("name", "保育员周敏", "nurseryCode", "NUR-2"), Map.of("name", "保育员吴倩"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String session = r.text("/id");
        var events = centre.get("/api/nurseries/events");
        assertThat(events.body().toString()).contains("婴幼儿照护：回应性照护培训").contains(session);
        var s = centre.get("/api/training/sessions/" + session);
        assertThat(s.at("/participants").size()).isEqualTo(2);
        assertThat(s.at("/participants/0/status").asText()).isEqualTo("ATTENDED");
        assertThat(centre.get("/api/training/courses?q=回应性照护").at("/items/0/origin").asText()).isEqualTo("NURSERY_GUIDANCE");
        // free clinics stay in child health
        assertThat(centre.post("/api/nurseries/events", Map.of("kind", "FREE_CLINIC", "title", "托育园儿童义诊", "heldOn", TODAY.toString())).status())
                .isEqualTo(201);

        UUID nursery = jdbc.sql("select id from institution where code = 'NUR-3'").query(UUID.class).single();
        jdbc.sql("insert into nursery (institution_id, licence_number, capacity, changed_by) values (?, 'L-3', 80, 't') on conflict do nothing")
                .param(nursery).update();
        jdbc.sql("insert into nursery_staff (id, nursery_id, name, role, certificates, created_by) values (?, ?, '保健员郑洁', '保健员', cast(? as jsonb), 't')")
                .params(UUID.randomUUID(), nursery, "[{\"title\":\"托幼机构卫生保健人员培训合格证\",\"issuedOn\":\"" + TODAY.minusYears(3).plusDays(20)
                        + "\",\"expiresOn\":\"" + TODAY.plusDays(20) + "\"}]").update();
        var expiring = signIn("admin").get("/api/training/certificates/expiring?days=90&q=郑洁");
        assertThat(expiring.at("/total").asInt()).isEqualTo(1);
        assertThat(expiring.at("/items/0/source").asText()).isEqualTo("NURSERY");
        assertThat(expiring.at("/items/0/daysLeft").asInt()).isEqualTo(20);
        assertThat(expiring.at("/items/0/institution/code").asText()).isEqualTo("NUR-3");
    }
}
