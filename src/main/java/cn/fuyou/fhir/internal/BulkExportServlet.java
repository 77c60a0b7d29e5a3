package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.BulkExport;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR Bulk Data async pattern: GET /fhir/$export (Prefer: respond-async) → 202 with
 * Content-Location; GET /fhir/bulk-status/{id} → 202 while running, then the manifest; the NDJSON
 * files under /fhir/bulk-files/{id}/{Type}.ndjson. Exact and longer servlet mappings win over /fhir/*.
 */
class BulkExportServlet extends HttpServlet {

    private final BulkExport exports;
    private final ObjectMapper json;

    BulkExportServlet(BulkExport exports, ObjectMapper json) {
        this.exports = exports;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (path.equals("/fhir/$export")) kickOff(req, res);
            else if (path.startsWith("/fhir/bulk-status/")) status(UUID.fromString(path.substring("/fhir/bulk-status/".length())), req, res);
            else if (path.startsWith("/fhir/bulk-files/")) file(path.substring("/fhir/bulk-files/".length()), res);
            else res.sendError(404);
        } catch (ApiException e) {
            res.setStatus(e.status().value());
            res.setContentType("application/fhir+json");
            res.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\",\"diagnostics\":"
                    + json.writeValueAsString(e.getMessage()) + "}]}");
        } catch (IllegalArgumentException e) {
            res.sendError(400, e.getMessage());
        }
    }

    private void kickOff(HttpServletRequest req, HttpServletResponse res) {
        String prefer = req.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) throw ApiException.badField("Prefer", "$export needs Prefer: respond-async");
        String type = req.getParameter("_type");
        if (type != null) {
            for (String t : type.split(",")) if (!BulkExport.TYPES.contains(t.trim())) throw ApiException.badField("_type", "unsupported type " + t);
        }
        var e = exports.start(req.getParameter("institution"), req.getParameter("area"), req.getRequestURL() + "?" + req.getQueryString());
        res.setStatus(202);
        res.setHeader("Content-Location", base(req) + "/fhir/bulk-status/" + e.id());
    }

    private void status(UUID id, HttpServletRequest req, HttpServletResponse res) throws IOException {
        var e = exports.status(id);
        if ("RUNNING".equals(e.status())) {
            res.setStatus(202);
            res.setHeader("X-Progress", "in progress");
            res.setHeader("Retry-After", "2");
            return;
        }
        if ("FAILED".equals(e.status())) throw new ApiException(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "export-failed",
                "export failed: " + e.error(), List.of(), Map.of());
        List<Map<String, Object>> output = new ArrayList<>();
        for (String t : BulkExport.TYPES) {
            output.add(Map.of("type", t, "url", base(req) + "/fhir/bulk-files/" + id + "/" + t + ".ndjson", "count", e.counts().getOrDefault(t, 0)));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("transactionTime", e.transactionTime().toString());
        manifest.put("request", e.request());
        manifest.put("requiresAccessToken", true);
        manifest.put("output", output);
        manifest.put("error", List.of());
        res.setStatus(200);
        res.setContentType("application/json");
        json.writeValue(res.getOutputStream(), manifest);
    }

    private void file(String rest, HttpServletResponse res) throws IOException {
        String[] parts = rest.split("/");
        if (parts.length != 2 || !parts[1].endsWith(".ndjson")) throw ApiException.notFound("export file", rest);
        var path = exports.file(UUID.fromString(parts[0]), parts[1].substring(0, parts[1].length() - ".ndjson".length()));
        res.setContentType("application/fhir+ndjson");
        Files.copy(path, res.getOutputStream());
    }

    private static String base(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ServletRegistrationBean<BulkExportServlet> bulkExportServlet(BulkExport exports, ObjectMapper json) {
            var bean = new ServletRegistrationBean<>(new BulkExportServlet(exports, json), "/fhir/$export", "/fhir/bulk-status/*", "/fhir/bulk-files/*");
            bean.setName("fhir-bulk-export");
            return bean;
        }
    }
}
