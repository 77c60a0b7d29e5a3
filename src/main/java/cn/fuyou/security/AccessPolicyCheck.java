package cn.fuyou.security;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The one check of {@link AccessPolicy} for every request to the UI API, FHIR and CDS Hooks, in the
 * security filter chain (before any body is read). A refusal names the module and action it came from
 * ({@code code: "access-policy"}), so that tests and logs tell it apart from a service's record check.
 * A request to a controller endpoint that no table lists is refused ({@code access-policy-missing}):
 * a new endpoint is closed until its module declares it. The mother's app session is one more subject
 * ({@code MOTHER}): the tables admit her where they name her, and nowhere else.
 */
@Component
class AccessPolicyCheck implements AuthorizationManager<RequestAuthorizationContext> {

    static final String DENIED = cn.fuyou.security.web.ProblemResponses.POLICY_DENIED;
    private static final Logger log = LoggerFactory.getLogger(AccessPolicyCheck.class);

    private final AccessPolicy policy;
    private final Institutions institutions;
    private final AuditLog audit;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    /** An institution's type is fixed at creation in practice (a change needs a restart to take effect here). */
    private final Map<UUID, Optional<InstitutionType>> types = new ConcurrentHashMap<>();
    private volatile List<PathPattern> unclassified;

    AccessPolicyCheck(AccessPolicy policy, Institutions institutions, AuditLog audit,
                      @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                      ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.policy = policy;
        this.institutions = institutions;
        this.audit = audit;
        this.mappings = mappings;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> auth, RequestAuthorizationContext ctx) {
        HttpServletRequest r = ctx.getRequest();
        String path = r.getRequestURI().substring(r.getContextPath().length());
        AccessPolicy.Subject who = subject(auth.get());
        if ("OPTIONS".equals(r.getMethod())) return decide(isStaffOrToken(who), who, auth.get(), r, null);
        Optional<AccessPolicy.Endpoint> e = policy.match(r.getMethod(), path);
        if (e.isEmpty()) {
            if (isUnclassifiedEndpoint(r.getMethod(), path)) {
                log.error("no access policy for {} {}: refused (declare it in access/<module>.json)", r.getMethod(), path);
                return decide(false, who, auth.get(), r, "access-policy-missing");
            }
            // no such endpoint (or an actuator path): staff and tokens get the 404 that follows (or the endpoint);
            // anonymous 401; a mother's session 403, as everywhere outside what names her
            return decide(isStaffOrToken(who), who, auth.get(), r, null);
        }
        return decide(policy.allows(who, e.get()), who, auth.get(), r, e.get().action().key());
    }

    private static boolean isStaffOrToken(AccessPolicy.Subject who) {
        return who.kind() == AccessPolicy.Subject.Kind.STAFF || who.kind() == AccessPolicy.Subject.Kind.TOKEN;
    }

    /**
     * A refusal names its source for the 403 ({@code deniedBy}); a mother's refused attempt is audited (issue 12: her
     * session reaching outside her app is a thing to see in the trail, staff refusals are the matrix's everyday answers).
     */
    private AuthorizationDecision decide(boolean ok, AccessPolicy.Subject who, Authentication a, HttpServletRequest r, String deniedBy) {
        if (!ok) {
            if (deniedBy != null) r.setAttribute(DENIED, deniedBy);
            if (who.kind() == AccessPolicy.Subject.Kind.MOTHER) {
                audit.recordFor(new Actor(a.getName(), a.getName(), null, null, null, null), new AuditRecord("ACCESS", "ApiPath",
                        r.getMethod() + " " + r.getRequestURI(), null, false, false, "outside the mother's app", Map.of()));
            }
        }
        return new AuthorizationDecision(ok);
    }

    AccessPolicy.Subject subject(Authentication a) {
        if (a == null || !a.isAuthenticated()) return AccessPolicy.Subject.ANONYMOUS;
        if (a.getPrincipal() instanceof Actor actor) {
            if (actor.username().startsWith("token:") || actor.username().startsWith("cds:")) return AccessPolicy.Subject.token();
            InstitutionType type = actor.institutionId() == null ? null
                    : types.computeIfAbsent(actor.institutionId(), id -> institutions.findById(id).map(Institution::type)).orElse(null);
            return AccessPolicy.Subject.staff(actor.role(), type);
        }
        boolean mother = a.getAuthorities().stream().anyMatch(g -> AccessPolicy.Subject.MOTHER_AUTHORITY.equals(g.getAuthority()));
        return mother ? AccessPolicy.Subject.MOTHER : AccessPolicy.Subject.ANONYMOUS;
    }

    private boolean isUnclassifiedEndpoint(String method, String path) {
        List<PathPattern> u = unclassified;
        if (u == null) {
            u = new ArrayList<>();
            RequestMappingHandlerMapping m = mappings.getIfAvailable();
            if (m != null) {
                for (var info : m.getHandlerMethods().keySet()) {
                    if (info.getPathPatternsCondition() == null) continue;
                    for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                        var methods = info.getMethodsCondition().getMethods();
                        boolean declared = methods.isEmpty() ? false
                                : methods.stream().allMatch(x -> policy.endpoint(x.name() + " " + p.getPatternString()).isPresent());
                        if (!declared) u.add(p);
                    }
                }
            }
            unclassified = List.copyOf(u);
        }
        PathContainer p = PathContainer.parsePath(path);
        return u.stream().anyMatch(x -> x.matches(p));
    }
}
