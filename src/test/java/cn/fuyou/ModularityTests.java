package cn.fuyou;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** DESIGN.md: package-by-module; a module's root package is its API, web/ and internal/ are private. */
class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersApis() {
        ApplicationModules.of(FuyouApplication.class).verify();
    }
}
