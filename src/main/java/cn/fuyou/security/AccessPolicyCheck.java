package cn.fuyou.security;

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
 * a new endpoint is closed until its module declares it.
 */
@Component
class AccessPolicyCheck implements AuthorizationManager<RequestAuthorizationContext> {

    static final String DENIED = cn.fuyou.security.web.ProblemResponses.POLICY_DENIED;
    private static final Logger log = LoggerFactory.getLogger(AccessPolicyCheck.class);

    private final AccessPolicy policy;
    private final Institutions institutions;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    /** An institution's type is fixed at creation in practice (a change needs a restart to take effect here). */
    private final Map<UUID, Optional<InstitutionType>> types = new ConcurrentHashMap<>();
    private volatile List<PathPattern> unclassified;

    AccessPolicyCheck(AccessPolicy policy, Institutions institutions, @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                      ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.policy = policy;
        this.institutions = institutions;
        this.mappings = mappings;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> auth, RequestAuthorizationContext ctx) {
        HttpServletRequest r = ctx.getRequest();
        String path = r.getRequestURI().substring(r.getContextPath().length());
        if ("OPTIONS".equals(r.getMethod())) return new AuthorizationDecision(signedIn(auth.get()));
        Optional<AccessPolicy.Endpoint> e = policy.match(r.getMethod(), path);
        if (e.isEmpty()) {
            if (isUnclassifiedEndpoint(r.getMethod(), path)) {
                log.error("no access policy for {} {}: refused (declare it in access/<module>.json)", r.getMethod(), path);
                r.setAttribute(DENIED, "access-policy-missing");
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(signedIn(auth.get())); // no such endpoint: 401 or the 404 that follows
        }
        boolean ok = policy.allows(subject(auth.get()), e.get());
        if (!ok) r.setAttribute(DENIED, e.get().action().key());
        return new AuthorizationDecision(ok);
    }

    private static boolean signedIn(Authentication a) {
        return a != null && a.isAuthenticated() && a.getPrincipal() instanceof Actor;
    }

    AccessPolicy.Subject subject(Authentication a) {
        if (!signedIn(a)) return AccessPolicy.Subject.ANONYMOUS;
        Actor actor = (Actor) a.getPrincipal();
        if (actor.username().startsWith("token:") || actor.username().startsWith("cds:")) return AccessPolicy.Subject.token();
        InstitutionType type = actor.institutionId() == null ? null
                : types.computeIfAbsent(actor.institutionId(), id -> institutions.findById(id).map(Institution::type)).orElse(null);
        return AccessPolicy.Subject.staff(actor.role(), type);
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
