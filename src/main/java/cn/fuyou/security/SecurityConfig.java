package cn.fuyou.security;

import cn.fuyou.security.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The UI signs in with a session cookie and sends the XSRF-TOKEN cookie back as a header (CSRF);
 * integrations send a bearer token and are stateless (no cookie, so no CSRF risk). Calculators,
 * the critical-care directory and FHIR metadata are public, as the issues require.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /** The access tables of every module ({@code access/*.json} on the class path). */
    @Bean
    AccessPolicy accessPolicy(@org.springframework.beans.factory.annotation.Value("${fuyou.demo.enabled:false}") boolean demo) {
        return AccessPolicy.load(demo);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokenFilter tokens, SessionRevocation revocation, ProblemResponses problems,
                            AccessPolicyCheck policyCheck,
                            @org.springframework.beans.factory.annotation.Value("${fuyou.https:false}") boolean https) throws Exception {
        CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        if (https) csrfCookies.setCookieCustomizer(c -> c.secure(true));
        http
            .csrf(csrf -> csrf
                    .csrfTokenRepository(csrfCookies)
                    .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                    // Bearer-token and public calculator calls carry no session cookie to forge.
                    .ignoringRequestMatchers(r -> r.getHeader("Authorization") != null)
                    .ignoringRequestMatchers("/api/calculators/**", "/cds-services/**"))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            .addFilterBefore(tokens, BasicAuthenticationFilter.class)
            .addFilterBefore(revocation, ApiTokenFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .securityContext(c -> c.securityContextRepository(securityContextRepository()))
            .headers(h -> h
                    // fuyou.https=true (served over HTTPS, possibly behind a TLS proxy): HSTS on every response
                    .httpStrictTransportSecurity(hsts -> {
                        if (https) hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(31_536_000).includeSubDomains(true);
                        else hsts.disable();
                    })
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .contentSecurityPolicy(c -> c.policyDirectives(
                            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:")))
            .authorizeHttpRequests(a -> a
                    // Issue 15 §1: one policy table per module (access/<module>.json) decides, for every endpoint of the
                    // UI API, FHIR and CDS Hooks, which roles at which institution types may call it — before the body
                    // is read; each service then checks the caller's right to the target record.
                    // Issue 12: the mother's app session is the subject MOTHER of the same tables (access/mother.json names her
                    // app's endpoints); nothing else names her, so she reaches no staff API, FHIR, CDS or actuator (403, audited).
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/api/**", "/fhir", "/fhir/**", "/cds-services", "/cds-services/**", "/actuator/**").access(policyCheck)
                    .anyRequest().permitAll())
            .exceptionHandling(e -> e
                    .authenticationEntryPoint(problems::unauthenticated)
                    .accessDeniedHandler(problems::denied))
            .formLogin(f -> f.disable())
            .httpBasic(b -> b.disable())
            .logout(l -> l.disable());
        return http.build();
    }

    /** With fuyou.https=true the session cookie is Secure as well (the XSRF cookie is set above). */
    @Bean
    org.springframework.boot.web.servlet.ServletContextInitializer secureSessionCookie(
            @org.springframework.beans.factory.annotation.Value("${fuyou.https:false}") boolean https) {
        return ctx -> {
            if (https) ctx.getSessionCookieConfig().setSecure(true);
        };
    }

    /**
     * Only staff and mother sign-ins live in a session: a bearer token or CDS JWT authenticates one request and
     * is never saved (else a cookie from a token call would outlive the token's revocation).
     */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository() {
            @Override
            public void saveContext(org.springframework.security.core.context.SecurityContext context, HttpServletRequest request,
                                    HttpServletResponse response) {
                if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof cn.fuyou.shared.Actor a
                        && (a.username().startsWith("token:") || a.username().startsWith("cds:"))) {
                    return;
                }
                super.saveContext(context, request, response);
            }
        };
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can be changed without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Spring Security's documented handler for single-page apps: BREACH-safe tokens, raw cookie value accepted. */
    static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            xor.handle(request, response, csrfToken);
            csrfToken.get();
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
        }
    }

    /** Makes sure the XSRF-TOKEN cookie is issued on every response, so the SPA always has one. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) token.getToken();
            chain.doFilter(request, response);
        }
    }
}
