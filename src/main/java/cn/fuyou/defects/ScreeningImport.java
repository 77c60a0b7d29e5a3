package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A laboratory's results as CSV (issue 17 §1), all or nothing: each row is stored in a savepoint, every
 * refused row is reported with its line number and field ({@code rows[<line>].<column>}, the header is
 * line 1), and if any row is refused nothing is kept. Columns (header names, any order; empty = absent):
 * {@link #COLUMNS}. {@code nipt} is {@code T21:LOW_RISK;T18:LOW_RISK;T13:LOW_RISK}.
 */
@Service
public class ScreeningImport {

    public static final List<String> COLUMNS = List.of("womanIdNumber", "kind", "sampledOn", "reportedOn", "gestationalDays", "weightKg",
            "labInstitutionCode", "t21OneIn", "t18OneIn", "afpMom", "afpCutoff", "ntMm", "nipt", "ultrasoundAbnormal", "ultrasoundFinding",
            "externalId");
    static final List<String> REQUIRED = List.of("womanIdNumber", "kind", "sampledOn");
    public static final int MAX_ROWS = 5000;

    private final PrenatalScreens screens;
    private final Persons persons;
    private final Institutions institutions;
    private final AuditLog audit;
    private final PersonAccess access;
    private final TransactionTemplate savepoint;

    ScreeningImport(PrenatalScreens screens, Persons persons, Institutions institutions, AuditLog audit, PersonAccess access,
                    PlatformTransactionManager tm) {
        this.access = access;
        this.screens = screens;
        this.persons = persons;
        this.institutions = institutions;
        this.audit = audit;
        this.savepoint = new TransactionTemplate(tm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public record ImportReport(int rows, int high, int intermediate, int low, List<UUID> ids) {}

    @Transactional
    public ImportReport importCsv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> lines = parse(text);
        if (lines.isEmpty()) throw ApiException.badField("file", "defects.import.empty");
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        for (String h : header) if (!COLUMNS.contains(h)) throw ApiException.badField("file", "defects.import.header", String.join(",", COLUMNS));
        for (String r : REQUIRED) if (!header.contains(r)) throw ApiException.badField("file", "defects.import.header", String.join(",", COLUMNS));
        if (lines.size() < 2) throw ApiException.badField("file", "defects.import.empty");
        if (lines.size() - 1 > MAX_ROWS) throw ApiException.badField("file", "defects.import.too-many", MAX_ROWS);
        List<ApiException.FieldError> errors = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        int high = 0, intermediate = 0, low = 0;
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            Map<String, String> row = new LinkedHashMap<>();
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) continue;
            for (int c = 0; c < header.size(); c++) {
                String v = c < cells.size() ? cells.get(c).strip() : "";
                row.put(header.get(c), v.isEmpty() ? null : v);
            }
            try {
                ScreenForm f = form(row);
                Institution lab = f.labInstitutionCode() == null ? null : institutions.find(f.labInstitutionCode())
                        .orElseThrow(() -> ApiException.badField("labInstitutionCode", "defects.error.unknown-institution"));
                UUID id = savepoint.execute(s -> screens.store(f, "CSV", lab));
                ids.add(id);
                switch (screens.view(id).band()) {
                    case "HIGH" -> high++;
                    case "INTERMEDIATE" -> intermediate++;
                    default -> low++;
                }
            } catch (ApiException e) {
                for (ApiException.FieldError fe : e.fieldErrors().isEmpty() ? List.of(new ApiException.FieldError("", e.getMessage(), e.args())) : e.fieldErrors()) {
                    errors.add(new ApiException.FieldError("rows[" + line + "]" + (fe.field().isEmpty() ? "" : "." + fe.field()), fe.message(), fe.args()));
                }
            }
            if (errors.size() >= 200) break;
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "import-refused", "defects.import.row", errors, Map.of("rowsRefused", errors.size()),
                    errors.get(0).field(), errors.get(0).message());
        }
        audit.record(AuditRecord.write("IMPORT", "PrenatalScreen", "csv", null, Map.of("rows", ids.size(), "high", high)));
        return new ImportReport(ids.size(), high, intermediate, low, ids);
    }

    private ScreenForm form(Map<String, String> r) {
        String idNumber = r.get("womanIdNumber");
        if (idNumber == null) throw ApiException.badField("womanIdNumber", "defects.error.required");
        // a woman the caller's institution may not see reads exactly as one not registered: the import is no oracle of who is pregnant
        UUID woman = persons.findByDocument("RESIDENT_ID", idNumber).filter(access::canAccess)
                .orElseThrow(() -> ApiException.badField("womanIdNumber", "defects.import.unknown-person", idNumber));
        if (r.get("kind") == null) throw ApiException.badField("kind", "defects.error.required");
        Map<String, String> nipt = null;
        if (r.get("nipt") != null) {
            nipt = new LinkedHashMap<>();
            for (String part : r.get("nipt").split(";")) {
                String[] kv = part.split(":");
                if (kv.length != 2) throw ApiException.badField("nipt", "defects.screen.nipt-result");
                nipt.put(kv[0].strip(), kv[1].strip());
            }
        }
        Boolean abnormal = null;
        if (r.get("ultrasoundAbnormal") != null) {
            String a = r.get("ultrasoundAbnormal").toLowerCase(java.util.Locale.ROOT);
            if (!List.of("true", "false", "1", "0", "yes", "no").contains(a)) throw ApiException.badField("ultrasoundAbnormal", "defects.error.bad-value", a);
            abnormal = List.of("true", "1", "yes").contains(a);
        }
        return new ScreenForm(woman, null, r.get("kind"), date(r, "sampledOn"), date(r, "reportedOn"), integer(r, "gestationalDays"),
                decimal(r, "weightKg"), r.get("labInstitutionCode"), whole(r, "t21OneIn"), whole(r, "t18OneIn"), decimal(r, "afpMom"),
                decimal(r, "afpCutoff"), decimal(r, "ntMm"), nipt, r.get("ultrasoundFinding"), abnormal, null, null, r.get("externalId"));
    }

    private static LocalDate date(Map<String, String> r, String col) {
        String v = r.get(col);
        if (v == null) {
            if (col.equals("sampledOn")) throw ApiException.badField(col, "defects.error.required");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1900 || d.getYear() > 2200) throw ApiException.badField(col, "defects.import.bad-date", v);
            return d;
        } catch (DateTimeParseException e) {
            throw ApiException.badField(col, "defects.import.bad-date", v);
        }
    }

    private static BigDecimal decimal(Map<String, String> r, String col) {
        String v = r.get(col);
        if (v == null) return null;
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) throw ApiException.badField(col, "defects.import.bad-number", v);
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badField(col, "defects.import.bad-number", v);
        }
    }

    private static Long whole(Map<String, String> r, String col) {
        BigDecimal d = decimal(r, col);
        if (d == null) return null;
        if (d.stripTrailingZeros().scale() > 0) throw ApiException.badField(col, "defects.screen.one-in-positive");
        return d.longValue();
    }

    private static Integer integer(Map<String, String> r, String col) {
        BigDecimal d = decimal(r, col);
        if (d == null) return null;
        if (d.stripTrailingZeros().scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(100000)) > 0) throw ApiException.badField(col, "defects.import.bad-number", r.get(col));
        return d.intValue();
    }

    /** RFC 4180 CSV: commas, double-quoted fields with doubled quotes, CRLF or LF. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                    else quoted = false;
                } else cell.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else cell.append(ch);
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
