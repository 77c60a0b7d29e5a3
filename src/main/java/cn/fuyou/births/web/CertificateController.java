package cn.fuyou.births.web;

import cn.fuyou.births.BirthCertificate;
import cn.fuyou.births.BirthCertificates;
import cn.fuyou.births.CertificateForms;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Birth medical certificates: stock, issued certificates, PDF, void, reissue, lookup by number. */
@RestController
class CertificateController {

    private final BirthCertificates certificates;

    CertificateController(BirthCertificates certificates) {
        this.certificates = certificates;
    }

    @PostMapping("/api/birth-certificates/stock")
    @ResponseStatus(HttpStatus.CREATED)
    BirthCertificates.StockRange receive(@Valid @RequestBody CertificateForms.StockReceipt r) {
        return certificates.receive(r);
    }

    @GetMapping("/api/birth-certificates/stock")
    BirthCertificates.StockOverview stock(@RequestParam(required = false) String institution) {
        return certificates.stock(institution);
    }

    @GetMapping("/api/birth-certificates/blanks")
    PageResult<BirthCertificates.Blank> blanks(@RequestParam(required = false) String status,
                                               @RequestParam(required = false) String institution,
                                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return certificates.blanks(status, institution, PageRequest.of(page, size));
    }

    @PostMapping("/api/birth-certificates/blanks/{number}/void")
    BirthCertificates.Blank voidBlank(@PathVariable String number, @Valid @RequestBody CertificateForms.Reason r) {
        return certificates.voidBlank(number, r.reason());
    }

    @GetMapping("/api/birth-certificates")
    PageResult<BirthCertificate> issued(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return certificates.issued(q, PageRequest.of(page, size));
    }

    @GetMapping("/api/birth-certificates/lookup")
    BirthCertificates.Verification lookup(@RequestParam(required = false) String number) {
        return certificates.lookup(number);
    }

    @GetMapping("/api/birth-certificates/{id}")
    BirthCertificate open(@PathVariable UUID id) {
        return certificates.open(id);
    }

    @GetMapping("/api/birth-certificates/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] body = certificates.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("birth-certificate-" + id + ".pdf").build().toString())
                .body(body);
    }

    @PostMapping("/api/birth-certificates/{id}/void")
    BirthCertificate voidCertificate(@PathVariable UUID id, @Valid @RequestBody CertificateForms.Reason r) {
        return certificates.voidCertificate(id, r);
    }

    @PostMapping("/api/birth-certificates/{id}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    BirthCertificate reissue(@PathVariable UUID id, @Valid @RequestBody CertificateForms.Reissue r) {
        return certificates.reissue(id, r);
    }
}
