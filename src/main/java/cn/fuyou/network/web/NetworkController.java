package cn.fuyou.network.web;

import cn.fuyou.network.Consultations;
import cn.fuyou.network.CriticalCareCentres;
import cn.fuyou.network.InboxStreams;
import cn.fuyou.network.ReferralFollowUps;
import cn.fuyou.network.ReferralInbox;
import cn.fuyou.network.ReferralMoves;
import cn.fuyou.network.ReferralRequests;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Areas;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class NetworkController {

    private final Referrals referrals;
    private final ReferralRequests requests;
    private final ReferralMoves moves;
    private final ReferralFollowUps followUps;
    private final ReferralInbox inbox;
    private final Consultations consultations;
    private final CriticalCareCentres centres;
    private final InboxStreams streams;
    private final Areas areas;

    NetworkController(Referrals referrals, ReferralRequests requests, ReferralMoves moves, ReferralFollowUps followUps, ReferralInbox inbox, Consultations consultations, CriticalCareCentres centres, InboxStreams streams, Areas areas) {
        this.referrals = referrals;
        this.requests = requests;
        this.moves = moves;
        this.followUps = followUps;
        this.inbox = inbox;
        this.consultations = consultations;
        this.centres = centres;
        this.streams = streams;
        this.areas = areas;
    }

    record Centre(String institutionCode, String nameZh, String nameEn, int level, String areaCode) {}

    /** Public, as the health commission publishes it: the designated critical maternal care centre for an area. */
    @GetMapping("/api/network/critical-care-centres")
    Centre centre(@RequestParam String area) {
        if (areas.find(area).isEmpty()) throw ApiException.notFound("area", area);
        return centres.maternalCentreFor(area).map(i -> new Centre(i.code(), i.nameZh(), i.nameEn(), i.level(), i.areaCode()))
                .orElseThrow(() -> ApiException.notFound("critical maternal care centre for area", area));
    }

    @PostMapping("/api/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Referrals.ReferralView create(@Valid @RequestBody Referrals.NewReferral r) {
        return requests.create(r);
    }

    @GetMapping("/api/referrals/{id}")
    Referrals.ReferralView get(@PathVariable UUID id) {
        return referrals.get(id);
    }

    @PostMapping("/api/referrals/{id}/moves")
    Referrals.ReferralView move(@PathVariable UUID id, @Valid @RequestBody Referrals.Move m) {
        return moves.move(id, m);
    }

    record FollowUp(String note) {}

    @PostMapping("/api/referrals/{id}/follow-up")
    Referrals.ReferralView followUp(@PathVariable UUID id, @RequestBody FollowUp f) {
        return followUps.followUp(id, f.note());
    }

    @GetMapping("/api/network/inbox")
    PageResult<Referrals.InboxItem> inbox(@RequestParam(required = false, defaultValue = "incoming") String direction,
                                          @RequestParam(required = false) String state,
                                          @RequestParam(required = false) Boolean overdue,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return inbox.inbox(direction, state, overdue, PageRequest.of(page, size));
    }

    @GetMapping(value = "/api/network/inbox/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return streams.open(CurrentActor.get().institutionId());
    }

    @GetMapping("/api/network/follow-ups")
    List<Referrals.InboxItem> followUps() {
        return followUps.overdueFollowUps();
    }

    @PostMapping("/api/network/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    Consultations.View ask(@Valid @RequestBody Consultations.NewConsultation c) {
        return consultations.ask(c);
    }

    @GetMapping("/api/network/consultations")
    List<Consultations.View> consultations(@RequestParam(required = false, defaultValue = "incoming") String direction) {
        return consultations.mine(direction);
    }

    @GetMapping("/api/network/consultations/{id}")
    Consultations.View consultation(@PathVariable UUID id) {
        return consultations.open(id);
    }

    record Text(String body) {}

    @PostMapping("/api/network/consultations/{id}/messages")
    Consultations.View message(@PathVariable UUID id, @RequestBody Text t) {
        return consultations.post(id, t.body());
    }

    @PostMapping("/api/network/consultations/{id}/opinion")
    Consultations.View opinion(@PathVariable UUID id, @RequestBody Text t) {
        return consultations.answer(id, t.body());
    }
}
