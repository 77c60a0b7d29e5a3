package cn.fuyou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
     * linked from the README.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path target = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(target.toString()))
                .writeDocumentation(Documenter.DiagramOptions.defaults(), Documenter.CanvasOptions.defaults());
        Path docs = Path.of("docs", "modules");
        Files.createDirectories(docs);
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.toList()) Files.copy(f, docs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(docs.resolve("components.puml")).exists();
        assertThat(docs.resolve("module-maternal.adoc")).exists();
    }
}
