package cn.fuyou.hospital.web;

import cn.fuyou.hospital.Admissions;
import cn.fuyou.hospital.BedBoard;
import cn.fuyou.hospital.BedReservations;
import cn.fuyou.hospital.HospitalStatistics;
import cn.fuyou.hospital.TransferRequests;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.LocalDate;
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

@RestController
class HospitalController {

    private final BedBoard board;
    private final BedReservations reservations;
    private final TransferRequests transfers;
    private final Admissions admissions;
    private final HospitalStatistics statistics;

    HospitalController(BedBoard board, BedReservations reservations, TransferRequests transfers, Admissions admissions,
                       HospitalStatistics statistics) {
        this.board = board;
        this.reservations = reservations;
        this.transfers = transfers;
        this.admissions = admissions;
        this.statistics = statistics;
    }

    /** Staff of the hospital: wards with their beds; anyone else: capacity counts only. */
    @GetMapping("/api/hospital/bed-board")
    BedBoard.Board bedBoard(@RequestParam(required = false) String institution) {
        return board.board(institution);
    }

    @GetMapping("/api/hospital/capacity")
    List<BedBoard.NetworkCapacity> capacity() {
        return board.network();
    }

    @PostMapping("/api/hospital/beds/{id}/state")
    BedBoard.BedView moveBed(@PathVariable UUID id, @RequestBody(required = false) BedBoard.BedMove m) {
        return board.move(id, m);
    }

    @PostMapping("/api/hospital/beds/{id}/reservations")
    @ResponseStatus(HttpStatus.CREATED)
    BedReservations.Reservation reserve(@PathVariable UUID id, @RequestBody(required = false) BedReservations.NewReservation r) {
        return reservations.reserve(id, r);
    }

    @GetMapping("/api/hospital/reservations")
    List<BedReservations.Reservation> activeReservations() {
        return reservations.active();
    }

    record Version(Long version) {}

    @PostMapping("/api/hospital/reservations/{id}/cancel")
    BedReservations.Reservation cancel(@PathVariable UUID id, @RequestBody(required = false) Version v) {
        return reservations.cancel(id, v == null ? null : v.version());
    }

    @PostMapping("/api/hospital/transfer-requests")
    @ResponseStatus(HttpStatus.CREATED)
    TransferRequests.Transfer requestTransfer(@RequestBody(required = false) TransferRequests.NewTransfer t) {
        return transfers.request(t);
    }

    @GetMapping("/api/hospital/transfer-requests")
    PageResult<TransferRequests.Transfer> transferRequests(@RequestParam(required = false, defaultValue = "incoming") String direction,
                                                          @RequestParam(required = false, defaultValue = "false") boolean open,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size) {
        return transfers.mine(direction, open, PageRequest.of(page, size));
    }

    @PostMapping("/api/hospital/admissions")
    @ResponseStatus(HttpStatus.CREATED)
    Admissions.Admission admit(@RequestBody(required = false) Admissions.NewAdmission a) {
        return admissions.admit(a);
    }

    @GetMapping("/api/hospital/admissions")
    PageResult<Admissions.Admission> admissions(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return admissions.list(state, null, PageRequest.of(page, size));
    }

    @GetMapping("/api/hospital/admissions/{id}")
    Admissions.Admission admission(@PathVariable UUID id) {
        return admissions.get(id);
    }

    @PostMapping("/api/hospital/admissions/{id}/transfers")
    Admissions.Admission transfer(@PathVariable UUID id, @RequestBody(required = false) Admissions.WardTransfer t) {
        return admissions.transfer(id, t);
    }

    @PostMapping("/api/hospital/admissions/{id}/discharge")
    Admissions.Admission discharge(@PathVariable UUID id, @RequestBody(required = false) Admissions.DischargeForm f) {
        return admissions.discharge(id, f);
    }

    @GetMapping("/api/hospital/statistics")
    HospitalStatistics.Figures statistics(@RequestParam(required = false) String institution,
                                          @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return statistics.figures(institution, from, to);
    }
}
