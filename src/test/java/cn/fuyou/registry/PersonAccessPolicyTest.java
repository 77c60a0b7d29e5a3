package cn.fuyou.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 2 §4 — who sees a person's record. */
class PersonAccessPolicyTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static Actor actor(StaffRole role, UUID institution, String area) {
        return new Actor("u", "u", role, institution, "X", area);
    }

    private static PersonAccessPolicy.Facts facts(Set<UUID> entitled, String address, Set<String> areas, boolean glass) {
        return new PersonAccessPolicy.Facts(entitled, address, areas, glass);
    }

    @Test
    @DisplayName("a clinician sees persons registered at, cared for at or referred to her institution")
    void clinicianOwnInstitution() {
        var d = PersonAccessPolicy.decide(actor(StaffRole.CLINICIAN, MINE, null), facts(Set.of(MINE, OTHER), "500105", Set.of(), false));
        assertThat(d.allowed()).isTrue();
        assertThat(d.basis()).isEqualTo(PersonAccessPolicy.Basis.INSTITUTION);
    }

    @Test
    @DisplayName("a clinician of another institution is refused")
    void clinicianOtherInstitution() {
        var d = PersonAccessPolicy.decide(actor(StaffRole.MIDWIFE_NURSE, MINE, null), facts(Set.of(OTHER), "500105", Set.of(), false));
        assertThat(d.allowed()).isFalse();
    }

    @Test
    @DisplayName("break-the-glass opens the record and is marked as such")
    void breakGlass() {
        var d = PersonAccessPolicy.decide(actor(StaffRole.CLINICIAN, MINE, null), facts(Set.of(OTHER), "500105", Set.of(), true));
        assertThat(d.allowed()).isTrue();
        assertThat(d.breakGlass()).isTrue();
    }

    @Test
    @DisplayName("a regional official sees persons living in her area, not elsewhere, whatever the institution")
    void regionalOfficial() {
        Actor official = actor(StaffRole.REGIONAL_OFFICIAL, MINE, "500105");
        assertThat(PersonAccessPolicy.decide(official, facts(Set.of(OTHER), "500105", Set.of("500105"), false)).basis())
                .isEqualTo(PersonAccessPolicy.Basis.AREA);
        assertThat(PersonAccessPolicy.decide(official, facts(Set.of(MINE), "500117", Set.of("500105"), false)).allowed())
                .as("her own institution does not widen an official's scope").isFalse();
    }

    @Test
    @DisplayName("a system admin sees everyone")
    void systemAdmin() {
        assertThat(PersonAccessPolicy.decide(actor(StaffRole.SYSTEM_ADMIN, MINE, null), facts(Set.of(), null, Set.of(), false)).allowed())
                .isTrue();
    }
}
