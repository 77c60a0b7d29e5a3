package cn.fuyou.maternal.web;

import cn.fuyou.maternal.MaternalWorklists;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WorklistController {

    private final MaternalWorklists worklists;
    private final cn.fuyou.audit.AuditLog audit;

    WorklistController(MaternalWorklists worklists, cn.fuyou.audit.AuditLog audit) {
        this.worklists = worklists;
        this.audit = audit;
    }

    @GetMapping("/api/maternal/worklist")
    PageResult<MaternalWorklists.Item> worklist(@RequestParam(required = false) String kind,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String colour,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return worklists.worklist(new MaternalWorklists.Filter(kind, status, colour, q), PageRequest.of(page, size));
    }

    /** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese names correctly. */
    @GetMapping(value = "/api/maternal/worklist.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String colour, @RequestParam(required = false) String q) {
        var items = worklists.all(new MaternalWorklists.Filter(kind, status, colour, q));
        // an export is a read of every woman in it (issue 15 §5): one row naming them all, channel EXPORT
        audit.recordIndependently(cn.fuyou.audit.AuditRecord.list("EXPORT", "Worklist",
                items.stream().map(MaternalWorklists.Item::personId).collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                java.util.Map.of("format", "csv", "results", items.size())));
        String csv = "\uFEFF类型 kind,姓名 name,风险 colour,传染病 purple,事项 item,开始 due from,截止 due until,状态 status\n"
                + items.stream().map(i -> String.join(",", i.kind(), quote(i.personName()), String.valueOf(i.colour()),
                        i.purple() ? "是" : "", quote(i.labelZh()), String.valueOf(i.dueFrom()), String.valueOf(i.dueUntil()),
                        i.status())).collect(Collectors.joining("\n"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"worklist.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/maternal/cases")
    PageResult<MaternalWorklists.CaseItem> cases(@RequestParam(required = false) String district,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return worklists.cases(district, status, PageRequest.of(page, size));
    }

    private static String quote(String s) {
        if (s == null) return "";
        String safe = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
