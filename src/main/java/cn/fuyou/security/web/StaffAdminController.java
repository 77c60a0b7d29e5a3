package cn.fuyou.security.web;

import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.security.ApiTokens;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts and integration tokens. A system admin manages everyone; an institution admin
 * manages the clinical staff of her own institution (never admins or officials).
 */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'INSTITUTION_ADMIN')")
class StaffAdminController {

    private static final List<StaffRole> INSTITUTION_ADMIN_MAY_CREATE = List.of(StaffRole.CLINICIAN, StaffRole.MIDWIFE_NURSE);

    private final StaffAccounts staff;
    private final Institutions institutions;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final cn.fuyou.security.CdsClients cdsClients;

    StaffAdminController(StaffAccounts staff, Institutions institutions, PasswordEncoder encoder, ApiTokens tokens,
                         cn.fuyou.security.CdsClients cdsClients) {
        this.staff = staff;
        this.institutions = institutions;
        this.encoder = encoder;
        this.tokens = tokens;
        this.cdsClients = cdsClients;
    }

    @GetMapping("/api/admin/staff")
    List<StaffAccounts.Listed> list() {
        Actor actor = CurrentActor.get();
        return staff.list(actor.isSystemAdmin() ? null : actor.institutionCode());
    }

    record NewStaff(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "用户名为3–64位小写字母、数字、.、_、- / username: 3–64 of a–z 0–9 . _ -") String username,
                    @NotBlank(message = "姓名必填 / display name is required") @Size(max = 60) String displayName,
                    @NotBlank(message = "机构必填 / institution is required") String institutionCode,
                    @NotNull(message = "角色必填 / role is required") StaffRole role, String areaCode,
                    @NotBlank @Size(min = 12, max = 128, message = "密码至少12位 / a password has at least 12 characters") String password) {}

    @PostMapping("/api/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, String> create(@Valid @RequestBody NewStaff s) {
        Actor actor = CurrentActor.get();
        if (!actor.isSystemAdmin() && (!s.institutionCode().equals(actor.institutionCode()) || !INSTITUTION_ADMIN_MAY_CREATE.contains(s.role()))) {
            throw ApiException.forbidden("机构管理员只能为本机构创建医生或助产士/护士 / an institution admin creates clinicians and midwives of her own institution");
        }
        if (staff.find(s.username()).isPresent()) throw ApiException.conflict("duplicate-username", "用户名已存在 / username taken", Map.of());
        staff.create(new StaffAccounts.NewAccount(s.username(), encoder.encode(s.password()), s.displayName(), s.institutionCode(), s.role(), s.areaCode()));
        return Map.of("username", s.username());
    }

    record Enabled(boolean enabled) {}

    /**
     * Disabling ends the user's sessions at once (SessionRevocation). An institution admin manages
     * only the clinicians and midwives of her own institution — never admins, officials or herself.
     */
    @PostMapping("/api/admin/staff/{username}/enabled")
    void enable(@PathVariable String username, @RequestBody Enabled e) {
        Actor actor = CurrentActor.get();
        var account = staff.find(username).orElseThrow(() -> ApiException.notFound("staff user", username));
        if (!actor.isSystemAdmin() && (!account.institutionCode().equals(actor.institutionCode())
                || !INSTITUTION_ADMIN_MAY_CREATE.contains(account.role()))) {
            throw ApiException.forbidden("机构管理员只能管理本机构的医生和助产士/护士 / an institution admin manages the clinicians and midwives of her own institution");
        }
        if (account.username().equals(actor.username()) && !e.enabled()) {
            throw ApiException.forbidden("不能停用自己的账号 / you cannot disable your own account");
        }
        staff.setEnabled(username, e.enabled());
    }

    record NewCdsClient(@NotBlank(message = "iss必填 / iss is required") String iss, @NotBlank String name,
                        @NotBlank String institutionCode, @NotNull(message = "jwks必填 / jwks is required") Map<String, Object> jwks) {}

    /** Registers an EMR as a CDS Hooks client: its issuer and the public keys it signs with. */
    @PostMapping("/api/admin/cds-clients")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    Map<String, Object> cdsClient(@Valid @RequestBody NewCdsClient c) throws com.fasterxml.jackson.core.JsonProcessingException {
        var inst = institutions.get(c.institutionCode());
        return Map.of("id", cdsClients.register(c.iss(), c.name(), inst.id(), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(c.jwks())));
    }

    record NewToken(@NotBlank(message = "名称必填 / name is required") String name, @NotBlank String institutionCode,
                    @NotNull StaffRole role,
                    @NotNull(message = "有效期必填 / an expiry is required") @Future(message = "有效期须在将来 / the expiry must be in the future") OffsetDateTime expiresAt) {}

    @GetMapping("/api/admin/tokens")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<ApiTokens.Listed> tokens() {
        return tokens.list();
    }

    /** Revoked at once: the next call with the token is 401. */
    @PostMapping("/api/admin/tokens/{id}/revoke")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void revokeToken(@PathVariable java.util.UUID id) {
        tokens.revoke(id);
    }

    @GetMapping("/api/admin/cds-clients")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<cn.fuyou.security.CdsClients.Listed> cdsClientList() {
        return cdsClients.list();
    }

    @PostMapping("/api/admin/cds-clients/{id}/revoke")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void revokeCdsClient(@PathVariable java.util.UUID id) {
        cdsClients.revoke(id);
    }

    /** An integration token; its secret is shown in this response only. */
    @PostMapping("/api/admin/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    Map<String, Object> token(@Valid @RequestBody NewToken t) {
        var inst = institutions.get(t.institutionCode());
        var issued = tokens.issue(t.name(), inst.id(), t.role(), t.expiresAt());
        return Map.of("id", issued.id(), "token", issued.token(), "shownOnce", true);
    }
}
