package cn.fuyou.mother.web;

import cn.fuyou.education.EducationItem;
import cn.fuyou.mother.MotherRecords;
import cn.fuyou.mother.MotherSignIn;
import cn.fuyou.mother.MyRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The mother's app API (/api/mother/**): her session only (access/mother.json names MOTHER here and nowhere else). */
@RestController
class MotherAppController {

    private final MotherSignIn signIn;
    private final MotherRecords records;

    MotherAppController(MotherSignIn signIn, MotherRecords records) {
        this.signIn = signIn;
        this.records = records;
    }

    @PostMapping("/api/mother/auth/activate")
    MotherSignIn.Me activate(@RequestBody(required = false) MotherSignIn.Activation a, HttpServletRequest req, HttpServletResponse res) {
        return signIn.activate(a, req, res);
    }

    @PostMapping("/api/mother/auth/login")
    MotherSignIn.Me login(@RequestBody(required = false) MotherSignIn.Credentials c, HttpServletRequest req, HttpServletResponse res) {
        return signIn.signIn(c, req, res);
    }

    @PostMapping("/api/mother/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest req) {
        signIn.signOut(req);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/mother/me")
    MotherSignIn.Me me() {
        return signIn.me(signIn.current());
    }

    @GetMapping("/api/mother/home")
    MyRecord.Home home() {
        return records.home(signIn.current());
    }

    @GetMapping("/api/mother/pregnancy")
    MyRecord.Pregnancy pregnancy() {
        return records.pregnancy(signIn.current());
    }

    @GetMapping("/api/mother/children/{id}")
    MyRecord.Child child(@PathVariable UUID id) {
        return records.child(signIn.current(), id);
    }

    @GetMapping("/api/mother/education")
    MyRecord.Education education(@RequestHeader(value = "Accept-Language", required = false) String language) {
        return records.education(signIn.current(), language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh-CN");
    }

    @GetMapping("/api/mother/education/{id}")
    EducationItem item(@PathVariable UUID id) {
        return records.item(signIn.current(), id);
    }

    @GetMapping("/api/mother/education/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        signIn.current();
        var f = records.handbook(id);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(f.type()))
                .header("X-Content-Type-Options", "nosniff")
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    @GetMapping("/api/mother/inbox")
    List<MyRecord.Message> inbox() {
        return records.inbox(signIn.current());
    }

    @PostMapping("/api/mother/inbox/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        records.markRead(signIn.current(), id);
        return ResponseEntity.noContent().build();
    }
}
