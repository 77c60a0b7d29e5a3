package cn.fuyou.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting staff member from the security context (set by the security module). */
public final class CurrentActor {

    /** Used for work the system does itself (migrations, demo data, scheduled jobs). */
    public static final Actor SYSTEM = new Actor("system", "系统 System", StaffRole.SYSTEM_ADMIN, null, null, null);

    private CurrentActor() {}

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor a ? Optional.of(a) : Optional.empty();
    }

    public static Actor get() {
        return find().orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                "unauthenticated", "Sign in first", java.util.List.of(), java.util.Map.of()));
    }

    /** The actor, or {@link #SYSTEM} when nobody is signed in (start-up, batch work). */
    public static Actor orSystem() {
        return find().orElse(SYSTEM);
    }

    /**
     * Runs {@code work} as {@code actor} and restores whoever was acting before: the demo loaders
     * record their data through the modules' own use cases, with the checks a real user meets.
     */
    public static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
