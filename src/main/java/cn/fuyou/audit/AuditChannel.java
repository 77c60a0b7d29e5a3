package cn.fuyou.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The channel a person's data left through, named in every audit row (issue 15 §5): the UI's API,
 * FHIR, CDS Hooks, an export (bulk $export, CSV downloads), the mother's app, or batch work with no
 * request (imports, scheduled jobs).
 */
enum AuditChannel {
    UI_API, FHIR, CDS, EXPORT, APP, BATCH;

    static String of(AuditRecord r, HttpServletRequest request) {
        if (r.detail() != null && r.detail().get(AuditRecord.CHANNEL) != null) return r.detail().get(AuditRecord.CHANNEL).toString();
        return of(request).name();
    }

    static AuditChannel of(HttpServletRequest request) {
        if (request == null) return BATCH;
        String path = request.getRequestURI();
        if (path.contains("$export") || path.startsWith("/fhir/export") || path.endsWith(".csv") || path.startsWith("/api/exports")) return EXPORT;
        if (path.startsWith("/fhir")) return FHIR;
        if (path.startsWith("/cds-services")) return CDS;
        if (path.startsWith("/api/app/") || path.startsWith("/api/mother/")) return APP;
        return UI_API;
    }
}
