package cn.fuyou.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 16 §12 — the README's import command works outside the demo profile (no CQHCWC there). */
class ImportCommandTest {

    private static Institution inst(String code) {
        return new Institution(UUID.randomUUID(), code, code, code, "500000", null, null, null, 3, InstitutionType.MCH_INSTITUTE,
                List.of(), List.of(), null, 0);
    }

    @Test
    @DisplayName("without the demo network and without --fuyou.import.institution, the platform institution of the first start is used")
    void outsideTheDemo() {
        Map<String, Institution> installed = Map.of("PLATFORM", inst("PLATFORM"));
        assertThat(ImportCommand.choose("", c -> Optional.ofNullable(installed.get(c))).code()).isEqualTo("PLATFORM");
        assertThat(ImportCommand.choose(null, c -> Optional.ofNullable(installed.get(c))).code()).isEqualTo("PLATFORM");
    }

    @Test
    @DisplayName("the demo network's CQHCWC when it exists; a named institution always; an unknown name is refused by name")
    void named() {
        Map<String, Institution> installed = Map.of("PLATFORM", inst("PLATFORM"), "CQHCWC", inst("CQHCWC"), "CHC-1", inst("CHC-1"));
        assertThat(ImportCommand.choose("", c -> Optional.ofNullable(installed.get(c))).code()).isEqualTo("CQHCWC");
        assertThat(ImportCommand.choose(" CHC-1 ", c -> Optional.ofNullable(installed.get(c))).code()).isEqualTo("CHC-1");
        assertThatThrownBy(() -> ImportCommand.choose("NOPE", c -> Optional.ofNullable(installed.get(c))))
                .hasMessageContaining("NOPE");
    }
}
