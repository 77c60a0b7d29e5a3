package cn.fuyou.security;

import cn.fuyou.shared.StaffRole;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

final class Authorities {

    private Authorities() {}

    static List<GrantedAuthority> of(StaffRole role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
}
