package cn.fuyou.criticalcare.web;

import cn.fuyou.criticalcare.CaseReviews;
import cn.fuyou.criticalcare.CriticalCareStatistics;
import cn.fuyou.criticalcare.CriticalCases;
import cn.fuyou.criticalcare.DeathReports;
import cn.fuyou.criticalcare.IcdMmGroup;
import cn.fuyou.criticalcare.InterviewNotices;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CriticalCareController {

    private final CriticalCases cases;
    private final DeathReports deaths;
    private final CaseReviews reviews;
    private final InterviewNotices notices;
    private final CriticalCareStatistics statistics;

    private final java.time.Clock clock;

    CriticalCareController(CriticalCases cases, DeathReports deaths, CaseReviews reviews, InterviewNotices notices,
                           CriticalCareStatistics statistics, java.time.Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.deaths = deaths;
        this.reviews = reviews;
        this.notices = notices;
        this.statistics = statistics;
    }

    // ---- critical cases

    @PostMapping("/api/critical-cases")
    @ResponseStatus(HttpStatus.CREATED)
    CriticalCases.CaseView report(@Valid @RequestBody CriticalCases.NewCase c) {
        return cases.report(c);
    }

    @GetMapping("/api/critical-cases")
    PageResult<CriticalCases.CaseItem> list(@RequestParam(required = false) String state, @RequestParam(required = false) String classification,
                                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return cases.list(state, classification, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/critical-cases/{id}")
    CriticalCases.CaseView get(@PathVariable UUID id) {
        return cases.get(id);
    }

    @PostMapping("/api/critical-cases/{id}/assessments")
    CriticalCases.CaseView assess(@PathVariable UUID id, @Valid @RequestBody CriticalCases.Assessment a) {
        return cases.assess(id, a);
    }

    @PostMapping("/api/critical-cases/{id}/team")
    CriticalCases.CaseView team(@PathVariable UUID id, @Valid @RequestBody CriticalCases.TeamMember m) {
        return cases.addTeamMember(id, m);
    }

    @PutMapping("/api/critical-cases/{id}/interventions")
    CriticalCases.CaseView interventions(@PathVariable UUID id, @Valid @RequestBody CriticalCases.Interventions i) {
        return cases.recordInterventions(id, i);
    }

    @PostMapping("/api/critical-cases/{id}/notes")
    CriticalCases.CaseView note(@PathVariable UUID id, @Valid @RequestBody CriticalCases.Note n) {
        return cases.note(id, n);
    }

    @PostMapping("/api/critical-cases/{id}/outcome")
    CriticalCases.CaseView outcome(@PathVariable UUID id, @Valid @RequestBody CriticalCases.Outcome o) {
        return cases.recordOutcome(id, o);
    }

    // ---- maternal death reports

    @PostMapping("/api/maternal-deaths")
    @ResponseStatus(HttpStatus.CREATED)
    DeathReports.DeathReportView openDeath(@Valid @RequestBody DeathReports.ManualOpening m) {
        return deaths.open(m);
    }

    @GetMapping("/api/maternal-deaths")
    PageResult<DeathReports.DeathItem> deaths(@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
                                              @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return deaths.list(overdue, escalated, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/maternal-deaths/{id}")
    DeathReports.DeathReportView death(@PathVariable UUID id) {
        return deaths.get(id);
    }

    @PutMapping("/api/maternal-deaths/{id}")
    DeathReports.DeathReportView card(@PathVariable UUID id, @Valid @RequestBody DeathReports.Card c) {
        return deaths.updateCard(id, c);
    }

    @PostMapping("/api/maternal-deaths/{id}/report")
    DeathReports.DeathReportView submit(@PathVariable UUID id, @Valid @RequestBody DeathReports.Submission s) {
        return deaths.report(id, s);
    }

    record Group(String code, int number, String type, String nameZh, String nameEn, boolean maternal) {}

    @GetMapping("/api/maternal-deaths/icd-mm-groups")
    List<Group> groups() {
        return Arrays.stream(IcdMmGroup.values()).map(g -> new Group(g.name(), g.number(), g.type().name(), g.nameZh(), g.nameEn(), g.maternal()))
                .toList();
    }

    // ---- reviews and their actions

    @PostMapping("/api/case-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    CaseReviews.ReviewView createReview(@Valid @RequestBody CaseReviews.NewReview r) {
        return reviews.create(r);
    }

    @GetMapping("/api/case-reviews")
    PageResult<CaseReviews.ReviewItem> reviews(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return reviews.list(status, PageRequest.of(page, size));
    }

    @GetMapping("/api/case-reviews/{id}")
    CaseReviews.ReviewView review(@PathVariable UUID id) {
        return reviews.get(id);
    }

    record Version(@NotNull(message = "版本号必填 / version is required") Long version) {}

    @PostMapping("/api/case-reviews/{id}/evidence")
    CaseReviews.ReviewView evidence(@PathVariable UUID id, @Valid @RequestBody Version v) {
        return reviews.refreshEvidence(id, v.version());
    }

    @PostMapping("/api/case-reviews/{id}/conclusion")
    CaseReviews.ReviewView conclude(@PathVariable UUID id, @Valid @RequestBody CaseReviews.Conclusion c) {
        return reviews.conclude(id, c);
    }

    @GetMapping("/api/review-actions")
    PageResult<CaseReviews.ActionView> actions(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
                                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reviews.actions(status, overdue, PageRequest.of(page, size));
    }

    @PostMapping("/api/review-actions/{id}/progress")
    CaseReviews.ActionView progress(@PathVariable UUID id, @Valid @RequestBody CaseReviews.ActionUpdate u) {
        return reviews.progress(id, u);
    }

    @PostMapping("/api/review-actions/{id}/close")
    CaseReviews.ActionView closeAction(@PathVariable UUID id, @Valid @RequestBody CaseReviews.ActionUpdate u) {
        return reviews.close(id, u);
    }

    // ---- interviews and notices

    @PostMapping("/api/interview-notices")
    @ResponseStatus(HttpStatus.CREATED)
    InterviewNotices.NoticeView issue(@Valid @RequestBody InterviewNotices.NewNotice n) {
        return notices.issue(n);
    }

    @GetMapping("/api/interview-notices")
    PageResult<InterviewNotices.NoticeView> notices(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        return notices.list(status, PageRequest.of(page, size));
    }

    @GetMapping("/api/interview-notices/{id}")
    InterviewNotices.NoticeView notice(@PathVariable UUID id) {
        return notices.get(id);
    }

    @PostMapping("/api/interview-notices/{id}/response")
    InterviewNotices.NoticeView respond(@PathVariable UUID id, @Valid @RequestBody InterviewNotices.Reply r) {
        return notices.respond(id, r);
    }

    @PostMapping("/api/interview-notices/{id}/close")
    InterviewNotices.NoticeView closeNotice(@PathVariable UUID id, @Valid @RequestBody InterviewNotices.Reply r) {
        return notices.close(id, r);
    }

    // ---- statistics

    @GetMapping("/api/critical-care/statistics")
    CriticalCareStatistics.Statistics statistics(@RequestParam(defaultValue = "500000") String area, @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to) {
        LocalDate t = to == null ? cn.fuyou.shared.ChinaTime.today(clock) : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        if (java.time.temporal.ChronoUnit.DAYS.between(f, t) > 3660) throw ApiException.badField("from", "期间不超过10年 / at most 10 years");
        return statistics.compute(area, f, t);
    }
}
