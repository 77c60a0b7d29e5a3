package cn.fuyou.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Source: issue 5 — Done when: a test imports Synthea-generated bundles (generated during the test
 * run, not committed: ../shared/tools/synthea-women, Synthea 3.3.0) and finds graded pregnancies;
 * a second run resumes without duplicates.
 */
class SyntheaImportTest extends IntegrationTest {

    @Autowired BulkImport imports;
    @Autowired Institutions institutions;
    @Autowired JdbcClient jdbc;

    static Path synthea(int patients) throws Exception {
        Path out = Path.of("target", "synthea-" + patients);
        if (Files.isDirectory(out.resolve("fhir")) && Files.list(out.resolve("fhir")).findAny().isPresent()) return out.resolve("fhir");
        Path script = Path.of("..", "shared", "tools", "synthea-women");
        Process p = new ProcessBuilder("bash", script.toString(), out.toAbsolutePath().toString(), Integer.toString(patients))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "synthea.log").toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("synthea-women finished").isTrue();
        assertThat(p.exitValue()).as("synthea-women exit code, see target/synthea.log").isZero();
        return out.resolve("fhir");
    }

    @Test
    @DisplayName("Synthea women are imported: pregnancies become fuyou pregnancies and are graded; re-running creates nothing new")
    void importSynthea() throws Exception {
        Path dir = synthea(5);
        var cq = institutions.get("CQHCWC");
        Actor actor = new Actor("import", "test import", StaffRole.SYSTEM_ADMIN, cq.id(), cq.code(), cq.areaCode());
        var job = imports.runNow(dir, actor, j -> { });
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.filesDone()).isEqualTo(job.filesTotal());
        assertThat(imports.rejected(job.id())).as("rejected files").isEmpty();
        assertThat(job.resourcesDone()).isGreaterThan(1000);

        long persons = jdbc.sql("select count(*) from person where id_type = 'EXTERNAL'").query(Long.class).single();
        long pregnancies = jdbc.sql("select count(*) from pregnancy p join person w on w.id = p.woman_id where w.id_type = 'EXTERNAL'")
                .query(Long.class).single();
        long graded = jdbc.sql("""
                select count(distinct g.pregnancy_id) from risk_grading g join pregnancy p on p.id = g.pregnancy_id
                  join person w on w.id = p.woman_id where w.id_type = 'EXTERNAL'""").query(Long.class).single();
        assertThat(persons).isGreaterThanOrEqualTo(5);
        assertThat(pregnancies).as("Synthea pregnancies imported").isPositive();
        assertThat(graded).as("every imported pregnancy graded").isEqualTo(pregnancies);

        var again = imports.runNow(dir, actor, j -> { });
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from person where id_type = 'EXTERNAL'").query(Long.class).single()).isEqualTo(persons);
        assertThat(jdbc.sql("select count(*) from pregnancy p join person w on w.id = p.woman_id where w.id_type = 'EXTERNAL'")
                .query(Long.class).single()).isEqualTo(pregnancies);
    }
}
