package cn.fuyou.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Source: issue 16 §8 — "every clinical resource … is kept as received", imported at speed: bundles
 * that stand alone are written side by side; a bundle that names another bundle's Patient is written
 * after it, so it still finds her.
 */
class BulkImportLanesTest extends IntegrationTest {

    @Autowired BulkImport imports;
    @Autowired Institutions institutions;
    @Autowired JdbcClient jdbc;

    private static String patient(String id, String mrn) {
        return "{\"fullUrl\":\"urn:uuid:" + id + "\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","
                + "\"identifier\":[{\"system\":\"urn:test:lanes\",\"value\":\"" + mrn + "\"}],\"name\":[{\"family\":\"Lane\",\"given\":[\"" + mrn
                + "\"]}],\"gender\":\"female\",\"birthDate\":\"1990-05-06\"},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}";
    }

    private static String observation(String id, String subject, String resourceText) {
        return "{\"fullUrl\":\"urn:uuid:" + id + "\",\"resource\":" + resourceText.replace("SUBJECT", subject)
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}";
    }

    private static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /** An Observation written the way a hospital might: keys out of FHIR's order, spacing, a number with trailing zeros. */
    private static String odd(String id) {
        return "{ \"subject\" : {\"reference\":\"SUBJECT\"},\n  \"resourceType\":\"Observation\", \"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
                + "\"effectiveDateTime\":\"2026-03-01\",\"valueQuantity\":{\"value\":61.50,\"unit\":\"kg\"} }";
    }

    @Test
    @DisplayName("twelve bundles of twelve women import side by side; a later bundle naming an earlier bundle's Patient finds her; every resource kept byte for byte")
    void lanes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("lanes");
        for (int i = 0; i < 12; i++) {
            String p = UUID.randomUUID().toString(), o = UUID.randomUUID().toString();
            Files.writeString(dir.resolve("a-" + i + ".json"), bundle(patient(p, run + "-" + i), observation(o, "urn:uuid:" + p, odd(run + "-o" + i))));
        }
        String first = UUID.randomUUID().toString();
        Files.writeString(dir.resolve("b-0.json"), bundle(patient(first, run + "-first")));
        // "Patient/<her id in the source system>": a Patient imported by the bundle before, not by this one
        Files.writeString(dir.resolve("b-1.json"), bundle(observation(UUID.randomUUID().toString(), "Patient/" + first, odd(run + "-later"))));

        var cq = institutions.get("CQHCWC");
        var job = imports.runNow(dir, new Actor("import", "test import", StaffRole.SYSTEM_ADMIN, cq.id(), cq.code(), cq.areaCode()), j -> { });

        assertThat(imports.rejected(job.id())).as("rejected files").isEmpty();
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.filesDone()).isEqualTo(14);
        UUID her = jdbc.sql("select id from person where id_type = 'EXTERNAL' and id_number = ?").param("urn:test:lanes|" + run + "-first")
                .query(UUID.class).single();
        assertThat(jdbc.sql("select person_id from received_resource where source_id = ?").param(run + "-later").query(UUID.class).single())
                .as("the later bundle's Observation is hers").isEqualTo(her);
        List<String> kept = jdbc.sql("select resource::text from received_resource where source_id like ? order by source_id")
                .param(run + "-%").query(String.class).list();
        assertThat(kept).hasSize(13);
        for (String text : kept) {
            assertThat(text).as("kept exactly as received: key order, spacing, 61.50")
                    .startsWith("{ \"subject\" : {\"reference\":\"").contains("\"value\":61.50,").endsWith("} }");
        }
        assertThat(jdbc.sql("select resource::text from received_resource where source_id = ?").param(run + "-later").query(String.class).single())
                .isEqualTo(odd(run + "-later").replace("SUBJECT", "Patient/" + first));
    }
}
