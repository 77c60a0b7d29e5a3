package cn.fuyou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** DESIGN.md: package-by-module; a module's root package is its API, web/ and internal/ are private. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FuyouApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        MODULES.verify();
    }

    /**
     * The module documentation (Spring Modulith's Documenter: a C4 component diagram of all modules,
     * one diagram and one canvas per module) is written by every build into
     * {@code target/spring-modulith-docs} and copied to {@code docs/modules}, which is committed and
     * linked from the README. The Documenter lists a diagram's relations in no fixed order, so they
     * are sorted, and a file is rewritten only when its content changed: a build leaves the checkout
     * clean unless the modules really changed.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path target = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(target.toString()))
                .writeDocumentation(Documenter.DiagramOptions.defaults(), Documenter.CanvasOptions.defaults());
        Path docs = Path.of("docs", "modules");
        Files.createDirectories(docs);
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.toList()) {
                String text = deterministic(Files.readString(f));
                Path out = docs.resolve(f.getFileName());
                if (!Files.exists(out) || !Files.readString(out).equals(text)) Files.writeString(out, text);
            }
        }
        assertThat(docs.resolve("components.puml")).exists();
        assertThat(docs.resolve("module-maternal.adoc")).exists();
    }

    /** Each run of {@code Rel(...)} lines sorted; everything else as written. */
    static String deterministic(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j < lines.size() && lines.get(j).startsWith("Rel(")) j++;
            if (j > i + 1) Collections.sort(lines.subList(i, j));
            i = Math.max(j, i + 1);
        }
        return String.join("\n", lines);
    }

    @Test
    void moduleDocumentationIsDeterministic() {
        assertThat(deterministic("a\nRel(b)\nRel(a)\nx\nRel(d)\nRel(c)\n"))
                .isEqualTo(deterministic("a\nRel(a)\nRel(b)\nx\nRel(c)\nRel(d)\n"))
                .isEqualTo("a\nRel(a)\nRel(b)\nx\nRel(c)\nRel(d)\n");
    }
}
