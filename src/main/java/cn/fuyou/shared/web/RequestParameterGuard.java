package cn.fuyou.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter with a NUL character (U+0000) is refused with 400 naming the parameter, on every
 * channel (API, FHIR, CDS): PostgreSQL text cannot hold it and no real input contains it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestParameterGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bad = null;
        try {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (e.getKey().indexOf('\0') >= 0) bad = "parameter";
                for (String v : e.getValue()) if (v != null && v.indexOf('\0') >= 0) bad = e.getKey();
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            bad = "parameters"; // undecodable query string
        }
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        String field = bad.replace("\\", "\\\\").replace("\"", "\\\"");
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"type\":\"urn:fuyou:problem:invalid-field\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"code\":\"invalid-field\",\"detail\":\"" + field + ": 不允许NUL字符 / contains a NUL character, which is not allowed\","
                + "\"errors\":[{\"field\":\"" + field + "\",\"message\":\"contains a NUL character\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
