package cn.fuyou.security;

import cn.fuyou.security.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer fy_…} for one request; nothing is kept in a session. */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final CdsClients cdsClients;
    private final ProblemResponses problems;

    ApiTokenFilter(ApiTokens tokens, CdsClients cdsClients, ProblemResponses problems) {
        this.tokens = tokens;
        this.cdsClients = cdsClients;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ") && request.getRequestURI().startsWith("/cds-services/")
                && !header.startsWith("Bearer " + ApiTokens.PREFIX)) {
            // CDS Hooks 2.0: a registered client's signed JWT, audience = this service's URL.
            String audience = request.getRequestURL().toString();
            var actor = cdsClients.verify(header.substring(7).trim(), audience);
            if (actor.isEmpty()) {
                problems.write(response, 401, "invalid-jwt", "CDS Hooks JWT invalid, expired, for another audience or from an unregistered client");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(actor.get(), null, Authorities.of(actor.get().role())));
        } else if (header != null && header.startsWith("Bearer " + ApiTokens.PREFIX)) {
            var actor = tokens.authenticate(header.substring(7).trim());
            if (actor.isEmpty()) {
                problems.write(response, 401, "invalid-token", "令牌无效或已过期 / the token is invalid, revoked or expired");
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(actor.get(), null, Authorities.of(actor.get().role()));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
