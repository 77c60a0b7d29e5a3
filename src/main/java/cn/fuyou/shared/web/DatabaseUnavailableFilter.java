package cn.fuyou.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database went away while a request was in a filter (session check, token check) or anywhere
 * else outside a controller: 503 problem+json with Retry-After instead of a 500 error page
 * (issue 15 §6). Controllers' failures are mapped by ApiErrors, FHIR's by FhirErrors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (DatabaseFailure.of(e) != DatabaseFailure.UNAVAILABLE || response.isCommitted()) throw e;
            log.warn("database unavailable: {}", e.toString());
            response.resetBuffer();
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("{\"type\":\"urn:fuyou:problem:database-unavailable\",\"title\":\"Service Unavailable\","
                    + "\"status\":503,\"code\":\"database-unavailable\",\"detail\":\"数据库暂时不可用，请稍后重试 / the database is unavailable for a moment; retry shortly\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
